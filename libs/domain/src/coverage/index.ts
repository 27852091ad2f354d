// Coverage toward a target of the notice's kind (二): by the end of 十四五 (2025) every large
// and medium enterprise and every labor-relations social organization has at least one
// coordinator (配备率 100%). Targets are data (十四五, then 十五五 …): each has an end date, a
// rate to reach and what it counts. Pure arithmetic for the dashboard's progress chart, its
// verdicts and its to-do figures.
import { compareDates, isValidIsoDate, parseIsoDate, type IsoDate } from '../dates';

/** What a target counts: large/medium enterprises (大中型企业), labor-relations social organizations (社会组织). */
export type CoverageTargetUnit = 'LARGE_MEDIUM' | 'SOCIAL_ORGANIZATION';
export const COVERAGE_TARGET_UNITS: readonly CoverageTargetUnit[] = ['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION'];

export interface CoverageTarget {
  /** '十四五', '十五五' … */
  name: string;
  /** the day the rate is to be reached; figures are yearly, so a year's last day */
  endDate: IsoDate;
  /** 0 < rate ≤ 1; 1 is 100% */
  rate: number;
  counts: readonly CoverageTargetUnit[];
}

/** The notice's target: 100% of large/medium enterprises and social organizations by the end of 十四五. */
export const FOURTEENTH_FIVE_YEAR_TARGET: CoverageTarget = {
  name: '十四五',
  endDate: '2025-12-31',
  rate: 1,
  counts: ['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION'],
};

/** The first year with figures (the notice is of 2021). */
export const COVERAGE_FIRST_YEAR = 2021;

/** The year whose end the target is judged at. */
export function targetYear(target: Pick<CoverageTarget, 'endDate'>): number {
  return Number(target.endDate.slice(0, 4));
}

/** Why a target cannot be stored, or null. `existing` are the targets already on file. */
export function coverageTargetProblem(
  target: CoverageTarget,
  existing: readonly Pick<CoverageTarget, 'name' | 'endDate'>[] = [],
): { field: 'name' | 'endDate' | 'rate' | 'counts'; reason: string } | null {
  const name = target.name.trim();
  if (!name || name.length > 40) return { field: 'name', reason: '目标名称须为 1–40 个字符' };
  if (existing.some((other) => other.name.trim() === name)) return { field: 'name', reason: `已有名为“${name}”的目标` };
  if (!isValidIsoDate(target.endDate)) return { field: 'endDate', reason: '截止日期须为 YYYY-MM-DD 格式的真实日期' };
  if (!target.endDate.endsWith('-12-31')) return { field: 'endDate', reason: '数据按年度统计，截止日期须为某年的 12 月 31 日' };
  const latest = existing.reduce<IsoDate | null>((last, other) => (last === null || compareDates(other.endDate, last) > 0 ? other.endDate : last), null);
  if (latest !== null && compareDates(target.endDate, latest) <= 0) {
    return { field: 'endDate', reason: `截止日期须晚于上一目标的截止日期 ${latest}` };
  }
  if (!Number.isFinite(target.rate) || target.rate <= 0 || target.rate > 1) return { field: 'rate', reason: '目标配备率须大于 0 且不超过 100%' };
  if (target.counts.length === 0 || target.counts.some((unit) => !COVERAGE_TARGET_UNITS.includes(unit))) {
    return { field: 'counts', reason: '统计对象须为大中型企业和/或社会组织' };
  }
  return null;
}

/** A target's first year: the year after the previous target's end (十四五: 2021). */
export function targetStartYear(target: CoverageTarget, targets: readonly CoverageTarget[]): number {
  const previous = targets
    .filter((other) => compareDates(other.endDate, target.endDate) < 0)
    .reduce<CoverageTarget | null>((last, other) => (last === null || compareDates(other.endDate, last.endDate) > 0 ? other : last), null);
  return previous ? targetYear(previous) + 1 : COVERAGE_FIRST_YEAR;
}

/** Finished: its end date is before today. */
export function isTargetFinished(target: Pick<CoverageTarget, 'endDate'>, today: IsoDate): boolean {
  return compareDates(target.endDate, today) < 0;
}

/** The target running today: the earliest whose end date is today or later; null when none is set yet. */
export function runningTarget<T extends CoverageTarget>(targets: readonly T[], today: IsoDate): T | null {
  parseIsoDate(today);
  return [...targets].sort((left, right) => compareDates(left.endDate, right.endDate)).find((target) => !isTargetFinished(target, today)) ?? null;
}

/** The figures a target counts, from a region's coverage figures. */
export function targetFigures(
  target: Pick<CoverageTarget, 'counts'>,
  figures: { largeMediumTotal: number; largeMediumCovered: number; socialOrganizationTotal: number; socialOrganizationCovered: number; targetTotal: number; targetCovered: number },
): { covered: number; total: number } {
  const largeMedium = target.counts.includes('LARGE_MEDIUM');
  const social = target.counts.includes('SOCIAL_ORGANIZATION');
  // both: the roll-up's target set, where a unit that is both is counted once
  if (largeMedium && social) return { covered: figures.targetCovered, total: figures.targetTotal };
  if (largeMedium) return { covered: figures.largeMediumCovered, total: figures.largeMediumTotal };
  return { covered: figures.socialOrganizationCovered, total: figures.socialOrganizationTotal };
}

/** Units to cover to reach `rate` of `total` (at least 0). */
export function unitsToReach(rate: number, covered: number, total: number): number {
  // 1e-9 keeps 0.95 × 100 = 95.00000000000001 from asking for a 96th unit
  return Math.max(0, Math.ceil(rate * total - 1e-9) - covered);
}

