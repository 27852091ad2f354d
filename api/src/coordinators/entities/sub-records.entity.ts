import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EnterpriseEntity } from '../../enterprises/enterprise.entity';
import { RegionEntity } from '../../regions/region.entity';
import { UserEntity } from '../../users/user.entity';
import type { WorkRecordKind, WorkRecordOutcome } from '@registry/domain';
import { numericTransformer } from '../../enterprises/enterprise.entity';
import { CoordinatorEntity } from './coordinator.entity';

// The dated sub-records of a coordinator (SPEC.md "Coordinators"). Each row belongs to one
// coordinator and is replaced as a set when the coordinator is saved. The tables as migration
// RegistryCore builds them (schema-drift.test.ts).

@Entity('certificate')
@Check('certificate_level_check', 'level between 1 and 5')
@Index('certificate_coordinator_idx', ['coordinatorId'])
export class CertificateEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'certificate_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;
  @Column({ type: 'varchar', length: 100 }) occupation!: string;
  /** 5 = 五级/初级工 … 1 = 一级/高级技师; null for a titled certificate (社会工作师 …) */
  @Column({ type: 'smallint', nullable: true }) level!: number | null;
  @Column({ type: 'varchar', length: 100, nullable: true }) title!: string | null;
  @Column({ name: 'certificate_number', type: 'varchar', length: 64, nullable: true }) certificateNumber!: string | null;
  @Column({ type: 'varchar', length: 200, nullable: true }) issuer!: string | null;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn!: string;
}

@Entity('education')
@Check('education_level_check', `level in ('SECONDARY_OR_BELOW', 'JUNIOR_COLLEGE', 'BACHELOR', 'MASTER', 'DOCTOR')`)
@Index('education_coordinator_idx', ['coordinatorId'])
export class EducationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'education_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;
  @Column({ type: 'varchar', length: 20 }) level!: 'SECONDARY_OR_BELOW' | 'JUNIOR_COLLEGE' | 'BACHELOR' | 'MASTER' | 'DOCTOR';
  @Column({ type: 'varchar', length: 100 }) major!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) school!: string | null;
  @Column({ name: 'graduated_on', type: 'date', nullable: true }) graduatedOn!: string | null;
}

@Entity('work_period')
@Check('work_period_order', 'end_on is null or end_on >= start_on')
@Index('work_period_coordinator_idx', ['coordinatorId'])
export class WorkPeriodEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'work_period_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;
  @Column({ name: 'start_on', type: 'date' }) start!: string;
  @Column({ name: 'end_on', type: 'date', nullable: true }) end!: string | null;
  @Column({ type: 'varchar', length: 100 }) occupation!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) employer!: string | null;
}

@Entity('training')
@Check('training_hours_check', 'hours >= 0')
@Check('training_subsidy_kind_check', `subsidy_kind in ('VOCATIONAL_TRAINING', 'SKILL_UPGRADE', 'LIVING_ALLOWANCE')`)
@Check('training_subsidy_amount_check', 'subsidy_amount >= 0')
@Index('training_coordinator_idx', ['coordinatorId'])
export class TrainingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'training_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;
  @Column({ type: 'varchar', length: 200 }) course!: string;
  @Column({ type: 'numeric', precision: 6, scale: 1, transformer: numericTransformer }) hours!: number;
  @Column({ type: 'varchar', length: 200, nullable: true }) provider!: string | null;
  @Column({ type: 'varchar', length: 50, nullable: true }) result!: string | null;
  @Column({ name: 'completed_on', type: 'date' }) completedOn!: string;
  @Column({ name: 'subsidy_kind', type: 'varchar', length: 20, nullable: true })
  subsidyKind!: 'VOCATIONAL_TRAINING' | 'SKILL_UPGRADE' | 'LIVING_ALLOWANCE' | null;
  @Column({ name: 'subsidy_amount', type: 'numeric', precision: 12, scale: 2, nullable: true, transformer: numericTransformer })
  subsidyAmount!: number | null;
}

