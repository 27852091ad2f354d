import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { IsArray, IsBoolean, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { SizeClass, SortDirection } from '../../common/enums';

export enum EnterpriseSort {
  NAME = 'NAME',
  EMPLOYEES = 'EMPLOYEES',
  REVENUE = 'REVENUE',
  REGION = 'REGION',
  NEWEST = 'NEWEST',
}
registerEnumType(EnterpriseSort, { name: 'EnterpriseSort' });

@InputType()
export class EnterpriseFilter {
  // The same rules check the GraphQL argument and an export's ?filter= (validateInput).
  @Field(() => String, { nullable: true, description: 'the region and everything below it' })
  @IsOptional() @IsString({ message: '地区代码应为文本' }) @MaxLength(12, { message: '地区代码最多 12 位' })
  regionCode?: string | null;

  @Field(() => [SizeClass], { nullable: true })
  @IsOptional() @IsArray({ message: '企业规模应为列表' }) @IsEnum(SizeClass, { each: true, message: '企业规模无效' })
  sizeClasses?: SizeClass[] | null;

  @Field(() => Boolean, { nullable: true, description: 'has at least one active coordinator' })
  @IsOptional() @IsBoolean({ message: '应为 true 或 false' })
  covered?: boolean | null;

  @Field(() => String, { nullable: true, description: 'name contains, or credit code starts with' })
  @IsOptional() @IsString({ message: '关键词应为文本' }) @MaxLength(100, { message: '关键词最多 100 个字' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754 section letter' })
  @IsOptional() @IsString({ message: '行业门类应为 A–T 的字母' }) @Matches(/^[A-Ta-t]$/, { message: '行业门类应为 A–T 的字母' })
  industrySection?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional() @IsBoolean({ message: '应为 true 或 false' })
  publicOwned?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional() @IsBoolean({ message: '应为 true 或 false' })
  socialOrganization?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'false: deactivated ones; null: both' })
  @IsOptional() @IsBoolean({ message: '应为 true 或 false' })
  active?: boolean | null;
}

@InputType()
export class EnterpriseOrder {
  @Field(() => EnterpriseSort, { defaultValue: EnterpriseSort.NAME }) field!: EnterpriseSort;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
