import {
  calendarKnowsYear,
  calendarYearEntered,
  calendarYearSource,
  CalendarYearNotEnteredError,
  countWorkingDays,
  isWorkingDay,
  packageCalendarYears,
  publicityWindow,
} from './index';

describe('working days on the official calendar', () => {
  it('knows National Day 2021 and its 调休 make-up days', () => {
    expect(isWorkingDay('2021-09-26')).toBe(true); // Sunday, worked for National Day
    expect(isWorkingDay('2021-10-01')).toBe(false);
    expect(isWorkingDay('2021-10-07')).toBe(false); // Thursday, holiday
    expect(isWorkingDay('2021-10-08')).toBe(true);
    expect(isWorkingDay('2021-10-09')).toBe(true); // Saturday, worked
    expect(isWorkingDay('2021-10-10')).toBe(false); // ordinary Sunday
    expect(isWorkingDay('2021-11-30')).toBe(true);
  });

  // Run under TZ=America/New_York too: the package alone calls 2021-10-16 a Friday there.
  it('takes ordinary weekdays and weekends in UTC whatever the machine zone', () => {
    expect(isWorkingDay('2021-10-15')).toBe(true); // Friday
    expect(isWorkingDay('2021-10-16')).toBe(false); // Saturday
    expect(isWorkingDay('2021-10-18')).toBe(true); // Monday
    // Saturday in a year the package does not know, once the province confirmed the year
    expect(isWorkingDay('2027-03-06', { overrides: [], confirmedYears: [2027] })).toBe(false);
    expect(isWorkingDay('2027-03-08', { overrides: [], confirmedYears: [2027] })).toBe(true);
  });

  it('rejects an invalid date', () => {
    expect(() => isWorkingDay('2021-02-30')).toThrow(/无效/);
  });
});

describe('publicity window (四(二)1, at least 5 working days)', () => {
  it('runs across National Day from 2021-09-30', () => {
    // 09-30, 10-08, 10-09 (调休 Saturday), 10-11, 10-12
    expect(publicityWindow('2021-09-30')).toEqual({ start: '2021-09-30', end: '2021-10-12', workingDays: 5 });
  });

  it('counts a 调休 Sunday inside the range', () => {
    // Saturday 09-25 is off; Sunday 09-26 is a workday, then 09-27 … 09-30
    expect(publicityWindow('2021-09-25')).toEqual({ start: '2021-09-25', end: '2021-09-30', workingDays: 5 });
  });

  it('counts the start day only when it is a working day', () => {
    expect(publicityWindow('2021-11-22').end).toBe('2021-11-26'); // Monday to Friday
    expect(publicityWindow('2021-11-20').end).toBe('2021-11-26'); // from a Saturday
    expect(publicityWindow('2021-11-22', 1).end).toBe('2021-11-22');
  });

  it('lets an override beat the package', () => {
    const overrides = [
      { date: '2021-11-24', workday: false, note: '地方性假日' },
      { date: '2021-11-27', workday: true, note: '补班' },
    ];
    expect(isWorkingDay('2021-11-24', overrides)).toBe(false);
    expect(isWorkingDay('2021-11-27', overrides)).toBe(true);
    expect(publicityWindow('2021-11-22', 5, overrides).end).toBe('2021-11-27');
    expect(isWorkingDay('2021-10-09', [{ date: '2021-10-09', workday: false }])).toBe(false);
  });

  it('refuses a non-positive number of working days', () => {
    expect(() => publicityWindow('2021-11-22', 0)).toThrow(/正整数/);
  });

  it('counts working days in a range', () => {
    expect(countWorkingDays('2021-09-25', '2021-10-10')).toBe(7);
    expect(countWorkingDays('2021-10-10', '2021-10-01')).toBe(0);
  });
});

describe('calendar coverage', () => {
  it('knows the years the State Council has published', () => {
    expect(calendarKnowsYear(2021)).toBe(true);
    expect(calendarKnowsYear(2004)).toBe(true);
    expect(calendarKnowsYear(1990)).toBe(false);
    expect(calendarKnowsYear(2100)).toBe(false);
  });
});

describe('a year that neither the package nor the province knows (2027 with chinese-days 1.5.7)', () => {
  const year = packageCalendarYears(2000, 2100).at(-1)! + 1;
  const nationalDay = `${year}-10-01`;

  it('reads the known years from the package data', () => {
    const years = packageCalendarYears(2000, 2100);
    expect(years).toEqual(expect.arrayContaining([2004, 2021, 2026]));
    // contiguous: one table per year from the first to the last
    expect(years).toEqual(Array.from({ length: years.length }, (_value, index) => years[0] + index));
    expect(calendarKnowsYear(year)).toBe(false);
  });

  it('refuses to count working days silently, naming the year', () => {
    expect(() => publicityWindow(`${year}-09-28`)).toThrow(CalendarYearNotEnteredError);
    expect(() => publicityWindow(`${year}-09-28`)).toThrow(`${year} 年节假日安排尚未录入`);
    expect(() => isWorkingDay(nationalDay)).toThrow(`${year} 年`);
    expect(() => countWorkingDays(`${year}-01-04`, `${year}-01-08`)).toThrow(CalendarYearNotEnteredError);
    // overrides alone do not make a year known: the province must confirm it is complete
    expect(() => isWorkingDay(nationalDay, [{ date: nationalDay, workday: false }])).toThrow(CalendarYearNotEnteredError);
    try {
      publicityWindow(`${year}-09-28`);
    } catch (error) {
      expect((error as CalendarYearNotEnteredError).year).toBe(year);
    }
  });

  it('refuses a window that runs from a known year into an unknown one', () => {
    expect(() => publicityWindow(`${year - 1}-12-29`)).toThrow(`${year} 年节假日安排尚未录入`);
  });

  it('counts the year once the province has entered and confirmed it', () => {
    const overrides = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ date: `${year}-10-0${day}`, workday: false, note: '国庆节' }));
    const calendar = { overrides, confirmedYears: [year] };
    expect(isWorkingDay(nationalDay, calendar)).toBe(false);
    const window = publicityWindow(`${year}-09-28`, 5, calendar);
    expect(window.end > `${year}-10-07`).toBe(true);
    expect(calendarYearSource(year, [year])).toBe('CONFIRMED');
    expect(calendarYearSource(2021, [])).toBe('PACKAGE');
    expect(calendarYearSource(year, [])).toBeNull();
    expect(calendarYearEntered(year, [])).toBe(false);
    expect(calendarYearEntered(year, [year])).toBe(true);
  });
});
