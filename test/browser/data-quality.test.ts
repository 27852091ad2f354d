import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// 数据质量 as the county office 朝阳区 (demo account `chaoyang`) uses it: the count of a rule, the
// records behind it and the way to fix one; the score on the dashboard.
let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 200, coordinators: 100 });
  browser = await launchBrowser();
  // two of 朝阳区's active coordinators lose their phone numbers
  await app.sql(
    `update coordinator set phone = null where id in (select id from coordinator where region_code like '220104%' and status = 'ACTIVE' order by id limit 2)`,
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('a county office finds the records behind a rule\'s count and opens one to fix it', async () => {
  const { page } = browser;
  const [{ missing }] = await app.sql(
    `select count(*)::int as missing from coordinator where region_code like '220104%' and status = 'ACTIVE' and coalesce(trim(phone), '') = ''`,
  );
  expect(missing).toBeGreaterThanOrEqual(2);
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/data-quality');
  await page.getByRole('heading', { name: '数据质量' }).waitFor();
  await expect(page.title()).resolves.toContain('数据质量');
  const row = page.locator('.ant-table-row', { hasText: '在岗人员缺少联系电话' });
  await row.waitFor();
  await expect(row.getByRole('button', { name: String(missing) }).count()).resolves.toBe(1);
  await screenshot(page, 'browser-data-quality');
  await row.getByRole('button', { name: String(missing) }).click();
  const drawer = page.locator('.ant-drawer-content');
  await drawer.locator('.ant-table-row').first().waitFor();
  await expect(drawer.locator('.ant-table-row').count()).resolves.toBe(Math.min(missing, 20));
  await expect(drawer.locator('.ant-table-row').first().textContent()).resolves.toMatch(/长春市 · 朝阳区 · /);
  await drawer.getByRole('link', { name: '去修改' }).first().click();
  await page.waitForURL(/\/coordinators\/\d+\/edit$/);
});

test('the dashboard shows the region\'s data-quality score with a link to the list', async () => {
  const { page } = browser;
  await page.goto(`${app.baseUrl}/dashboard`);
  const card = page.getByTestId('data-quality-card');
  await card.waitFor();
  await card.locator('.ant-progress-text').waitFor();
  const score = Number(await card.locator('.ant-progress-text').textContent());
  expect(score).toBeGreaterThan(0);
  expect(score).toBeLessThanOrEqual(100);
  await card.getByRole('link', { name: '查看问题清单' }).click();
  await page.waitForURL(/\/data-quality\?region=220104$/);
});
