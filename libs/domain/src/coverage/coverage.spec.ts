import { coverageRate, projectCoverage, targetPath } from './index';

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
    const path = targetPath(2021, 0.2);
    expect(path.map((point) => point.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(path[0].rate).toBe(0.2);
    expect(path[2].rate).toBeCloseTo(0.6, 10);
    expect(path[4].rate).toBe(1);
  });

  it('takes another target year and rate', () => {
    expect(targetPath(2022, 0.5, 2024, 0.9)).toEqual([
      { year: 2022, rate: 0.5 },
      { year: 2023, rate: 0.7 },
      { year: 2024, rate: 0.9 },
    ]);
  });

  it('is a single point in the target year and refuses a base after it', () => {
    expect(targetPath(2025, 0.8)).toEqual([{ year: 2025, rate: 1 }]);
    expect(() => targetPath(2026, 0.8)).toThrow(/晚于目标年/);
  });
});

describe('projection at the current pace', () => {
  it('compares the pace so far with the pace still needed', () => {
    const projection = projectCoverage([
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
    const projection = projectCoverage([
      { year: 2023, covered: 300, total: 400 },
      { year: 2021, covered: 100, total: 400 },
    ]);
    expect(projection.pacePerYear).toBe(100);
    expect(projection.projectedYear).toBe(2024);
    expect(projection.neededPerYear).toBe(50);
    expect(projection.onTrack).toBe(true);
  });

  it('rounds the needed additions up to whole units and keeps integer precision', () => {
    const projection = projectCoverage([
      { year: 2021, covered: 0, total: 30 },
      { year: 2024, covered: 10, total: 31 },
    ]);
    expect(projection.pacePerYear).toBeCloseTo(10 / 3, 10);
    expect(projection.neededPerYear).toBe(21);
    expect(projection.projectedYear).toBe(2031); // 21 / (10/3) = 6.3 years
  });

  it('has no projected year when the pace is not positive or unknown', () => {
    expect(
      projectCoverage([
        { year: 2021, covered: 50, total: 100 },
        { year: 2022, covered: 40, total: 100 },
      ]).projectedYear,
    ).toBeNull();
    const single = projectCoverage([{ year: 2022, covered: 40, total: 100 }]);
    expect(single).toMatchObject({ pacePerYear: null, projectedYear: null, neededPerYear: 20, yearsLeft: 3, onTrack: false });
  });

  it('says when it is too late, and when the target is already met', () => {
    expect(projectCoverage([{ year: 2025, covered: 90, total: 100 }])).toMatchObject({ neededPerYear: null, yearsLeft: 0 });
    expect(
      projectCoverage([
        { year: 2023, covered: 80, total: 100 },
        { year: 2024, covered: 100, total: 100 },
        { year: 2025, covered: 102, total: 102 },
      ]),
    ).toMatchObject({ remaining: 0, neededPerYear: 0, projectedYear: 2024, onTrack: true });
  });

  it('rejects an empty series and a repeated year', () => {
    expect(() => projectCoverage([])).toThrow(/至少需要一年/);
    expect(() =>
      projectCoverage([
        { year: 2022, covered: 1, total: 2 },
        { year: 2022, covered: 2, total: 2 },
      ]),
    ).toThrow(/重复/);
  });
});
