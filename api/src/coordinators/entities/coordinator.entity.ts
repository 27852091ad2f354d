import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { EnterpriseEntity } from '../../enterprises/enterprise.entity';
import { RegionEntity } from '../../regions/region.entity';

export type CoordinatorAffiliation = 'ENTERPRISE' | 'TRIPARTITE' | 'GRASSROOTS' | 'OTHER';
export type CoordinatorStatus = 'ACTIVE' | 'LEFT';

// The table as the migrations build it (RegistryCore, ListIndexes, AnalyticsRollups,
// EffectiveDatedRegistry, ProvinceCode, DataQualityRules); schema-drift.test.ts holds the two together.
@Entity('coordinator')
@Unique('coordinator_id_number_hash_key', ['idNumberHash'])
@Check('coordinator_gender_check', `gender in ('MALE', 'FEMALE')`)
@Check('coordinator_category_check', 'category between 1 and 6')
@Check('coordinator_affiliation_check', `affiliation in ('ENTERPRISE', 'TRIPARTITE', 'GRASSROOTS', 'OTHER')`)
@Check('coordinator_status_check', `status in ('ACTIVE', 'LEFT')`)
@Check('coordinator_left_after_joined', 'left_on is null or left_on >= joined_on')
@Index('coordinator_path_idx', ['regionPath'])
@Index('coordinator_path_name_idx', ['regionPath', 'name', 'id'])
@Index('coordinator_enterprise_idx', ['enterpriseId'])
@Index('coordinator_region_code_idx', ['regionCode'])
@Index('coordinator_name_order_idx', ['name', 'id'])
@Index('coordinator_updated_idx', ['updatedAt'])
// gin (name gin_trgm_ops): an operator class TypeORM cannot declare
@Index('coordinator_name_trgm_idx', { synchronize: false })
export class CoordinatorEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 6 })
  gender!: 'MALE' | 'FEMALE';

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  // The ID number never sits here in plain text: AES-256-GCM ciphertext + key id, a keyed
  // hash for uniqueness and lookup, and the masked form for display.
  @Column({ name: 'id_number_cipher', type: 'text', select: false })
  idNumberCipher!: string;

  @Column({ name: 'id_number_key_id', type: 'varchar', length: 20, select: false })
  idNumberKeyId!: string;

  @Column({ name: 'id_number_hash', type: 'char', length: 64, select: false })
  idNumberHash!: string;

  @Column({ name: 'id_number_masked', type: 'varchar', length: 18 })
  idNumberMasked!: string;

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  /** 三(一) 1–6 */
  @Column({ type: 'smallint' })
  category!: number;

  @Column({ type: 'varchar', length: 12 })
  affiliation!: CoordinatorAffiliation;

  @Column({ name: 'tripartite_or_grassroots', type: 'boolean' })
  tripartiteOrGrassroots!: boolean;

  @Column({ name: 'enterprise_id', type: 'bigint', nullable: true })
  enterpriseId!: string | null;

  @ManyToOne(() => EnterpriseEntity)
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'coordinator_enterprise_id_fkey' })
  enterprise?: EnterpriseEntity;

  @Column({ name: 'unit_name', type: 'varchar', length: 200, nullable: true })
  unitName!: string | null;

  @Column({ name: 'region_code', type: 'varchar', length: 12 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'coordinator_region_code_fkey' })
  region?: RegionEntity;

  @Column({ name: 'region_path', type: 'varchar', length: 80, collation: 'C' })
  regionPath!: string;

  /** left(region_code, 2), stored by the database (migration ProvinceCode); never written, not read by default */
  @Column({ name: 'province_code', type: 'char', length: 2, generatedType: 'STORED', asExpression: 'left(region_code, 2)::char(2)', select: false, insert: false, update: false })
  readonly provinceCode?: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  post!: string | null;

  @Column({ type: 'varchar', length: 6, default: 'ACTIVE' })
  status!: CoordinatorStatus;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn!: string | null;

  /** the current assignment's first day (coordinator_assignment) */
  @Column({ name: 'assigned_on', type: 'date' })
  assignedOn!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /**
   * Not a column: the employer, when the statement that read this row joined it (null: none,
   * or outside the reader's jurisdiction); undefined when it was not read.
   */
  employer?: EnterpriseEntity | null;
}
