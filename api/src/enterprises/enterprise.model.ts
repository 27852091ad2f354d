import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../common/date.scalar';
import { SizeClass } from '../common/enums';

@ObjectType('Incident')
export class IncidentModel {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field(() => DateScalar) occurredOn!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
}

@ObjectType('EnterpriseYearFigures', { description: "an enterprise's figures of a year; they hold until the next year with figures" })
export class EnterpriseYearFiguresModel {
  @Field(() => Int) year!: number;
  @Field(() => Int) employees!: number;
  @Field(() => Float, { description: '营业收入, 万元' }) revenue!: number;
  @Field(() => Float, { nullable: true, description: '资产总额, 万元' }) assets!: number | null;
  @Field(() => SizeClass, { description: 'the override if any, else the class derived by the 2017 table' }) sizeClass!: SizeClass;
  @Field(() => SizeClass) derivedSizeClass!: SizeClass;
  @Field(() => SizeClass, { nullable: true }) sizeOverride!: SizeClass | null;
  @Field(() => String, { nullable: true }) sizeOverrideReason!: string | null;
}

@ObjectType('Enterprise')
export class EnterpriseModel {
  @Field(() => ID) id!: string;
  @Field() creditCode!: string;
  @Field() name!: string;
  @Field() regionCode!: string;
  @Field() industryCode!: string;
  @Field({ description: 'GB/T 4754 section letter' }) industrySection!: string;
  @Field(() => Int) employees!: number;
  @Field(() => Float, { description: '万元' }) revenue!: number;
  @Field(() => Float, { nullable: true, description: '万元' }) assets!: number | null;
  @Field() publicOwned!: boolean;
  @Field() socialOrganization!: boolean;
  @Field(() => SizeClass, { description: 'the override when recorded, else the derived class' }) sizeClass!: SizeClass;
  @Field(() => SizeClass) derivedSizeClass!: SizeClass;
  @Field(() => SizeClass, { nullable: true }) sizeOverride!: SizeClass | null;
  @Field(() => String, { nullable: true }) sizeOverrideReason!: string | null;
  @Field(() => DateScalar) registeredOn!: string;
  @Field() active!: boolean;
  @Field(() => Int) version!: number;
  @Field() createdAt!: Date;
  @Field() updatedAt!: Date;
}

@ObjectType('EnterprisePage')
export class EnterprisePageModel {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [EnterpriseModel]) items!: EnterpriseModel[];
}
