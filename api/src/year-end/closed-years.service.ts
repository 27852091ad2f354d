import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnalyticsService } from '../analytics/analytics.service';
import type { CoverageModel } from '../analytics/analytics.model';
import { currentYear } from '../analytics/analytics-refresher.service';
import { AuditService } from '../audit/audit.service';
import { runAsOwner } from '../auth/request-database';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';
import { CoverageTargetsService } from './coverage-targets.service';
import { loadReportedFigures, provinceOf, type ProgressTarget } from './coverage-targets';
import type { ClosedYearModel, ReportedDifferenceModel, ReportedYearModel } from './year-end.models';

/** What is stored per region of a closed year: the figures the dashboard and the year-end summary show. */
type StoredFigures = Omit<ReportedYearModel, 'closedAt' | 'regionCode' | 'year'>;

const FIRST_CLOSABLE_YEAR = 2021;
/** regions computed at once while closing (each on its own pooled connection) */
const CLOSING_CONCURRENCY = 4;

/** Coverage fields compared between the reported and the current figures. */
const COMPARED: (keyof CoverageModel)[] = [
  'largeMediumTotal',
  'largeMediumCovered',
  'socialOrganizationTotal',
  'socialOrganizationCovered',
  'smallMicroTotal',
  'smallMicroCovered',
  'smallMicroCoveredOwn',
  'targetTotal',
  'targetCovered',
];

