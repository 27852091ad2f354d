// Coverage toward the 十四五 target of 二: by the end of 2025 every large and medium
// enterprise and every labor-relations social organization has at least one coordinator
// (配备率 100%). Pure arithmetic for the dashboard's progress chart and its to-do figures.

/** End of the 14th Five-Year Plan (“十四五”期末). */
export const COVERAGE_TARGET_YEAR = 2025;
export const COVERAGE_TARGET_RATE = 1;

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
  /** Average covered units added per year over the series; null with a single year. */
  pacePerYear: number | null;
  /** Units still uncovered at the end of the last year. */
  remaining: number;
  /** Years from the end of the last year to the end of the target year. */
  yearsLeft: number;
  /** Whole units to add each year to reach 100% by the end of the target year; null once it is too late. */
  neededPerYear: number | null;
  /** The year 100% is reached at the current pace; null if the pace is not positive. */
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

/** The straight target line from the base year's actual rate to the target rate, one point per year. */
export function targetPath(
  baseYear: number,
  baseRate: number,
  targetYear: number = COVERAGE_TARGET_YEAR,
  targetRate: number = COVERAGE_TARGET_RATE,
): CoveragePoint[] {
  if (!Number.isInteger(baseYear) || !Number.isInteger(targetYear)) throw new RangeError('年份须为整数');
  if (baseYear > targetYear) throw new RangeError(`基准年 ${baseYear} 晚于目标年 ${targetYear}`);
  if (baseYear === targetYear) return [{ year: targetYear, rate: targetRate }];
  const span = targetYear - baseYear;
  const points: CoveragePoint[] = [];
  for (let year = baseYear; year <= targetYear; year += 1) {
    // Interpolate from both ends so the first and last points are exact.
    const progress = (year - baseYear) / span;
    points.push({ year, rate: baseRate * (1 - progress) + targetRate * progress });
  }
  return points;
}

/**
 * The current pace against the pace still needed. The last year's total is taken as the
 * target count: new enterprises that appear later raise the need, and the next year's data
 * will show it.
 */
export function projectCoverage(series: readonly CoverageYear[], targetYear: number = COVERAGE_TARGET_YEAR): CoverageProjection {
  if (series.length === 0) throw new RangeError('至少需要一年的覆盖数据');
  const sorted = [...series].sort((left, right) => left.year - right.year);
  sorted.forEach((entry, index) => {
    checkCounts(entry.covered, entry.total);
    if (index > 0 && sorted[index - 1].year === entry.year) throw new RangeError(`${entry.year} 年的数据重复`);
  });
  const first = sorted[0];
  const last = sorted[sorted.length - 1];

  const span = last.year - first.year;
  const added = last.covered - first.covered;
  const pacePerYear = span === 0 ? null : added / span;
  const remaining = last.total - last.covered;
  const yearsLeft = Math.max(0, targetYear - last.year);
  let neededPerYear: number | null;
  if (remaining === 0) neededPerYear = 0;
  else neededPerYear = yearsLeft === 0 ? null : Math.ceil(remaining / yearsLeft);

  let projectedYear: number | null;
  if (remaining === 0) {
    // Already there: the year the current unbroken run at 100% began.
    let index = sorted.length - 1;
    while (index > 0 && sorted[index - 1].covered >= sorted[index - 1].total) index -= 1;
    projectedYear = sorted[index].year;
  } else {
    // remaining / pace in integers, so 30 / (10/1) is exactly 3 and not 3.0000000004.
    projectedYear = span === 0 || added <= 0 ? null : last.year + Math.ceil((remaining * span) / added);
  }

  return {
    pacePerYear,
    remaining,
    yearsLeft,
    neededPerYear,
    projectedYear,
    onTrack: projectedYear !== null && projectedYear <= targetYear,
  };
}
