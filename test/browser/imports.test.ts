import { makeIdNumber } from '@registry/domain';
import { readFileSync } from 'node:fs';
import type { TestApp } from '../support/test-app';
import { readWorkbook, removeStoredUploads, workbook } from '../fixtures/imports/helpers';
import { DEMO_PASSWORD, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// A county office (朝阳区, demo account `chaoyang`) imports its roster in the browser: uploads
// a file with one bad row, reads the dry-run report, downloads its own file with the error
// column, imports the valid rows only, watches the progress, and finds the job again later.
let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 200, coordinators: 100 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (app) await removeStoredUploads(app);
  await app?.close();
});

it('uploads, reports the bad row, gives back the error file, imports the valid rows and keeps the job in the history', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/imports');
  await page.getByRole('heading', { name: '导入导出' }).waitFor();

  const row = (name: string, idNumber: string, extra: Record<string, unknown> = {}) => ({
    name, idNumber, region: '朝阳区（220104）', category: 1, tripartite: '否', joinedOn: '2019/03/01',
    certOccupation: '劳动关系协调员', certLevel: '三级', certIssuedOn: '2020年5月10日', ...extra,
  });
  const file = await workbook('coordinators', {
    协调员: [
      row('浏览器导入甲', makeIdNumber('220104', '1986-02-03', 501, 'MALE')),
      row('浏览器导入乙', makeIdNumber('220104', '1988-04-05', 502, 'FEMALE'), { joinedOn: '2019-02-30' }),
      row('浏览器导入丙', makeIdNumber('220104', '1990-06-07', 503, 'MALE')),
    ],
  });
  await page.locator('input[type=file]').setInputFiles({ name: '朝阳区名册.xlsx', mimeType: 'application/octet-stream', buffer: file });

  const status = page.getByTestId('job-status');
  await status.filter({ hasText: '已校验，待提交' }).waitFor({ timeout: 30000 });
  const counts = page.getByTestId('job-counts');
  await expect(counts.textContent()).resolves.toMatch(/新增2.*更新0.*未变化0.*有错误1/);
  const errorTable = page.getByTestId('error-table');
  await expect(errorTable.textContent()).resolves.toContain('入职日期');
  await expect(errorTable.textContent()).resolves.toContain('2019-02-30');
  await expect(page.getByTestId('commit-all').isDisabled()).resolves.toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-errors').click()]);
  expect(download.suggestedFilename()).toBe('朝阳区名册-错误说明.xlsx');
  const errorBook = await readWorkbook(readFileSync((await download.path())!));
  const sheet = errorBook.getWorksheet('协调员')!;
  const errorColumn = (sheet.getRow(1).values as unknown[]).indexOf('错误说明');
  expect(String(sheet.getRow(3).getCell(errorColumn).value)).toContain('入职日期');
  await screenshot(page, 'imports-dry-run');

  await page.getByTestId('commit-valid').click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '仅导入正确的行' }).click();
  await status.filter({ hasText: '已导入' }).waitFor({ timeout: 30000 });
  await expect(page.getByTestId('job-progress').textContent()).resolves.toContain('已写入 2 / 2 行');
  const stored = await app.sql(`select name from coordinator where name like '浏览器导入%' order by name`);
  expect(stored.map((r) => r.name)).toEqual(['浏览器导入丙', '浏览器导入甲']);
  const jobUrl = page.url();
  expect(jobUrl).toMatch(/\/imports\?job=\d+/);

  // leave and come back: the job is in the history and opens again with its result
  await page.goto(`${app.baseUrl}/coordinators`);
  await page.goto(`${app.baseUrl}/imports`);
  const history = page.getByTestId('import-history');
  await history.getByText('朝阳区名册.xlsx').first().click();
  await status.filter({ hasText: '已导入' }).waitFor();
  await expect(page.getByTestId('job-counts').textContent()).resolves.toMatch(/新增2/);
  await screenshot(page, 'imports-committed');
});
