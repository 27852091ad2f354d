import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

@Entity('region')
@Unique('region_path_key', ['path'])
@Check('region_level_check', `level in ('PROVINCE', 'UNIT', 'COUNTY', 'TOWNSHIP')`)
@Index('region_parent_idx', ['parentCode'])
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 12, primaryKeyConstraintName: 'region_pkey' })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 10 })
  level!: 'PROVINCE' | 'UNIT' | 'COUNTY' | 'TOWNSHIP';

  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'region_parent_code_fkey' })
  parent?: RegionEntity;

  @Column({ type: 'varchar', length: 80, collation: 'C' })
  path!: string;

  @Column({ type: 'boolean', default: false })
  synthetic!: boolean;
}
