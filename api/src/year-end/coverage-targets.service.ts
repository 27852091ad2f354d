import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CoverageTarget, coverageTargetProblem, isTargetFinished, runningTarget, targetStartYear, todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { AnalyticsReportedService } from '../analytics/analytics-reported.service';
import { loadCoverageTargets, type ProgressTarget, progressTarget, provinceOf, type StoredCoverageTarget } from './coverage-targets';
import type { CoverageTargetInput } from './dto/coverage-target.input';
import { type CoverageTargetModel, CoverageTargetUnit } from './year-end.models';

// Coverage targets as data (coverage_target): 十四五 ships as the first record; the province
// administrator adds the next (validated by libs/domain coverageTargetProblem, audited).
@Injectable()
export class CoverageTargetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reported: AnalyticsReportedService,
  ) {}

  /** The province's targets (from the analytics' short-lived memory). */
  stored(provinceCode: string): Promise<StoredCoverageTarget[]> {
    return this.reported.targets(provinceCode);
  }

  toModel(target: StoredCoverageTarget, targets: readonly CoverageTarget[], today = todayIsoDate()): CoverageTargetModel {
    const running = runningTarget(targets, today);
    return {
      id: String(target.id),
      name: target.name,
      endDate: target.endDate,
      rate: target.rate,
      counts: target.counts.map((unit) => CoverageTargetUnit[unit]),
      startYear: targetStartYear(target, targets),
      finished: isTargetFinished(target, today),
      running: running?.endDate === target.endDate,
    };
  }

  async list(user: SessionUser): Promise<CoverageTargetModel[]> {
    const targets = await this.stored(provinceOf(user.regionCode));
    const today = todayIsoDate();
    return targets.map((target) => this.toModel(target, targets, today));
  }

  /** The target the progress chart draws: the running one, else the last finished. */
  async forProgress(regionCode: string): Promise<ProgressTarget> {
    return progressTarget(await this.stored(provinceOf(regionCode)), todayIsoDate());
  }

  async add(user: SessionUser, input: CoverageTargetInput): Promise<CoverageTargetModel> {
    const provinceCode = provinceOf(user.regionCode);
    const target: CoverageTarget = {
      name: input.name.trim(),
      endDate: input.endDate,
      rate: input.rate ?? 1,
      counts: input.counts?.length ? [...new Set(input.counts)] : ['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION'],
    };
    const saved = await this.dataSource.transaction(async (manager) => {
      // one writer at a time per province, so two additions cannot both pass the "after the last" check
      await manager.query(`select pg_advisory_xact_lock(hashtext('coverage_target:' || $1))`, [provinceCode]);
      const existing = await loadCoverageTargets(manager, provinceCode);
      const problem = coverageTargetProblem(target, existing);
      if (problem) throw RegistryError.badInput(problem.field, problem.reason);
      const [row]: { id: number }[] = await manager.query(
        `insert into coverage_target (province_code, name, end_date, rate, counts, created_by) values ($1, $2, $3, $4, $5, $6) returning id`,
        [provinceCode, target.name, target.endDate, target.rate, target.counts, user.id],
      );
      await this.audit.record(
        user,
        { action: 'COVERAGE_TARGET_ADD', objectType: 'coverage_target', objectId: String(row.id), regionPath: user.scopePath, detail: { ...target } },
        manager,
      );
      return row.id;
    });
    this.reported.forgetTargets(provinceCode);
    const targets = await this.stored(provinceCode);
    return this.toModel(targets.find((entry) => entry.id === saved)!, targets);
  }
}
