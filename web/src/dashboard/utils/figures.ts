// Shaping of the dashboard's figures for charts and tables: pure functions, tested in figures.spec.ts.

export interface StructureSlice {
  dimension: string;
  bucket: string;
  count: number;
}

export interface ChartDatum {
  bucket: string;
  label: string;
  count: number;
  share: number;
}

/** Bucket order per dimension (a fixed scale reads better than sorting by size); others by count. */
const BUCKET_ORDER: Record<string, string[]> = {
  CERT_LEVEL: ['1', '2', '3', '4', '5', 'NONE'],
  EDUCATION: ['DOCTOR', 'MASTER', 'BACHELOR', 'JUNIOR_COLLEGE', 'SECONDARY_OR_BELOW', 'NONE'],
  AGE_BAND: ['UNDER_30', '30_39', '40_49', '50_59', '60_PLUS'],
  CATEGORY: ['1', '2', '3', '4', '5', '6'],
  GENDER: ['MALE', 'FEMALE'],
  OWNERSHIP: ['PUBLIC', 'NON_PUBLIC', 'NONE'],
  SIZE_CLASS: ['LARGE', 'MEDIUM', 'SMALL', 'MICRO', 'NONE'],
  AFFILIATION: ['ENTERPRISE', 'TRIPARTITE', 'GRASSROOTS', 'OTHER'],
};

/** One dimension's slices as chart data, in the dimension's natural order, with shares of the whole. */
export function sliceDimension(slices: readonly StructureSlice[], dimension: string, label: (bucket: string) => string, top?: number): ChartDatum[] {
  const rows = slices.filter((slice) => slice.dimension === dimension);
  const total = dimension === 'OCCUPATION'
    ? slices.find((slice) => slice.dimension === 'TOTAL')?.count ?? 0
    : rows.reduce((sum, slice) => sum + slice.count, 0);
  const order = BUCKET_ORDER[dimension];
  const sorted = [...rows].sort((left, right) => {
    if (order) return rank(order, left.bucket) - rank(order, right.bucket);
    return right.count - left.count || left.bucket.localeCompare(right.bucket);
  });
  const limited = top ? sorted.slice(0, top) : sorted;
  return limited.map((slice) => ({ bucket: slice.bucket, label: label(slice.bucket), count: slice.count, share: total > 0 ? slice.count / total : 0 }));
}

function rank(order: string[], bucket: string): number {
  const index = order.indexOf(bucket);
  return index === -1 ? order.length : index;
}

export type DistributionMetric = 'coordinators' | 'largeMediumRate' | 'perHundredLargeMedium' | 'largeMediumUncovered';

export interface RegionFigures {
  regionCode: string;
  regionName: string;
  own: boolean;
  coordinators: number;
  largeMediumTotal: number;
  largeMediumCovered: number;
  largeMediumRate?: number | null;
  perHundredLargeMedium?: number | null;
}

export function metricOf(row: RegionFigures, metric: DistributionMetric): number | null {
  switch (metric) {
    case 'coordinators':
      return row.coordinators;
    case 'largeMediumRate':
      return row.largeMediumRate ?? null;
    case 'perHundredLargeMedium':
      return row.perHundredLargeMedium ?? null;
    case 'largeMediumUncovered':
      return row.largeMediumTotal - row.largeMediumCovered;
  }
}

/** Bars sorted by the metric; regions without a value (nothing to cover) go last. */
export function sortByMetric<T extends RegionFigures>(rows: readonly T[], metric: DistributionMetric, direction: 'asc' | 'desc'): T[] {
  return [...rows].sort((left, right) => {
    const a = metricOf(left, metric);
    const b = metricOf(right, metric);
    if (a === null && b === null) return left.regionName.localeCompare(right.regionName);
    if (a === null) return 1;
    if (b === null) return -1;
    return direction === 'asc' ? a - b : b - a;
  });
}

/** A colour from light to dark blue for a value between min and max (the tile map's shading). */
export function shade(value: number | null, min: number, max: number): string {
  if (value === null || !Number.isFinite(value)) return '#f0f0f0';
  const t = max > min ? (value - min) / (max - min) : 1;
  const light = [230, 244, 255];
  const dark = [9, 88, 217];
  const mix = light.map((channel, index) => Math.round(channel + (dark[index] - channel) * Math.min(1, Math.max(0, t))));
  return `rgb(${mix.join(', ')})`;
}

