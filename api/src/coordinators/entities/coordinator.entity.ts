import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { EnterpriseEntity } from '../../enterprises/enterprise.entity';

export type CoordinatorAffiliation = 'ENTERPRISE' | 'TRIPARTITE' | 'GRASSROOTS' | 'OTHER';
export type CoordinatorStatus = 'ACTIVE' | 'LEFT';

@Entity('coordinator')
export class CoordinatorEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'varchar' })
  name!: string;

  @Column({ type: 'varchar' })
  gender!: 'MALE' | 'FEMALE';

  @Column({ name: 'birth_date', type: 'date' })
  birthDate!: string;

  // The ID number never sits here in plain text: AES-256-GCM ciphertext + key id, a keyed
  // hash for uniqueness and lookup, and the masked form for display.
  @Column({ name: 'id_number_cipher', type: 'text', select: false })
  idNumberCipher!: string;

  @Column({ name: 'id_number_key_id', type: 'varchar', select: false })
  idNumberKeyId!: string;

  @Column({ name: 'id_number_hash', type: 'char', select: false })
  idNumberHash!: string;

  @Column({ name: 'id_number_masked', type: 'varchar' })
  idNumberMasked!: string;

  @Column({ type: 'varchar', nullable: true })
  phone!: string | null;

  /** 三(一) 1–6 */
  @Column({ type: 'smallint' })
  category!: number;

  @Column({ type: 'varchar' })
  affiliation!: CoordinatorAffiliation;

  @Column({ name: 'tripartite_or_grassroots', type: 'boolean' })
  tripartiteOrGrassroots!: boolean;

  @Column({ name: 'enterprise_id', type: 'bigint', nullable: true })
  enterpriseId!: string | null;

  @Column({ name: 'unit_name', type: 'varchar', nullable: true })
  unitName!: string | null;

  @Column({ name: 'region_code', type: 'varchar' })
  regionCode!: string;

  @Column({ name: 'region_path', type: 'varchar' })
  regionPath!: string;

  @Column({ type: 'varchar', nullable: true })
  post!: string | null;

  @Column({ type: 'varchar' })
  status!: CoordinatorStatus;

  @Column({ name: 'joined_on', type: 'date' })
  joinedOn!: string;

  @Column({ name: 'left_on', type: 'date', nullable: true })
  leftOn!: string | null;

  /** the current assignment's first day (coordinator_assignment) */
  @Column({ name: 'assigned_on', type: 'date' })
  assignedOn!: string;

  @Column({ type: 'integer' })
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
