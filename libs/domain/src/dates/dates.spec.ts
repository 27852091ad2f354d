import {
  addDays,
  addMonths,
  addYears,
  compareDates,
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

  it('counts a single period of exactly 3 years as 3 full years', () => {
    const periods = [{ start: '2018-11-30', end: '2021-11-30' }];
    expect(cumulativeService(periods, asOf)).toEqual({ days: 1096, years: 3, months: 0 });
    expect(hasServiceYears(periods, asOf, 3)).toBe(true);
  });

  it('does not count one day short of 3 years as 3 years', () => {
    expect(hasServiceYears([{ start: '2018-11-30', end: '2021-11-29' }], asOf, 3)).toBe(false);
    expect(hasServiceYears([{ start: '2018-12-01', end: '2021-11-30' }], asOf, 3)).toBe(false);
    expect(cumulativeService([{ start: '2018-12-01', end: null }], asOf)).toMatchObject({ years: 2, months: 11 });
  });

  it('runs an ongoing period up to asOf, and not beyond it', () => {
    expect(hasServiceYears([{ start: '2018-11-30', end: null }], asOf, 3)).toBe(true);
    expect(hasServiceYears([{ start: '2018-11-30', end: null }], '2021-11-29', 3)).toBe(false);
    expect(hasServiceYears([{ start: '2018-11-30', end: '2030-01-01' }], '2021-11-29', 3)).toBe(false);
  });

  it('counts overlapping periods once', () => {
    const periods = [
      { start: '2016-01-01', end: '2019-01-01' },
      { start: '2017-06-01', end: '2020-01-01' },
      { start: '2018-01-01', end: '2018-06-01' },
    ];
    expect(mergePeriods(periods, asOf)).toEqual([{ start: '2016-01-01', end: '2020-01-01' }]);
    expect(cumulativeService(periods, asOf)).toEqual({ days: 1461, years: 4, months: 0 });
    expect(hasServiceYears(periods, asOf, 5)).toBe(false);
  });

  it('lets a period starting the day after another ends continue it', () => {
    const periods = [
      { start: '2019-01-01', end: '2021-11-30' },
      { start: '2018-11-30', end: '2018-12-31' },
    ];
    expect(mergePeriods(periods, asOf)).toEqual([{ start: '2018-11-30', end: '2021-11-30' }]);
    expect(hasServiceYears(periods, asOf, 3)).toBe(true);
  });

  it('adds separate periods and ignores those starting after asOf', () => {
    const periods = [
      { start: '2010-03-01', end: '2012-03-01' },
      { start: '2015-05-10', end: '2017-07-10' },
      { start: '2022-01-01', end: null },
    ];
    expect(mergePeriods(periods, asOf)).toHaveLength(2);
    expect(cumulativeServiceDays(periods, asOf)).toBe(731 + 792);
    expect(cumulativeService(periods, asOf)).toMatchObject({ years: 4, months: 2 });
  });

  it('has no service without periods and rejects an end before the start', () => {
    expect(cumulativeService([], asOf)).toEqual({ days: 0, years: 0, months: 0 });
    expect(() => mergePeriods([{ start: '2020-01-02', end: '2020-01-01' }], asOf)).toThrow(/早于/);
  });

  it('formats years and months in Chinese', () => {
    expect(formatYearsMonths({ years: 4, months: 2 })).toBe('4年2个月');
    expect(formatYearsMonths({ years: 3, months: 0 })).toBe('3年');
    expect(formatYearsMonths({ years: 0, months: 7 })).toBe('7个月');
    expect(formatYearsMonths({ years: 0, months: 0 })).toBe('不足1个月');
  });
});
