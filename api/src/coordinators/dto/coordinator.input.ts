import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Length, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';
import {
  CertificateInput,
  DisciplinaryRecordInput,
  EducationInput,
  HonorInput,
  TrainingInput,
  WorkPeriodInput,
  WorkRecordInput,
} from './sub-record.input';

export enum CoordinatorAffiliation {
  ENTERPRISE = 'ENTERPRISE',
  TRIPARTITE = 'TRIPARTITE',
  GRASSROOTS = 'GRASSROOTS',
  OTHER = 'OTHER',
}
registerEnumType(CoordinatorAffiliation, {
  name: 'CoordinatorAffiliation',
  description: '用人单位 / 三方成员单位 / 乡镇（街道、社区）基层平台 / 其他',
});

export enum CoordinatorStatus {
  ACTIVE = 'ACTIVE',
  LEFT = 'LEFT',
}
registerEnumType(CoordinatorStatus, { name: 'CoordinatorStatus', description: '在岗 / 离岗' });

// Sub-record lists shared by create and update; on update a given list replaces the stored one.
@InputType({ isAbstract: true })
class CoordinatorSubRecordsInput {
  @Field(() => [CertificateInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => CertificateInput)
  certificates?: CertificateInput[] | null;
  @Field(() => [EducationInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => EducationInput)
  educations?: EducationInput[] | null;
  @Field(() => [WorkPeriodInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => WorkPeriodInput)
  workPeriods?: WorkPeriodInput[] | null;
  @Field(() => [TrainingInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => TrainingInput)
  trainings?: TrainingInput[] | null;
  @Field(() => [HonorInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => HonorInput)
  honors?: HonorInput[] | null;
  @Field(() => [DisciplinaryRecordInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => DisciplinaryRecordInput)
  disciplinaryRecords?: DisciplinaryRecordInput[] | null;
  @Field(() => [WorkRecordInput], { nullable: true }) @IsOptional() @ValidateNested({ each: true }) @Type(() => WorkRecordInput)
  workRecords?: WorkRecordInput[] | null;
}

@InputType()
export class CoordinatorInput extends CoordinatorSubRecordsInput {
  @Field() @IsString() @Length(1, 50) name!: string;
  @Field({ description: '居民身份证号码 (GB 11643, checksum validated); birth date and gender are derived from it' })
  @IsString()
  idNumber!: string;
  @Field({ description: 'county or township code' }) @IsString() regionCode!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() enterpriseId?: string | null;
  @Field({ description: 'tripartite member unit staff or grassroots township/street/community coordinator (opens path d)' })
  @IsBoolean()
  tripartiteOrGrassroots!: boolean;
  @Field(() => Int, { nullable: true, description: '三(一) 1–6; derived when omitted (employer → 1, tripartite/grassroots → 3, else 6)' })
  @IsOptional() @IsInt() @Min(1) @Max(6)
  category?: number | null;
  @Field(() => CoordinatorAffiliation, { nullable: true, description: 'derived when omitted' })
  @IsOptional() @IsEnum(CoordinatorAffiliation)
  affiliation?: CoordinatorAffiliation | null;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9+\- ]{5,20}$/, { message: '电话号码格式不正确' }) phone?: string | null;
  @Field(() => String, { nullable: true, description: 'employer or unit name when not a registered enterprise' })
  @IsOptional() @MaxLength(200) unitName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) post?: string | null;
  @Field(() => DateScalar, { nullable: true, description: 'joined the corps; default: the earliest work period, else today' })
  @IsOptional() joinedOn?: string | null;
}

@InputType()
export class UpdateCoordinatorInput extends CoordinatorSubRecordsInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int, { description: 'the version read; a stale one is refused with CONFLICT' }) @IsInt() version!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 50) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() regionCode?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() enterpriseId?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() tripartiteOrGrassroots?: boolean;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(6) category?: number;
  @Field(() => CoordinatorAffiliation, { nullable: true }) @IsOptional() @IsEnum(CoordinatorAffiliation) affiliation?: CoordinatorAffiliation;
  @Field(() => String, { nullable: true }) @IsOptional() @Matches(/^[0-9+\- ]{5,20}$/, { message: '电话号码格式不正确' }) phone?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(200) unitName?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) post?: string | null;
  @Field(() => DateScalar, { nullable: true }) @IsOptional() joinedOn?: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: 'a new employer, unit or region holds from this day (default today); the previous assignment ends the day before',
  })
  @IsOptional()
  effectiveFrom?: string | null;
}

@InputType()
export class DeactivateCoordinatorInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => DateScalar, { nullable: true, description: 'left the post on (default today)' }) @IsOptional() leftOn?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) reason?: string | null;
}
