import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module';
import { ClosedYearsService } from './closed-years.service';
import { CoverageTargetsService } from './coverage-targets.service';
import { TargetVerdictsService } from './target-verdicts.service';
import { YearEndResolver } from './year-end.resolver';

// Closed years (年度数据锁定) and coverage targets as data: issue 12.
@Module({
  imports: [AnalyticsModule],
  providers: [CoverageTargetsService, ClosedYearsService, TargetVerdictsService, YearEndResolver],
  exports: [CoverageTargetsService, ClosedYearsService],
})
export class YearEndModule {}
