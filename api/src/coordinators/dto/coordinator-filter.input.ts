import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
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
  @Field(() => String, { nullable: true, description: 'the region and everything below it' })
  regionCode?: string | null;
  @Field(() => String, { nullable: true, description: 'name contains' })
  search?: string | null;
  @Field(() => String, { nullable: true, description: 'exact ID number (looked up by its keyed hash)' })
  idNumber?: string | null;
  @Field(() => [Int], { nullable: true, description: '三(一) 1–6' })
  categories?: number[] | null;
  @Field(() => CoordinatorStatus, { nullable: true, description: 'default: both' })
  status?: CoordinatorStatus | null;
  @Field(() => [CoordinatorAffiliation], { nullable: true })
  affiliations?: CoordinatorAffiliation[] | null;
  @Field(() => ID, { nullable: true })
  enterpriseId?: string | null;
  @Field(() => [SizeClass], { nullable: true, description: "employer's size class" })
  enterpriseSizeClasses?: SizeClass[] | null;
  @Field(() => Int, { nullable: true, description: 'holds a certificate of this level or higher (1 = 一级 … 5 = 五级)' })
  certificateLevelAtLeast?: number | null;
}

@InputType()
export class CoordinatorOrder {
  @Field(() => CoordinatorSort, { defaultValue: CoordinatorSort.NAME }) field!: CoordinatorSort;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
