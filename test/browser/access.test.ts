import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// User administration by a county office (demo account `chaoyang`, 长春市朝阳区) and the audit
// log read by the province auditor (demo account `auditor`), in the built web app.
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

test('a county office creates a township account in its county and disables it', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/admin/users');
  await page.locator('.ant-table-row').first().waitFor();
  const listed = await page.locator('.ant-table-tbody').textContent();
  expect(listed).toContain('chaoyang');
  expect(listed).not.toContain('jilin'); // another city's account is outside the jurisdiction
  // the county office has no audit page in its menu
  await expect(page.getByRole('menuitem', { name: /审计日志/ }).count()).resolves.toBe(0);

  await page.getByRole('button', { name: /新增用户/ }).click();
  const dialog = page.locator('.ant-modal');
  await dialog.getByLabel('用户名').fill('browser.platform');
  await dialog.getByLabel('姓名').fill('前进街道平台');
  await dialog.locator('.ant-form-item').filter({ hasText: '角色' }).locator('.ant-select-selector').click();
  // a county office may create county, township and leader accounts, not city or province ones
  const roleOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await roleOptions.first().waitFor();
  // the list may still be filling in when the first option shows: read it once it has settled
  const roleTexts = async () => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const texts = await roleOptions.allTextContents();
      if (texts.length >= 3) return texts;
      await page.waitForTimeout(100);
    }
    return roleOptions.allTextContents();
  };
  await expect(roleTexts()).resolves.toEqual(['县市区办公室', '乡镇街道基层平台', '领导（只读）']);
  await roleOptions.filter({ hasText: '乡镇街道基层平台' }).click();
  await dialog.locator('.ant-form-item').filter({ hasText: '所属地区' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-tree-title', { hasText: /^前进街道$/ }).first().click();
  await dialog.getByLabel('初始密码').fill('short');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // the server's password rule lands on the field
  const passwordItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('初始密码') });
  await passwordItem.locator('.ant-form-item-explain-error').waitFor();
  await expect(passwordItem.locator('.ant-form-item-explain-error').textContent()).resolves.toContain('密码至少 8 位');
  await dialog.getByLabel('初始密码').fill('Initial#2025');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  // the account appears in the list (the confirmation message lasts 3 s and may come and go
  // between two polls on a loaded machine); a refusal on the form fails the wait with its text
  const row = page.locator('.ant-table-row', { hasText: 'browser.platform' });
  await row.waitFor({ timeout: 60_000 }).catch(async (error: Error) => {
    const shown = await dialog.locator('.ant-form-item-explain-error, .ant-alert').allTextContents().catch(() => []);
    throw new Error(`${error.message}; the form shows: ${JSON.stringify(shown)}`);
  });
  await expect(row.textContent()).resolves.toMatch(/乡镇街道基层平台.*前进街道.*启用.*待改密码/);
  await screenshot(page, 'browser-user-admin');

  await row.getByRole('button', { name: /停\s*用/ }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(eventually(async () => /已停用/.test((await row.textContent()) ?? ''), true)).resolves.toBe(true);
  const [stored] = await app.sql(`select role, region_code, active from app_user where username = 'browser.platform'`);
  expect(stored).toEqual({ role: 'TOWNSHIP_PLATFORM', region_code: '220104001', active: false });
});

test('the auditor finds an ID-number reveal by user and action, with its reason', async () => {
  // A county office reveals an ID number through the API, giving a reason.
  const county = await app.login('chaoyang', DEMO_PASSWORD);
  const [coordinator] = await app.sql<{ id: string }>(
    `select c.id::text as id from coordinator c join region r on r.code = '220104'
      where c.region_path >= r.path and c.region_path < r.path || '~' order by c.id limit 1`,
  );
  const revealed = await app.graphql(`mutation($id: ID!) { revealIdNumber(coordinatorId: $id, reason: "浏览器审计测试") }`, { id: coordinator.id }, county);
  expect(revealed.errors).toBeUndefined();

  // a new tab has a new session (the token lives in sessionStorage)
  const page = await browser.context.newPage();
  await signIn(page, app.baseUrl, 'auditor', DEMO_PASSWORD, '/admin/audit');
  await page.locator('.ant-table-row').first().waitFor();
  // the auditor's menu holds the audit page and no roster
  await expect(page.getByRole('menuitem', { name: /协调员/ }).count()).resolves.toBe(0);

  await page.getByLabel('用户名').fill('chaoyang');
  await page.locator('.ant-form-item').filter({ has: page.locator('.ant-select-selection-placeholder', { hasText: /^操作$/ }) }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /^查看身份证号$/ }).click();
  await page.locator('form button[type=submit]').click();

  await expect(eventually(() => page.locator('.ant-pagination-total-text').textContent(), '共 1 条')).resolves.toBe('共 1 条');
  const entry = page.locator('.ant-table-row').first();
  await expect(entry.textContent()).resolves.toMatch(/长春市朝阳区人社局.*查看身份证号.*协调员.*原因：浏览器审计测试/);
  await screenshot(page, 'browser-audit-log');
});
