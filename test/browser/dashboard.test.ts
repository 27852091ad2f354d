import { chinaYear } from '@registry/domain';
import { readFileSync } from 'node:fs';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, RESULTS_DIR, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// The leader's dashboard on the demo data: figures equal to the API's, the drill-down from the
// province to a county and its uncovered enterprises, an export, and a screenshot.
const THIS_YEAR = chinaYear();

let app: TestApp;
let browser: BrowserSession;
let token: string;

async function api<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await app.graphql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const valueOf = (testId: string) => async () => browser.page.getByTestId(testId).first().getAttribute('data-value');

beforeAll(async () => {
  app = await startBrowserTestApp();
  token = await app.login('leader', DEMO_PASSWORD);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('lands a leader on the overview with the same figures as the API', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'leader', DEMO_PASSWORD, '/dashboard');
  await page.goto(`${app.baseUrl}/`);
  await page.waitForURL((url) => url.pathname === '/dashboard');

  const figures = await api(`{ coverage(regionCode: "220000", year: ${THIS_YEAR}) { largeMediumCovered largeMediumUncovered targetCovered smallMicroCovered }
    workforceTrend(regionCode: "220000") { activeNow } }`);
  expect(figures.workforceTrend.activeNow).toBeGreaterThan(0);
  await expect(eventually(valueOf('figure-coordinators'), String(figures.workforceTrend.activeNow))).resolves.toBe(String(figures.workforceTrend.activeNow));
  await expect(valueOf('figure-large-medium-rate')()).resolves.toBe(String(figures.coverage.largeMediumCovered));
  await expect(valueOf('figure-target-rate')()).resolves.toBe(String(figures.coverage.targetCovered));
  await expect(valueOf('figure-small-micro-rate')()).resolves.toBe(String(figures.coverage.smallMicroCovered));
  await expect(valueOf('figure-uncovered')()).resolves.toBe(String(figures.coverage.largeMediumUncovered));
  // the charts are there: progress line, the 11 units' tiles, structure bars (they follow the
  // big numbers, which are drawn first)
  await page.getByTestId('chart-progress').locator('svg.recharts-surface').first().waitFor();
  await page.locator('[data-testid^="tile-"]').nth(10).waitFor();
  await page.getByTestId('chart-structure-cert_level').locator('.recharts-bar-rectangle').first().waitFor();
  await expect(page.getByTestId('chart-progress').locator('svg.recharts-surface').count()).resolves.toBeGreaterThan(0);
  await expect(page.locator('[data-testid^="tile-"]').count()).resolves.toBe(11);
  await expect(page.getByTestId('chart-structure-cert_level').locator('.recharts-bar-rectangle').count()).resolves.toBeGreaterThan(0);
  await screenshot(page, 'dashboard');
});

it('drills down from the province to a county and its uncovered large and medium enterprises, and exports the list', async () => {
  const { page } = browser;
  const units = await api(`{ distribution(regionCode: "220100", year: ${THIS_YEAR}) { regionCode hasChildren own largeMediumTotal largeMediumCovered } }`);
  const county = units.distribution.find(
    (row: { hasChildren: boolean; own: boolean; largeMediumTotal: number; largeMediumCovered: number }) => row.hasChildren && !row.own && row.largeMediumTotal > row.largeMediumCovered,
  );
  expect(county).toBeDefined();
  const expected = await api(`query($r: String!) { uncoveredEnterprises(regionCode: $r, limit: 1) { total } coverage(regionCode: $r, year: ${THIS_YEAR}) { largeMediumUncovered } }`, {
    r: county.regionCode,
  });
  expect(expected.uncoveredEnterprises.total).toBe(expected.coverage.largeMediumUncovered);

  await page.getByTestId('drill-220100').click();
  await page.waitForURL((url) => url.searchParams.get('region') === '220100');
  await page.getByTestId(`drill-${county.regionCode}`).click();
  await page.waitForURL((url) => url.searchParams.get('region') === county.regionCode);
  await expect(eventually(valueOf('figure-uncovered'), String(expected.coverage.largeMediumUncovered))).resolves.toBe(String(expected.coverage.largeMediumUncovered));
  // the breadcrumb leads back up
  await expect(page.getByTestId('crumb-220100').count()).resolves.toBe(1);

  await page.getByTestId('figure-uncovered').click();
  await page.waitForURL((url) => url.searchParams.get('uncovered') === county.regionCode);
  await expect(eventually(valueOf('uncovered-total'), String(expected.uncoveredEnterprises.total))).resolves.toBe(String(expected.uncoveredEnterprises.total));
  const shown = await page.locator('.ant-drawer .ant-table-tbody tr.ant-table-row').count();
  expect(shown).toBe(Math.min(20, expected.uncoveredEnterprises.total));

  await page.getByTestId('uncovered-list-export').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByText('导出 CSV', { exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`uncovered-${county.regionCode}.csv`);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r\n/);
  expect(lines[0]).toContain('单位名称');
  expect(lines).toHaveLength(expected.uncoveredEnterprises.total + 1);
});

