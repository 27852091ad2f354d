import { todayIsoDate } from '@registry/domain';
import type { Locator, Page } from 'playwright-core';
import { AwardsHistoryDemo } from '../../api/src/awards/awards-history-demo';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// Issue 14 "Dashboard": what a leader reads at 1366 px and on a projector. Every bar labelled,
// no label over another or over a number, all columns of the table on the screen, the two
// "uncovered" figures named apart, all award tiers, each big number against last year-end and
// the target, straight segments between yearly points, townships as links, a table behind
// every chart. Expected figures come from the API on the same demo data.
const TODAY = todayIsoDate();
const THIS_YEAR = Number(TODAY.slice(0, 4));

let app: TestApp;
let browser: BrowserSession;
let token: string;

async function api<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await app.graphql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

/** The rendered boxes and texts of a chart's category-axis labels (one per tick). */
async function axisLabels(chart: Locator, axis: 'yAxis' | 'xAxis') {
  return chart.locator(`.recharts-${axis}-tick-labels .recharts-cartesian-axis-tick-value`).evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      const svg = node.closest('svg')!.getBoundingClientRect();
      return {
        text: node.textContent ?? '',
        box: { x: box.x, y: box.y, width: box.width, height: box.height },
        svg: { x: svg.x, y: svg.y, width: svg.width, height: svg.height },
        fontSize: parseFloat(getComputedStyle(node).fontSize),
        lines: Math.max(1, node.querySelectorAll('tspan').length),
      };
    }),
  );
}

async function openDashboard(page: Page, query = '') {
  await page.goto(`${app.baseUrl}/dashboard${query}`);
  await page.getByTestId('chart-distribution').locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').first().waitFor({ timeout: 60000 });
}

