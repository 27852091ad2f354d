import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { WorkRecordKind, WorkRecordOutcome, WorkRecordPrecision } from '../../coordinators/dto/sub-record.input';

const YEAR_MESSAGE = '年份应为 2000–2100';

@InputType()
export class CreateWorkRecordInput {
  @Field(() => ID) @IsString() @MaxLength(20) coordinatorId!: string;
  @Field(() => WorkRecordKind) @IsEnum(WorkRecordKind, { message: '工作类型无效' }) kind!: WorkRecordKind;
  @Field(() => Int, { defaultValue: 1, description: 'how many (disputes, consultations, sessions …)' })
  @IsInt({ message: '次数应为整数' }) @Min(0, { message: '次数不能为负数' }) @Max(100000, { message: '次数最多 100000' }) count!: number;
  @Field({ description: "YYYY-MM-DD, or YYYY-MM when precision is MONTH" }) @IsString() @MaxLength(10) recordedOn!: string;
  @Field(() => WorkRecordPrecision, { nullable: true, defaultValue: WorkRecordPrecision.DAY }) @IsOptional() @IsEnum(WorkRecordPrecision) precision?: WorkRecordPrecision | null;
  @Field(() => ID, { nullable: true, description: 'the enterprise served, in your jurisdiction' }) @IsOptional() @IsString() @MaxLength(20) enterpriseId?: string | null;
  @Field(() => WorkRecordOutcome, { nullable: true, description: '调解劳动争议 only' }) @IsOptional() @IsEnum(WorkRecordOutcome, { message: '调解结果无效' }) outcome?: WorkRecordOutcome | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000, { message: '说明最多 1000 字' }) description?: string | null;
}

@InputType()
export class UpdateWorkRecordInput {
  @Field(() => ID) @IsString() @MaxLength(20) id!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field(() => WorkRecordKind) @IsEnum(WorkRecordKind, { message: '工作类型无效' }) kind!: WorkRecordKind;
  @Field(() => Int, { defaultValue: 1 }) @IsInt({ message: '次数应为整数' }) @Min(0, { message: '次数不能为负数' }) @Max(100000, { message: '次数最多 100000' }) count!: number;
  @Field() @IsString() @MaxLength(10) recordedOn!: string;
  @Field(() => WorkRecordPrecision, { nullable: true, defaultValue: WorkRecordPrecision.DAY }) @IsOptional() @IsEnum(WorkRecordPrecision) precision?: WorkRecordPrecision | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(20) enterpriseId?: string | null;
  @Field(() => WorkRecordOutcome, { nullable: true }) @IsOptional() @IsEnum(WorkRecordOutcome, { message: '调解结果无效' }) outcome?: WorkRecordOutcome | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(1000, { message: '说明最多 1000 字' }) description?: string | null;
}

export enum WorkRecordSort {
  RECORDED_ON_DESC = 'RECORDED_ON_DESC',
  RECORDED_ON_ASC = 'RECORDED_ON_ASC',
  COUNT_DESC = 'COUNT_DESC',
  COORDINATOR_NAME = 'COORDINATOR_NAME',
}
registerEnumType(WorkRecordSort, { name: 'WorkRecordSort' });

/** The records list and its export; with a year, exactly the records behind workFigures of that region and year. */
@InputType()
export class WorkRecordFilter {
  @Field(() => String, { nullable: true, description: 'counted in this region (with a year: in that year’s hierarchy)' })
  @IsOptional() @IsString({ message: '地区代码应为文本' }) @MaxLength(12, { message: '地区代码最多 12 位' }) regionCode?: string | null;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: YEAR_MESSAGE }) @Min(2000, { message: YEAR_MESSAGE }) @Max(2100, { message: YEAR_MESSAGE }) year?: number | null;
  @Field(() => [WorkRecordKind], { nullable: true }) @IsOptional() @IsArray() @ArrayMaxSize(10) @IsEnum(WorkRecordKind, { each: true, message: '工作类型无效' }) kinds?: WorkRecordKind[] | null;
  @Field(() => WorkRecordOutcome, { nullable: true }) @IsOptional() @IsEnum(WorkRecordOutcome, { message: '调解结果无效' }) outcome?: WorkRecordOutcome | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(20) coordinatorId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() @MaxLength(20) enterpriseId?: string | null;
  @Field(() => String, { nullable: true, description: 'the coordinator’s or enterprise’s name, or the description' })
  @IsOptional() @IsString() @MaxLength(50, { message: '搜索词最多 50 字' }) search?: string | null;
  @Field(() => WorkRecordSort, { nullable: true, defaultValue: WorkRecordSort.RECORDED_ON_DESC }) @IsOptional() @IsEnum(WorkRecordSort) sort?: WorkRecordSort | null;
}

/** The silent coordinators' export filter: the arguments of `silentCoordinators`. */
export class SilentCoordinatorsExportFilter {
  @IsOptional() @IsString({ message: '地区代码应为文本' }) @MaxLength(12, { message: '地区代码最多 12 位' }) regionCode?: string | null;
  @IsOptional() @IsInt({ message: YEAR_MESSAGE }) @Min(2000, { message: YEAR_MESSAGE }) @Max(2100, { message: YEAR_MESSAGE }) year?: number | null;
}