// 年度数据锁定 (docs/decisions/0810-closed-years-and-targets.md): closing a year stores, for every
// region of the province, the figures of that year as the existing analytics compute them at
// that moment (coverage, distribution, structure, the yearly trend and the progress). The
// as-reported figures are read from there; the current figures keep following corrections.
@Injectable()
export class ClosedYearsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly analytics: AnalyticsService,
    private readonly regions: RegionsService,
    private readonly targets: CoverageTargetsService,
    private readonly audit: AuditService,
  ) {}

  async list(user: SessionUser): Promise<ClosedYearModel[]> {
    const rows: { year: number; closed_at: Date; closed_by: string | null; regions: number }[] = await this.dataSource.query(
      `select c.year, c.closed_at, u.username as closed_by, (select count(*)::int from closed_year_figures f where f.province_code = c.province_code and f.year = c.year) as regions
       from closed_year c left join app_user u on u.id = c.closed_by where c.province_code = $1 order by c.year desc`,
      [provinceOf(user.regionCode)],
    );
    return rows.map((row) => ({ year: row.year, closedAt: row.closed_at, closedBy: row.closed_by, regions: row.regions }));
  }

  private checkClosable(year: number): void {
    const latest = currentYear() - 1;
    if (!Number.isInteger(year) || year < FIRST_CLOSABLE_YEAR || year > latest) {
      throw RegistryError.badInput('year', `只能锁定已结束的年度（${FIRST_CLOSABLE_YEAR} 至 ${latest} 年）`);
    }
  }

  /** The figures of one region and year as the analytics give them now. */
  private async figuresNow(user: SessionUser, regionCode: string, year: number, progressTarget: ProgressTarget): Promise<StoredFigures> {
    const coverage = await this.analytics.coverage(user, regionCode, year);
    const distribution = await this.analytics.distribution(user, regionCode, year);
    const workforceStructure = await this.analytics.structure(user, regionCode, year);
    const workforceTrend = await this.analytics.trend(user, regionCode);
    const coverageProgress = await this.analytics.coverageProgress(user, regionCode, {}, progressTarget.target, progressTarget.baseYear);
    return { coverage, distribution, workforceStructure, workforceTrend, coverageProgress };
  }

  /**
   * Every region's figures, a few regions at a time on pooled connections (read-only roll-up
   * reads; the province administrator's scope was checked, and every region is inside it).
   */
  private async figuresOfEveryRegion(user: SessionUser, codes: readonly string[], year: number): Promise<string[]> {
    const progressTarget = await this.targets.forProgress(codes[0]);
    const documents: string[] = new Array(codes.length);
    let next = 0;
    const worker = async () => {
      while (next < codes.length) {
        const index = next++;
        documents[index] = JSON.stringify(await this.figuresNow(user, codes[index], year, progressTarget));
      }
    };
    await runAsOwner(() => Promise.all(Array.from({ length: CLOSING_CONCURRENCY }, worker)));
    return documents;
  }

  async close(user: SessionUser, year: number): Promise<ClosedYearModel> {
    this.checkClosable(year);
    const provinceCode = provinceOf(user.regionCode);
    const [already] = await this.dataSource.query(`select 1 from closed_year where province_code = $1 and year = $2`, [provinceCode, year]);
    if (already) throw RegistryError.badInput('year', `${year} 年已锁定；如需重新锁定，请先解除锁定`);
    const codes = this.regions.allCodes().filter((code) => provinceOf(code) === provinceCode);
    for (const code of codes) this.regions.requireReadable(code, user);
    const documents = await this.figuresOfEveryRegion(user, codes, year);
    await this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        `insert into closed_year (province_code, year, closed_by) values ($1, $2, $3) on conflict do nothing returning year`,
        [provinceCode, year, user.id],
      );
      if (inserted.length === 0) throw RegistryError.badInput('year', `${year} 年已锁定；如需重新锁定，请先解除锁定`);
      await manager.query(
        `insert into closed_year_figures (province_code, year, region_code, figures)
         select $1, $2, code, figures from unnest($3::varchar[], $4::jsonb[]) as stored(code, figures)`,
        [provinceCode, year, codes, documents],
      );
      await this.audit.record(
        user,
        { action: 'YEAR_CLOSE', objectType: 'closed_year', objectId: String(year), regionPath: user.scopePath, detail: { year, regions: codes.length } },
        manager,
      );
    });
    return (await this.list(user)).find((entry) => entry.year === year)!;
  }

  async reopen(user: SessionUser, year: number): Promise<boolean> {
    if (!Number.isInteger(year)) throw RegistryError.badInput('year', '年度须为整数');
    const provinceCode = provinceOf(user.regionCode);
    return this.dataSource.transaction(async (manager) => {
      // TypeORM answers a DELETE … RETURNING with [rows, affected]
      const [deleted]: [{ closed_at: Date }[], number] = await manager.query(`delete from closed_year where province_code = $1 and year = $2 returning closed_at`, [provinceCode, year]);
      if (deleted.length === 0) throw RegistryError.badInput('year', `${year} 年未锁定`);
      await this.audit.record(
        user,
        { action: 'YEAR_REOPEN', objectType: 'closed_year', objectId: String(year), regionPath: user.scopePath, detail: { year, closedAt: deleted[0].closed_at } },
        manager,
      );
      return true;
    });
  }

  /** When the year was closed for the region's province, or null. */
  async closedAt(regionCode: string, year: number): Promise<Date | null> {
    const [row]: { closed_at: Date }[] = await this.dataSource.query(`select closed_at from closed_year where province_code = $1 and year = $2`, [provinceOf(regionCode), year]);
    return row?.closed_at ?? null;
  }

  /** The stored figures of a region and closed year; BAD_USER_INPUT naming `field` when the year is not closed. */
  async reported(user: SessionUser, regionCode: string, year: number, field = 'year'): Promise<ReportedYearModel> {
    const region = this.regions.requireReadable(regionCode, user);
    if (!Number.isInteger(year)) throw RegistryError.badInput('year', '年度须为整数');
    const row = await loadReportedFigures<StoredFigures>(this.dataSource, region.code, year);
    if (!row) throw RegistryError.badInput(field, `${year} 年尚未锁定，没有上报口径的数字`);
    return { ...row.figures, regionCode: region.code, year, closedAt: row.closedAt };
  }

  async reportedCoverage(user: SessionUser, regionCode: string, year: number): Promise<CoverageModel> {
    return (await this.reported(user, regionCode, year, 'asReported')).coverage;
  }

  /** Where the current figures of a closed year differ from the reported ones; null when the year is not closed. */
  async difference(user: SessionUser, regionCode: string, year: number): Promise<ReportedDifferenceModel | null> {
    const region = this.regions.requireReadable(regionCode, user);
    const closedAt = await this.closedAt(region.code, year);
    if (!closedAt) return null;
    const reported = (await this.reported(user, region.code, year)).coverage;
    const current = await this.analytics.coverage(user, region.code, year);
    const changedFigures = COMPARED.filter((field) => reported[field] !== current[field]);
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `select ((select count(*) from coordinator where region_path >= $1 and region_path < $1 || '~' and greatest(created_at, updated_at) > $2)
             + (select count(*) from enterprise where region_path >= $1 and region_path < $1 || '~' and greatest(created_at, updated_at) > $2))::int as count`,
      [region.path, closedAt],
    );
    return { regionCode: region.code, year, closedAt, differs: changedFigures.length > 0, changedFigures, changedRecords: count, reported, current };
  }
}
