import { registerEnumType } from '@nestjs/graphql';

// GraphQL enums shared by several features. Values match the domain lib's string unions.
export enum SizeClass {
  LARGE = 'LARGE',
  MEDIUM = 'MEDIUM',
  SMALL = 'SMALL',
  MICRO = 'MICRO',
}
registerEnumType(SizeClass, { name: 'SizeClass', description: '大型 / 中型 / 小型 / 微型 (统计上大中小微型企业划分办法 2017)' });

export enum AwardTier {
  GOLD = 'GOLD',
  SILVER = 'SILVER',
  BRONZE = 'BRONZE',
}
registerEnumType(AwardTier, { name: 'AwardTier', description: '金牌 / 银牌 / 铜牌' });

export enum EducationLevel {
  SECONDARY_OR_BELOW = 'SECONDARY_OR_BELOW',
  JUNIOR_COLLEGE = 'JUNIOR_COLLEGE',
  BACHELOR = 'BACHELOR',
  MASTER = 'MASTER',
  DOCTOR = 'DOCTOR',
}
registerEnumType(EducationLevel, { name: 'EducationLevel', description: '中专及以下 / 大专 / 本科 / 硕士 / 博士' });

export enum HonorLevel {
  NATIONAL = 'NATIONAL',
  PROVINCIAL = 'PROVINCIAL',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
}
registerEnumType(HonorLevel, { name: 'HonorLevel' });

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });
