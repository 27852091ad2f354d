import { Module } from '@nestjs/common';
import { CoordinatorsModule } from '../coordinators/coordinators.module';
import { EnterprisesModule } from '../enterprises/enterprises.module';
import { AnalyticsAwardsService } from './analytics-awards.service';
import { AnalyticsDrilldownService } from './analytics-drilldown.service';
import { AnalyticsRefresher } from './analytics-refresher.service';
import { AnalyticsResolver } from './analytics.resolver';
import { AnalyticsService } from './analytics.service';
import { AnalyticsReportedService } from './analytics-reported.service';

@Module({
  imports: [EnterprisesModule, CoordinatorsModule],
  providers: [AnalyticsRefresher, AnalyticsService, AnalyticsDrilldownService, AnalyticsAwardsService, AnalyticsReportedService, AnalyticsResolver],
  exports: [AnalyticsRefresher, AnalyticsService, AnalyticsReportedService],
})
export class AnalyticsModule {}
