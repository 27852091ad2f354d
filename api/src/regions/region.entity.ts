import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('region')
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar' })
  code!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar' })
  level!: 'PROVINCE' | 'UNIT' | 'COUNTY' | 'TOWNSHIP';

  @Column({ name: 'parent_code', type: 'varchar', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'varchar' })
  path!: string;

  @Column({ type: 'boolean' })
  synthetic!: boolean;
}
