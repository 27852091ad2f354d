import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentUser, READER_ROLES, Roles, type SessionUser } from '../common/session-user';
import { ClosedYearsService } from './closed-years.service';
import { CoverageTargetsService } from './coverage-targets.service';
import { CoverageTargetInput } from './dto/coverage-target.input';
import { TargetVerdictsService } from './target-verdicts.service';
import { ClosedYearModel, CoverageTargetModel, ReportedDifferenceModel, ReportedYearModel, TargetVerdictModel } from './year-end.models';

// Closed years (年度数据锁定) and coverage targets as data (issue 12).
@Resolver()
export class YearEndResolver {
  constructor(
    private readonly closing: ClosedYearsService,
    private readonly targets: CoverageTargetsService,
    private readonly verdicts: TargetVerdictsService,
  ) {}

  @Roles(...READER_ROLES)
  @Query(() => [CoverageTargetModel], { description: 'the province’s coverage targets (十四五, 十五五 …), earliest end first' })
  coverageTargets(@CurrentUser() user: SessionUser) {
    return this.targets.list(user);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => CoverageTargetModel, { description: 'adds the next target: a name, a 31 December after the last target’s end, the rate (default 100%) and what it counts (audited)' })
  addCoverageTarget(@CurrentUser() user: SessionUser, @Args('input') input: CoverageTargetInput) {
    return this.targets.add(user, input);
  }

  @Roles(...READER_ROLES)
  @Query(() => [TargetVerdictModel], { description: 'each finished target judged at its end date for the region and its child regions (from the closed year when it is closed)' })
  targetVerdicts(@CurrentUser() user: SessionUser, @Args('regionCode') regionCode: string) {
    return this.verdicts.verdicts(user, regionCode);
  }

  @Roles(...READER_ROLES)
  @Query(() => [ClosedYearModel], { description: 'the closed years of the user’s province, newest first' })
  closedYears(@CurrentUser() user: SessionUser) {
    return this.closing.list(user);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => ClosedYearModel, { description: '年度数据锁定: stores the year’s figures as they stand for every region of the province (audited)' })
  closeYear(@CurrentUser() user: SessionUser, @Args('year', { type: () => Int }) year: number) {
    return this.closing.close(user, year);
  }

  @Roles('PROVINCE_ADMIN')
  @Mutation(() => Boolean, { description: 'takes a closing back: the stored figures are deleted (audited)' })
  reopenYear(@CurrentUser() user: SessionUser, @Args('year', { type: () => Int }) year: number) {
    return this.closing.reopen(user, year);
  }

  @Roles(...READER_ROLES)
  @Query(() => ReportedYearModel, { description: 'a closed year’s figures for a region as they stood when it was closed (the as-reported dashboard and summary)' })
  reportedYear(@CurrentUser() user: SessionUser, @Args('regionCode') regionCode: string, @Args('year', { type: () => Int }) year: number) {
    return this.closing.reported(user, regionCode, year);
  }

  @Roles(...READER_ROLES)
  @Query(() => ReportedDifferenceModel, { nullable: true, description: 'where a closed year’s current figures differ from the reported ones; null when the year is not closed' })
  reportedDifference(@CurrentUser() user: SessionUser, @Args('regionCode') regionCode: string, @Args('year', { type: () => Int }) year: number) {
    return this.closing.difference(user, regionCode, year);
  }
}
