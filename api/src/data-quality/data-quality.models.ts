import { ArgsType, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { PageArgs } from '../common/paging';

export enum DataQualitySeverity {
  ERROR = 'ERROR',
  WARNING = 'WARNING',
  INFO = 'INFO',
}
registerEnumType(DataQualitySeverity, { name: 'DataQualitySeverity', description: '错误 / 警告 / 提示' });

export enum DataQualityEntity {
  COORDINATOR = 'COORDINATOR',
  ENTERPRISE = 'ENTERPRISE',
}
registerEnumType(DataQualityEntity, { name: 'DataQualityEntity' });

@ObjectType('DataQualityRule', { description: 'a rule of the clean-up list, as data (kind, severity, description)' })
export class DataQualityRuleModel {
  @Field() code!: string;
  @Field(() => DataQualityEntity) entity!: DataQualityEntity;
  @Field(() => DataQualitySeverity) severity!: DataQualitySeverity;
  @Field() description!: string;
  @Field() descriptionEn!: string;
  @Field({ description: 'false: not counted (the province switched it off)' }) enabled!: boolean;
  @Field(() => Int) version!: number;
  @Field(() => Int, { description: 'records of the region failing the rule (0 for a rule switched off)' }) count!: number;
}

@ObjectType('DataQualityCount')
export class DataQualityCountModel {
  @Field() rule!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('DataQualityRegion', { description: 'a child region of the report (or the region itself: its own records)' })
export class DataQualityRegionModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field({ description: 'true for the records filed at the report\'s region itself' }) own!: boolean;
  @Field(() => Float, { description: '0–100: 100 less the severity-weighted share of failing records' }) score!: number;
  @Field(() => Int, { description: 'active coordinators and active enterprises' }) records!: number;
  @Field(() => Int) failures!: number;
  @Field(() => [DataQualityCountModel]) counts!: DataQualityCountModel[];
}

@ObjectType('DataQualityReport')
export class DataQualityReportModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field(() => Float) score!: number;
  @Field(() => Int) records!: number;
  @Field(() => Int) failures!: number;
  @Field(() => [DataQualityRuleModel]) rules!: DataQualityRuleModel[];
  @Field(() => [DataQualityRegionModel], { description: 'per child region, worst score first' }) children!: DataQualityRegionModel[];
}

@ObjectType('DataQualityRecord', { description: 'a record failing a rule, with the page to fix it' })
export class DataQualityRecordModel {
  @Field(() => DataQualityEntity) entity!: DataQualityEntity;
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() regionCode!: string;
  @Field({ description: 'the region along the reporting hierarchy, e.g. 长春市 · 朝阳区 · 前进街道' }) regionPathName!: string;
  @Field(() => String, { nullable: true }) detail!: string | null;
  @Field({ description: 'the web page where to fix it' }) link!: string;
}

@ObjectType('DataQualityRecordPage')
export class DataQualityRecordPageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [DataQualityRecordModel]) items!: DataQualityRecordModel[];
}

@ArgsType()
export class DataQualityRecordsArgs extends PageArgs {
  @Field() @IsString() @Matches(/^[A-Z_]{1,40}$/, { message: '规则代码无效' }) rule!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(12) regionCode?: string | null;
}

@InputType()
export class UpdateDataQualityRuleInput {
  @Field() @IsString() @Matches(/^[A-Z_]{1,40}$/, { message: '规则代码无效' }) code!: string;
  @Field(() => Int) @IsInt() @Min(1) version!: number;
  @Field(() => DataQualitySeverity, { nullable: true }) @IsOptional() @IsIn(Object.values(DataQualitySeverity)) severity?: DataQualitySeverity | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}