export interface TargetVerdict {
  /** null when there was nothing to count */
  met: boolean | null;
  rate: number | null;
  /** units missing at the end date (0 when met) */
  shortfall: number;
}

/** A finished target's verdict on a region's figures at its end date. */
export function targetVerdict(target: Pick<CoverageTarget, 'rate'>, covered: number, total: number): TargetVerdict {
  const rate = coverageRate(covered, total);
  if (rate === null) return { met: null, rate, shortfall: 0 };
  const shortfall = unitsToReach(target.rate, covered, total);
  return { met: shortfall === 0, rate, shortfall };
}

export interface CoveragePoint {
  year: number;
  rate: number;
}

export interface CoverageYear {
  year: number;
  /** Units covered at the end of the year. */
  covered: number;
  /** Units that should be covered at the end of the year. */
  total: number;
}

export interface CoverageProjection {
  /** Average covered units added per whole year of the series; null with fewer than two whole years. */
  pacePerYear: number | null;
  /** Units still to cover to reach the target rate, at the latest figure. */
  remaining: number;
  /** Years left to the target's end; the rest of a partial current year counts as one. */
  yearsLeft: number;
  /** Whole units to add each year to reach the target rate by its end; null once it is too late. */
  neededPerYear: number | null;
  /** The year the target rate is reached at the current pace; null if the pace is not positive. */
  projectedYear: number | null;
  onTrack: boolean;
}

function checkCounts(covered: number, total: number): void {
  if (!Number.isFinite(covered) || !Number.isFinite(total) || covered < 0 || total < 0) {
    throw new RangeError(`覆盖数和总数须为非负数，收到 ${covered}/${total}`);
  }
  if (covered > total) throw new RangeError(`覆盖数 ${covered} 大于总数 ${total}`);
}

/** covered / total; null when there is nothing to cover (an empty region is not 0% or 100%). */
export function coverageRate(covered: number, total: number): number | null {
  checkCounts(covered, total);
  return total === 0 ? null : covered / total;
}

/** The straight target line from the base year's actual rate to the target's rate at its end, one point per year. */
export function targetPath(baseYear: number, baseRate: number, target: Pick<CoverageTarget, 'endDate' | 'rate'>): CoveragePoint[] {
  const endYear = targetYear(target);
  if (!Number.isInteger(baseYear) || !Number.isInteger(endYear)) throw new RangeError('年份须为整数');
  if (baseYear > endYear) throw new RangeError(`基准年 ${baseYear} 晚于目标年 ${endYear}`);
  if (baseYear === endYear) return [{ year: endYear, rate: target.rate }];
  const span = endYear - baseYear;
  const points: CoveragePoint[] = [];
  for (let year = baseYear; year <= endYear; year += 1) {
    // Interpolate from both ends so the first and last points are exact.
    const progress = (year - baseYear) / span;
    points.push({ year, rate: baseRate * (1 - progress) + target.rate * progress });
  }
  return points;
}

/**
 * The current pace against the pace still needed. The pace counts whole years only: with
 * `asOf` given, the entry of asOf's year is the current, partial year (unless asOf is 31
 * December): it gives the figures still to cover, but not a year of pace. The latest total is
 * taken as the count to reach: new enterprises that appear later raise the need, and the next
 * year's data will show it.
 */
export function projectCoverage(
  series: readonly CoverageYear[],
  target: Pick<CoverageTarget, 'endDate' | 'rate'>,
  asOf?: IsoDate,
): CoverageProjection {
  if (series.length === 0) throw new RangeError('至少需要一年的覆盖数据');
  const sorted = [...series].sort((left, right) => left.year - right.year);
  sorted.forEach((entry, index) => {
    checkCounts(entry.covered, entry.total);
    if (index > 0 && sorted[index - 1].year === entry.year) throw new RangeError(`${entry.year} 年的数据重复`);
  });
  const endYear = targetYear(target);
  if (asOf !== undefined) parseIsoDate(asOf);
  const partialYear = asOf !== undefined && !asOf.endsWith('-12-31') ? Number(asOf.slice(0, 4)) : null;
  const whole = sorted.filter((entry) => entry.year !== partialYear);
  const last = sorted[sorted.length - 1];
  const lastIsPartial = last.year === partialYear;

  const first = whole[0];
  const lastWhole = whole[whole.length - 1];
  const span = whole.length === 0 ? 0 : lastWhole.year - first.year;
  const added = whole.length === 0 ? 0 : lastWhole.covered - first.covered;
  const pacePerYear = span === 0 ? null : added / span;
  const remaining = unitsToReach(target.rate, last.covered, last.total);
  // the rest of a partial year is still usable
  const yearsLeft = Math.max(0, endYear - last.year + (lastIsPartial ? 1 : 0));
  let neededPerYear: number | null;
  if (remaining === 0) neededPerYear = 0;
  else neededPerYear = yearsLeft === 0 ? null : Math.ceil(remaining / yearsLeft);

  let projectedYear: number | null;
  if (remaining === 0) {
    // Already there: the year the current unbroken run at the target rate began.
    let index = sorted.length - 1;
    while (index > 0 && unitsToReach(target.rate, sorted[index - 1].covered, sorted[index - 1].total) === 0) index -= 1;
    projectedYear = sorted[index].year;
  } else if (span === 0 || added <= 0) {
    projectedYear = null;
  } else {
    // remaining / pace in integers, so 30 / (10/1) is exactly 3 and not 3.0000000004; a partial
    // year's rest counts as the first of the years to go
    const years = Math.ceil((remaining * span) / added);
    projectedYear = last.year + years - (lastIsPartial ? 1 : 0);
  }

  return {
    pacePerYear,
    remaining,
    yearsLeft,
    neededPerYear,
    projectedYear,
    onTrack: projectedYear !== null && projectedYear <= endYear,
  };
}
