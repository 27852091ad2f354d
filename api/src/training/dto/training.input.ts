import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';
import { SubsidyKind } from '../../coordinators/dto/sub-record.input';
import { SubsidyClaimState, TrainingMode, TrainingResult } from '../training.model';

@InputType()
export class TrainingProviderInput {
  @Field() @IsString() @Length(1, 200, { message: '名称应为 1–200 个字' }) name!: string;
  @Field({ description: '统一社会信用代码' }) @IsString() @MaxLength(30) creditCode!: string;
  @Field({ description: '具有劳动关系协调员（师）培训资质' }) @IsBoolean() qualified!: boolean;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200, { message: '最多 200 个字' }) qualificationNote?: string | null;
  @Field() @IsString() @MaxLength(12) regionCode!: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true }) @IsOptional() @IsBoolean() active?: boolean | null;
}

@InputType()
export class UpdateTrainingProviderInput extends TrainingProviderInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
}

@InputType()
export class TrainingSessionInput {
  @Field(() => ID) @IsString() providerId!: string;
  @Field() @IsString() @Length(1, 200, { message: '名称应为 1–200 个字' }) title!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => Float) @IsNumber() @Min(0.5, { message: '学时至少 0.5' }) @Max(2000, { message: '学时最多 2000' }) hours!: number;
  @Field(() => TrainingMode) @IsEnum(TrainingMode) mode!: TrainingMode;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(5) targetLevel?: number | null;
  @Field({ description: 'the region of the office that runs it' }) @IsString() @MaxLength(12) regionCode!: string;
}

@InputType()
export class UpdateTrainingSessionInput extends TrainingSessionInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
}

@InputType()
export class TrainingResultInput {
  @Field(() => ID, { description: 'the participation' }) @IsString() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => TrainingResult) @IsEnum(TrainingResult) result!: TrainingResult;
  @Field(() => DateScalar, { nullable: true, description: "default: the session's last day" }) completedOn?: string | null;
  @Field(() => Float, { nullable: true, description: "default: the session's hours" })
  @IsOptional() @IsNumber() @Min(0) @Max(2000) hours?: number | null;
  @Field(() => Int, { nullable: true, description: 'PASSED: the skill level certified (1 一级 … 5 五级)' }) @IsOptional() @IsInt() @Min(1) @Max(5) certificateLevel?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(64) certificateNumber?: string | null;
}

@InputType()
export class SubsidyClaimInput {
  @Field(() => ID) @IsString() coordinatorId!: string;
  @Field(() => SubsidyKind) @IsEnum(SubsidyKind) kind!: SubsidyKind;
  @Field(() => Float, { description: '元' }) @IsNumber() @Min(0.01, { message: '金额应大于 0' }) @Max(1_000_000, { message: '金额最多 100 万元' }) amount!: number;
  @Field(() => DateScalar) appliedOn!: string;
  @Field(() => ID, { nullable: true, description: 'the training it is for' }) @IsOptional() @IsString() participationId?: string | null;
}

@InputType()
export class SubsidyDecisionInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field() @IsBoolean() granted!: boolean;
  @Field(() => DateScalar) decidedOn!: string;
  @Field(() => String, { nullable: true, description: 'required when refused' }) @IsOptional() @IsString() @MaxLength(500) note?: string | null;
}

@InputType()
export class TrainingProviderFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(12) regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'name contains, or credit code starts with' }) @IsOptional() @IsString() @MaxLength(100) search?: string | null;
  @Field(() => Boolean, { nullable: true }) @IsOptional() @IsBoolean() qualified?: boolean | null;
}

@InputType()
export class TrainingSessionFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(12) regionCode?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() providerId?: string | null;
  @Field(() => Int, { nullable: true, description: 'sessions that start in the year' }) @IsOptional() @IsInt() @Min(2000) @Max(2100) year?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) search?: string | null;
}

@InputType()
export class SubsidyClaimFilter {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(12) regionCode?: string | null;
  @Field(() => SubsidyKind, { nullable: true }) @IsOptional() @IsEnum(SubsidyKind) kind?: SubsidyKind | null;
  @Field(() => SubsidyClaimState, { nullable: true }) @IsOptional() @IsEnum(SubsidyClaimState) state?: SubsidyClaimState | null;
  @Field(() => Int, { nullable: true, description: 'applied in the year' }) @IsOptional() @IsInt() @Min(2000) @Max(2100) year?: number | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() coordinatorId?: string | null;
}

@InputType()
export class EnrollParticipantsInput {
  @Field(() => ID) @IsString() sessionId!: string;
  @Field(() => [ID]) @IsArray() @ArrayMinSize(1, { message: '至少选择一人' }) @ArrayMaxSize(500) coordinatorIds!: string[];
}
