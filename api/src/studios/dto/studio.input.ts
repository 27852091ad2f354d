import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { DateScalar } from '../../common/date.scalar';
import { SortDirection } from '../../common/enums';
import { StudioHostKind, StudioKind, StudioStatus } from '../studio.model';

const MAX_LINKS = 500;

@InputType()
export class StudioInput {
  @Field(() => StudioKind) @IsEnum(StudioKind, { message: '类型无效' }) kind!: StudioKind;

  @Field() @IsString() @Length(1, 200, { message: '名称应为 1–200 个字' }) name!: string;

  @Field(() => StudioHostKind) @IsEnum(StudioHostKind, { message: '依托单位类型无效' }) hostKind!: StudioHostKind;

  @Field(() => ID, { nullable: true, description: 'required when hostKind is ENTERPRISE' })
  @IsOptional() @IsString() hostEnterpriseId?: string | null;

  @Field(() => String, { nullable: true, description: 'required when hostKind is GRASSROOTS_PLATFORM' })
  @IsOptional() @IsString() @MaxLength(200, { message: '最多 200 个字' }) hostPlatformName?: string | null;

  @Field({ description: 'county or township code inside your jurisdiction' }) @IsString() @MaxLength(12) regionCode!: string;

  @Field(() => DateScalar) openedOn!: string;

  @Field(() => StudioStatus, { nullable: true, defaultValue: StudioStatus.ACTIVE })
  @IsOptional() @IsEnum(StudioStatus, { message: '状态无效' }) status?: StudioStatus | null;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000, { message: '最多 1000 个字' }) description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'the coordinators who staff it' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_LINKS) coordinatorIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'the enterprises it serves (a host enterprise is served anyway)' })
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_LINKS) servedEnterpriseIds?: string[] | null;
}

@InputType()
export class UpdateStudioInput extends StudioInput {
  @Field(() => ID) @IsString() id!: string;
  @Field(() => Int, { description: 'the version read; a newer one answers CONFLICT' }) @IsInt() @Min(1) version!: number;
}

export enum StudioSort {
  NAME = 'NAME',
  OPENED_ON = 'OPENED_ON',
  REGION = 'REGION',
  NEWEST = 'NEWEST',
}
registerEnumType(StudioSort, { name: 'StudioSort' });

@InputType()
export class StudioFilter {
  @Field(() => String, { nullable: true, description: 'the region and everything below it' })
  @IsOptional() @IsString() @MaxLength(12) regionCode?: string | null;

  @Field(() => StudioKind, { nullable: true }) @IsOptional() @IsEnum(StudioKind) kind?: StudioKind | null;

  @Field(() => StudioStatus, { nullable: true }) @IsOptional() @IsEnum(StudioStatus) status?: StudioStatus | null;

  @Field(() => String, { nullable: true, description: 'name or host platform contains' })
  @IsOptional() @IsString() @MaxLength(100, { message: '关键词最多 100 个字' }) search?: string | null;
}

@InputType()
export class StudioOrder {
  @Field(() => StudioSort, { defaultValue: StudioSort.NAME }) field!: StudioSort;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
