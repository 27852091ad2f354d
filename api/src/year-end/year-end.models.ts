import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CoverageModel, CoverageProgressModel, RegionFiguresModel, StructureSliceModel, WorkforceTrendModel } from '../analytics/analytics.model';
import { DateScalar } from '../common/date.scalar';

export enum CoverageTargetUnit {
  LARGE_MEDIUM = 'LARGE_MEDIUM',
  SOCIAL_ORGANIZATION = 'SOCIAL_ORGANIZATION',
}
registerEnumType(CoverageTargetUnit, { name: 'CoverageTargetUnit', description: 'what a target counts: 大中型企业 (LARGE_MEDIUM), 社会组织 (SOCIAL_ORGANIZATION)' });

@ObjectType('CoverageTarget', { description: 'a coverage target (十四五, 十五五 …): the rate to reach by its end date' })
export class CoverageTargetModel {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => DateScalar, { description: 'a 31 December: the year whose end figures are judged' }) endDate!: string;
  @Field(() => Float, { description: '1 = 100%' }) rate!: number;
  @Field(() => [CoverageTargetUnit]) counts!: CoverageTargetUnit[];
  @Field(() => Int, { description: 'the year after the previous target’s end (十四五: 2021)' }) startYear!: number;
  @Field({ description: 'its end date is before today (China)' }) finished!: boolean;
  @Field({ description: 'the target of today: the earliest not finished' }) running!: boolean;
}

@ObjectType('TargetVerdictRegion')
export class TargetVerdictRegionModel {
  @Field() regionCode!: string;
  @Field() regionName!: string;
  @Field(() => Int) covered!: number;
  @Field(() => Int) total!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
  @Field(() => Boolean, { nullable: true, description: 'null: nothing to count in the region' }) met!: boolean | null;
  @Field(() => Int, { description: 'units missing at the end date (0 when met)' }) shortfall!: number;
}

@ObjectType('TargetVerdict', { description: 'a finished target judged at its end date, for a region and each of its child regions' })
export class TargetVerdictModel {
  @Field(() => CoverageTargetModel) target!: CoverageTargetModel;
  @Field(() => Int) year!: number;
  @Field({ description: 'true: from the figures stored when the year was closed; false: the current figures of that year' }) asReported!: boolean;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => TargetVerdictRegionModel) region!: TargetVerdictRegionModel;
  @Field(() => [TargetVerdictRegionModel]) children!: TargetVerdictRegionModel[];
}

@ObjectType('ClosedYear', { description: '年度数据锁定: a year whose figures were stored as reported' })
export class ClosedYearModel {
  @Field(() => Int) year!: number;
  @Field(() => Date) closedAt!: Date;
  @Field(() => String, { nullable: true }) closedBy!: string | null;
  @Field(() => Int, { description: 'regions whose figures are stored' }) regions!: number;
}

@ObjectType('ReportedYear', { description: 'the figures of a closed year for a region, as they stood when the year was closed' })
export class ReportedYearModel {
  @Field() regionCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => Date) closedAt!: Date;
  @Field(() => CoverageModel) coverage!: CoverageModel;
  @Field(() => [RegionFiguresModel]) distribution!: RegionFiguresModel[];
  @Field(() => [StructureSliceModel]) workforceStructure!: StructureSliceModel[];
  @Field(() => WorkforceTrendModel) workforceTrend!: WorkforceTrendModel;
  @Field(() => CoverageProgressModel) coverageProgress!: CoverageProgressModel;
}

@ObjectType('ReportedDifference', { description: 'where the current figures of a closed year differ from those reported' })
export class ReportedDifferenceModel {
  @Field() regionCode!: string;
  @Field(() => Int) year!: number;
  @Field(() => Date) closedAt!: Date;
  @Field({ description: 'some coverage figure differs' }) differs!: boolean;
  @Field(() => [String], { description: 'the Coverage fields that differ, e.g. largeMediumTotal' }) changedFigures!: string[];
  @Field(() => Int, { description: 'coordinators and enterprises of the region created or changed since the year was closed' }) changedRecords!: number;
  @Field(() => CoverageModel) reported!: CoverageModel;
  @Field(() => CoverageModel) current!: CoverageModel;
}
