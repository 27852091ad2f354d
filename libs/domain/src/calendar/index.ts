// Working days (工作日) on the official calendar: weekends and statutory holidays off, 调休
// make-up days (e.g. Sunday 2021-09-26) on. The State Council's yearly arrangement comes from
// the `chinese-days` package; an administrator's override table wins over it, for a local
// holiday or a year the package does not know yet. A year that neither the package nor the
// province has entered (override days plus a confirmation of the year) is never computed: the
// package would silently call its holidays working days (2027-10-01 a Thursday at work), so
// every working-day function throws CalendarYearNotEnteredError naming the year instead.
import { getDayDetail, getHolidaysInRange } from 'chinese-days';
import { addDays, compareDates, parseIsoDate } from '../dates';
import type { IsoDate } from '../dates';

export interface CalendarOverride {
  date: IsoDate;
  workday: boolean;
  note?: string;
}

/** What the working-day functions count on: the override table and the years the province confirmed. */
export interface WorkingDayCalendar {
  overrides: readonly CalendarOverride[];
  /** years the province has entered (holidays and 调休 days as overrides) and confirmed */
  confirmedYears: readonly number[];
}

/** The old shape (the override table alone) is still taken: then no year is confirmed. */
export type CalendarInput = WorkingDayCalendar | readonly CalendarOverride[];

/** A date fell in a year whose holiday arrangement (节假日安排) nobody has entered. */
export class CalendarYearNotEnteredError extends RangeError {
  constructor(readonly year: number) {
    super(`${year} 年节假日安排尚未录入（国务院办公厅公布后，由省级管理员在“评选设置 · 工作日调整”中录入节假日与调休上班日并确认该年）`);
    this.name = 'CalendarYearNotEnteredError';
  }
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

interface CalendarTable {
  days: Map<IsoDate, boolean>;
  confirmedYears: Set<number>;
}

function calendarTable(input: CalendarInput): CalendarTable {
  const calendar: WorkingDayCalendar = Array.isArray(input)
    ? { overrides: input as readonly CalendarOverride[], confirmedYears: [] }
    : (input as WorkingDayCalendar);
  const days = new Map<IsoDate, boolean>();
  for (const override of calendar.overrides) {
    parseIsoDate(override.date);
    days.set(override.date, override.workday); // a later entry wins
  }
  return { days, confirmedYears: new Set(calendar.confirmedYears) };
}

function workingDayIn(date: IsoDate, table: CalendarTable): boolean {
  const year = Number(date.slice(0, 4));
  if (!packageKnowsYear(year) && !table.confirmedYears.has(year)) throw new CalendarYearNotEnteredError(year);
  return table.days.get(date) ?? packageSaysWorkday(date);
}

/** Whether `date` is a working day; throws CalendarYearNotEnteredError for a year nobody entered. */
export function isWorkingDay(date: IsoDate, calendar: CalendarInput = []): boolean {
  parseIsoDate(date);
  return workingDayIn(date, calendarTable(calendar));
}

// A runaway guard: even a month-long holiday table cannot push 5 working days past a year.
const MAX_SEARCH_DAYS = 3660;

/** The earliest end so that [start, end] holds `workingDays` working days, the start day counted if it is one. */
export function publicityWindow(
  start: IsoDate,
  workingDays: number = PUBLICITY_WORKING_DAYS,
  calendar: CalendarInput = [],
): PublicityWindow {
  parseIsoDate(start);
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`公示工作日数应为正整数，收到 ${workingDays}`);
  }
  const table = calendarTable(calendar);
  let counted = 0;
  let date = start;
  for (let step = 0; step < MAX_SEARCH_DAYS; step += 1, date = addDays(date, 1)) {
    if (workingDayIn(date, table)) counted += 1;
    if (counted === workingDays) return { start, end: date, workingDays };
  }
  throw new RangeError(`自 ${start} 起 ${MAX_SEARCH_DAYS} 天内凑不足 ${workingDays} 个工作日，请检查日历调整表`);
}

/** Working days in [start, end], both ends included; 0 when end is before start. */
export function countWorkingDays(start: IsoDate, end: IsoDate, calendar: CalendarInput = []): number {
  parseIsoDate(end);
  const table = calendarTable(calendar);
  let counted = 0;
  for (let date = start; compareDates(date, end) <= 0; date = addDays(date, 1)) {
    if (workingDayIn(date, table)) counted += 1;
  }
  return counted;
}

// Which years the package knows is read from its own data (a year with any entry in its
// holiday table), once per year, so a newer release of chinese-days extends it by itself.
const packageYears = new Map<number, boolean>();

/** Whether chinese-days carries the State Council's holiday arrangement for the year. */
export function packageKnowsYear(year: number): boolean {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return false;
  let known = packageYears.get(year);
  if (known === undefined) {
    const yearText = String(year).padStart(4, '0');
    known = getHolidaysInRange(`${yearText}-01-01`, `${yearText}-12-31`, false).length > 0;
    packageYears.set(year, known);
  }
  return known;
}

/** Whether the package carries the State Council's holiday arrangement for the year (else only weekends count). */
export function calendarKnowsYear(year: number): boolean {
  return packageKnowsYear(year);
}

export type CalendarYearSource = 'PACKAGE' | 'CONFIRMED';

/** Where a year's holidays come from: the package, the province's confirmed entry, or nowhere (null). */
export function calendarYearSource(year: number, confirmedYears: readonly number[] = []): CalendarYearSource | null {
  if (packageKnowsYear(year)) return 'PACKAGE';
  return confirmedYears.includes(year) ? 'CONFIRMED' : null;
}

/** Whether working days can be counted in the year (for the December reminder about next year). */
export function calendarYearEntered(year: number, confirmedYears: readonly number[] = []): boolean {
  return calendarYearSource(year, confirmedYears) !== null;
}

/** The years in [from, to] the package knows, read from its data. */
export function packageCalendarYears(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = from; year <= to; year += 1) if (packageKnowsYear(year)) years.push(year);
  return years;
}
