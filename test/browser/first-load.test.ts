import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestApp } from '../support/test-app';
import { FIRST_LOAD_BUDGET_BYTES, kilobytes, measureFirstLoad } from '../support/first-load';
import { DEMO_PASSWORD, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// Issue 14, "a light first load": the entry chunk and its preloads stay ≤ 250 kB gzipped, and
// neither exceljs nor the chart library is fetched before a page needs it.
const DIST = 'dist/web';
// text only these libraries carry (checked against the built chunks below)
const EXCELJS_MARK = 'xl/workbook.xml';
const RECHARTS_MARK = 'recharts-wrapper';

const contains = (path: string, mark: string) => readFileSync(join(DIST, path), 'utf8').includes(mark);

let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 200, coordinators: 100 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('keeps the entry chunk and its preloads within 250 kB gzipped, without exceljs or charts', () => {
  const firstLoad = measureFirstLoad(DIST);
  process.stdout.write(`first load: ${kilobytes(firstLoad.totalGzipBytes)} gzipped in ${firstLoad.files.length} files\n`);
  expect(firstLoad.totalGzipBytes).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_BYTES);
  expect(firstLoad.files.filter((file) => contains(file.path, EXCELJS_MARK) || contains(file.path, RECHARTS_MARK))).toEqual([]);
});

it('opens the sign-in page without the chart or spreadsheet code, and fetches each when its page needs it', async () => {
  const { page } = browser;
  const scripts: string[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/assets/') && url.pathname.endsWith('.js')) scripts.push(url.pathname);
  });
  const fetched = (mark: string) => scripts.some((path) => contains(path, mark));

  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.baseUrl}/login`);
  await page.getByLabel('用户名').waitFor();
  expect(fetched(RECHARTS_MARK)).toBe(false);
  expect(fetched(EXCELJS_MARK)).toBe(false);
  await screenshot(page, 'first-load-login-1366');

  await signIn(page, app.baseUrl, 'leader', DEMO_PASSWORD, '/dashboard');
  await page.locator('[data-testid^="figure-"][data-value]').first().waitFor({ timeout: 30000 });
  // the charts follow the big numbers
  await page.getByTestId('chart-progress').locator('svg.recharts-surface').first().waitFor({ timeout: 30000 });
  expect(fetched(RECHARTS_MARK)).toBe(true);
  expect(fetched(EXCELJS_MARK)).toBe(false);
});

// Issue 14, time to first figure: the big numbers are drawn without waiting for the chart code.
// Every script carrying recharts is held back until the figures show; today's dashboard cannot
// draw a figure before its charts' chunk arrives.
it('draws the dashboard\'s big numbers while the chart code is still on its way, then the charts', async () => {
  const page = await browser.context.newPage();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const heldBack: string[] = [];
  await page.route('**/assets/*.js', async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (contains(path, RECHARTS_MARK)) {
      heldBack.push(path);
      await held;
    }
    await route.continue();
  });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await signIn(page, app.baseUrl, 'leader', DEMO_PASSWORD, '/dashboard');
    await page.locator('[data-testid="figure-coordinators"][data-value]').waitFor({ timeout: 30000 });
    await page.locator('[data-testid="figure-large-medium-rate"][data-value]').waitFor({ timeout: 30000 });
    expect(await page.locator('svg.recharts-surface').count()).toBe(0);
    release();
    await page.getByTestId('chart-progress').locator('svg.recharts-surface').first().waitFor({ timeout: 30000 });
    expect(heldBack.length).toBeGreaterThan(0);
  } finally {
    release();
    await page.close();
  }
});
