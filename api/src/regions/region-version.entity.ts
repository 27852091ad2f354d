import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RegionEntity } from './region.entity';

// A region's name, parent and path over time, for regions that were moved or renamed
// (migration EffectiveDatedRegistry, region-history.service.ts).
@Entity('region_version')
@Unique('region_version_start', ['provinceCode', 'regionCode', 'validFrom'])
@Check('region_version_order', 'valid_to is null or valid_to >= valid_from')
@Check('region_version_province', 'province_code = left(region_code, 2)')
@Index('region_version_region_idx', ['regionCode', 'validFrom'])
export class RegionVersionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'region_version_region_code_fkey' })
  region?: RegionEntity;

  @Column({ name: 'province_code', type: 'char', length: 2 })
  provinceCode!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ name: 'parent_code', type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'region_version_parent_code_fkey' })
  parent?: RegionEntity;

  @Column({ type: 'varchar', length: 80, collation: 'C' })
  path!: string;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;
}
