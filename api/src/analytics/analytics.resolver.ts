import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { SizeClass } from '../common/enums';
import { PageArgs } from '../common/paging';
import { CurrentUser, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { TextArgument } from '../common/input-validation';
import { CoordinatorPageModel } from '../coordinators/coordinator.model';
import { EnterprisePageModel } from '../enterprises/enterprise.model';
import { AnalyticsAwardsService, AwardYearFiguresModel } from './analytics-awards.service';
import { AnalyticsDrilldownService } from './analytics-drilldown.service';
import {
  AnalyticsStatusModel,
  CoverageModel,
  CoverageProgressModel,
  RegionFiguresModel,
  StructureSliceModel,
  WorkforceDimension,
  WorkforceTrendModel,
} from './analytics.model';
import { AnalyticsService } from './analytics.service';
import { AnalyticsReportedService } from './analytics-reported.service';

// The dashboard's figures (SPEC "Analytics"). Each figure is for a region the user may read
// (an outside region answers like an unknown code) and comes from the roll-up tables.
@Resolver()
export class AnalyticsResolver {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly drilldown: AnalyticsDrilldownService,
    private readonly awards: AnalyticsAwardsService,
    private readonly reported: AnalyticsReportedService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => [AwardYearFiguresModel], { description: 'nominees and named per tier per year against the quota and the gold target' })
  awardFigures(@CurrentUser() user: SessionUser, @Args('regionCode') regionCode: string) {
    return this.awards.figures(user, regionCode);
  }

  @Roles(...READER_ROLES)
  @Query(() => CoverageModel, { description: 'coverage at the end of `year` (the current year: now), 2021 to now' })
  coverage(
    @CurrentUser() user: SessionUser,
    @Args('regionCode') regionCode: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('publicOwned', { type: () => Boolean, nullable: true }) publicOwned?: boolean | null,
    @Args('sizeClasses', { type: () => [SizeClass], nullable: true }) sizeClasses?: SizeClass[] | null,
    @Args('asReported', { type: () => Boolean, nullable: true, description: 'true: the figures stored when the year was closed (年度数据锁定); default the current figures' })
    asReported?: boolean | null,
  ) {
    if (asReported) return this.reported.coverage(user, regionCode, year, { publicOwned, sizeClasses });
    return this.analytics.coverage(user, regionCode, year, { publicOwned, sizeClasses });
  }

  @Roles(...READER_ROLES)
  @Query(() => CoverageProgressModel, { description: 'coverage per year 2021 → now against the running target (else the last finished): its path, the pace of whole years and the projection' })
  async coverageProgress(
    @CurrentUser() user: SessionUser,
    @Args('regionCode') regionCode: string,
    @Args('publicOwned', { type: () => Boolean, nullable: true }) publicOwned?: boolean | null,
    @Args('sizeClasses', { type: () => [SizeClass], nullable: true }) sizeClasses?: SizeClass[] | null,
  ) {
    const { target, baseYear } = await this.reported.progressTarget(regionCode);
    return this.analytics.coverageProgress(user, regionCode, { publicOwned, sizeClasses }, target, baseYear);
  }

  @Roles(...READER_ROLES)
  @Query(() => [RegionFiguresModel], { description: 'coordinators and coverage per child region (unit, county, township)' })
  distribution(
    @CurrentUser() user: SessionUser,
    @Args('regionCode') regionCode: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('publicOwned', { type: () => Boolean, nullable: true }) publicOwned?: boolean | null,
    @Args('sizeClasses', { type: () => [SizeClass], nullable: true }) sizeClasses?: SizeClass[] | null,
    @Args('category', { type: () => Int, nullable: true, description: '三(一) 1–6: count only coordinators of this category' }) category?: number | null,
  ) {
    return this.analytics.distribution(user, regionCode, year, { publicOwned, sizeClasses }, category);
  }

  @Roles(...READER_ROLES)
  @Query(() => [StructureSliceModel], { description: 'active coordinators at the year end by level, occupation, education, category, age, gender, employer' })
  workforceStructure(@CurrentUser() user: SessionUser, @Args('regionCode') regionCode: string, @Args('year', { type: () => Int }) year: number) {
    return this.analytics.structure(user, regionCode, year);
  }

  @Roles(...READER_ROLES)
  @Query(() => WorkforceTrendModel, { description: 'quantity, joiners/leavers, certification and training per year, 2021 → now' })
  workforceTrend(@CurrentUser() user: SessionUser, @Args('regionCode') regionCode: string) {
    return this.analytics.trend(user, regionCode);
  }

  @Roles(...READER_ROLES)
  @Query(() => EnterprisePageModel, { description: 'large/medium enterprises with no active coordinator (now, or at the end of `year`): largeMediumTotal − largeMediumCovered rows' })
  uncoveredEnterprises(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('regionCode') regionCode: string,
    @Args('publicOwned', { type: () => Boolean, nullable: true }) publicOwned?: boolean | null,
    @Args('year', { type: () => Int, nullable: true, description: 'a past year: the list behind that year\'s figure (default now)' }) year?: number | null,
  ) {
    return this.drilldown.uncoveredEnterprises(user, regionCode, publicOwned, page, year);
  }

  @Roles(...READER_ROLES)
  @Query(() => CoordinatorPageModel, { description: 'the coordinators behind one bucket of a workforce figure' })
  workforceCoordinators(
    @CurrentUser() user: SessionUser,
    @Args() page: PageArgs,
    @Args('regionCode') regionCode: string,
    @Args('year', { type: () => Int }) year: number,
    @Args('dimension', { type: () => WorkforceDimension }) dimension: WorkforceDimension,
    @Args('bucket', { type: () => String, nullable: true, description: 'omit for TOTAL and the per-year flows' }, new TextArgument('bucket', 100)) bucket?: string | null,
  ) {
    return this.drilldown.coordinatorsBehind(user, regionCode, year, dimension, bucket, page);
  }

  @Roles(...READER_ROLES)
  @Query(() => AnalyticsStatusModel, { description: 'when the roll-ups were last refreshed, and whether writes are pending' })
  analyticsStatus() {
    return this.analytics.status();
  }
}

