import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// The bell in the header (demo account `chaoyang`, 长春市朝阳区): what waits, and one click to the
// page where to act.
let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 200, coordinators: 100 });
  browser = await launchBrowser();
  // an import of 朝阳区's account failed an hour ago
  await app.sql(
    `insert into import_job (kind, status, file_name, file_format, file_size, stored_file, user_id, username, scope_path, message, updated_at)
     select 'coordinators', 'FAILED', '花名册.xlsx', 'xlsx', 100, 'none', id, username, region_path, '读取失败', now() - interval '1 hour'
     from app_user where username = 'chaoyang'`,
  );
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('a county office sees its reminders under the bell and goes from one to the page where to act', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/coordinators');
  const bell = page.getByTestId('reminder-bell');
  await bell.waitFor();
  // the badge counts the reminders (the failed import at least)
  const badge = page.locator('.ant-badge').filter({ has: bell }).locator('.ant-scroll-number');
  await badge.waitFor();
  expect(Number(await badge.getAttribute('title'))).toBeGreaterThanOrEqual(1);
  await bell.click();
  const list = page.getByTestId('reminder-list');
  const failed = list.getByText('近 7 天有 1 个导入任务失败');
  await failed.waitFor();
  await screenshot(page, 'browser-reminders');
  await failed.click();
  await page.waitForURL(/\/imports$/);
});
