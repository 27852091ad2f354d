import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { SizeClass } from '@registry/domain';
import { EnterpriseIncidentEntity } from './enterprise-incident.entity';

// numeric columns come back from pg as strings; keep them numbers in the app.
export const numericTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity('enterprise')
export class EnterpriseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'credit_code', type: 'varchar' })
  creditCode!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ name: 'region_code', type: 'varchar' })
  regionCode!: string;

  @Column({ name: 'region_path', type: 'varchar' })
  regionPath!: string;

  @Column({ name: 'industry_code', type: 'varchar' })
  industryCode!: string;

  @Column({ name: 'industry_section', type: 'char' })
  industrySection!: string;

  @Column({ type: 'integer' })
  employees!: number;

  @Column({ type: 'numeric', transformer: numericTransformer })
  revenue!: number;

  @Column({ type: 'numeric', nullable: true, transformer: numericTransformer })
  assets!: number | null;

  @Column({ name: 'public_owned', type: 'boolean' })
  publicOwned!: boolean;

  @Column({ name: 'social_organization', type: 'boolean' })
  socialOrganization!: boolean;

  @Column({ name: 'derived_size_class', type: 'varchar' })
  derivedSizeClass!: SizeClass;

  @Column({ name: 'size_override', type: 'varchar', nullable: true })
  sizeOverride!: SizeClass | null;

  @Column({ name: 'size_override_reason', type: 'varchar', nullable: true })
  sizeOverrideReason!: string | null;

  @Column({ name: 'size_class', type: 'varchar', generatedType: 'STORED', asExpression: 'coalesce(size_override, derived_size_class)' })
  sizeClass!: SizeClass;

  @Column({ name: 'registered_on', type: 'date' })
  registeredOn!: string;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** the year of the figures above (enterprise_year_figures holds every year's) */
  @Column({ name: 'figures_year', type: 'smallint' })
  figuresYear!: number;

  /** the day `active` took its value: registered, closed or reopened on (enterprise_period) */
  @Column({ name: 'status_since', type: 'date' })
  statusSince!: string;

  @Column({ type: 'integer' })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @OneToMany(() => EnterpriseIncidentEntity, (incident) => incident.enterprise)
  incidents?: EnterpriseIncidentEntity[];
}
