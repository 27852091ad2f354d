import { toCsv } from './export';
import { categoryAxisWidth, figureStory, gapToTarget, metricOf, percent, percentagePoints, progressRows, runningCoverageTarget, shade, sliceDimension, sortByMetric, type RegionFigures } from './figures';

describe('dashboard figures', () => {
  const slices = [
    { dimension: 'TOTAL', bucket: 'ALL', count: 10 },
    { dimension: 'CERT_LEVEL', bucket: 'NONE', count: 4 },
    { dimension: 'CERT_LEVEL', bucket: '3', count: 5 },
    { dimension: 'CERT_LEVEL', bucket: '1', count: 1 },
    { dimension: 'OCCUPATION', bucket: '劳动关系协调员', count: 6 },
    { dimension: 'OCCUPATION', bucket: '社会工作者', count: 7 },
  ];

  it('orders certificate levels from 一级 down, with no certificate last, and gives shares of the whole', () => {
    const data = sliceDimension(slices, 'CERT_LEVEL', (bucket) => `L${bucket}`);
    expect(data.map((datum) => datum.bucket)).toEqual(['1', '3', 'NONE']);
    expect(data.map((datum) => datum.share)).toEqual([0.1, 0.5, 0.4]);
    expect(data[0].label).toBe('L1');
  });

  it('sorts occupations by count and measures them against all people (one person may hold two)', () => {
    const data = sliceDimension(slices, 'OCCUPATION', (bucket) => bucket, 1);
    expect(data).toEqual([{ bucket: '社会工作者', label: '社会工作者', count: 7, share: 0.7 }]);
  });

  it('sorts regions by a metric and puts regions with nothing to cover last', () => {
    const rows: RegionFigures[] = [
      { regionCode: 'a', regionName: '甲', own: false, coordinators: 5, largeMediumTotal: 10, largeMediumCovered: 5, largeMediumRate: 0.5 },
      { regionCode: 'b', regionName: '乙', own: false, coordinators: 9, largeMediumTotal: 0, largeMediumCovered: 0, largeMediumRate: null },
      { regionCode: 'c', regionName: '丙', own: false, coordinators: 1, largeMediumTotal: 4, largeMediumCovered: 4, largeMediumRate: 1 },
    ];
    expect(sortByMetric(rows, 'largeMediumRate', 'desc').map((row) => row.regionCode)).toEqual(['c', 'a', 'b']);
    expect(sortByMetric(rows, 'largeMediumRate', 'asc').map((row) => row.regionCode)).toEqual(['a', 'c', 'b']);
    expect(sortByMetric(rows, 'coordinators', 'desc').map((row) => row.regionCode)).toEqual(['b', 'a', 'c']);
    expect(metricOf(rows[0], 'largeMediumUncovered')).toBe(5);
  });

  it('shades from light to dark and greys out a missing value', () => {
    expect(shade(null, 0, 1)).toBe('#f0f0f0');
    expect(shade(0, 0, 1)).toBe('rgb(230, 244, 255)');
    expect(shade(1, 0, 1)).toBe('rgb(9, 88, 217)');
  });

  it('lays out the progress chart from the base year to the target year with the projection beyond', () => {
    const rows = progressRows({
      years: [
        { year: 2021, rate: 0.2, targetRate: 0.2 },
        { year: 2022, rate: 0.3, targetRate: 0.4 },
      ],
      projection: [
        { year: 2022, rate: 0.3 },
        { year: 2027, rate: 1 },
      ],
      targetYear: 2025,
    });
    expect(rows.map((row) => row.year)).toEqual([2021, 2022, 2023, 2024, 2025, 2027]);
    expect(rows[1]).toEqual({ year: 2022, actual: 0.3, target: 0.4, projected: 0.3 });
    expect(rows[2]).toEqual({ year: 2023, actual: null, target: null, projected: null });
  });

  it('formats rates and writes CSV with a BOM and quoted cells', () => {
    expect(percent(0.1234)).toBe('12.3%');
    expect(percent(null)).toBe('—');
    const csv = toCsv([{ title: '名称', value: (row: { name: string }) => row.name }], [{ name: '甲,"乙"' }]);
    expect(csv).toBe('\uFEFF名称\r\n"甲,""乙"""\r\n');
  });
});

describe('headline figures against last year and the target', () => {
  it('remarks a fall from 78 % to 75 % and keeps the gap to the target', () => {
    const story = figureStory(0.75, 0.78, 1);
    expect(story.direction).toBe('down');
    expect(story.change).toBeCloseTo(-0.03, 10);
    expect(story.gap).toBeCloseTo(0.25, 10);
    expect(percentagePoints(story.change!)).toBe('−3.0');
  });

  it('has no change without last year and no gap without a target; a reached target has gap 0', () => {
    expect(figureStory(0.5, null, 0.6)).toEqual({ change: null, gap: expect.closeTo(0.1, 10), direction: null });
    expect(figureStory(0.5, 0.4).gap).toBeNull();
    expect(gapToTarget(1, 0.9)).toBe(0);
    expect(figureStory(12, 12).direction).toBe('flat');
  });

  it('takes the running target from the path, and 100% once the path has ended', () => {
    const progress = { targetYear: 2025, years: [{ year: 2024, targetRate: 0.8 }, { year: 2026, targetRate: null }] };
    expect(runningCoverageTarget(progress, 2024)).toBe(0.8);
    expect(runningCoverageTarget(progress, 2026)).toBe(1);
    expect(runningCoverageTarget(undefined, 2026)).toBeNull();
  });

  it('sizes a category axis for its longest label', () => {
    expect(categoryAxisWidth(['用人单位劳动关系工作人员'])).toBeGreaterThan(categoryAxisWidth(['一级']));
    expect(categoryAxisWidth(['x'.repeat(200)])).toBe(240);
  });
});
