import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';
import { AwardTier } from '../../common/enums';

/** Campaign years the registry takes (the notice is of 2021; year columns are smallint). */
export const CAMPAIGN_YEAR_MIN = 2000;
export const CAMPAIGN_YEAR_MAX = 2100;
export const CAMPAIGN_YEAR_MESSAGE = `年度应为 ${CAMPAIGN_YEAR_MIN}–${CAMPAIGN_YEAR_MAX} 的整数`;
const YEAR_MESSAGE = CAMPAIGN_YEAR_MESSAGE;

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
  @Field() @IsString() @MaxLength(12, { message: '地区代码最多 12 位' }) regionCode!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => Int) @IsInt() @Min(0, { message: '名额不能为负数' }) @Max(10_000, { message: '名额最多 10000' }) places!: number;
}

@InputType()
export class AwardCampaignInput {
  @Field(() => Int) @IsInt({ message: YEAR_MESSAGE }) @Min(CAMPAIGN_YEAR_MIN, { message: YEAR_MESSAGE }) @Max(CAMPAIGN_YEAR_MAX, { message: YEAR_MESSAGE }) year!: number;
  @Field(() => DateScalar, { nullable: true, description: 'default: the end of the submission window' }) referenceDate?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'default: <year>-10-20' }) submissionStart?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'default: <year>-10-31' }) submissionEnd?: string | null;
  @Field(() => Int, { nullable: true, description: 'province-wide gold target, default 100' })
  @IsOptional() @IsInt() @Min(0, { message: '金牌目标不能为负数' }) @Max(10_000, { message: '金牌目标最多 10000' })
  goldTarget?: number | null;
  @Field(() => [AwardQuotaInput], { nullable: true, description: 'replaces the listed (unit, tier) cells only' })
  @IsOptional() @ArrayMaxSize(1000) @ValidateNested({ each: true }) @Type(() => AwardQuotaInput)
  quotas?: AwardQuotaInput[] | null;
  @Field(() => Int, { nullable: true, description: 'required to update an existing campaign' }) @IsOptional() @IsInt() version?: number | null;
}

@InputType()
export class NominateInput {
  @Field(() => ID) @IsString() @MaxLength(20, { message: '协调员编号无效' }) coordinatorId!: string;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => Int, { nullable: true, description: 'default: the latest campaign' })
  @IsOptional() @IsInt({ message: YEAR_MESSAGE }) @Min(CAMPAIGN_YEAR_MIN, { message: YEAR_MESSAGE }) @Max(CAMPAIGN_YEAR_MAX, { message: YEAR_MESSAGE })
  campaignYear?: number | null;
  @Field(() => [String], { nullable: true, description: 'attestation keys the nominating unit confirms: 四(一)1(1), 四(一)1(5), 工作业绩' })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(100, { each: true, message: '每项确认最多 100 个字' })
  attestations?: string[] | null;
  @Field(() => String, { nullable: true, description: '主要事迹 (附件2)' }) @IsOptional() @IsString() @MaxLength(4000, { message: '主要事迹最多 4000 个字' }) achievements?: string | null;
}

@InputType()
export class ObjectionInput {
  @Field(() => ID) @IsString() @MaxLength(20, { message: '推荐编号无效' }) nominationId!: string;
  @Field() @IsString() @Length(1, 2000, { message: '异议内容 1–2000 个字' }) content!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100, { message: '异议人最多 100 个字' }) objector?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'default: today' }) raisedOn?: string | null;
}

@InputType()
export class DecisionInput {
  @Field(() => Int) @IsInt({ message: YEAR_MESSAGE }) @Min(CAMPAIGN_YEAR_MIN, { message: YEAR_MESSAGE }) @Max(CAMPAIGN_YEAR_MAX, { message: YEAR_MESSAGE }) campaignYear!: number;
  @Field(() => AwardTier) tier!: AwardTier;
  @Field(() => [ID], { description: 'nominations at the province to name; every other candidate of the tier is not named' })
  @IsArray() @ArrayMaxSize(10_000) @IsString({ each: true }) @MaxLength(20, { each: true, message: '推荐编号无效' })
  namedIds!: string[];
}