@Entity('honor')
@Check('honor_level_check', `level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY')`)
@Index('honor_coordinator_idx', ['coordinatorId'])
export class HonorEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'honor_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;
  @Column({ type: 'varchar', length: 200 }) title!: string;
  @Column({ type: 'varchar', length: 10 }) level!: 'NATIONAL' | 'PROVINCIAL' | 'CITY' | 'COUNTY';
  @Column({ name: 'awarded_on', type: 'date' }) awardedOn!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) issuer!: string | null;
}

@Entity('disciplinary_record')
@Index('disciplinary_record_coordinator_idx', ['coordinatorId'])
export class DisciplinaryRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'disciplinary_record_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;
  @Column({ type: 'varchar', length: 100 }) kind!: string;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column({ type: 'varchar', length: 1000, nullable: true }) description!: string | null;
}

// 六(三): also a record of its own (migration WorkRecords, api/src/work-records); held to the
// migrated schema by schema-drift.test.ts.
@Entity('work_record')
@Check('work_record_count_check', 'count >= 0')
@Check('work_record_kind_check', `kind in ('DISPUTE_MEDIATED', 'POLICY_PUBLICITY', 'EMPLOYMENT_GUIDANCE', 'COLLECTIVE_NEGOTIATION', 'TRAINING_GIVEN', 'CONSULTATION', 'OTHER')`)
@Check('work_record_precision', `date_precision in ('DAY', 'MONTH')`)
@Check('work_record_month', `date_precision = 'DAY' or extract(day from recorded_on) = 1`)
@Check('work_record_province', 'province_code = left(region_code, 2)')
@Check('work_record_outcome', `outcome is null or (kind = 'DISPUTE_MEDIATED' and outcome in ('MEDIATED', 'NOT_MEDIATED', 'REFERRED_TO_ARBITRATION', 'WITHDRAWN'))`)
@Index('work_record_coordinator_idx', ['coordinatorId'])
@Index('work_record_coordinator_day_idx', ['coordinatorId', 'recordedOn'])
@Index('work_record_region_idx', ['regionCode', 'recordedOn'])
@Index('work_record_path_idx', ['regionPath', 'recordedOn'])
@Index('work_record_enterprise_idx', ['enterpriseId'])
export class WorkRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @ManyToOne(() => CoordinatorEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coordinator_id', foreignKeyConstraintName: 'work_record_coordinator_id_fkey' })
  coordinator?: CoordinatorEntity;
  @Column({ type: 'varchar', length: 24 }) kind!: WorkRecordKind;
  @Column({ type: 'integer', default: 1 }) count!: number;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  @Column({ name: 'date_precision', type: 'varchar', length: 5, default: 'DAY' }) precision!: 'DAY' | 'MONTH';
  @Column({ name: 'enterprise_id', type: 'bigint', nullable: true }) enterpriseId!: string | null;
  @ManyToOne(() => EnterpriseEntity)
  @JoinColumn({ name: 'enterprise_id', foreignKeyConstraintName: 'work_record_enterprise_id_fkey' })
  enterprise?: EnterpriseEntity;
  @Column({ type: 'varchar', length: 24, nullable: true }) outcome!: WorkRecordOutcome | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) description!: string | null;
  /** the coordinator's region on recorded_on (kept by trigger) */
  @Column({ name: 'region_code', type: 'varchar', length: 12 }) regionCode!: string;
  @ManyToOne(() => RegionEntity)
  @JoinColumn({ name: 'region_code', foreignKeyConstraintName: 'work_record_region_code_fkey' })
  region?: RegionEntity;
  @Column({ name: 'region_path', type: 'varchar', length: 80, collation: 'C' }) regionPath!: string;
  /** set with the region by the trigger */
  @Column({ name: 'province_code', type: 'char', length: 2 }) provinceCode!: string;
  @Column({ name: 'recorded_by', type: 'bigint', nullable: true }) recordedBy!: string | null;
  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: 'work_record_recorded_by_fkey' })
  recorder?: UserEntity;
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt!: Date;
}

export const COORDINATOR_SUB_RECORD_ENTITIES = [
  CertificateEntity,
  EducationEntity,
  WorkPeriodEntity,
  TrainingEntity,
  HonorEntity,
  DisciplinaryRecordEntity,
  WorkRecordEntity,
];
