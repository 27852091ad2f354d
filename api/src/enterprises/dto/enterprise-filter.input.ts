import { Field, InputType, registerEnumType } from '@nestjs/graphql';
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
  @Field(() => String, { nullable: true, description: 'the region and everything below it' })
  regionCode?: string | null;

  @Field(() => [SizeClass], { nullable: true })
  sizeClasses?: SizeClass[] | null;

  @Field(() => Boolean, { nullable: true, description: 'has at least one active coordinator' })
  covered?: boolean | null;

  @Field(() => String, { nullable: true, description: 'name contains, or credit code starts with' })
  search?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 4754 section letter' })
  industrySection?: string | null;

  @Field(() => Boolean, { nullable: true })
  publicOwned?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  socialOrganization?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'false: deactivated ones; null: both' })
  active?: boolean | null;
}

@InputType()
export class EnterpriseOrder {
  @Field(() => EnterpriseSort, { defaultValue: EnterpriseSort.NAME }) field!: EnterpriseSort;
  @Field(() => SortDirection, { defaultValue: SortDirection.ASC }) direction!: SortDirection;
}
