import {
  type CoverageTarget,
  coverageRate,
  coverageTargetProblem,
  FOURTEENTH_FIVE_YEAR_TARGET,
  projectCoverage,
  runningTarget,
  targetFigures,
  targetPath,
  targetStartYear,
  targetVerdict,
} from './index';

const project = (series: Parameters<typeof projectCoverage>[0]) => projectCoverage(series, FOURTEENTH_FIVE_YEAR_TARGET);

describe('coverage rate', () => {
  it('divides covered by total, and has no rate for an empty region', () => {
    expect(coverageRate(45, 60)).toBe(0.75);
    expect(coverageRate(0, 60)).toBe(0);
    expect(coverageRate(0, 0)).toBeNull();
  });

  it('rejects impossible counts', () => {
    expect(() => coverageRate(61, 60)).toThrow(/大于总数/);
    expect(() => coverageRate(-1, 60)).toThrow(/非负数/);
  });
});

describe('target path to 100% by the end of 2025', () => {
  it('draws a straight line from the base year to 100% in 2025', () => {
    const path = targetPath(2021, 0.2, FOURTEENTH_FIVE_YEAR_TARGET);
    expect(path.map((point) => point.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(path[0].rate).toBe(0.2);
    expect(path[2].rate).toBeCloseTo(0.6, 10);
    expect(path[4].rate).toBe(1);
  });

  it('takes another target year and rate', () => {
    expect(targetPath(2022, 0.5, { endDate: '2024-12-31', rate: 0.9 })).toEqual([
      { year: 2022, rate: 0.5 },
      { year: 2023, rate: 0.7 },
      { year: 2024, rate: 0.9 },
    ]);
  });

  it('is a single point in the target year and refuses a base after it', () => {
    expect(targetPath(2025, 0.8, FOURTEENTH_FIVE_YEAR_TARGET)).toEqual([{ year: 2025, rate: 1 }]);
    expect(() => targetPath(2026, 0.8, FOURTEENTH_FIVE_YEAR_TARGET)).toThrow(/晚于目标年/);
  });
});

describe('projection at the current pace', () => {
  it('compares the pace so far with the pace still needed', () => {
    const projection = project([
      { year: 2021, covered: 100, total: 500 },
      { year: 2022, covered: 180, total: 500 },
      { year: 2023, covered: 260, total: 520 },
    ]);
    expect(projection).toEqual({
      pacePerYear: 80,
      remaining: 260,
      yearsLeft: 2,
      neededPerYear: 130,
      projectedYear: 2027, // 260 / 80 = 3.25 years after 2023
      onTrack: false,
    });
  });

  it('is on track when the pace reaches 100% by 2025', () => {
    const projection = project([
      { year: 2023, covered: 300, total: 400 },
      { year: 2021, covered: 100, total: 400 },
    ]);
    expect(projection.pacePerYear).toBe(100);
    expect(projection.projectedYear).toBe(2024);
    expect(projection.neededPerYear).toBe(50);
    expect(projection.onTrack).toBe(true);
  });

  it('rounds the needed additions up to whole units and keeps integer precision', () => {
    const projection = project([
      { year: 2021, covered: 0, total: 30 },
      { year: 2024, covered: 10, total: 31 },
    ]);
    expect(projection.pacePerYear).toBeCloseTo(10 / 3, 10);
    expect(projection.neededPerYear).toBe(21);
    expect(projection.projectedYear).toBe(2031); // 21 / (10/3) = 6.3 years
  });

  it('has no projected year when the pace is not positive or unknown', () => {
    expect(
      project([
        { year: 2021, covered: 50, total: 100 },
        { year: 2022, covered: 40, total: 100 },
      ]).projectedYear,
    ).toBeNull();
    const single = project([{ year: 2022, covered: 40, total: 100 }]);
    expect(single).toMatchObject({ pacePerYear: null, projectedYear: null, neededPerYear: 20, yearsLeft: 3, onTrack: false });
  });

  it('says when it is too late, and when the target is already met', () => {
    expect(project([{ year: 2025, covered: 90, total: 100 }])).toMatchObject({ neededPerYear: null, yearsLeft: 0 });
    expect(
      project([
        { year: 2023, covered: 80, total: 100 },
        { year: 2024, covered: 100, total: 100 },
        { year: 2025, covered: 102, total: 102 },
      ]),
    ).toMatchObject({ remaining: 0, neededPerYear: 0, projectedYear: 2024, onTrack: true });
  });

  it('rejects an empty series and a repeated year', () => {
    expect(() => project([])).toThrow(/至少需要一年/);
    expect(() =>
      project([
        { year: 2022, covered: 1, total: 2 },
        { year: 2022, covered: 2, total: 2 },
      ]),
    ).toThrow(/重复/);
  });
});

const FIFTEENTH: CoverageTarget = { name: '十五五', endDate: '2030-12-31', rate: 1, counts: ['LARGE_MEDIUM', 'SOCIAL_ORGANIZATION'] };

describe('targets as data', () => {
  it('finds the running target by today, and the next one starts after the previous ends', () => {
    const targets = [FIFTEENTH, FOURTEENTH_FIVE_YEAR_TARGET];
    expect(runningTarget(targets, '2025-12-31')?.name).toBe('十四五');
    expect(runningTarget(targets, '2026-01-01')?.name).toBe('十五五');
    expect(runningTarget([FOURTEENTH_FIVE_YEAR_TARGET], '2026-12-04')).toBeNull();
    expect(targetStartYear(FOURTEENTH_FIVE_YEAR_TARGET, targets)).toBe(2021);
    expect(targetStartYear(FIFTEENTH, targets)).toBe(2026);
  });

  it('draws the path to the target\'s own end and rate', () => {
    const path = targetPath(2025, 0.8, { endDate: '2030-12-31', rate: 0.9 });
    expect(path.map((point) => point.year)).toEqual([2025, 2026, 2027, 2028, 2029, 2030]);
    expect(path[5].rate).toBe(0.9);
    expect(path[1].rate).toBeCloseTo(0.82, 10);
  });

  it('validates a new target against those on file', () => {
    const existing = [FOURTEENTH_FIVE_YEAR_TARGET];
    expect(coverageTargetProblem(FIFTEENTH, existing)).toBeNull();
    expect(coverageTargetProblem({ ...FIFTEENTH, name: ' 十四五 ' }, existing)).toMatchObject({ field: 'name' });
    expect(coverageTargetProblem({ ...FIFTEENTH, name: '' }, existing)).toMatchObject({ field: 'name' });
    expect(coverageTargetProblem({ ...FIFTEENTH, endDate: '2030-06-30' }, existing)).toMatchObject({ field: 'endDate', reason: expect.stringMatching(/12 月 31 日/) });
    expect(coverageTargetProblem({ ...FIFTEENTH, endDate: '2024-12-31' }, existing)).toMatchObject({ field: 'endDate', reason: expect.stringMatching(/晚于上一目标/) });
    expect(coverageTargetProblem({ ...FIFTEENTH, endDate: '2030-02-30' }, existing)).toMatchObject({ field: 'endDate' });
    expect(coverageTargetProblem({ ...FIFTEENTH, rate: 0 }, existing)).toMatchObject({ field: 'rate' });
    expect(coverageTargetProblem({ ...FIFTEENTH, rate: 1.01 }, existing)).toMatchObject({ field: 'rate' });
    expect(coverageTargetProblem({ ...FIFTEENTH, counts: [] }, existing)).toMatchObject({ field: 'counts' });
  });

  it('counts what the target counts', () => {
    const figures = { largeMediumTotal: 10, largeMediumCovered: 7, socialOrganizationTotal: 4, socialOrganizationCovered: 1, targetTotal: 13, targetCovered: 8 };
    expect(targetFigures(FOURTEENTH_FIVE_YEAR_TARGET, figures)).toEqual({ covered: 8, total: 13 });
    expect(targetFigures({ counts: ['LARGE_MEDIUM'] }, figures)).toEqual({ covered: 7, total: 10 });
    expect(targetFigures({ counts: ['SOCIAL_ORGANIZATION'] }, figures)).toEqual({ covered: 1, total: 4 });
  });

  it('judges a finished target: met, or not met with the shortfall', () => {
    expect(targetVerdict(FOURTEENTH_FIVE_YEAR_TARGET, 120, 120)).toEqual({ met: true, rate: 1, shortfall: 0 });
    expect(targetVerdict(FOURTEENTH_FIVE_YEAR_TARGET, 117, 120)).toEqual({ met: false, rate: 117 / 120, shortfall: 3 });
    expect(targetVerdict({ rate: 0.95 }, 95, 100)).toEqual({ met: true, rate: 0.95, shortfall: 0 });
    expect(targetVerdict({ rate: 0.95 }, 94, 100)).toMatchObject({ met: false, shortfall: 1 });
    expect(targetVerdict(FOURTEENTH_FIVE_YEAR_TARGET, 0, 0)).toEqual({ met: null, rate: null, shortfall: 0 });
  });
});

describe('pace in whole years', () => {
  const series = [
    { year: 2021, covered: 100, total: 1000 },
    { year: 2022, covered: 200, total: 1000 },
    { year: 2023, covered: 300, total: 1000 },
    { year: 2024, covered: 400, total: 1000 },
    { year: 2025, covered: 500, total: 1000 },
    // December 2026: the year is not over
    { year: 2026, covered: 590, total: 1000 },
  ];

  it('does not count the current, partial year as a year of pace', () => {
    const projection = projectCoverage(series, FIFTEENTH, '2026-12-04');
    expect(projection.pacePerYear).toBe(100); // 2021 → 2025, not (590 − 100) / 5
    expect(projection.remaining).toBe(410);
    expect(projection.yearsLeft).toBe(5); // the rest of 2026, then 2027–2030
    expect(projection.neededPerYear).toBe(82);
    expect(projection.projectedYear).toBe(2030); // 410 / 100 → 5 years, the rest of 2026 being the first
    expect(projection.onTrack).toBe(true);
  });

  it('counts the year once it is over', () => {
    const projection = projectCoverage(series, FIFTEENTH, '2026-12-31');
    expect(projection.pacePerYear).toBe(98); // (590 − 100) / 5
    expect(projection.yearsLeft).toBe(4);
    expect(projection.projectedYear).toBe(2031);
  });

  it('has no pace from a partial year alone', () => {
    expect(projectCoverage([{ year: 2026, covered: 5, total: 10 }], FIFTEENTH, '2026-03-01')).toMatchObject({ pacePerYear: null, projectedYear: null, remaining: 5 });
  });

  it('aims at the target\'s rate, not always 100%', () => {
    const projection = projectCoverage([{ year: 2025, covered: 85, total: 100 }], { endDate: '2030-12-31', rate: 0.9 });
    expect(projection.remaining).toBe(5);
    expect(projection.neededPerYear).toBe(1);
  });
});
