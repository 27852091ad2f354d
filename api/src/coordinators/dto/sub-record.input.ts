import { Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';
import { EducationLevel, HonorLevel } from '../../common/enums';

export enum SubsidyKind {
  VOCATIONAL_TRAINING = 'VOCATIONAL_TRAINING',
  SKILL_UPGRADE = 'SKILL_UPGRADE',
  LIVING_ALLOWANCE = 'LIVING_ALLOWANCE',
}
registerEnumType(SubsidyKind, { name: 'SubsidyKind', description: '职业培训补贴 / 技能提升补贴 / 生活费补贴' });

export enum WorkRecordKind {
  DISPUTE_MEDIATED = 'DISPUTE_MEDIATED',
  POLICY_PUBLICITY = 'POLICY_PUBLICITY',
  EMPLOYMENT_GUIDANCE = 'EMPLOYMENT_GUIDANCE',
  COLLECTIVE_NEGOTIATION = 'COLLECTIVE_NEGOTIATION',
  TRAINING_GIVEN = 'TRAINING_GIVEN',
  CONSULTATION = 'CONSULTATION',
  OTHER = 'OTHER',
}
registerEnumType(WorkRecordKind, { name: 'WorkRecordKind', description: '调解劳动争议 / 政策宣传 / 用工指导 / 集体协商 / 培训授课 / 咨询接待 / 其他' });

export enum WorkRecordOutcome {
  MEDIATED = 'MEDIATED',
  NOT_MEDIATED = 'NOT_MEDIATED',
  REFERRED_TO_ARBITRATION = 'REFERRED_TO_ARBITRATION',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(WorkRecordOutcome, { name: 'WorkRecordOutcome', description: '调解成功 / 调解未成功 / 转仲裁 / 当事人撤回 (调解劳动争议 only)' });

export enum WorkRecordPrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
}
registerEnumType(WorkRecordPrecision, { name: 'WorkRecordPrecision', description: 'DAY: recordedOn is the day; MONTH: only the month is known (recordedOn is its 1st)' });

@InputType()
export class CertificateInput {
  @Field({ description: '劳动关系协调员, 企业人力资源管理师, 劳动保障协理员, 社会工作者 …' })
  @IsString() @Length(1, 100) occupation!: string;
  @Field(() => Int, { description: '5 = 五级/初级工 … 1 = 一级/高级技师' })
  @IsInt() @Min(1) @Max(5) level!: number;
  @Field(() => DateScalar) issuedOn!: string;
  @Field(() => String, { nullable: true, description: 'professional title for titled certificates (社会工作师 …)' })
  @IsOptional() @MaxLength(100) title?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(64) certificateNumber?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) issuer?: string | null;
}

@InputType()
export class EducationInput {
  @Field(() => EducationLevel) @IsEnum(EducationLevel) level!: EducationLevel;
  @Field() @IsString() @Length(1, 100) major!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) school?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() graduatedOn?: string | null;
}

@InputType()
export class WorkPeriodInput {
  @Field(() => DateScalar) start!: string;
  @Field(() => DateScalar, { nullable: true, description: 'null: ongoing' }) @IsOptional() end?: string | null;
  @Field() @IsString() @Length(1, 100) occupation!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) employer?: string | null;
}

@InputType()
export class TrainingInput {
  @Field() @IsString() @Length(1, 200) course!: string;
  @Field(() => Float) @IsNumber() @Min(0) @Max(10000) hours!: number;
  @Field(() => DateScalar) completedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) provider?: string | null;
  @Field(() => String, { nullable: true, description: '合格 / 不合格 …' }) @IsOptional() @MaxLength(50) result?: string | null;
  @Field(() => SubsidyKind, { nullable: true }) @IsOptional() @IsEnum(SubsidyKind) subsidyKind?: SubsidyKind | null;
  @Field(() => Float, { nullable: true, description: '元' }) @IsOptional() @IsNumber() @Min(0) @Max(100_000_000, { message: '补贴金额最多 1 亿元' }) subsidyAmount?: number | null;
}

@InputType()
export class HonorInput {
  @Field() @IsString() @Length(1, 200) title!: string;
  @Field(() => HonorLevel) @IsEnum(HonorLevel) level!: HonorLevel;
  @Field(() => DateScalar) awardedOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) issuer?: string | null;
}

@InputType()
export class DisciplinaryRecordInput {
  @Field({ description: '违法违纪 / 党纪政务处分 / 问责 / 约谈 / 失信惩戒 …' }) @IsString() @Length(1, 100) kind!: string;
  @Field(() => DateScalar) occurredOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) description?: string | null;
}

@InputType()
export class WorkRecordInput {
  @Field(() => ID, { nullable: true, description: 'an existing record of this coordinator to keep (its id, author and history); none: a new record' })
  @IsOptional() @IsString() @MaxLength(20) id?: string | null;
  @Field(() => WorkRecordKind) @IsEnum(WorkRecordKind) kind!: WorkRecordKind;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(0, { message: '次数不能为负数' }) @Max(100000, { message: '次数最多 100000' }) count!: number;
  @Field(() => DateScalar) recordedOn!: string;
  @Field(() => WorkRecordPrecision, { nullable: true, defaultValue: WorkRecordPrecision.DAY }) @IsOptional() @IsEnum(WorkRecordPrecision) precision?: WorkRecordPrecision | null;
  @Field(() => ID, { nullable: true, description: 'the enterprise served (in your jurisdiction)' }) @IsOptional() @IsString() @MaxLength(20) enterpriseId?: string | null;
  @Field(() => WorkRecordOutcome, { nullable: true, description: '调解劳动争议 only' }) @IsOptional() @IsEnum(WorkRecordOutcome) outcome?: WorkRecordOutcome | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(1000) description?: string | null;
}
