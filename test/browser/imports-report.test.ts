import { makeIdNumber } from '@registry/domain';
import type { TestApp } from '../support/test-app';
import { removeStoredUploads, workbook, type Row } from '../fixtures/imports/helpers';
import { DEMO_PASSWORD, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// Issue 14, imports in the browser: the 朝阳区 office (demo account `chaoyang`) at 1366×768 reads
// the dry run's phases, notes (a township written by name) and preview; a file without a valid
// row cannot be "imported"; a failed request is shown, not swallowed.
let app: TestApp;
let browser: BrowserSession;
const seed = Number(process.env.TEST_SEED ?? Date.now() % 100000);
process.stdout.write(`imports-report browser seed ${seed}\n`);
let sequence = seed % 400;

const row = (name: string, extra: Row = {}): Row => {
  sequence += 1;
  return {
    name, idNumber: makeIdNumber('220104', '1984-07-21', 500 + (sequence % 400), sequence % 2 ? 'MALE' : 'FEMALE'), region: '朝阳区（220104）',
    category: '1 用人单位协调劳动关系工作人员', tripartite: '否', joinedOn: '2019-03-01', ...extra,
  };
};

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 200, coordinators: 100 });
  browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
  await signIn(browser.page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/imports');
});

afterAll(async () => {
  await browser?.close();
  if (app) await removeStoredUploads(app);
  await app?.close();
});

async function upload(fileName: string, rows: Row[]): Promise<void> {
  const { page } = browser;
  await page.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'application/octet-stream', buffer: await workbook('coordinators', { 协调员: rows }) });
  const card = page.getByTestId('import-job').filter({ hasText: `文件：${fileName}` });
  await card.getByTestId('job-status').filter({ hasText: '已校验，待提交' }).waitFor({ timeout: 60000 });
}

it('shows each phase’s figures, which code a township written by name took, and the rows as they will be stored', async () => {
  const { page } = browser;
  await page.getByRole('heading', { name: '导入导出' }).waitFor();
  await screenshot(page, 'imports-page-1366');
  await upload('按名称填写乡镇.xlsx', [row('预览浏览器甲', { region: '前进街道', category: 3 }), row('预览浏览器乙', { joinedOn: '2019-02-30' }), row('预览浏览器丙')]);

  await expect(page.getByTestId('phase-reading').getAttribute('data-state')).resolves.toBe('done');
  await expect(page.getByTestId('phase-reading').textContent()).resolves.toContain('已读取 3 行');
  await expect(page.getByTestId('phase-checking').getAttribute('data-percent')).resolves.toBe('100');
  await expect(page.getByTestId('phase-checking').textContent()).resolves.toMatch(/已完成 (\d+) \/ \1 项/);
  await expect(page.getByTestId('phase-writing').getAttribute('data-state')).resolves.toBe('waiting');

  await expect(page.getByTestId('job-notes').textContent()).resolves.toContain('“前进街道”未填代码，已按名称识别为 长春市 · 朝阳区 · 前进街道（220104001）');
  const preview = page.getByTestId('import-preview');
  await expect(preview.textContent()).resolves.toContain('预览：前 2 行将这样保存');
  const firstRow = preview.locator('tbody tr.ant-table-row').first();
  await expect(firstRow.textContent()).resolves.toContain('长春市 · 朝阳区 · 前进街道（220104001）');
  await expect(firstRow.textContent()).resolves.toContain('3 人社部门及基层公共服务平台人员');
  await expect(firstRow.textContent()).resolves.toContain('新增');
  await expect(preview.textContent()).resolves.not.toContain('预览浏览器乙');
  await expect(page.getByTestId('commit-valid').isEnabled()).resolves.toBe(true);
  await screenshot(page, 'imports-preview-1366');
});

it('offers no "valid rows only" import when no row is valid', async () => {
  const { page } = browser;
  await upload('全部有误.xlsx', [row('全错甲', { joinedOn: '2019-02-30' }), row('全错乙', { category: 9 })]);
  await expect(page.getByTestId('job-counts').textContent()).resolves.toMatch(/新增0.*有错误2/);
  await expect(page.getByTestId('commit-all').isDisabled()).resolves.toBe(true);
  await expect(page.getByTestId('commit-valid').isDisabled()).resolves.toBe(true);
  await expect(page.getByTestId('no-valid-rows').textContent()).resolves.toContain('没有可导入的正确行');
  await expect(page.getByTestId('import-preview').count()).resolves.toBe(0);
  await screenshot(page, 'imports-no-valid-rows-1366');
});

it('shows a failed request instead of swallowing it', async () => {
  const { page } = browser;
  await page.route('**/api/imports?limit=20', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ message: '服务暂不可用' }) }));
  await page.goto(`${app.baseUrl}/imports`);
  await expect(page.getByTestId('history-failure').textContent()).resolves.toContain('读取导入记录失败');
  await page.unroute('**/api/imports?limit=20');
});
