import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';
import { coverageTargetsOf, loadReportedFigures, progressTarget, provinceOf, type ProgressTarget, type StoredCoverageTarget } from '../year-end/coverage-targets';
import type { CoverageModel } from './analytics.model';
import type { EnterpriseSegment } from './analytics.service';

// What the analytics read from the year-end records (api/src/year-end): the coverage of a closed
// year as reported (coverage(asReported: true)) and the target the progress chart draws. Plain
// SQL on those tables, so the analytics need no dependency on the year-end module.
const TARGETS_TTL_MS = 30_000;

@Injectable()
export class AnalyticsReportedService {
  private readonly targetsByProvince = new Map<string, { at: number; targets: StoredCoverageTarget[] }>();

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

  /**
   * A province's targets, from memory for at most TARGETS_TTL_MS: they change once in five years
   * and every progress request needs them. An addition on this instance forgets them at once
   * (another instance's shows within the TTL).
   */
  async targets(provinceCode: string): Promise<StoredCoverageTarget[]> {
    const hit = this.targetsByProvince.get(provinceCode);
    if (hit && Date.now() - hit.at < TARGETS_TTL_MS) return hit.targets;
    const targets = await coverageTargetsOf(this.dataSource, provinceCode);
    this.targetsByProvince.set(provinceCode, { at: Date.now(), targets });
    return targets;
  }

  forgetTargets(provinceCode: string): void {
    this.targetsByProvince.delete(provinceCode);
  }

  async progressTarget(regionCode: string): Promise<ProgressTarget> {
    return progressTarget(await this.targets(provinceOf(regionCode)), todayIsoDate());
  }
}
