import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/date.scalar';
import { SubsidyKind } from '../coordinators/dto/sub-record.input';

export enum TrainingMode {
  ONLINE = 'ONLINE',
  OFFLINE = 'OFFLINE',
  /** 线上线下相融合 (六(二)) */
  BLENDED = 'BLENDED',
}
registerEnumType(TrainingMode, { name: 'TrainingMode', description: '线上 / 线下 / 线上线下融合' });

export enum TrainingResult {
  ENROLLED = 'ENROLLED',
  /** 继续教育: attended, no examination */
  ATTENDED = 'ATTENDED',
  PASSED = 'PASSED',
  FAILED = 'FAILED',
}
registerEnumType(TrainingResult, { name: 'TrainingResult', description: '已报名 / 已参训（继续教育）/ 合格 / 不合格' });

export enum SubsidyClaimState {
  APPLIED = 'APPLIED',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}
registerEnumType(SubsidyClaimState, { name: 'SubsidyClaimState', description: '已申请 / 已发放 / 未通过' });

export interface TrainingProviderRecord {
  id: string;
  name: string;
  creditCode: string;
  qualified: boolean;
  qualificationNote: string | null;
  regionCode: string;
  regionPath: string;
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface TrainingSessionRecord {
  id: string;
  providerId: string;
  title: string;
  startsOn: string;
  endsOn: string;
  hours: number;
  mode: TrainingMode;
  targetLevel: number | null;
  regionCode: string;
  regionPath: string;
  version: number;
}

export interface TrainingParticipationRecord {
  id: string;
  sessionId: string;
  coordinatorId: string;
  result: TrainingResult;
  hours: number;
  completedOn: string | null;
  certificateLevel: number | null;
  certificateNumber: string | null;
  regionCode: string;
  regionPath: string;
  version: number;
}

export interface SubsidyClaimRecord {
  id: string;
  coordinatorId: string;
  participationId: string | null;
  kind: SubsidyKind;
  amount: number;
  state: SubsidyClaimState;
  appliedOn: string;
  decidedOn: string | null;
  decisionNote: string | null;
  regionCode: string;
  regionPath: string;
  version: number;
}

@ObjectType('TrainingProvider', { description: '培训机构 (六(二))' })
export class TrainingProviderModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field({ description: '统一社会信用代码 (GB 32100-2015, checksum validated)' }) creditCode!: string;
  @Field({ description: '具有劳动关系协调员（师）培训资质' }) qualified!: boolean;
  @Field(() => String, { nullable: true, description: 'the qualification: issuer, number, scope' }) qualificationNote!: string | null;
  @Field() regionCode!: string;
  @Field() active!: boolean;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('TrainingProviderPage')
export class TrainingProviderPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [TrainingProviderModel]) items!: TrainingProviderModel[];
}

@ObjectType('TrainingSession', { description: 'a course or session of a provider' })
export class TrainingSessionModel {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => Float, { description: '学时' }) hours!: number;
  @Field(() => TrainingMode) mode!: TrainingMode;
  @Field(() => Int, { nullable: true, description: 'the skill level it prepares for (1 一级 … 5 五级); null: continuing education' })
  targetLevel!: number | null;
  @Field() regionCode!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('TrainingSessionPage')
export class TrainingSessionPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [TrainingSessionModel]) items!: TrainingSessionModel[];
}

@ObjectType('TrainingParticipation', { description: "one person's place in a session, with the result" })
export class TrainingParticipationModel {
  @Field(() => ID) id!: string;
  @Field(() => TrainingResult) result!: TrainingResult;
  @Field(() => Float, { description: 'credited hours, in the year of completedOn' }) hours!: number;
  @Field(() => DateScalar, { nullable: true }) completedOn!: string | null;
  @Field(() => Int, { nullable: true, description: 'the skill-level certificate it led to (PASSED)' }) certificateLevel!: number | null;
  @Field(() => String, { nullable: true }) certificateNumber!: string | null;
  @Field() regionCode!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('SubsidyClaim', { description: '职业培训补贴 / 生活费补贴 / 技能提升补贴 (五(二)(三))' })
export class SubsidyClaimModel {
  @Field(() => ID) id!: string;
  @Field(() => SubsidyKind) kind!: SubsidyKind;
  @Field(() => Float, { description: '元' }) amount!: number;
  @Field(() => SubsidyClaimState) state!: SubsidyClaimState;
  @Field(() => DateScalar) appliedOn!: string;
  @Field(() => DateScalar, { nullable: true }) decidedOn!: string | null;
  @Field(() => String, { nullable: true }) decisionNote!: string | null;
  @Field() regionCode!: string;
  @Field(() => Int) version!: number;
}

@ObjectType('SubsidyClaimPage')
export class SubsidyClaimPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [SubsidyClaimModel]) items!: SubsidyClaimModel[];
}

@ObjectType('CertifiedLevelCount')
export class CertifiedLevelCountModel {
  @Field(() => Int, { description: '1 一级 … 5 五级' }) level!: number;
  @Field(() => Int, { description: 'people certified at this level in the year' }) people!: number;
}

@ObjectType('TrainingYearFigures')
export class TrainingYearFiguresModel {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'people who completed a training (attended or passed)' }) trainedPeople!: number;
  @Field(() => Float, { description: 'hours credited' }) trainingHours!: number;
  @Field(() => [CertifiedLevelCountModel], { description: 'skill-level certificates issued in the year, per level' }) certified!: CertifiedLevelCountModel[];
}

@ObjectType('SubsidyRegionFigures')
export class SubsidyRegionFiguresModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field(() => SubsidyKind) kind!: SubsidyKind;
  @Field(() => Int) granted!: number;
  @Field(() => Float, { description: '元 granted' }) grantedAmount!: number;
  @Field(() => Int) applied!: number;
  @Field(() => Int) refused!: number;
}

@ObjectType('PriorityGroupFigures', { description: '六(二) 重点培训范围: staff of employers with many disputes or violations' })
export class PriorityGroupFiguresModel {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'incidents (disputes, violations, petitions) within the year and the two before that flag an employer' }) minIncidents!: number;
  @Field(() => Int) enterprises!: number;
  @Field(() => Int, { description: 'active coordinators employed there' }) staff!: number;
  @Field(() => Int, { description: 'of them, trained in the year' }) trainedStaff!: number;
}

@ObjectType('TrainingFigures')
export class TrainingFiguresModel {
  @Field() regionCode!: string;
  @Field(() => [TrainingYearFiguresModel]) years!: TrainingYearFiguresModel[];
  @Field(() => [SubsidyRegionFiguresModel], { description: 'the last year, per kind for the region’s own level and each child region (decided in the year; applied: still open)' }) subsidies!: SubsidyRegionFiguresModel[];
  @Field(() => PriorityGroupFiguresModel) priorityGroup!: PriorityGroupFiguresModel;
}

@ObjectType('CoordinatorTrainingHours', { description: "one person's continuing-education hours in a year" })
export class CoordinatorTrainingHoursModel {
  @Field(() => ID) coordinatorId!: string;
  @Field() name!: string;
  @Field() regionCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => Float) hours!: number;
  @Field(() => Int) sessions!: number;
}

@ObjectType('CoordinatorTrainingHoursPage')
export class CoordinatorTrainingHoursPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [CoordinatorTrainingHoursModel]) items!: CoordinatorTrainingHoursModel[];
}
