// Calendar dates as plain 'YYYY-MM-DD' strings, with arithmetic done in UTC so that the
// server and every browser agree whatever their time zone.

export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
function utcDate(year: number, monthIndex: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/** The date as a Date at 00:00 UTC; throws on anything but a real 'YYYY-MM-DD' date. */
export function parseIsoDate(value: IsoDate): Date {
  if (!isValidIsoDate(value)) {
    throw new RangeError(`日期“${String(value)}”无效，应为 YYYY-MM-DD 格式的真实日期`);
  }
  const [year, month, day] = value.split('-').map(Number);
  return utcDate(year, month - 1, day);
}

/** The UTC calendar day of a Date as 'YYYY-MM-DD'. */
export function formatIsoDate(date: Date): IsoDate {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** China's offset from UTC (one time zone, no daylight saving). */
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** The calendar day in China at an instant (a timestamp shown as a date on a form, say). */
export function chinaIsoDate(instant: Date): IsoDate {
  return formatIsoDate(new Date(instant.getTime() + CHINA_OFFSET_MS));
}

/**
 * Today as a calendar day in China: the one notion of "today" for date checks in the api
 * (whatever the server's zone) and the forms (whatever the browser's). A date entered at 07:00
 * in Changchun is today's there, though UTC is still on yesterday.
 */
export function todayIsoDate(now: Date = new Date()): IsoDate {
  return chinaIsoDate(now);
}

/** This year in China: the default year of every yearly figure, in the api and the browser alike. */
export function chinaYear(now: Date = new Date()): number {
  return Number(todayIsoDate(now).slice(0, 4));
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  parseIsoDate(date);
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return formatIsoDate(new Date(parseIsoDate(date).getTime() + days * MS_PER_DAY));
}

/** Month arithmetic that clamps to the month's last day: 2021-01-31 + 1 month = 2021-02-28. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return formatIsoDate(utcDate(targetYear, targetMonth - 1, Math.min(day, daysInMonth(targetYear, targetMonth))));
}

/** Same month and day n years on; 29 February becomes 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** -1, 0 or 1, for sorting. */
export function compareDates(left: IsoDate, right: IsoDate): number {
  const difference = parseIsoDate(left).getTime() - parseIsoDate(right).getTime();
  return Math.sign(difference);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function diffInDays(from: IsoDate, to: IsoDate): number {
  return Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / MS_PER_DAY);
}

/** Whole months from `from` to `to` (anniversary counting, with addMonths' month-end clamp). */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  if (compareDates(to, from) < 0) return -wholeMonthsBetween(to, from);
  const start = parts(from);
  const end = parts(to);
  let months = (end.year - start.year) * 12 + (end.month - start.month);
  if (compareDates(addMonths(from, months), to) > 0) months -= 1;
  return months;
}

export function minDate(left: IsoDate, right: IsoDate): IsoDate {
  return compareDates(left, right) <= 0 ? left : right;
}

export function maxDate(left: IsoDate, right: IsoDate): IsoDate {
  return compareDates(left, right) >= 0 ? left : right;
}

// ---------------------------------------------------------------------------
// Service periods and cumulative years (累计工作年限)
//
// Rule: a period's end date is the last day worked, so it counts through that day:
// 2018-01-01 to 2020-12-31 is exactly 3 years (the stretch ends when 2021-01-01 begins), and
// 2018-01-01 to 2020-12-30 is one day short of it. Whole years and months are then read the
// way an anniversary is (周年). An ongoing period (end null) counts the days up to asOf,
// asOf itself not yet worked: someone who started on 2018-11-30 has 满3年 on 2021-11-30; a
// period whose end lies after asOf is cut there the same way. A period starting the day after
// another ends (consecutive jobs: …–12-31, 01-01–…) continues it, so changing employer loses
// no day, and overlapping periods count once. Several separate periods are laid end to end,
// finishing on the last period's end, and the years and months are read off that single
// stretch; for one period this is exactly the anniversary rule, and 29 February counts like
// any other day.

export interface ServicePeriod {
  start: IsoDate;
  /** the last day worked; null while ongoing */
  end: IsoDate | null;
}

export interface ClosedPeriod {
  start: IsoDate;
  /** the last day counted */
  end: IsoDate;
}

export interface CumulativeService {
  days: number;
  years: number;
  months: number;
}

/** Clip to the day before asOf and merge overlapping or adjoining periods; sorted by start. */
export function mergePeriods(periods: readonly ServicePeriod[], asOf: IsoDate): ClosedPeriod[] {
  parseIsoDate(asOf);
  const lastCounted = addDays(asOf, -1);
  const clipped: ClosedPeriod[] = [];
  for (const period of periods) {
    parseIsoDate(period.start);
    if (period.end !== null && compareDates(period.end, period.start) < 0) {
      throw new RangeError(`工作经历结束日期 ${period.end} 早于开始日期 ${period.start}`);
    }
    if (compareDates(period.start, lastCounted) > 0) continue;
    clipped.push({ start: period.start, end: period.end === null ? lastCounted : minDate(period.end, lastCounted) });
  }
  clipped.sort((left, right) => compareDates(left.start, right.start));

  const merged: ClosedPeriod[] = [];
  for (const period of clipped) {
    const last = merged[merged.length - 1];
    if (last && compareDates(period.start, addDays(last.end, 1)) <= 0) {
      last.end = maxDate(last.end, period.end);
    } else {
      merged.push({ ...period });
    }
  }
  return merged;
}

/** Days worked: each period counts its first and its last day. */
export function cumulativeServiceDays(periods: readonly ServicePeriod[], asOf: IsoDate): number {
  return mergePeriods(periods, asOf).reduce((total, period) => total + diffInDays(period.start, period.end) + 1, 0);
}

export function cumulativeService(periods: readonly ServicePeriod[], asOf: IsoDate): CumulativeService {
  const merged = mergePeriods(periods, asOf);
  if (merged.length === 0) return { days: 0, years: 0, months: 0 };
  const days = merged.reduce((total, period) => total + diffInDays(period.start, period.end) + 1, 0);
  // the stretch ends as the day after the last day worked begins
  const stretchEnd = addDays(merged.reduce((latest, period) => maxDate(latest, period.end), merged[0].end), 1);
  const totalMonths = wholeMonthsBetween(addDays(stretchEnd, -days), stretchEnd);
  return { days, years: Math.floor(totalMonths / 12), months: totalMonths % 12 };
}

/** Whether the periods add up to at least `years` full years by asOf: the test 四(一) uses. */
export function hasServiceYears(periods: readonly ServicePeriod[], asOf: IsoDate, years: number): boolean {
  const service = cumulativeService(periods, asOf);
  return service.years * 12 + service.months >= years * 12;
}

/** '4年2个月', '3年', '5个月'; '不足1个月' for less than a month. */
export function formatYearsMonths({ years, months }: { years: number; months: number }): string {
  if (years > 0 && months > 0) return `${years}年${months}个月`;
  if (years > 0) return `${years}年`;
  if (months > 0) return `${months}个月`;
  return '不足1个月';
}
