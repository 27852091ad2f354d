import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../../common/date.scalar';
import { AwardTier } from '../../common/enums';

export enum NominationState {
  NOMINATED = 'NOMINATED',
  IN_PUBLICITY = 'IN_PUBLICITY',
  UNDER_REVIEW = 'UNDER_REVIEW',
  RETURNED = 'RETURNED',
  NAMED = 'NAMED',
  NOT_NAMED = 'NOT_NAMED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(NominationState, { name: 'NominationState', description: '已推荐 / 公示中 / 审核中 / 已退回 / 已命名 / 未命名 / 已撤回' });

@InputType()
export class AwardQuotaInput {
  @Field() regionCode!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => Int) places!: number;
}

@InputType()
export class AwardCampaignInput {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { nullable: true, description: 'default: the end of the submission window' }) referenceDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'default: <year>-10-20' }) submissionStart?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'default: <year>-10-31' }) submissionEnd?: string | null;
  @Field(() => Int, { nullable: true, description: 'province-wide gold target, default 100' }) goldTarget?: number | null;
  @Field(() => [AwardQuotaInput], { nullable: true, description: 'replaces the listed (unit, tier) cells only' }) quotas?: AwardQuotaInput[] | null;
  @Field(() => Int, { nullable: true, description: 'required to update an existing campaign' }) version?: number | null;
}

@InputType()
export class NominateInput {
  @Field(() => ID) coordinatorId!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => Int, { nullable: true, description: 'default: the latest campaign' }) campaignYear?: number | null;
  @Field(() => [String], { nullable: true, description: 'attestation keys the nominating unit confirms: 四(一)1(1), 四(一)1(5), 工作业绩' })
  attestations?: string[] | null;
  @Field(() => String, { nullable: true, description: '主要事迹 (附件2)' }) achievements?: string | null;
}

@InputType()
export class ObjectionInput {
  @Field(() => ID) nominationId!: string;
  @Field() content!: string;
  @Field(() => String, { nullable: true }) objector?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'default: today' }) raisedOn?: string | null;
}

@InputType()
export class DecisionInput {
  @Field(() => Int) campaignYear!: number;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => [ID], { description: 'nominations at the province to name; every other candidate of the tier is not named' }) namedIds!: string[];
}
