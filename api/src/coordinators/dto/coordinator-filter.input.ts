import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsEnum, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { SizeClass, SortDirection } from '../../common/enums';
import { CoordinatorAffiliation, CoordinatorStatus } from './coordinator.input';

export enum CoordinatorSort {
  NAME = 'NAME',
  JOINED = 'JOINED',
  REGION = 'REGION',
  NEWEST = 'NEWEST',
}
registerEnumType(CoordinatorSort, { name: 'CoordinatorSort' });

@InputType()
export class CoordinatorFilter {
  // The same rules check the GraphQL argument and an export's ?filter= (validateInput).
  @Field(() => String, { nullable: true, description: 'the region and everything below it' })
  @IsOptional() @IsString({ message: '地区代码应为文本' }) @MaxLength(12, { message: '地区代码最多 12 位' })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'name contains' })
  @IsOptional() @IsString({ message: '关键词应为文本' }) @MaxLength(100, { message: '关键词最多 100 个字' })
  search?: string | null;
  @Field(() => String, { nullable: true, description: 'exact ID number (looked up by its keyed hash)' })
  @IsOptional() @IsString({ message: '身份证号应为文本' }) @MaxLength(30, { message: '身份证号最多 18 位' })
  idNumber?: string | null;
  @Field(() => [Int], { nullable: true, description: '三(一) 1–6' })
  @IsOptional() @IsArray({ message: '人员类别应为列表' }) @ArrayMaxSize(6, { message: '人员类别最多 6 项' })
  @IsInt({ each: true, message: '人员类别应为 1–6 的整数' }) @Min(1, { each: true, message: '人员类别应为 1–6' }) @Max(6, { each: true, message: '人员类别应为 1–6' })
  categories?: number[] | null;
  @Field(() => CoordinatorStatus, { nullable: true, description: 'default: both' })
  @IsOptional() @IsEnum(CoordinatorStatus, { message: '状态应为 ACTIVE（在岗）或 LEFT（离岗）' })
  status?: CoordinatorStatus | null;
  @Field(() => [CoordinatorAffiliation], { nullable: true })
  @IsOptional() @IsArray({ message: '所属类型应为列表' }) @IsEnum(CoordinatorAffiliation, { each: true, message: '所属类型无效' })
  affiliations?: CoordinatorAffiliation[] | null;
  @Field(() => ID, { nullable: true })
  @IsOptional() @IsString({ message: '用人单位编号应为文本' }) @MaxLength(20, { message: '用人单位编号无效' })
  enterpriseId?: string | null;
  @Field(() => [SizeClass], { nullable: true, description: "employer's size class" })
  @IsOptional() @IsArray({ message: '用人单位规模应为列表' }) @IsEnum(SizeClass, { each: true, message: '用人单位规模无效' })
  enterpriseSizeClasses?: SizeClass[] | null;
  @Field(() => Int, { nullable: true, description: 'holds a certificate of this level or higher (1 = 一级 … 5 = 五级)' })
  @IsOptional() @IsInt({ message: '证书等级应为 1–5 的整数' }) @Min(1, { message: '证书等级应为 1（一级）至 5（五级）' }) @Max(5, { message: '证书等级应为 1（一级）至 5（五级）' })
  certificateLevelAtLeast?: number | null;
  @Field(() => [ID], { nullable: true, description: 'only these records (a list\'s selected rows, e.g. 导出所选), at most 500; ids outside the jurisdiction match nothing' })
  @IsOptional() @IsArray({ message: '记录编号应为列表' }) @ArrayMaxSize(500, { message: '一次最多选择 500 条' })
  @IsString({ each: true, message: '记录编号应为文本' }) @Matches(/^\d{1,18}$/, { each: true, message: '记录编号无效' })
  ids?: string[] | null;
}

@InputType()
export class CoordinatorOrder {
  @Field(() => CoordinatorSort, { defaultValue: CoordinatorSort.NAME }) field!: CoordinatorSort;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
