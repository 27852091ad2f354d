import { creatableRoles, MAX_FAILED_LOGINS, ROLE_LABELS, roleRegionLevels } from '@registry/domain';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// A county office (demo account `chaoyang`) edits, resets and unlocks its township platform's
// account (demo account `township`) on the user page (issue 14).
let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp();
  browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('a county office edits, resets and unlocks an account of its county', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/admin/users');
  const row = page.locator('.ant-table-row', { hasText: 'township' });
  await row.waitFor();

  // edit: the display name, and the role offers only what fits a township
  await page.getByTestId('edit-user-township').click();
  const dialog = page.locator('.ant-modal', { hasText: '编辑账号 township' });
  await dialog.getByLabel('姓名').fill('前进街道 · 李娜');
  await dialog.locator('.ant-form-item', { hasText: '角色' }).locator('.ant-select-selector').click();
  const offered = await page.locator('.ant-select-dropdown:visible .ant-select-item-option').allTextContents();
  const fitting = creatableRoles('COUNTY_OFFICE').filter((role) => roleRegionLevels(role).includes('TOWNSHIP'));
  expect(offered).toEqual(fitting.map((role) => ROLE_LABELS[role]));
  expect(offered).not.toContain(ROLE_LABELS.COUNTY_OFFICE);
  await page.keyboard.press('Escape');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(eventually(async () => (await row.textContent())?.includes('前进街道 · 李娜') ?? false, true)).resolves.toBe(true);

  // locked after failed logins: the row says so and offers the unlock
  for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) await expect(app.login('township', 'Wrong#2026pw')).rejects.toThrow();
  await page.reload();
  await row.waitFor();
  await expect(row.textContent()).resolves.toContain('已锁定');
  await page.getByTestId('unlock-township').click();
  await page.locator('.ant-popover:visible').getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(eventually(async () => (await row.textContent())?.includes('已锁定') ?? true, false)).resolves.toBe(false);

  // reset: the account must change the password at its next login
  await page.getByTestId('reset-password-township').click();
  const reset = page.locator('.ant-modal', { hasText: '重置 township 的密码' });
  await reset.getByLabel('新的初始密码').fill('Reset#2026new');
  await reset.getByRole('button', { name: '重置密码' }).click();
  await expect(eventually(async () => (await row.textContent())?.includes('待改密码') ?? false, true)).resolves.toBe(true);
  await screenshot(page, 'browser-user-admin-1366');

  const actions = await app.sql<{ action: string }>(
    `select action from audit_log where username = 'chaoyang' and action in ('USER_UPDATE', 'USER_UNLOCK', 'PASSWORD_RESET') order by id`,
  );
  expect(actions.map((entry) => entry.action)).toEqual(['USER_UPDATE', 'USER_UNLOCK', 'PASSWORD_RESET']);
});