it('keeps the view in the URL: a bookmarked link opens the same region, year and filter', async () => {
  const { page } = browser;
  const year = THIS_YEAR - 1;
  await page.goto(`${app.baseUrl}/dashboard?region=220100&year=${year}&public=false`);
  const figures = await api(`{ coverage(regionCode: "220100", year: ${year}, publicOwned: false) { largeMediumCovered } }`);
  await expect(eventually(valueOf('figure-large-medium-rate'), String(figures.coverage.largeMediumCovered))).resolves.toBe(String(figures.coverage.largeMediumCovered));
  await expect(page.getByRole('heading', { level: 3 }).first().textContent()).resolves.toContain(`${year}`);
});

it('prints a year-end summary for a region: figures, charts and tables, without the menu', async () => {
  const { page } = browser;
  const figures = await api(`{ coverage(regionCode: "220100", year: ${THIS_YEAR}) { largeMediumCovered largeMediumTotal } }`);
  await page.goto(`${app.baseUrl}/dashboard/summary?region=220100&year=${THIS_YEAR}`);
  await page.getByTestId('year-summary').waitFor();
  await expect(page.getByRole('heading', { level: 2 }).textContent()).resolves.toContain(`长春市 ${THIS_YEAR} 年度`);
  await expect(page.getByTestId('year-summary').textContent()).resolves.toContain(`${figures.coverage.largeMediumCovered}/${figures.coverage.largeMediumTotal}`);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.ant-layout-sider').first().isVisible()).resolves.toBe(false);
  await expect(page.getByText('打印 / 另存为 PDF').isVisible()).resolves.toBe(false);
  const pdf = await page.pdf({ path: `${RESULTS_DIR}/year-summary.pdf`, format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen' });
});

it('opens the people behind a structure bar: as many as the bar counts', async () => {
  const { page } = browser;
  const slices = (await api(`{ workforceStructure(regionCode: "220000", year: ${THIS_YEAR}) { dimension bucket count } }`)).workforceStructure as {
    dimension: string;
    bucket: string;
    count: number;
  }[];
  const levels = slices.filter((slice) => slice.dimension === 'CERT_LEVEL');
  const order = ['1', '2', '3', '4', '5', 'NONE'];
  const first = levels.sort((left, right) => order.indexOf(left.bucket) - order.indexOf(right.bucket))[0];
  await page.goto(`${app.baseUrl}/dashboard`);
  const bar = page.getByTestId('chart-structure-cert_level').locator('.recharts-bar-rectangle').first();
  await bar.waitFor();
  await bar.click();
  const title = page.locator('.ant-drawer-title');
  await expect(eventually(async () => (await title.textContent())?.includes(`（${first.count} 人）`) ?? false, true)).resolves.toBe(true);
  await expect(title.textContent()).resolves.toContain('职业技能等级');
});
