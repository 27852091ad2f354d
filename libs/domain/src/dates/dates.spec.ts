import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  chinaYear,
  cumulativeService,
  cumulativeServiceDays,
  diffInDays,
  formatYearsMonths,
  hasServiceYears,
  isValidIsoDate,
  mergePeriods,
  parseIsoDate,
  todayIsoDate,
  wholeMonthsBetween,
} from './index';

describe('ISO dates', () => {
  it('accepts only real calendar dates in YYYY-MM-DD form', () => {
    expect(isValidIsoDate('2020-02-29')).toBe(true);
    expect(isValidIsoDate('2021-02-29')).toBe(false);
    expect(isValidIsoDate('2021-13-01')).toBe(false);
    expect(isValidIsoDate('2021-1-01')).toBe(false);
    expect(isValidIsoDate('2021-01-01T00:00:00Z')).toBe(false);
    expect(isValidIsoDate(20210101)).toBe(false);
    expect(() => parseIsoDate('2021-02-30')).toThrow(/无效/);
    expect(parseIsoDate('2021-11-30').toISOString()).toBe('2021-11-30T00:00:00.000Z');
  });

  it('takes today as the calendar day in China, whatever the zone of the machine', () => {
    expect(todayIsoDate(new Date('2021-09-30T15:59:59Z'))).toBe('2021-09-30');
    expect(todayIsoDate(new Date('2021-09-30T16:00:00Z'))).toBe('2021-10-01');
    expect(todayIsoDate(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
  });

  it('adds years with 29 February falling back to 28 February', () => {
    expect(addYears('2020-02-29', 1)).toBe('2021-02-28');
    expect(addYears('2020-02-29', 4)).toBe('2024-02-29');
    expect(addYears('2021-11-30', -5)).toBe('2016-11-30');
    expect(addMonths('2021-01-31', 1)).toBe('2021-02-28');
    expect(addMonths('2021-03-31', -13)).toBe('2020-02-29');
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
  });

  it('compares and subtracts dates', () => {
    expect(compareDates('2021-01-01', '2021-01-02')).toBe(-1);
    expect(compareDates('2021-01-02', '2021-01-02')).toBe(0);
    expect(compareDates('2022-01-01', '2021-12-31')).toBe(1);
    expect(diffInDays('2021-01-01', '2022-01-01')).toBe(365);
    expect(diffInDays('2020-01-01', '2021-01-01')).toBe(366);
    expect(diffInDays('2021-01-10', '2021-01-01')).toBe(-9);
  });

  it('counts whole months like anniversaries', () => {
    expect(wholeMonthsBetween('2018-11-30', '2021-11-30')).toBe(36);
    expect(wholeMonthsBetween('2018-11-30', '2021-11-29')).toBe(35);
    expect(wholeMonthsBetween('2021-01-31', '2021-02-28')).toBe(1);
  });
});

describe('service periods', () => {
  const asOf = '2021-11-30';

  it('counts a period through its last day: 2018-01-01 to 2020-12-31 is exactly 3 years', () => {
    const periods = [{ start: '2018-01-01', end: '2020-12-31' }];
    expect(cumulativeService(periods, '2026-12-04')).toEqual({ days: 1096, years: 3, months: 0 });
    expect(hasServiceYears(periods, '2026-12-04', 3)).toBe(true);
    expect(cumulativeService([{ start: '2018-11-30', end: '2021-11-29' }], asOf)).toEqual({ days: 1096, years: 3, months: 0 });
  });

  it('does not count one day short of 3 years as 3 years', () => {
    expect(hasServiceYears([{ start: '2018-01-01', end: '2020-12-30' }], '2026-12-04', 3)).toBe(false);
    expect(cumulativeService([{ start: '2018-01-01', end: '2020-12-30' }], '2026-12-04')).toMatchObject({ years: 2, months: 11 });
    expect(hasServiceYears([{ start: '2018-11-30', end: '2021-11-28' }], asOf, 3)).toBe(false);
    expect(hasServiceYears([{ start: '2018-12-01', end: '2021-11-29' }], asOf, 3)).toBe(false);
    expect(cumulativeService([{ start: '2018-12-01', end: null }], asOf)).toMatchObject({ years: 2, months: 11 });
  });

  it('runs an ongoing period up to asOf, asOf itself not yet worked, and not beyond it', () => {
    expect(hasServiceYears([{ start: '2018-11-30', end: null }], asOf, 3)).toBe(true);
    expect(hasServiceYears([{ start: '2018-11-30', end: null }], '2021-11-29', 3)).toBe(false);
    expect(hasServiceYears([{ start: '2018-11-30', end: '2030-01-01' }], '2021-11-29', 3)).toBe(false);
    expect(hasServiceYears([{ start: '2018-11-30', end: '2030-01-01' }], asOf, 3)).toBe(true);
    // a period that starts on asOf has no day worked yet
    expect(cumulativeService([{ start: asOf, end: null }], asOf)).toEqual({ days: 0, years: 0, months: 0 });
    expect(cumulativeService([{ start: '2021-11-29', end: null }], asOf)).toEqual({ days: 1, years: 0, months: 0 });
  });

  it('counts overlapping periods once', () => {
    const periods = [
      { start: '2016-01-01', end: '2018-12-31' },
      { start: '2017-06-01', end: '2019-12-31' },
      { start: '2018-01-01', end: '2018-06-01' },
    ];
    expect(mergePeriods(periods, asOf)).toEqual([{ start: '2016-01-01', end: '2019-12-31' }]);
    expect(cumulativeService(periods, asOf)).toEqual({ days: 1461, years: 4, months: 0 });
    expect(hasServiceYears(periods, asOf, 4)).toBe(true);
    expect(hasServiceYears(periods, asOf, 5)).toBe(false);
  });

  it('lets a period starting the day after another ends continue it, losing no day', () => {
    const adjoining = [
      { start: '2019-01-01', end: '2020-12-31' },
      { start: '2018-01-01', end: '2018-12-31' },
    ];
    expect(mergePeriods(adjoining, '2026-12-04')).toEqual([{ start: '2018-01-01', end: '2020-12-31' }]);
    expect(cumulativeService(adjoining, '2026-12-04')).toEqual({ days: 1096, years: 3, months: 0 });
    // a one-day gap keeps them apart and costs that day
    const gap = [
      { start: '2018-01-01', end: '2018-12-30' },
      { start: '2019-01-01', end: '2020-12-31' },
    ];
    expect(mergePeriods(gap, '2026-12-04')).toHaveLength(2);
    expect(cumulativeServiceDays(gap, '2026-12-04')).toBe(1095);
    expect(hasServiceYears(gap, '2026-12-04', 3)).toBe(false);
  });

  it('adds separate periods and ignores those starting on or after asOf', () => {
    const periods = [
      { start: '2010-03-01', end: '2012-02-29' },
      { start: '2015-05-10', end: '2017-07-09' },
      { start: '2022-01-01', end: null },
      { start: asOf, end: null },
    ];
    expect(mergePeriods(periods, asOf)).toHaveLength(2);
    expect(cumulativeServiceDays(periods, asOf)).toBe(731 + 792);
    expect(cumulativeService(periods, asOf)).toMatchObject({ years: 4, months: 2 });
  });

  it('has no service without periods and rejects an end before the start', () => {
    expect(cumulativeService([], asOf)).toEqual({ days: 0, years: 0, months: 0 });
    expect(() => mergePeriods([{ start: '2020-01-02', end: '2020-01-01' }], asOf)).toThrow(/早于/);
    // a one-day period is one day
    expect(cumulativeServiceDays([{ start: '2020-01-01', end: '2020-01-01' }], asOf)).toBe(1);
  });

  it('formats years and months in Chinese', () => {
    expect(formatYearsMonths({ years: 4, months: 2 })).toBe('4年2个月');
    expect(formatYearsMonths({ years: 3, months: 0 })).toBe('3年');
    expect(formatYearsMonths({ years: 0, months: 7 })).toBe('7个月');
    expect(formatYearsMonths({ years: 0, months: 0 })).toBe('不足1个月');
  });
});

describe('this year in China', () => {
  it('turns with China\'s new year, not the machine\'s', () => {
    // 31 December 16:00 UTC is already 1 January in Changchun, and still 31 December in Los Angeles
    expect(chinaYear(new Date('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(chinaYear(new Date('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(chinaYear(new Date('2027-01-01T07:59:59-08:00'))).toBe(2027);
  });
});
