import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/date.scalar';
import { EducationLevel, HonorLevel } from '../common/enums';
import { CoordinatorAffiliation, CoordinatorStatus } from './dto/coordinator.input';
import { SubsidyKind, WorkRecordKind, WorkRecordOutcome, WorkRecordPrecision } from './dto/sub-record.input';
import { EnterpriseModel } from '../enterprises/enterprise.model';
import type { EnterpriseEntity } from '../enterprises/enterprise.entity';

@ObjectType('Certificate')
export class CertificateModel {
  @Field(() => ID) id!: string;
  @Field() occupation!: string;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) certificateNumber!: string | null;
  @Field(() => String, { nullable: true }) issuer!: string | null;
  @Field(() => DateScalar) issuedOn!: string;
}

@ObjectType('Education')
export class EducationModel {
  @Field(() => ID) id!: string;
  @Field(() => EducationLevel) level!: EducationLevel;
  @Field() major!: string;
  @Field(() => String, { nullable: true }) school!: string | null;
  @Field(() => DateScalar, { nullable: true }) graduatedOn!: string | null;
}

@ObjectType('WorkPeriod')
export class WorkPeriodModel {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) start!: string;
  @Field(() => DateScalar, { nullable: true }) end!: string | null;
  @Field() occupation!: string;
  @Field(() => String, { nullable: true }) employer!: string | null;
}

@ObjectType('Training')
export class TrainingModel {
  @Field(() => ID) id!: string;
  @Field() course!: string;
  @Field(() => Float) hours!: number;
  @Field(() => String, { nullable: true }) provider!: string | null;
  @Field(() => String, { nullable: true }) result!: string | null;
  @Field(() => DateScalar) completedOn!: string;
  @Field(() => SubsidyKind, { nullable: true }) subsidyKind!: SubsidyKind | null;
  @Field(() => Float, { nullable: true }) subsidyAmount!: number | null;
}

@ObjectType('Honor')
export class HonorModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => HonorLevel) level!: HonorLevel;
  @Field(() => DateScalar) awardedOn!: string;
  @Field(() => String, { nullable: true }) issuer!: string | null;
}

@ObjectType('DisciplinaryRecord')
export class DisciplinaryRecordModel {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field(() => DateScalar) occurredOn!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('WorkRecord', { description: '六(三) 工作情况: one dated piece of work of a coordinator' })
export class WorkRecordModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) coordinatorId!: string;
  @Field(() => WorkRecordKind) kind!: WorkRecordKind;
  @Field(() => Int) count!: number;
  @Field(() => DateScalar, { description: 'the day, or the 1st of the month when precision is MONTH' }) recordedOn!: string;
  @Field(() => WorkRecordPrecision) precision!: WorkRecordPrecision;
  @Field(() => ID, { nullable: true }) enterpriseId!: string | null;
  @Field(() => WorkRecordOutcome, { nullable: true }) outcome!: WorkRecordOutcome | null;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field({ description: "where it is counted: the coordinator's region on recordedOn" }) regionCode!: string;
  @Field(() => ID, { nullable: true, description: 'the account that recorded it (null: imported or older records)' }) recordedBy!: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('CoordinatorAssignment', { description: 'an employer or unit and region, held from … to (the last day; null: still held)' })
export class CoordinatorAssignmentModel {
  @Field(() => EnterpriseModel, { nullable: true, description: 'the employer (null: none, or outside your jurisdiction)' }) enterprise!: EnterpriseEntity | null;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field() regionCode!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar, { nullable: true }) to!: string | null;
}

@ObjectType('Coordinator')
export class CoordinatorModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() gender!: string;
  @Field(() => DateScalar) birthDate!: string;
  @Field({ name: 'idNumber', description: 'masked, e.g. 2201**********1234; see revealIdNumber' }) idNumberMasked!: string;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => Int, { description: '三(一) 1–6' }) category!: number;
  @Field(() => CoordinatorAffiliation) affiliation!: CoordinatorAffiliation;
  @Field() tripartiteOrGrassroots!: boolean;
  @Field(() => ID, { nullable: true }) enterpriseId!: string | null;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field() regionCode!: string;
  @Field(() => String, { nullable: true }) post!: string | null;
  @Field(() => CoordinatorStatus) status!: CoordinatorStatus;
  @Field(() => DateScalar) joinedOn!: string;
  @Field(() => DateScalar, { nullable: true }) leftOn!: string | null;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('CoordinatorPage')
export class CoordinatorPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [CoordinatorModel]) items!: CoordinatorModel[];
}
