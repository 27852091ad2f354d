import { Injectable } from '@nestjs/common';
import { readFromNowOn } from '../auth/request-database';
import { InjectDataSource } from '@nestjs/typeorm';
import { type CoverageTarget, coverageRate, projectCoverage, targetFigures, targetPath, targetYear, todayIsoDate } from '@registry/domain';
import { DataSource } from 'typeorm';
import type { SizeClass } from '../common/enums';
import { RegistryError } from '../common/registry-error';
import type { SessionUser } from '../common/session-user';
import { RegionsService } from '../regions/regions.service';
import type { RegionEntity } from '../regions/region.entity';
import { AnalyticsRefresher, currentYear } from './analytics-refresher.service';
import {
  AnalyticsStatusModel,
  CoverageModel,
  CoverageProgressModel,
  RegionFiguresModel,
  STOCK_DIMENSIONS,
  StructureSliceModel,
  WorkforceDimension,
  WorkforceTrendModel,
  WorkforceYearModel,
} from './analytics.model';
import { FIRST_YEAR, PENDING_SQL } from './rollup-sql';

/** Filters of the enterprise side of the figures (the dashboard's ownership and size filters). */
export interface EnterpriseSegment {
  publicOwned?: boolean | null;
  sizeClasses?: SizeClass[] | null;
}

// Sums of one region's (node's) enterprise roll-up rows. $1 node(s), $2 year (or null: all years),
// $3 public_owned filter, $4 size classes filter.
const COVERAGE_SUMS = `
  coalesce(sum(total) filter (where size_class in ('LARGE', 'MEDIUM')), 0)::int as lm_total,
  coalesce(sum(covered_own) filter (where size_class in ('LARGE', 'MEDIUM')), 0)::int as lm_covered,
  coalesce(sum(total) filter (where social_organization), 0)::int as so_total,
  coalesce(sum(covered_own) filter (where social_organization), 0)::int as so_covered,
  coalesce(sum(total) filter (where size_class in ('SMALL', 'MICRO')), 0)::int as sm_total,
  coalesce(sum(covered_any) filter (where size_class in ('SMALL', 'MICRO')), 0)::int as sm_covered,
  coalesce(sum(covered_own) filter (where size_class in ('SMALL', 'MICRO')), 0)::int as sm_covered_own,
  coalesce(sum(total) filter (where size_class in ('LARGE', 'MEDIUM') or social_organization), 0)::int as target_total,
  coalesce(sum(covered_own) filter (where size_class in ('LARGE', 'MEDIUM') or social_organization), 0)::int as target_covered`;
const SEGMENT_WHERE = `($3::boolean is null or public_owned = $3) and ($4::varchar[] is null or size_class = any($4::varchar[]))`;

interface CoverageSums {
  lm_total: number;
  lm_covered: number;
  so_total: number;
  so_covered: number;
  sm_total: number;
  sm_covered: number;
  sm_covered_own: number;
  target_total: number;
  target_covered: number;
}

function rate(covered: number, total: number): number | null {
  // the roll-ups keep covered <= total; should they ever not, answer "no rate", not an error
  return covered >= 0 && covered <= total ? coverageRate(covered, total) : null;
}

/** Cached figures live at most this long (the current year's "now" moves with the date). */
const CACHE_TTL_MS = 60_000;
const CACHE_MAX_ENTRIES = 5_000;

