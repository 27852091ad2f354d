import { Injectable } from '@nestjs/common';
import { targetFigures, targetVerdict, targetYear, todayIsoDate, isTargetFinished } from '@registry/domain';
import { AnalyticsService } from '../analytics/analytics.service';
import type { CoverageModel } from '../analytics/analytics.model';
import type { SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';
import type { RegionEntity } from '../regions/region.entity';
import { ClosedYearsService } from './closed-years.service';
import { CoverageTargetsService } from './coverage-targets.service';
import { provinceOf, type StoredCoverageTarget } from './coverage-targets';
import type { TargetVerdictModel, TargetVerdictRegionModel } from './year-end.models';

// A finished target's verdict at its end date, per region: from the figures stored when that
// year was closed (what was reported), else from the current figures of that year.
@Injectable()
export class TargetVerdictsService {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly closedYears: ClosedYearsService,
    private readonly targets: CoverageTargetsService,
    private readonly regions: RegionsService,
  ) {}

  async verdicts(user: SessionUser, regionCode: string): Promise<TargetVerdictModel[]> {
    const region = this.regions.requireReadable(regionCode, user);
    const targets = await this.targets.stored(provinceOf(region.code));
    const today = todayIsoDate();
    const children = this.regions.list(user, region.code).filter((child) => child.parentCode === region.code);
    const verdicts: TargetVerdictModel[] = [];
    for (const target of targets.filter((entry) => isTargetFinished(entry, today))) {
      const year = targetYear(target);
      const closedAt = await this.closedYears.closedAt(region.code, year);
      const judge = async (entry: RegionEntity): Promise<TargetVerdictRegionModel> => {
        const coverage: CoverageModel = closedAt ? await this.closedYears.reportedCoverage(user, entry.code, year) : await this.analytics.coverage(user, entry.code, year);
        return this.row(target, entry, coverage);
      };
      const own = await judge(region);
      const rows: TargetVerdictRegionModel[] = [];
      for (const child of children) rows.push(await judge(child));
      verdicts.push({ target: this.targets.toModel(target, targets, today), year, asReported: closedAt !== null, closedAt, region: own, children: rows });
    }
    return verdicts;
  }

  private row(target: StoredCoverageTarget, region: RegionEntity, coverage: CoverageModel): TargetVerdictRegionModel {
    const { covered, total } = targetFigures(target, coverage);
    return { regionCode: region.code, regionName: region.name, covered, total, ...targetVerdict(target, covered, total) };
  }
}
