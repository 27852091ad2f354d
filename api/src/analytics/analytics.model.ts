import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar } from '../common/date.scalar';

/** A dimension of the workforce figures: stock at a year end, or a flow within a year. */
export enum WorkforceDimension {
  TOTAL = 'TOTAL',
  CATEGORY = 'CATEGORY',
  GENDER = 'GENDER',
  AGE_BAND = 'AGE_BAND',
  EDUCATION = 'EDUCATION',
  CERT_LEVEL = 'CERT_LEVEL',
  OCCUPATION = 'OCCUPATION',
  OWNERSHIP = 'OWNERSHIP',
  SIZE_CLASS = 'SIZE_CLASS',
  AFFILIATION = 'AFFILIATION',
  JOINED = 'JOINED',
  LEFT = 'LEFT',
  NEWLY_CERTIFIED = 'NEWLY_CERTIFIED',
  CERTIFIED = 'CERTIFIED',
  TRAINED = 'TRAINED',
}
registerEnumType(WorkforceDimension, {
  name: 'WorkforceDimension',
  description: 'stock at the year end (TOTAL … AFFILIATION) or a flow within the year (JOINED … TRAINED)',
});

export const STOCK_DIMENSIONS: WorkforceDimension[] = [
  WorkforceDimension.CATEGORY,
  WorkforceDimension.GENDER,
  WorkforceDimension.AGE_BAND,
  WorkforceDimension.EDUCATION,
  WorkforceDimension.CERT_LEVEL,
  WorkforceDimension.OCCUPATION,
  WorkforceDimension.OWNERSHIP,
  WorkforceDimension.SIZE_CLASS,
  WorkforceDimension.AFFILIATION,
];

@ObjectType('Coverage', { description: '配备率 toward the 十四五 target (二), at the end of `year` (the current year: now)' })
export class CoverageModel {
  @Field() regionCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { description: '31 December of the year, or today for the current year' }) asOf!: string;
  @Field(() => Int) largeMediumTotal!: number;
  @Field(() => Int, { description: 'large/medium enterprises with at least one active coordinator employed there' }) largeMediumCovered!: number;
  @Field(() => Float, { nullable: true, description: 'null when there is nothing to cover' }) largeMediumRate!: number | null;
  @Field(() => Int) socialOrganizationTotal!: number;
  @Field(() => Int) socialOrganizationCovered!: number;
  @Field(() => Float, { nullable: true }) socialOrganizationRate!: number | null;
  @Field(() => Int) smallMicroTotal!: number;
  @Field(() => Int, { description: 'own coordinator, or an active grassroots coordinator of the township' }) smallMicroCovered!: number;
  @Field(() => Int, { description: 'small/micro enterprises with their own coordinator' }) smallMicroCoveredOwn!: number;
  @Field(() => Float, { nullable: true }) smallMicroRate!: number | null;
  @Field(() => Int, { description: 'the target set: large/medium enterprises plus social organizations, each counted once' }) targetTotal!: number;
  @Field(() => Int) targetCovered!: number;
  @Field(() => Float, { nullable: true }) targetRate!: number | null;
  @Field(() => Int, { description: 'largeMediumTotal − largeMediumCovered: the length of uncoveredEnterprises' }) largeMediumUncovered!: number;
}

@ObjectType('CoveragePoint')
export class CoveragePointModel {
  @Field(() => Int) year!: number;
  @Field(() => Float) rate!: number;
}

@ObjectType('CoverageProgressYear')
export class CoverageProgressYearModel {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'target set (large/medium + social organizations)' }) total!: number;
  @Field(() => Int) covered!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Float, { nullable: true, description: 'the straight line from the base year\'s rate to the target\'s rate at its end' }) targetRate!: number | null;
  @Field(() => Int) largeMediumTotal!: number;
  @Field(() => Int) largeMediumCovered!: number;
  @Field(() => Int) socialOrganizationTotal!: number;
  @Field(() => Int) socialOrganizationCovered!: number;
}

