import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { WorkRecordKind, WorkRecordOutcome } from '@registry/domain';
import { numericTransformer } from '../../enterprises/enterprise.entity';

// The dated sub-records of a coordinator (SPEC.md "Coordinators"). Each row belongs to one
// coordinator and is replaced as a set when the coordinator is saved.

@Entity('certificate')
export class CertificateEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @Column({ type: 'varchar' }) occupation!: string;
  /** 5 = 五级/初级工 … 1 = 一级/高级技师; null for a titled certificate (社会工作师 …) */
  @Column({ type: 'smallint', nullable: true }) level!: number | null;
  @Column({ type: 'varchar', nullable: true }) title!: string | null;
  @Column({ name: 'certificate_number', type: 'varchar', nullable: true }) certificateNumber!: string | null;
  @Column({ type: 'varchar', nullable: true }) issuer!: string | null;
  @Column({ name: 'issued_on', type: 'date' }) issuedOn!: string;
}

@Entity('education')
export class EducationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @Column({ type: 'varchar' }) level!: 'SECONDARY_OR_BELOW' | 'JUNIOR_COLLEGE' | 'BACHELOR' | 'MASTER' | 'DOCTOR';
  @Column({ type: 'varchar' }) major!: string;
  @Column({ type: 'varchar', nullable: true }) school!: string | null;
  @Column({ name: 'graduated_on', type: 'date', nullable: true }) graduatedOn!: string | null;
}

@Entity('work_period')
export class WorkPeriodEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @Column({ name: 'start_on', type: 'date' }) start!: string;
  @Column({ name: 'end_on', type: 'date', nullable: true }) end!: string | null;
  @Column({ type: 'varchar' }) occupation!: string;
  @Column({ type: 'varchar', nullable: true }) employer!: string | null;
}

@Entity('training')
export class TrainingEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @Column({ type: 'varchar' }) course!: string;
  @Column({ type: 'numeric', transformer: numericTransformer }) hours!: number;
  @Column({ type: 'varchar', nullable: true }) provider!: string | null;
  @Column({ type: 'varchar', nullable: true }) result!: string | null;
  @Column({ name: 'completed_on', type: 'date' }) completedOn!: string;
  @Column({ name: 'subsidy_kind', type: 'varchar', nullable: true })
  subsidyKind!: 'VOCATIONAL_TRAINING' | 'SKILL_UPGRADE' | 'LIVING_ALLOWANCE' | null;
  @Column({ name: 'subsidy_amount', type: 'numeric', nullable: true, transformer: numericTransformer })
  subsidyAmount!: number | null;
}

@Entity('honor')
export class HonorEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @Column({ type: 'varchar' }) title!: string;
  @Column({ type: 'varchar' }) level!: 'NATIONAL' | 'PROVINCIAL' | 'CITY' | 'COUNTY';
  @Column({ name: 'awarded_on', type: 'date' }) awardedOn!: string;
  @Column({ type: 'varchar', nullable: true }) issuer!: string | null;
}

@Entity('disciplinary_record')
export class DisciplinaryRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @Column({ type: 'varchar' }) kind!: string;
  @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Column({ type: 'varchar', nullable: true }) description!: string | null;
}

// 六(三): also a record of its own (migration WorkRecords, api/src/work-records).
@Entity('work_record')
export class WorkRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'coordinator_id', type: 'bigint' }) coordinatorId!: string;
  @Column({ type: 'varchar' }) kind!: WorkRecordKind;
  @Column({ type: 'integer' }) count!: number;
  @Column({ name: 'recorded_on', type: 'date' }) recordedOn!: string;
  @Column({ name: 'date_precision', type: 'varchar' }) precision!: 'DAY' | 'MONTH';
  @Column({ name: 'enterprise_id', type: 'bigint', nullable: true }) enterpriseId!: string | null;
  @Column({ type: 'varchar', nullable: true }) outcome!: WorkRecordOutcome | null;
  @Column({ type: 'varchar', nullable: true }) description!: string | null;
  /** the coordinator's region on recorded_on (kept by trigger) */
  @Column({ name: 'region_code', type: 'varchar' }) regionCode!: string;
  @Column({ name: 'region_path', type: 'varchar' }) regionPath!: string;
  @Column({ name: 'recorded_by', type: 'bigint', nullable: true }) recordedBy!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
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
