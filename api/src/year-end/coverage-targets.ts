import {
  type CoverageTarget,
  COVERAGE_FIRST_YEAR,
  type CoverageTargetUnit,
  FOURTEENTH_FIVE_YEAR_TARGET,
  type IsoDate,
  isTargetFinished,
  runningTarget,
  targetStartYear,
} from '@registry/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** A target as stored (coverage_target). */
export interface StoredCoverageTarget extends CoverageTarget {
  id: number;
  createdAt: Date;
}

/** The province of a region or user: the first two digits of the region code. */
export function provinceOf(regionCode: string): string {
  return regionCode.slice(0, 2);
}

/** A province's targets, earliest end first (plain SQL, so the analytics can read them without a module cycle). */
export async function loadCoverageTargets(database: DataSource | EntityManager, provinceCode: string): Promise<StoredCoverageTarget[]> {
  const rows: { id: number; name: string; end_date: string; rate: string; counts: CoverageTargetUnit[]; created_at: Date }[] = await database.query(
    `select id, name, end_date::text as end_date, rate::text as rate, counts, created_at from coverage_target where province_code = $1 order by end_date`,
    [provinceCode],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, endDate: row.end_date, rate: Number(row.rate), counts: row.counts, createdAt: row.created_at }));
}

/** A province's targets; one without records (none seeded) still has the notice's target. */
export async function coverageTargetsOf(database: DataSource | EntityManager, provinceCode: string): Promise<StoredCoverageTarget[]> {
  const targets = await loadCoverageTargets(database, provinceCode);
  return targets.length > 0 ? targets : [{ ...FOURTEENTH_FIVE_YEAR_TARGET, id: 0, createdAt: new Date(0) }];
}

export interface ProgressTarget {
  target: StoredCoverageTarget & { finished: boolean };
  /** the path's base year: the year before the target's first (its starting figure), at least 2021 */
  baseYear: number;
}

/** The target the progress chart draws: the running one, else the last finished. */
export function progressTarget(targets: readonly StoredCoverageTarget[], today: IsoDate): ProgressTarget {
  const chosen = runningTarget(targets, today) ?? targets[targets.length - 1];
  return {
    target: { ...chosen, finished: isTargetFinished(chosen, today) },
    baseYear: Math.max(COVERAGE_FIRST_YEAR, targetStartYear(chosen, targets) - 1),
  };
}

/** The figures stored for a region when its province closed `year`, or undefined when the year is not closed. */
export async function loadReportedFigures<T>(database: DataSource | EntityManager, regionCode: string, year: number): Promise<{ figures: T; closedAt: Date } | undefined> {
  const [row]: { figures: T; closed_at: Date }[] = await database.query(
    `select f.figures, c.closed_at from closed_year_figures f join closed_year c using (province_code, year)
     where f.province_code = $1 and f.year = $2 and f.region_code = $3`,
    [provinceOf(regionCode), year, regionCode],
  );
  return row ? { figures: row.figures, closedAt: row.closed_at } : undefined;
}