/** Text that stays readable on `shade`'s colour. */
export function textOn(value: number | null, min: number, max: number): string {
  if (value === null || !Number.isFinite(value)) return '#595959';
  const t = max > min ? (value - min) / (max - min) : 1;
  return t > 0.55 ? '#ffffff' : '#1f1f1f';
}

export function percent(rate: number | null | undefined, digits = 1): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(digits)}%`;
}

/** Progress chart rows: one per year from the base year to the later of the target year and the last projected year. */
export interface ProgressInput {
  years: { year: number; rate?: number | null; targetRate?: number | null }[];
  projection: { year: number; rate: number }[];
  targetYear: number;
}

export interface ProgressRow {
  year: number;
  actual: number | null;
  target: number | null;
  projected: number | null;
}

export function progressRows(input: ProgressInput): ProgressRow[] {
  const byYear = new Map<number, ProgressRow>();
  const row = (year: number) => {
    let entry = byYear.get(year);
    if (!entry) byYear.set(year, (entry = { year, actual: null, target: null, projected: null }));
    return entry;
  };
  for (const entry of input.years) {
    row(entry.year).actual = entry.rate ?? null;
    if (entry.targetRate !== null && entry.targetRate !== undefined) row(entry.year).target = entry.targetRate;
  }
  for (const point of input.projection) row(point.year).projected = point.rate;
  const first = input.years[0]?.year;
  if (first !== undefined) for (let year = first; year <= input.targetYear; year += 1) row(year);
  return [...byYear.values()].sort((left, right) => left.year - right.year);
}

/** A headline figure's story: its change against last year-end and its gap to the target. */
export interface FigureStory {
  /** current − previous year-end (rates as fractions, counts as counts); null when either is unknown */
  change: number | null;
  /** target − current; 0 once the target is reached; null without a target */
  gap: number | null;
  direction: 'up' | 'down' | 'flat' | null;
}

/**
 * The one place a figure meets its target: the caller passes the running target (today the
 * 十四五 straight path, 100% after 2025; later the year's target from the targets table).
 */
export function gapToTarget(value: number | null | undefined, target: number | null | undefined): number | null {
  if (value === null || value === undefined || target === null || target === undefined) return null;
  return Math.max(0, target - value);
}

export function figureStory(current: number | null | undefined, previous: number | null | undefined, target?: number | null): FigureStory {
  const known = current !== null && current !== undefined && previous !== null && previous !== undefined;
  const change = known ? current - previous : null;
  // below a tenth of a percentage point a rate counts as unchanged (floating noise)
  const direction = change === null ? null : Math.abs(change) < 1e-9 ? 'flat' : change > 0 ? 'up' : 'down';
  return { change, gap: gapToTarget(current, target), direction };
}

/** The running coverage target for a year: the path's rate for the year, 100% once the path has ended. */
export function runningCoverageTarget(progress: { years: { year: number; targetRate?: number | null }[]; targetYear: number } | undefined, year: number): number | null {
  if (!progress) return null;
  const onPath = progress.years.find((entry) => entry.year === year)?.targetRate;
  if (onPath !== null && onPath !== undefined) return onPath;
  return year >= progress.targetYear ? 1 : null;
}

/** Percentage points, signed: 0.03 → "+3.0". */
export function percentagePoints(change: number, digits = 1): string {
  const points = change * 100;
  return `${points > 0 ? '+' : points < 0 ? '−' : '±'}${Math.abs(points).toFixed(digits)}`;
}

/** A tick's text width for recharts that never wraps it (recharts breaks a label at its spaces once it passes the axis width). */
export const NO_WRAP = 10000;

/** Width (px) a category axis needs for its longest label at the given font size (CJK glyphs are square). */
export function categoryAxisWidth(labels: readonly string[], fontSize = 12, min = 60, max = 240): number {
  const longest = labels.reduce((widest, label) => Math.max(widest, [...label].reduce((sum, char) => sum + (char.charCodeAt(0) > 0x2e80 ? 1 : 0.6), 0)), 0);
  return Math.round(Math.min(max, Math.max(min, longest * fontSize + 12)));
}
