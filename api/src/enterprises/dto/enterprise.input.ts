import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsInt, IsNumber, IsOptional, IsString, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { DateScalar } from '../../common/date.scalar';
import { SizeClass } from '../../common/enums';

/** 万元; the columns hold 14 digits before the point, the largest enterprises report under 10^8. */
const MAX_AMOUNT_10K_YUAN = 10_000_000_000;

@InputType()
export class IncidentInput {
  @Field({ description: '重大劳动关系群体性、突发性事件 / 重大信访事件 …' })
  @IsString()
  @Length(1, 100)
  kind!: string;

  @Field(() => DateScalar)
  occurredOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  description?: string | null;
}

@InputType()
export class EnterpriseInput {
  @Field({ description: '统一社会信用代码 (GB 32100-2015, checksum validated)' })
  @IsString()
  creditCode!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field({ description: 'county or township code' })
  @IsString()
  regionCode!: string;

  @Field({ description: 'GB/T 4754-2017 code, e.g. "C13" or "5110"' })
  @IsString()
  industryCode!: string;

  @Field(() => Int)
  @IsInt()
  @Min(0)
  @Max(10_000_000)
  employees!: number;

  @Field(() => Float, { description: '营业收入, 万元' })
  @IsNumber()
  @Min(0)
  @Max(MAX_AMOUNT_10K_YUAN, { message: `营业收入最多 ${MAX_AMOUNT_10K_YUAN} 万元` })
  revenue!: number;

  @Field(() => Float, { nullable: true, description: '资产总额, 万元' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(MAX_AMOUNT_10K_YUAN, { message: `资产总额最多 ${MAX_AMOUNT_10K_YUAN} 万元` })
  assets?: number | null;

  @Field({ description: '公有制 (true) / 非公有制 (false)' })
  @IsBoolean()
  publicOwned!: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: '从事协调劳动关系的社会组织' })
  @IsOptional()
  @IsBoolean()
  socialOrganization?: boolean | null;

  @Field(() => [IncidentInput], { nullable: true })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => IncidentInput)
  incidents?: IncidentInput[] | null;

  @Field(() => SizeClass, { nullable: true, description: 'override of the derived size class; needs a reason' })
  @IsOptional()
  @IsEnum(SizeClass)
  sizeOverride?: SizeClass | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  sizeOverrideReason?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'date the enterprise entered the registry (default today)' })
  @IsOptional()
  registeredOn?: string | null;
}

@InputType()
export class UpdateEnterpriseInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int, { description: 'the version read; a stale one is refused with CONFLICT' }) @IsInt() version!: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() regionCode?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() industryCode?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(10_000_000) employees?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(MAX_AMOUNT_10K_YUAN, { message: `营业收入最多 ${MAX_AMOUNT_10K_YUAN} 万元` }) revenue?: number;
  @Field(() => Float, { nullable: true }) @IsOptional() @IsNumber() @Min(0) @Max(MAX_AMOUNT_10K_YUAN, { message: `资产总额最多 ${MAX_AMOUNT_10K_YUAN} 万元` }) assets?: number | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() publicOwned?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() socialOrganization?: boolean;
  @Field(() => [IncidentInput], { nullable: true, description: 'replaces the incident list when given' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => IncidentInput)
  incidents?: IncidentInput[] | null;
  @Field(() => SizeClass, { nullable: true }) @IsOptional() @IsEnum(SizeClass) sizeOverride?: SizeClass | null;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(500) sizeOverrideReason?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'true removes the override' }) @IsOptional() @IsBoolean() clearSizeOverride?: boolean;
  @Field(() => Int, {
    nullable: true,
    description: 'the year the figures given (employees, revenue, assets, size override) are of; default the current year',
  })
  @IsOptional()
  @IsInt()
  figuresYear?: number | null;
}

export enum EnterpriseSortField {
  NAME = 'name',
  EMPLOYEES = 'employees',
  REVENUE = 'revenue',
  REGION = 'region_code',
  CREATED = 'id',
}
