import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum RegionLevel {
  PROVINCE = 'PROVINCE',
  UNIT = 'UNIT',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
}
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: 'PROVINCE 省, UNIT 市州 (reporting unit, incl. 梅河口市 and 长白山管委会), COUNTY 县市区, TOWNSHIP 乡镇街道',
});

@ObjectType('Region')
export class RegionModel {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => RegionLevel) level!: RegionLevel;
  @Field(() => String, { nullable: true }) parentCode!: string | null;
  @Field({ description: 'jurisdiction path along the reporting hierarchy, e.g. 220000/220500/220521/' })
  path!: string;
  @Field({ description: 'true for a project code without a GB/T 2260 code of its own (长白山管委会)' })
  synthetic!: boolean;
}