@Injectable()
export class AnalyticsService {
  // Figures by query and arguments, valid for one refresh generation: between writes a
  // dashboard answers from memory. Scope is checked before the cache is consulted, and no
  // figure depends on who asks beyond that check.
  private readonly cache = new Map<string, { generation: number; at: number; value: unknown }>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regions: RegionsService,
    private readonly refresher: AnalyticsRefresher,
  ) {}

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    await this.refresher.ensureFresh();
    const generation = this.refresher.generation;
    const hit = this.cache.get(key);
    if (hit && hit.generation === generation && Date.now() - hit.at < CACHE_TTL_MS) return hit.value as T;
    // with read replicas: computed only from a replica that holds the refresh just waited for
    await readFromNowOn();
    const value = await compute();
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.clear();
    // stored only if no refresh finished meanwhile
    if (this.refresher.generation === generation) this.cache.set(key, { generation, at: Date.now(), value });
    return value;
  }

  /** The year of a figure: 2021 (the notice) to the current year. */
  checkYear(year: number): number {
    const latest = currentYear();
    if (!Number.isInteger(year) || year < FIRST_YEAR || year > latest) {
      throw RegistryError.badInput('year', `统计年份须在 ${FIRST_YEAR} 至 ${latest} 年之间`);
    }
    return year;
  }

  asOf(year: number): string {
    return year === currentYear() ? todayIsoDate() : `${year}-12-31`;
  }

  async coverage(user: SessionUser, regionCode: string, year: number, segment: EnterpriseSegment = {}): Promise<CoverageModel> {
    const region = this.regions.requireReadable(regionCode, user);
    this.checkYear(year);
    return this.cached(`coverage:${region.code}:${year}:${JSON.stringify(segment)}`, async () => {
      const [sums]: CoverageSums[] = await this.dataSource.query(
        `select ${COVERAGE_SUMS} from analytics_enterprise_node where node_code = $1 and year = $2 and ${SEGMENT_WHERE}`,
        [region.code, year, segment.publicOwned ?? null, segment.sizeClasses?.length ? segment.sizeClasses : null],
      );
      return { ...this.toCoverage(sums), regionCode: region.code, year, asOf: this.asOf(year) };
    });
  }

  private toCoverage(sums: CoverageSums): Omit<CoverageModel, 'regionCode' | 'year' | 'asOf'> {
    return {
      largeMediumTotal: sums.lm_total,
      largeMediumCovered: sums.lm_covered,
      largeMediumRate: rate(sums.lm_covered, sums.lm_total),
      largeMediumUncovered: sums.lm_total - sums.lm_covered,
      socialOrganizationTotal: sums.so_total,
      socialOrganizationCovered: sums.so_covered,
      socialOrganizationRate: rate(sums.so_covered, sums.so_total),
      smallMicroTotal: sums.sm_total,
      smallMicroCovered: sums.sm_covered,
      smallMicroCoveredOwn: sums.sm_covered_own,
      smallMicroRate: rate(sums.sm_covered, sums.sm_total),
      targetTotal: sums.target_total,
      targetCovered: sums.target_covered,
      targetRate: rate(sums.target_covered, sums.target_total),
    };
  }

  /**
   * Year by year to the current year: the rate of what `target` counts, the straight path from
   * `baseYear` to the target's rate at its end, and the projection at the pace of whole years.
   */
  async coverageProgress(
    user: SessionUser,
    regionCode: string,
    segment: EnterpriseSegment = {},
    target: CoverageTarget & { finished?: boolean },
    baseYear: number = FIRST_YEAR,
  ): Promise<CoverageProgressModel> {
    const region = this.regions.requireReadable(regionCode, user);
    const today = todayIsoDate();
    return this.cached(`progress:${region.code}:${JSON.stringify(segment)}:${JSON.stringify(target)}:${baseYear}:${today}`, async () => {
      const rows: (CoverageSums & { year: number })[] = await this.dataSource.query(
        `select year, ${COVERAGE_SUMS} from analytics_enterprise_node
         where node_code = $1 and ($2::int is null or year = $2) and ${SEGMENT_WHERE} group by year order by year`,
        [region.code, null, segment.publicOwned ?? null, segment.sizeClasses?.length ? segment.sizeClasses : null],
      );
      const byYear = new Map(rows.map((row) => [row.year, row]));
      const empty: CoverageSums = { lm_total: 0, lm_covered: 0, so_total: 0, so_covered: 0, sm_total: 0, sm_covered: 0, sm_covered_own: 0, target_total: 0, target_covered: 0 };
      const latest = currentYear();
      const series = [];
      for (let year = FIRST_YEAR; year <= latest; year += 1) {
        const sums = byYear.get(year) ?? empty;
        series.push({ year, sums, ...targetFigures(target, this.toCoverage(sums)) });
      }

      const endYear = targetYear(target);
      const base = series.find((entry) => entry.year === baseYear) ?? series[0];
      const baseRate = rate(base.covered, base.total) ?? 0;
      const path = new Map(targetPath(Math.min(base.year, endYear), baseRate, target).map((point) => [point.year, point.rate]));
      const projection = projectCoverage(series.map(({ year, covered, total }) => ({ year, covered, total })), target, today);
      const last = series[series.length - 1];
      const points = [];
      if (projection.pacePerYear && projection.pacePerYear > 0 && last.total > 0 && projection.remaining > 0) {
        const limit = Math.min(projection.projectedYear ?? last.year + 10, last.year + 10);
        for (let year = last.year; year <= limit; year += 1) {
          const covered = Math.min(last.total, last.covered + projection.pacePerYear * (year - last.year));
          points.push({ year, rate: covered / last.total });
        }
      }
      return {
        regionCode: region.code,
        baseYear: base.year,
        targetYear: endYear,
        targetName: target.name,
        targetEndDate: target.endDate,
        targetRateToReach: target.rate,
        targetFinished: target.finished ?? false,
        years: series.map(({ year, sums, covered, total }) => ({
          year,
          total,
          covered,
          rate: rate(covered, total),
          targetRate: path.get(year) ?? null,
          largeMediumTotal: sums.lm_total,
          largeMediumCovered: sums.lm_covered,
          socialOrganizationTotal: sums.so_total,
          socialOrganizationCovered: sums.so_covered,
        })),
        ...projection,
        projection: points,
      };
    });
  }

  /** Figures per child region (unit, county, township), plus the region's own rows when it has any. */
  async distribution(
    user: SessionUser,
    regionCode: string,
    year: number,
    segment: EnterpriseSegment = {},
    category?: number | null,
  ): Promise<RegionFiguresModel[]> {
    const region = this.regions.requireReadable(regionCode, user);
    this.checkYear(year);
    if (category != null && !(Number.isInteger(category) && category >= 1 && category <= 6)) {
      throw RegistryError.badInput('category', '类别须为 1–6');
    }
    return this.cached(`distribution:${region.code}:${year}:${JSON.stringify(segment)}:${category ?? ''}`, async () => {
      // the children of that year's hierarchy (a county moved later is still under its old city)
      const children = this.regions.childrenOn(region.code, this.asOf(year)).filter((child) => this.regions.isVisible(child, user));
      const codes = [region.code, ...children.map((child) => child.code)];
      // one after the other: a request's statements share its one (row-level-secured) connection
      const enterpriseRows: (CoverageSums & { node_code: string })[] = await this.dataSource.query(
        `select node_code, ${COVERAGE_SUMS} from analytics_enterprise_node
         where node_code = any($1::varchar[]) and year = $2 and ${SEGMENT_WHERE} group by node_code`,
        [codes, year, segment.publicOwned ?? null, segment.sizeClasses?.length ? segment.sizeClasses : null],
      );
      const coordinatorRows: { node_code: string; count: number }[] = await this.dataSource.query(
        `select node_code, sum(value)::int as count from analytics_coordinator_node
         where node_code = any($1::varchar[]) and year = $2 and dimension = $3 and bucket = $4 group by node_code`,
        [codes, year, category == null ? 'TOTAL' : 'CATEGORY', category == null ? 'ALL' : String(category)],
      );
      const enterprises = new Map(enterpriseRows.map((row) => [row.node_code, row]));
      const coordinators = new Map(coordinatorRows.map((row) => [row.node_code, row.count]));
      const zero: CoverageSums = { lm_total: 0, lm_covered: 0, so_total: 0, so_covered: 0, sm_total: 0, sm_covered: 0, sm_covered_own: 0, target_total: 0, target_covered: 0 };
      const figures = (child: RegionEntity, sums: CoverageSums, people: number, own: boolean): RegionFiguresModel => ({
        regionCode: child.code,
        regionName: own ? `${child.name}（本级）` : child.name,
        level: child.level,
        own,
        hasChildren: !own && this.regions.list(user, child.code).some((grandchild) => grandchild.parentCode === child.code),
        coordinators: people,
        largeMediumTotal: sums.lm_total,
        largeMediumCovered: sums.lm_covered,
        largeMediumRate: rate(sums.lm_covered, sums.lm_total),
        socialOrganizationTotal: sums.so_total,
        socialOrganizationCovered: sums.so_covered,
        smallMicroTotal: sums.sm_total,
        smallMicroCovered: sums.sm_covered,
        perHundredLargeMedium: sums.lm_total === 0 ? null : (people * 100) / sums.lm_total,
      });
      const result = children.map((child) => figures(child, enterprises.get(child.code) ?? zero, coordinators.get(child.code) ?? 0, false));
      // What is filed at the region itself (e.g. a city office's own staff) keeps the rows summing to the region.
      const whole = enterprises.get(region.code) ?? zero;
      const own = Object.fromEntries(
        (Object.keys(zero) as (keyof CoverageSums)[]).map((key) => [key, whole[key] - result.reduce((sum, row) => sum + (enterprises.get(row.regionCode)?.[key] ?? 0), 0)]),
      ) as unknown as CoverageSums;
      const ownPeople = (coordinators.get(region.code) ?? 0) - result.reduce((sum, row) => sum + row.coordinators, 0);
      if (ownPeople > 0 || own.lm_total > 0 || own.sm_total > 0 || own.so_total > 0) result.push(figures(region, own, ownPeople, true));
      return result;
    });
  }

  /** The workforce at the year end by every stock dimension. */
  async structure(user: SessionUser, regionCode: string, year: number): Promise<StructureSliceModel[]> {
    const region = this.regions.requireReadable(regionCode, user);
    this.checkYear(year);
    return this.cached(`structure:${region.code}:${year}`, async () => {
      const rows: { dimension: WorkforceDimension; bucket: string; count: number }[] = await this.dataSource.query(
        `select dimension, bucket, value::int as count from analytics_coordinator_node
         where node_code = $1 and year = $2 and dimension = any($3::varchar[]) order by dimension, bucket`,
        [region.code, year, [WorkforceDimension.TOTAL, ...STOCK_DIMENSIONS]],
      );
      return rows;
    });
  }

  /** Quantity and training/certification figures per year, 2021 to now. */
  async trend(user: SessionUser, regionCode: string): Promise<WorkforceTrendModel> {
    const region = this.regions.requireReadable(regionCode, user);
    return this.cached(`trend:${region.code}`, async () => {
      const rows: { year: number; dimension: string; bucket: string; value: string }[] = await this.dataSource.query(
        `select year, dimension, bucket, value from analytics_coordinator_node
         where node_code = $1 and dimension = any($2::varchar[])`,
        [region.code, ['TOTAL', 'JOINED', 'LEFT', 'NEWLY_CERTIFIED', 'CERTIFIED', 'TRAINED', 'TRAINING_HOURS', 'TRAININGS', 'SUBSIDY_PEOPLE', 'SUBSIDY_AMOUNT']],
      );
      const latest = currentYear();
      const years = new Map<number, WorkforceYearModel>();
      for (let year = FIRST_YEAR; year <= latest; year += 1) {
        years.set(year, { year, activeAtYearEnd: 0, joined: 0, left: 0, newlyCertified: 0, certifiedByLevel: [], peopleTrained: 0, trainings: 0, trainingHours: 0, subsidies: [] });
      }
      const subsidy = (entry: WorkforceYearModel, kind: string) => {
        let figure = entry.subsidies.find((item) => item.kind === kind);
        if (!figure) entry.subsidies.push((figure = { kind, people: 0, amount: 0 }));
        return figure;
      };
      for (const row of rows) {
        const entry = years.get(row.year);
        if (!entry) continue;
        const value = Number(row.value);
        switch (row.dimension) {
          case 'TOTAL': entry.activeAtYearEnd = value; break;
          case 'JOINED': entry.joined = value; break;
          case 'LEFT': entry.left = value; break;
          case 'NEWLY_CERTIFIED': entry.newlyCertified = value; break;
          case 'CERTIFIED': entry.certifiedByLevel.push({ bucket: row.bucket, count: value }); break;
          case 'TRAINED': entry.peopleTrained = value; break;
          case 'TRAININGS': entry.trainings = value; break;
          case 'TRAINING_HOURS': entry.trainingHours = value; break;
          case 'SUBSIDY_PEOPLE': subsidy(entry, row.bucket).people = value; break;
          case 'SUBSIDY_AMOUNT': subsidy(entry, row.bucket).amount = value; break;
        }
      }
      for (const entry of years.values()) {
        entry.certifiedByLevel.sort((left, right) => left.bucket.localeCompare(right.bucket));
        entry.subsidies.sort((left, right) => left.kind.localeCompare(right.kind));
      }
      return { regionCode: region.code, activeNow: years.get(latest)!.activeAtYearEnd, years: [...years.values()] };
    });
  }

  async status(): Promise<AnalyticsStatusModel> {
    const [row] = await this.dataSource.query(
      `select refreshed_at, last_refresh_ms, last_refresh_regions, ${PENDING_SQL} as pending from analytics_state where id = 1`,
      [currentYear(), todayIsoDate()],
    );
    return {
      refreshedAt: row?.refreshed_at ?? null,
      pending: row ? row.pending : true,
      lastRefreshMs: row?.last_refresh_ms ?? null,
      lastRefreshRegions: row?.last_refresh_regions ?? null,
      firstYear: FIRST_YEAR,
      currentYear: currentYear(),
    };
  }
}
