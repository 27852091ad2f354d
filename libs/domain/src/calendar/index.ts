// Working days (工作日) on the official calendar: weekends and statutory holidays off, 调休
// make-up days (e.g. Sunday 2021-09-26) on. The State Council's yearly arrangement comes from
// the `chinese-days` package; an administrator's override table wins over it, for a local
// holiday or a year the package does not know yet.
import { getDayDetail, getHolidaysInRange } from 'chinese-days';
import { addDays, compareDates, parseIsoDate } from '../dates';
import type { IsoDate } from '../dates';

export interface CalendarOverride {
  date: IsoDate;
  workday: boolean;
  note?: string;
}

export interface PublicityWindow {
  start: IsoDate;
  end: IsoDate;
  workingDays: number;
}

/** 四(二)1: the publicity at the unit lasts at least 5 working days (公示不少于5个工作日). */
export const PUBLICITY_WORKING_DAYS = 5;

// chinese-days parses 'YYYY-MM-DD' as UTC midnight but reads weekdays and builds its table keys
// in local time, so west of UTC its own weekday test is a day off. Its table lookup goes through
// the same shift on both sides and stays right; the weekday we take in UTC ourselves.
const PACKAGE_WEEKDAY_NAMES = new Set(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);

function packageSaysWorkday(date: IsoDate): boolean {
  const detail = getDayDetail(date);
  if (!PACKAGE_WEEKDAY_NAMES.has(detail.name)) return detail.work; // a holiday or a 调休 workday in its table
  const weekday = parseIsoDate(date).getUTCDay();
  return weekday >= 1 && weekday <= 5;
}

function overrideTable(overrides: readonly CalendarOverride[]): Map<IsoDate, boolean> {
  const table = new Map<IsoDate, boolean>();
  for (const override of overrides) {
    parseIsoDate(override.date);
    table.set(override.date, override.workday); // a later entry wins
  }
  return table;
}

function workingDayIn(date: IsoDate, table: Map<IsoDate, boolean>): boolean {
  return table.get(date) ?? packageSaysWorkday(date);
}

export function isWorkingDay(date: IsoDate, overrides: readonly CalendarOverride[] = []): boolean {
  parseIsoDate(date);
  return workingDayIn(date, overrideTable(overrides));
}

// A runaway guard: even a month-long holiday table cannot push 5 working days past a year.
const MAX_SEARCH_DAYS = 3660;

/** The earliest end so that [start, end] holds `workingDays` working days, the start day counted if it is one. */
export function publicityWindow(
  start: IsoDate,
  workingDays: number = PUBLICITY_WORKING_DAYS,
  overrides: readonly CalendarOverride[] = [],
): PublicityWindow {
  parseIsoDate(start);
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`公示工作日数应为正整数，收到 ${workingDays}`);
  }
  const table = overrideTable(overrides);
  let counted = 0;
  let date = start;
  for (let step = 0; step < MAX_SEARCH_DAYS; step += 1, date = addDays(date, 1)) {
    if (workingDayIn(date, table)) counted += 1;
    if (counted === workingDays) return { start, end: date, workingDays };
  }
  throw new RangeError(`自 ${start} 起 ${MAX_SEARCH_DAYS} 天内凑不足 ${workingDays} 个工作日，请检查日历调整表`);
}

/** Working days in [start, end], both ends included; 0 when end is before start. */
export function countWorkingDays(start: IsoDate, end: IsoDate, overrides: readonly CalendarOverride[] = []): number {
  parseIsoDate(end);
  const table = overrideTable(overrides);
  let counted = 0;
  for (let date = start; compareDates(date, end) <= 0; date = addDays(date, 1)) {
    if (workingDayIn(date, table)) counted += 1;
  }
  return counted;
}

/** Whether the package carries the State Council's holiday arrangement for the year (else only weekends count). */
export function calendarKnowsYear(year: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  const yearText = String(year).padStart(4, '0');
  return getHolidaysInRange(`${yearText}-01-01`, `${yearText}-12-31`, false).length > 0;
}
