import { registerEnumType } from '@nestjs/graphql';

export enum EligibilityTableKind {
  RELATED_OCCUPATION = 'RELATED_OCCUPATION',
  RELATED_OCCUPATION_KEYWORD = 'RELATED_OCCUPATION_KEYWORD',
  RELATED_MAJOR = 'RELATED_MAJOR',
  RELATED_MAJOR_KEYWORD = 'RELATED_MAJOR_KEYWORD',
  TITLE_LEVEL = 'TITLE_LEVEL',
  HARMONY_HONOR_KEYWORD = 'HARMONY_HONOR_KEYWORD',
  FIELD_HONOR_KEYWORD = 'FIELD_HONOR_KEYWORD',
}
registerEnumType(EligibilityTableKind, {
  name: 'EligibilityTableKind',
  description: '四(一)2 末段: 相关职业 / 相关专业 / 职称对应等级 / 构建和谐劳动关系先进个人 / 劳动关系领域荣誉',
});
