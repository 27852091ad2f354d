import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { SizeClass } from '@registry/domain';
import { EnterpriseEntity, numericTransformer } from './enterprise.entity';

const SIZE_CLASSES = `('LARGE', 'MEDIUM', 'SMALL', 'MICRO')`;

// An enterprise's figures per year and the spans it was open (migration EffectiveDatedRegistry).
@Entity('enterprise_year_figures')
@Unique('enterprise_year_figures_key', ['provinceCode', 'enterpriseId', 'year'])
@Check('enterprise_year_figures_employees_check', 'employees >= 0')
@Check('enterprise_year_figures_revenue_check', 'revenue >= 0')
@Check('enterprise_year_figures_assets_check', 'assets >= 0')
@Check('enterprise_year_figures_derived_size_class_check', `derived_size_class in ${SIZE_CLASSES}`)
@Check('enterprise_year_figures_size_override_check', `size_override in ${SIZE_CLASSES}`)
@Check('enterprise_year_figures_override_reason', 'size_override is null or length(trim(size_override_reason)) > 0')
@Check('enterprise_year_figures_size_class', 'size_class = coalesce(size_override, derived_size_class)')
export class EnterpriseYearFiguresEntity {
  @PrimaryColumn({ name: 'enterprise_id', type: 'bigint', primaryKeyConstraintName: 'enterprise_year_figures_pkey' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'enterprise_year_figures_enterprise_id_fkey' })
  enterprise?: EnterpriseEntity;

  @PrimaryColumn({ type: 'smallint', primaryKeyConstraintName: 'enterprise_year_figures_pkey' })
  year!: number;

  @Column({ name: 'province_code', type: 'char', length: 2 })
  provinceCode!: string;

  @Column({ type: 'integer' })
  employees!: number;

  @Column({ type: 'numeric', precision: 16, scale: 2, transformer: numericTransformer })
  revenue!: number;

  @Column({ type: 'numeric', precision: 16, scale: 2, nullable: true, transformer: numericTransformer })
  assets!: number | null;

  @Column({ name: 'derived_size_class', type: 'varchar', length: 6 })
  derivedSizeClass!: SizeClass;

  @Column({ name: 'size_override', type: 'varchar', length: 6, nullable: true })
  sizeOverride!: SizeClass | null;

  @Column({ name: 'size_override_reason', type: 'varchar', length: 500, nullable: true })
  sizeOverrideReason!: string | null;

  @Column({ name: 'size_class', type: 'varchar', length: 6 })
  sizeClass!: SizeClass;
}

@Entity('enterprise_period')
@Unique('enterprise_period_start', ['provinceCode', 'enterpriseId', 'openFrom'])
@Check('enterprise_period_order', 'open_to is null or open_to >= open_from')
@Index('enterprise_period_enterprise_idx', ['enterpriseId'])
export class EnterprisePeriodEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'enterprise_id', type: 'bigint' })
  enterpriseId!: string;

  @ManyToOne(() => EnterpriseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'enterprise_period_enterprise_id_fkey' })
  enterprise?: EnterpriseEntity;

  @Column({ name: 'province_code', type: 'char', length: 2 })
  provinceCode!: string;

  @Column({ name: 'open_from', type: 'date' })
  openFrom!: string;

  /** the last day open; null: open now */
  @Column({ name: 'open_to', type: 'date', nullable: true })
  openTo!: string | null;
}
