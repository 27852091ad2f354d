import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';
import { coverageTargetsOf, loadReportedFigures, progressTarget, provinceOf, type ProgressTarget } from '../year-end/coverage-targets';
import type { CoverageModel } from './analytics.model';
import type { EnterpriseSegment } from './analytics.service';

// What the analytics read from the year-end records (api/src/year-end): the coverage of a closed
// year as reported (coverage(asReported: true)) and the target the progress chart draws. Plain
// SQL on those tables, so the analytics need no dependency on the year-end module.
@Injectable()
export class AnalyticsReportedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
  ) {}

  async coverage(user: SessionUser, regionCode: string, year: number, segment: EnterpriseSegment): Promise<CoverageModel> {
    const region = this.regions.requireReadable(regionCode, user);
    if (segment.publicOwned != null || segment.sizeClasses?.length) {
      throw RegistryError.badInput('asReported', '上报口径的数字不分所有制和规模，请去掉所有制、规模筛选');
    }
    const stored = Number.isInteger(year) ? await loadReportedFigures<{ coverage: CoverageModel }>(this.dataSource, region.code, year) : undefined;
    if (!stored) throw RegistryError.badInput('asReported', `${year} 年尚未锁定，没有上报口径的数字`);
    return stored.figures.coverage;
  }

  async progressTarget(regionCode: string): Promise<ProgressTarget> {
    return progressTarget(await coverageTargetsOf(this.dataSource, provinceOf(regionCode)), todayIsoDate());
  }
}