/** WCAG relative-luminance contrast of a CSS rgb() colour against white. */
function contrastOnWhite(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((part) => Number(part) / 255);
  const linear = (channel: number) => (channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return 1.05 / (luminance + 0.05);
}

beforeAll(async () => {
  app = await startBrowserTestApp();
  // the published award campaigns 2021 … last year and this year's in progress
  await app.app.get(AwardsHistoryDemo).seed(TODAY);
  token = await app.login('leader', DEMO_PASSWORD);
  browser = await launchBrowser();
  // generous bounds: 8 people share 2 cores
  browser.page.setDefaultNavigationTimeout(120000);
  browser.page.setDefaultTimeout(60000);
  await browser.page.setViewportSize({ width: 1366, height: 768 });
  await signIn(browser.page, app.baseUrl, 'leader', DEMO_PASSWORD, '/dashboard');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('labels every bar of 下级地区分布 and keeps the 人员类别 labels apart, readable on a projector', async () => {
  const { page } = browser;
  const { distribution } = await api(`{ distribution(regionCode: "220000", year: ${THIS_YEAR}) { regionName own } }`);
  const names = (distribution as { regionName: string; own: boolean }[]).filter((row) => !row.own).map((row) => row.regionName);
  expect(names.length).toBe(11);
  await openDashboard(page);

  const bars = page.getByTestId('chart-distribution');
  // one label per region (recharts used to skip every other one)
  const tickCount = async () => bars.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').count();
  await expect(eventually(tickCount, names.length)).resolves.toBe(names.length);
  const labels = await axisLabels(bars, 'yAxis');
  expect(labels.map((label) => label.text).sort()).toEqual([...names].sort());

  const categories = page.getByTestId('chart-structure-category');
  const categoryLabels = await axisLabels(categories, 'yAxis');
  const categoryCount = (await api(`{ workforceStructure(regionCode: "220000", year: ${THIS_YEAR}) { dimension count } }`)).workforceStructure.filter(
    (slice: { dimension: string; count: number }) => slice.dimension === 'CATEGORY',
  ).length;
  expect(categoryCount).toBeGreaterThanOrEqual(4);
  expect(categoryLabels.length).toBe(categoryCount);
  for (const [chart, ticks] of [['distribution', labels], ['category', categoryLabels]] as const) {
    for (const [index, tick] of ticks.entries()) {
      expect({ chart, text: tick.text, fontSize: tick.fontSize >= 12, lines: tick.lines }).toEqual({ chart, text: tick.text, fontSize: true, lines: 1 });
      // inside the drawing, not cut at its left edge
      expect({ chart, text: tick.text, inside: tick.box.x >= tick.svg.x - 0.5 }).toEqual({ chart, text: tick.text, inside: true });
      for (const other of ticks.slice(index + 1)) {
        expect({ chart, pair: [tick.text, other.text], overlap: overlaps(tick.box, other.box) }).toEqual({ chart, pair: [tick.text, other.text], overlap: false });
      }
    }
  }
});

it('shows every column of the coverage table at 1366 px, and long names stay inside their cell', async () => {
  const { page } = browser;
  await openDashboard(page, '?region=220100');
  const table = page.getByTestId('table-regions');
  await table.locator('[data-testid="drill-220172"]').waitFor();
  await expect(table.textContent()).resolves.toContain('长春净月高新技术产业开发区');

  const layout = await table.evaluate((card) => {
    const body = card.querySelector('.ant-card-body')!.getBoundingClientRect();
    const scrollers = [...card.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body, .ant-table-container')];
    const headers = [...card.querySelectorAll('thead th')].map((cell) => cell.getBoundingClientRect());
    return {
      sideways: scrollers.some((element) => element.scrollWidth > element.clientWidth + 1),
      lastHeaderRight: Math.max(...headers.map((header) => header.right)),
      bodyRight: body.right,
      viewport: window.innerWidth,
      documentScroll: document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    };
  });
  expect(layout.sideways).toBe(false);
  expect(layout.documentScroll).toBe(false);
  expect(layout.lastHeaderRight).toBeLessThanOrEqual(layout.bodyRight + 1);
  expect(layout.lastHeaderRight).toBeLessThanOrEqual(layout.viewport);

  // every row: the region name's glyphs lie inside the first cell, so none runs over the numbers
  const rows = await table.locator('tbody tr.ant-table-row').evaluateAll((lines) =>
    lines.map((line) => {
      const [first, second] = [...line.querySelectorAll('td')];
      const range = document.createRange();
      range.selectNodeContents(first);
      const text = [...range.getClientRects()].filter((rect) => rect.width > 0);
      const cell = first.getBoundingClientRect();
      const next = second.getBoundingClientRect();
      return {
        name: first.textContent ?? '',
        inside: text.every((rect) => rect.left >= cell.left - 1 && rect.right <= cell.right + 1 && rect.right <= next.left + 1),
      };
    }),
  );
  expect(rows.length).toBeGreaterThan(5);
  expect(rows.filter((row) => !row.inside)).toEqual([]);
  await screenshot(page, 'dashboard-coverage-table-1366');
});

it('names the two uncovered figures apart: large/medium enterprises only, and all units of the target set', async () => {
  const { page } = browser;
  const figures = await api(`{ coverage(regionCode: "220000", year: ${THIS_YEAR}) { largeMediumUncovered socialOrganizationTotal socialOrganizationCovered }
    coverageProgress(regionCode: "220000") { remaining } }`);
  await openDashboard(page);
  const big = page.getByTestId('big-number-uncovered');
  await expect(eventually(async () => page.getByTestId('figure-uncovered').getAttribute('data-value'), String(figures.coverage.largeMediumUncovered))).resolves.toBe(
    String(figures.coverage.largeMediumUncovered),
  );
  await expect(eventually(async () => page.getByTestId('progress-remaining').getAttribute('data-value'), String(figures.coverageProgress.remaining))).resolves.toBe(
    String(figures.coverageProgress.remaining),
  );
  const bigLabel = (await big.locator('.ant-statistic-title').textContent()) ?? '';
  const remainingLabel = (await page.getByTestId('chart-progress').locator('.ant-descriptions-item', { has: page.getByTestId('progress-remaining') }).locator('.ant-descriptions-item-label').textContent()) ?? '';
  expect(bigLabel).toContain('大中型企业');
  expect(bigLabel).toContain('不含社会组织');
  expect(remainingLabel).toContain('大中型企业');
  expect(remainingLabel).toContain('社会组织');
  expect(remainingLabel).not.toContain('不含');
});

it('shows gold, silver and bronze nominees, named and quotas in the awards card, with a legend dark enough to read', async () => {
  const { page } = browser;
  const { awardFigures } = await api(`{ awardFigures(regionCode: "220000") { year tiers { tier nominees named quota } } }`);
  const tiers = { GOLD: '金牌', SILVER: '银牌', BRONZE: '铜牌' } as const;
  const values = (awardFigures as { year: number; tiers: { tier: keyof typeof tiers; nominees: number; named: number; quota: number }[] }[]).flatMap((year) => year.tiers);
  // the demo campaign has nominations below gold
  expect(values.some((tier) => tier.tier !== 'GOLD' && tier.nominees > 0)).toBe(true);
  await openDashboard(page);
  const card = page.getByTestId('chart-awards');
  await card.locator('.recharts-legend-item').first().waitFor();

  const legend = await card.locator('.recharts-legend-item-text').evaluateAll((nodes) => nodes.map((node) => ({ text: node.textContent ?? '', color: getComputedStyle(node).color })));
  for (const name of Object.values(tiers)) {
    for (const what of ['提名', '命名', '名额']) expect(legend.map((item) => item.text)).toContain(`${name} ${what}`);
  }
  for (const item of legend) expect({ text: item.text, readable: contrastOnWhite(item.color) >= 4.5 }).toEqual({ text: item.text, readable: true });

  // one visible bar per non-zero nominee and named figure, whatever the tier
  const expectedBars = values.reduce((sum, tier) => sum + (tier.nominees > 0 ? 1 : 0) + (tier.named > 0 ? 1 : 0), 0);
  const drawnBars = await card.locator('.recharts-bar-rectangle path, .recharts-bar-rectangle rect').evaluateAll((nodes) => nodes.filter((node) => node.getBoundingClientRect().height > 0.5).length);
  expect(drawnBars).toBe(expectedBars);
  // quotas as lines, one per tier
  const quotaLines = values.some((tier) => tier.quota > 0) ? await card.locator('.recharts-line').count() : 3;
  expect(quotaLines).toBeGreaterThanOrEqual(3);
});

it('gives each big number its change against last year-end and its gap to the target', async () => {
  const { page } = browser;
  const figures = await api(`{
    now: coverage(regionCode: "220000", year: ${THIS_YEAR}) { targetRate largeMediumRate socialOrganizationRate smallMicroRate }
    before: coverage(regionCode: "220000", year: ${THIS_YEAR - 1}) { targetRate largeMediumRate socialOrganizationRate smallMicroRate }
    coverageProgress(regionCode: "220000") { targetYear years { year targetRate } }
    workforceTrend(regionCode: "220000") { years { year activeAtYearEnd } } }`);
  const onPath = figures.coverageProgress.years.find((entry: { year: number }) => entry.year === THIS_YEAR)?.targetRate;
  const target: number = onPath ?? (THIS_YEAR >= figures.coverageProgress.targetYear ? 1 : NaN);
  await openDashboard(page);

  const cards = [
    ['target-rate', 'targetRate', true],
    ['large-medium-rate', 'largeMediumRate', true],
    ['social-organization-rate', 'socialOrganizationRate', true],
    ['small-micro-rate', 'smallMicroRate', false],
  ] as const;
  for (const [key, field, hasTarget] of cards) {
    const change = page.getByTestId(`change-${key}`);
    await change.waitFor();
    const now: number | null = figures.now[field];
    const before: number | null = figures.before[field];
    const text = (await change.textContent()) ?? '';
    if (now === null || before === null) {
      expect(text).toContain('无上年末数据');
      continue;
    }
    const expected = now - before;
    expect(Number(await change.getAttribute('data-change'))).toBeCloseTo(expected, 9);
    // a fall is said in words and in red; a rise in words
    if (expected < -1e-9) {
      expect(text).toContain('较上年末下降');
      await expect(change.evaluate((node) => node.classList.contains('dashboard-change-down'))).resolves.toBe(true);
    } else if (expected > 1e-9) expect(text).toContain('较上年末上升');
    else expect(text).toContain('持平');
    if (Math.abs(expected) > 1e-9) expect(text).toContain(`${(Math.abs(expected) * 100).toFixed(1)} 个百分点`);

    const gap = page.getByTestId(`gap-${key}`);
    if (!hasTarget || Number.isNaN(target) || now === null) {
      await expect(gap.count()).resolves.toBe(0);
      continue;
    }
    expect(Number(await gap.getAttribute('data-gap'))).toBeCloseTo(Math.max(0, target - now), 9);
    await expect(gap.textContent()).resolves.toContain('目标');
  }

  const active = (year: number) => figures.workforceTrend.years.find((entry: { year: number }) => entry.year === year)?.activeAtYearEnd;
  const coordinators = page.getByTestId('change-coordinators');
  expect(Number(await coordinators.getAttribute('data-change'))).toBe(active(THIS_YEAR) - active(THIS_YEAR - 1));
  await expect(coordinators.textContent()).resolves.toMatch(/较上年末(增加|减少)|持平/);
});

it('joins the yearly coverage points by straight segments', async () => {
  const { page } = browser;
  await openDashboard(page);
  const curves = page.getByTestId('chart-progress').locator('path.recharts-line-curve');
  await curves.first().waitFor();
  const paths = await curves.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('d') ?? ''));
  expect(paths.length).toBeGreaterThanOrEqual(1);
  // a smoothed (monotone) line is drawn with cubic Béziers (C); a linear one only with M and L
  for (const d of paths) expect(d).not.toMatch(/[CcSsQq]/);
});

it('drills down below the county: township names in a county view are links to the township', async () => {
  const { page } = browser;
  const { distribution } = await api(`{ distribution(regionCode: "220104", year: ${THIS_YEAR}) { regionCode regionName level own } }`);
  const townships = (distribution as { regionCode: string; regionName: string; level: string; own: boolean }[]).filter((row) => !row.own);
  expect(townships.length).toBeGreaterThan(0);
  await page.goto(`${app.baseUrl}/dashboard?region=220104`);
  const table = page.getByTestId('table-regions');
  await table.locator('tbody tr.ant-table-row').first().waitFor({ timeout: 60000 });
  for (const township of townships) await expect(table.getByTestId(`drill-${township.regionCode}`).count()).resolves.toBe(1);
  const first = townships[0];
  await table.getByTestId(`drill-${first.regionCode}`).click();
  await page.waitForURL((url) => url.searchParams.get('region') === first.regionCode);
  await expect(eventually(async () => (await page.getByRole('heading', { level: 3 }).first().textContent())?.includes(first.regionName) ?? false, true)).resolves.toBe(true);
  await expect(page.getByTestId('crumb-220104').count()).resolves.toBe(1);
});

it('puts a table behind every chart as its text alternative', async () => {
  const { page } = browser;
  await openDashboard(page);
  await page.getByTestId('chart-tile-map').locator('[data-testid^="tile-"]').first().waitFor();
  const charts = await page.locator('.dashboard-card[data-testid^="chart-"]').evaluateAll((cards) =>
    cards
      .filter((card) => card.querySelector('svg.recharts-surface'))
      .map((card) => {
        const table = card.querySelector('table.dashboard-text-alternative');
        return {
          chart: card.getAttribute('data-testid'),
          title: card.querySelector('.ant-card-head-title')?.textContent ?? '',
          caption: table?.querySelector('caption')?.textContent ?? null,
          rows: table ? table.querySelectorAll('tbody tr').length : 0,
        };
      }),
  );
  expect(charts.length).toBeGreaterThanOrEqual(10);
  for (const chart of charts) expect({ chart: chart.chart, caption: chart.caption, hasRows: chart.rows > 0 }).toEqual({ chart: chart.chart, caption: chart.title, hasRows: true });
  expect(charts.find((chart) => chart.chart === 'chart-distribution')?.rows).toBe(11);
});

it('keeps screenshots of the dashboard at 1366×768 and 1920×1080', async () => {
  const { page } = browser;
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ]) {
    await page.setViewportSize({ width, height });
    await openDashboard(page);
    // no label wraps onto a second line at either width (a wrapped label ran into its neighbour)
    const wrapped = await page.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').evaluateAll((nodes) => nodes.filter((node) => node.querySelectorAll('tspan').length > 1).map((node) => node.textContent));
    expect({ width, wrapped }).toEqual({ width, wrapped: [] });
    await page.getByTestId('chart-awards').locator('.recharts-legend-item').first().waitFor();
    const horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
    expect({ width, horizontalScroll }).toEqual({ width, horizontalScroll: false });
    await screenshot(page, `dashboard-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
});
