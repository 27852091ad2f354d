import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import type { SizeClass } from '@registry/domain';
import { EnterpriseIncidentEntity } from './enterprise-incident.entity';
import { RegionEntity } from '../regions/region.entity';

// numeric columns come back from pg as strings; keep them numbers in the app.
export const numericTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

const SIZE_CLASSES = `('LARGE', 'MEDIUM', 'SMALL', 'MICRO')`;

// The table as the migrations build it (RegistryCore, ListIndexes, AnalyticsRollups,
// EffectiveDatedRegistry, ProvinceCode); schema-drift.test.ts holds the two together.
@Entity('enterprise')
@Unique('enterprise_credit_code_key', ['creditCode'])
@Check('enterprise_employees_check', 'employees >= 0')
@Check('enterprise_revenue_check', 'revenue >= 0')
@Check('enterprise_assets_check', 'assets >= 0')
@Check('enterprise_derived_size_class_check', `derived_size_class in ${SIZE_CLASSES}`)
@Check('enterprise_size_override_check', `size_override in ${SIZE_CLASSES}`)
@Check('enterprise_override_reason', 'size_override is null or length(trim(size_override_reason)) > 0')
@Index('enterprise_path_idx', ['regionPath'])
@Index('enterprise_region_code_idx', ['regionCode'])
@Index('enterprise_size_path_idx', ['sizeClass', 'regionPath'])
@Index('enterprise_name_order_idx', ['name', 'id'])
// gin (name gin_trgm_ops): an operator class TypeORM cannot declare
@Index('enterprise_name_trgm_idx', { synchronize: false })
export class EnterpriseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'credit_code', type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'enterprise_region_code_fkey' })
  region?: RegionEntity;

  @Column({ name: 'region_path', type: 'varchar', length: 80, collation: 'C' })
  regionPath!: string;

  /** left(region_code, 2), stored by the database (migration ProvinceCode); never written, not read by default */
  @Column({ name: 'province_code', type: 'char', length: 2, generatedType: 'STORED', asExpression: 'left(region_code, 2)::char(2)', select: false, insert: false, update: false })
  readonly provinceCode?: string;

  @Column({ name: 'industry_code', type: 'varchar', length: 8 })
  industryCode!: string;

  @Column({ name: 'industry_section', type: 'char', length: 1 })
  industrySection!: string;

  @Column({ type: 'integer' })
  employees!: number;

  @Column({ type: 'numeric', precision: 16, scale: 2, transformer: numericTransformer })
  revenue!: number;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericTransformer })
  assets!: number | null;

  @Column({ name: 'public_owned', type: 'boolean' })
  publicOwned!: boolean;

  @Column({ name: 'social_organization', type: 'boolean', default: false })
  socialOrganization!: boolean;

  @Column({ name: 'derived_size_class', type: 'varchar', length: 6 })
  derivedSizeClass!: SizeClass;

  @Column({ name: 'size_override', type: 'varchar', length: 6, nullable: true })
  sizeOverride!: SizeClass | null;

  @Column({ name: 'size_override_reason', type: 'varchar', length: 500, nullable: true })
  sizeOverrideReason!: string | null;

  /** never null in practice: derived_size_class is not null (the generated column is declared nullable) */
  @Column({
    name: 'size_class',
    type: 'varchar',
    length: 6,
    nullable: true,
    generatedType: 'STORED',
    asExpression: 'coalesce(size_override, derived_size_class)',
  })
  sizeClass!: SizeClass;

  /** the default is China's date (migration EntitiesMatchSchema); every writer gives it */
  @Column({ name: 'registered_on', type: 'date', default: () => 'china_today()' })
  registeredOn!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** the year of the figures above (enterprise_year_figures holds every year's) */
  @Column({ name: 'figures_year', type: 'smallint' })
  figuresYear!: number;

  /** the day `active` took its value: registered, closed or reopened on (enterprise_period) */
  @Column({ name: 'status_since', type: 'date' })
  statusSince!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => EnterpriseIncidentEntity, (incident) => incident.enterprise)
  incidents?: EnterpriseIncidentEntity[];
}
