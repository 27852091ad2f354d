import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/date.scalar';
import { AwardTier } from '../common/enums';
import { EligibilityTableKind } from './dto/award-settings.input';
import { NominationState } from './dto/nomination.input';

@ObjectType('ConditionResult')
export class ConditionResultModel {
  @Field({ description: 'clause of the notice, e.g. 四(一)2(3)a' }) clause!: string;
  @Field() met!: boolean;
  @Field() reason!: string;
}

@ObjectType('ServiceYears')
export class ServiceYearsModel {
  @Field(() => Int) years!: number;
  @Field(() => Int) months!: number;
}

@ObjectType('Eligibility')
export class EligibilityModel {
  @Field({ description: 'every checkable basic standard holds and at least one path holds' }) eligible!: boolean;
  @Field({ description: 'gold path e: not counted in the local quota' }) quotaExempt!: boolean;
  @Field(() => [ConditionResultModel]) conditions!: ConditionResultModel[];
  @Field(() => [String], { description: 'what the recommending unit must still attest (四(一)1(1), 1(5), 工作业绩)' }) pendingAttestations!: string[];
  @Field(() => ServiceYearsModel, { description: 'cumulative years in this or a related occupation' }) serviceYears!: ServiceYearsModel;
  @Field(() => AwardTier, { nullable: true }) tier?: AwardTier;
  @Field(() => DateScalar, { nullable: true }) asOf?: string;
}

@ObjectType('PublicityWindow')
export class PublicityWindowModel {
  @Field(() => DateScalar) start!: string;
  @Field(() => DateScalar) end!: string;
  @Field(() => Int) workingDays!: number;
  @Field({ description: 'false: a year of the window comes from the province\'s confirmed entry (overrides), not the calendar package; a year neither knows is refused' }) calendarKnowsYear!: boolean;
}

@ObjectType('CalendarOverride')
export class CalendarOverrideModel {
  @Field(() => DateScalar) date!: string;
  @Field() workday!: boolean;
  @Field(() => String, { nullable: true }) note?: string | null;
}

@ObjectType('TitleLevelEquivalent')
export class TitleLevelEquivalentModel {
  @Field() title!: string;
  @Field(() => Int) level!: number;
}

@ObjectType('EligibilityTableEntry')
export class EligibilityTableEntryModel {
  @Field(() => EligibilityTableKind) kind!: EligibilityTableKind;
  @Field() value!: string;
  @Field(() => Int, { nullable: true }) level!: number | null;
  @Field({ description: 'DEFAULT (the notice) or ADDED (an administrator)' }) source!: string;
  @Field() excluded!: boolean;
}

@ObjectType('EligibilityTables')
export class EligibilityTablesModel {
  @Field(() => [String]) relatedOccupations!: string[];
  @Field(() => [String]) relatedOccupationKeywords!: string[];
  @Field(() => [String]) relatedMajors!: string[];
  @Field(() => [String]) relatedMajorKeywords!: string[];
  @Field(() => [TitleLevelEquivalentModel]) titleLevelEquivalents!: TitleLevelEquivalentModel[];
  @Field(() => [String]) harmonyHonorKeywords!: string[];
  @Field(() => [String]) fieldHonorKeywords!: string[];
  @Field(() => [EligibilityTableEntryModel]) entries!: EligibilityTableEntryModel[];
}

@ObjectType('AwardQuota')
export class AwardQuotaModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => Int) places!: number;
  @Field(() => Int, { description: 'non-exempt nominations this office has forwarded (still alive)' }) used!: number;
}

@ObjectType('AwardCampaign')
export class AwardCampaignModel {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar) referenceDate!: string;
  @Field(() => DateScalar) submissionStart!: string;
  @Field(() => DateScalar) submissionEnd!: string;
  @Field(() => Int) goldTarget!: number;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => String, { nullable: true }) decisionDocument!: string | null;
  @Field(() => Int) version!: number;
  @Field(() => [AwardQuotaModel], { description: '附件1: places per reporting unit and tier' }) quotas!: AwardQuotaModel[];
}

@ObjectType('NominationEvent')
export class NominationEventModel {
  @Field(() => ID) id!: string;
  @Field() at!: Date;
  @Field(() => String, { nullable: true }) actorUsername!: string | null;
  @Field() action!: string;
  @Field(() => NominationState, { nullable: true }) fromState!: NominationState | null;
  @Field(() => NominationState) toState!: NominationState;
  @Field(() => String, { nullable: true }) fromOffice!: string | null;
  @Field(() => String, { nullable: true }) toOffice!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
}

@ObjectType('NominationObjection')
export class NominationObjectionModel {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) raisedOn!: string;
  @Field(() => String, { nullable: true }) objector!: string | null;
  @Field() content!: string;
  @Field() recordedAt!: Date;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => Boolean, { nullable: true, description: 'true: the objection held and the nomination was withdrawn' }) upheld!: boolean | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
}

@ObjectType('Nomination')
export class NominationModel {
  @Field(() => ID) id!: string;
  @Field(() => Int) campaignYear!: number;
  @Field(() => ID) coordinatorId!: string;
  @Field() coordinatorName!: string;
  @Field() gender!: string;
  @Field(() => String, { nullable: true }) unitName!: string | null;
  @Field() regionCode!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => NominationState) state!: NominationState;
  @Field() reportingUnitCode!: string;
  @Field(() => [String], { description: 'offices that review it, first to last (county, city/unit, province)' }) reviewChain!: string[];
  @Field(() => String, { nullable: true, description: 'the office it waits at while under review' }) currentOfficeCode!: string | null;
  @Field(() => String, { nullable: true }) currentOfficeName!: string | null;
  @Field() quotaExempt!: boolean;
  @Field(() => EligibilityModel) eligibility!: EligibilityModel;
  @Field(() => String, { nullable: true }) achievements!: string | null;
  @Field(() => DateScalar, { nullable: true }) publicityStart!: string | null;
  @Field(() => DateScalar, { nullable: true }) publicityEnd!: string | null;
  @Field(() => String, { nullable: true, description: 'province decision before publication: NAME / NOT_NAME' }) provinceDecision!: string | null;
  @Field(() => String, { nullable: true }) certificateNumber!: string | null;
  @Field(() => DateScalar, { nullable: true }) namedOn!: string | null;
  @Field() nominatedBy!: string;
  @Field(() => String, { nullable: true, description: "the nominating account's display name (推荐人)" }) nominatedByName!: string | null;
  @Field(() => String, { nullable: true, description: "the name of the nominating account's region" }) nominatedByRegion!: string | null;
  @Field(() => Int, { nullable: true, description: '综合排序 at the current office' }) rank!: number | null;
  @Field(() => Int, { description: 'open objections' }) openObjections!: number;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  // resolved by field resolvers
  events?: NominationEventModel[];
  objections?: NominationObjectionModel[];
  /** internal */
  nominatedById!: string;
  regionPath!: string;
  currentStep!: number;
}

@ObjectType('NominationPage')
export class NominationPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [NominationModel]) items!: NominationModel[];
}

@ObjectType('ReviewQueue')
export class ReviewQueueModel {
  @Field() officeCode!: string;
  @Field() officeName!: string;
  @Field({ description: 'COUNTY, UNIT or PROVINCE' }) level!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => Int, { nullable: true, description: 'quota of this office for the tier (null: no quota at this level)' }) places!: number | null;
  @Field(() => Int) used!: number;
  @Field(() => Int, { nullable: true }) left!: number | null;
  @Field(() => [NominationModel], { description: 'waiting at this office, in ranking order' }) items!: NominationModel[];
}