@ObjectType('CoverageProgress')
export class CoverageProgressModel {
  @Field() regionCode!: string;
  @Field(() => Int) baseYear!: number;
  @Field(() => Int, { description: 'the year the target is judged at (its end date\'s year)' }) targetYear!: number;
  @Field({ description: 'the target drawn: the running one, or the last finished when none is set after it' }) targetName!: string;
  @Field(() => DateScalar) targetEndDate!: string;
  @Field(() => Float, { description: 'the rate to reach (1 = 100%)' }) targetRateToReach!: number;
  @Field({ description: 'the target drawn has ended (no later target is set yet)' }) targetFinished!: boolean;
  @Field(() => [CoverageProgressYearModel]) years!: CoverageProgressYearModel[];
  @Field(() => Float, { nullable: true, description: 'covered units added per whole year so far (the current, partial year not counted)' }) pacePerYear!: number | null;
  @Field(() => Int) remaining!: number;
  @Field(() => Int) yearsLeft!: number;
  @Field(() => Int, { nullable: true, description: 'additions per year still needed to reach the target rate by its end; null once it is too late' })
  neededPerYear!: number | null;
  @Field(() => Int, { nullable: true, description: 'the year 100% is reached at the current pace' }) projectedYear!: number | null;
  @Field() onTrack!: boolean;
  @Field(() => [CoveragePointModel], { description: 'the rate carried forward at the current pace, from the last year to 100%' })
  projection!: CoveragePointModel[];
}

@ObjectType('RegionFigures', { description: 'one child region of the asked region (or the asked region’s own rows: `own` true)' })
export class RegionFiguresModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field() level!: string;
  @Field({ description: 'rows filed directly at the parent region, not below it' }) own!: boolean;
  @Field() hasChildren!: boolean;
  @Field(() => Int) coordinators!: number;
  @Field(() => Int) largeMediumTotal!: number;
  @Field(() => Int) largeMediumCovered!: number;
  @Field(() => Float, { nullable: true }) largeMediumRate!: number | null;
  @Field(() => Int) socialOrganizationTotal!: number;
  @Field(() => Int) socialOrganizationCovered!: number;
  @Field(() => Int) smallMicroTotal!: number;
  @Field(() => Int) smallMicroCovered!: number;
  @Field(() => Float, { nullable: true, description: 'coordinators per 100 large/medium enterprises' }) perHundredLargeMedium!: number | null;
}

@ObjectType('StructureSlice')
export class StructureSliceModel {
  @Field(() => WorkforceDimension) dimension!: WorkforceDimension;
  @Field({ description: 'the bucket code, e.g. MALE, 3 (三级), NON_PUBLIC, NONE (none on file)' }) bucket!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('BucketCount')
export class BucketCountModel {
  @Field() bucket!: string;
  @Field(() => Int) count!: number;
}

@ObjectType('SubsidyFigure')
export class SubsidyFigureModel {
  @Field() kind!: string;
  @Field(() => Int) people!: number;
  @Field(() => Float, { description: '元' }) amount!: number;
}

@ObjectType('WorkforceYear')
export class WorkforceYearModel {
  @Field(() => Int) year!: number;
  @Field(() => Int, { description: 'active at 31 December (the current year: now)' }) activeAtYearEnd!: number;
  @Field(() => Int) joined!: number;
  @Field(() => Int) left!: number;
  @Field(() => Int, { description: 'people whose first certificate was issued this year' }) newlyCertified!: number;
  @Field(() => [BucketCountModel], { description: 'people certified this year per level (1 = 一级 … 5 = 五级, NONE = no numbered level)' })
  certifiedByLevel!: BucketCountModel[];
  @Field(() => Int) peopleTrained!: number;
  @Field(() => Int) trainings!: number;
  @Field(() => Float) trainingHours!: number;
  @Field(() => [SubsidyFigureModel]) subsidies!: SubsidyFigureModel[];
}

@ObjectType('WorkforceTrend')
export class WorkforceTrendModel {
  @Field() regionCode!: string;
  @Field(() => Int) activeNow!: number;
  @Field(() => [WorkforceYearModel]) years!: WorkforceYearModel[];
}

@ObjectType('AnalyticsStatus')
export class AnalyticsStatusModel {
  @Field(() => Date, { nullable: true }) refreshedAt!: Date | null;
  @Field({ description: 'writes not yet in the roll-ups' }) pending!: boolean;
  @Field(() => Int, { nullable: true }) lastRefreshMs!: number | null;
  @Field(() => Int, { nullable: true }) lastRefreshRegions!: number | null;
  @Field(() => Int) firstYear!: number;
  @Field(() => Int) currentYear!: number;
}
