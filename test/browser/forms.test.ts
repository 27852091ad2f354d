import { makeIdNumber } from '@registry/domain';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// A county clerk (demo account `chaoyang`, 长春市朝阳区) fills in the coordinator form the way
// people do (issue 14): Enter in a date field, dates typed as the spreadsheets write them, a blank
// 入职日期 next to a work period, then Ctrl+Enter; and reveals the ID number on the detail page.
const COUNTY = '220104';
const seed = Number(process.env.TEST_SEED ?? Date.now() % 100000);
console.log(`forms.test seed ${seed}`);

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

const countByName = async (name: string) => (await app.sql<{ count: number }>(`select count(*)::int as count from coordinator where name = $1`, [name]))[0].count;

// a new tab is a new session (the token lives in sessionStorage)
async function newSignedInPage(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, path);
  return page;
}

async function typeDate(page: Page, selector: string, text: string, finish: 'Tab' | 'Enter') {
  const input = page.locator(selector);
  await input.click();
  await input.fill(text);
  await input.press(finish);
}

test('Enter never saves the coordinator form, typed dates in the import shapes are taken, a blank 入职日期 shows and takes the earliest work period', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/coordinators/new');
  await expect(eventually(() => page.title(), '新增协调员 - 协调员数据库')).resolves.toBe('新增协调员 - 协调员数据库');

  const name = `表单测试${seed}`;
  const idNumber = makeIdNumber(COUNTY, '1988-04-12', (seed % 900) + 100, 'FEMALE');
  await page.getByLabel('姓名').fill(name);
  await page.getByLabel('身份证号').fill(idNumber);
  await page.getByLabel('姓名').press('Enter');
  // the region: the county itself, picked from the tree
  await page.locator('#regionCode').click();
  await page.locator('#regionCode').fill('朝阳区');
  await page.locator(`.ant-select-tree-node-content-wrapper[title="朝阳区"]`).first().click();

  // Enter in the date field confirms the date and nothing else: the form stays, nothing is stored.
  await typeDate(page, '#joinedOn', '2023/05/08', 'Enter');
  await expect(eventually(() => page.locator('#joinedOn').inputValue(), '2023-05-08')).resolves.toBe('2023-05-08');
  expect(new URL(page.url()).pathname).toBe('/coordinators/new');
  await expect(countByName(name)).resolves.toBe(0);

  // The other shapes the import reads.
  for (const [typed, stored] of [
    ['20230509', '2023-05-09'],
    ['2023.5.10', '2023-05-10'],
    ['2023年5月11日', '2023-05-11'],
  ]) {
    await typeDate(page, '#joinedOn', typed, 'Tab');
    await expect(eventually(() => page.locator('#joinedOn').inputValue(), stored)).resolves.toBe(stored);
  }
  // Text that is no date stays and the field says why.
  await typeDate(page, '#joinedOn', '五月八号', 'Tab');
  await page.getByTestId('date-unreadable').waitFor();
  await expect(page.getByTestId('date-unreadable').textContent()).resolves.toContain('无法识别日期“五月八号”');

  // Blank: the help says what the date will be, first today, then the earliest work period.
  await typeDate(page, '#joinedOn', '', 'Tab');
  await page.locator('#joinedOn').hover();
  await page.locator('.ant-picker-clear').first().click().catch(() => undefined);
  await expect(eventually(() => page.getByTestId('joined-on-derived').textContent(), '留空：没有工作经历时取今天')).resolves.toBe('留空：没有工作经历时取今天');
  await page.getByRole('button', { name: '添加工作经历' }).click();
  await typeDate(page, '#workPeriods_0_start', '2022-03-01', 'Enter');
  await page.locator('#workPeriods_0_employer').fill('长春测试单位');
  await page.locator('#workPeriods_0_employer').press('Enter');
  const derived = '留空：将取最早的工作经历开始日期 2022-03-01';
  await expect(eventually(() => page.getByTestId('joined-on-derived').textContent(), derived)).resolves.toBe(derived);
  expect(new URL(page.url()).pathname).toBe('/coordinators/new');
  await expect(countByName(name)).resolves.toBe(0);
  await screenshot(page, 'browser-coordinator-form-1366');

  // Ctrl+Enter saves, once.
  await page.locator('#workPeriods_0_employer').press('Control+Enter');
  await page.waitForURL((url) => /^\/coordinators\/\d+$/.test(url.pathname), { timeout: 60000 });
  await expect(countByName(name)).resolves.toBe(1);
  const joined = page.locator('th.ant-descriptions-item-label', { hasText: '入职日期' }).locator('xpath=following-sibling::td[1]');
  await expect(joined.textContent()).resolves.toBe('2022-03-01');
  await expect(eventually(() => page.title(), `${name} - 协调员数据库`)).resolves.toBe(`${name} - 协调员数据库`);

  // The county reveals the full ID number from the detail page, with a reason that is audited.
  const id = new URL(page.url()).pathname.split('/').pop()!;
  await page.getByTestId('reveal-id-number').click();
  await page.getByLabel('查看原因').fill('核对社保缴费记录');
  await page.getByRole('button', { name: '查 看' }).or(page.getByRole('button', { name: '查看', exact: true })).click();
  await expect(page.getByTestId('revealed-id-number').textContent()).resolves.toBe(idNumber);
  const audits = await app.sql<{ username: string }>(
    `select username from audit_log where action = 'ID_NUMBER_REVEAL' and object_id = $1 and detail::text like '%核对社保缴费记录%'`,
    [id],
  );
  expect(audits.map((audit) => audit.username)).toEqual(['chaoyang']);
  await screenshot(page, 'browser-coordinator-reveal-1366');
});

test('an earlier work period than the stored 入职日期 is pointed out on edit and can be taken', async () => {
  const page = await newSignedInPage('/coordinators');
  // Someone born before 1975 whose stored 入职日期 (demo data: 2021 on) is later than 1995 and no work period before 1995.
  const [coordinator] = await app.sql<{ id: string; periods: number }>(
    `select c.id::text as id, (select count(*)::int from work_period w where w.coordinator_id = c.id) as periods from coordinator c
      where c.region_code like '220104%' and c.status = 'ACTIVE' and c.birth_date < '1975-01-01' and c.joined_on > '1996-01-01'
        and not exists (select 1 from work_period w where w.coordinator_id = c.id and w.start_on < '1996-01-01')
      order by c.id limit 1`,
  );
  await page.goto(`${app.baseUrl}/coordinators/${coordinator.id}/edit`);
  await page.locator('#joinedOn').waitFor();
  await page.getByRole('button', { name: '添加工作经历' }).click();
  await typeDate(page, `#workPeriods_${coordinator.periods}_start`, '1995-03-01', 'Enter');
  await page.getByTestId('joined-on-earlier-work').waitFor();
  await page.getByRole('button', { name: '改为 1995-03-01' }).click();
  await expect(eventually(() => page.locator('#joinedOn').inputValue(), '1995-03-01')).resolves.toBe('1995-03-01');
  expect(new URL(page.url()).pathname).toBe(`/coordinators/${coordinator.id}/edit`);
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL((url) => url.pathname === `/coordinators/${coordinator.id}`, { timeout: 60000 });
  const [stored] = await app.sql<{ joined_on: string }>(`select to_char(joined_on, 'YYYY-MM-DD') as joined_on from coordinator where id = $1`, [coordinator.id]);
  expect(stored.joined_on).toBe('1995-03-01');
});

test('lists at 1366 and 1024 px: the masked ID stays on one line, the region column shows the path, filters are labelled', async () => {
  const page = await newSignedInPage('/coordinators');
  for (const width of [1366, 1024]) {
    await page.setViewportSize({ width, height: 768 });
    await page.goto(`${app.baseUrl}/coordinators`);
    await page.locator('.ant-table-row').first().waitFor();
    const cell = page.getByTestId('list-id-number').first();
    const box = await cell.boundingBox();
    const lineHeight = await cell.evaluate((element) => parseFloat(getComputedStyle(element).lineHeight) || 22);
    expect(box!.height).toBeLessThan(lineHeight * 1.6);
    await expect(eventually(() => page.title(), '协调员 - 协调员数据库')).resolves.toBe('协调员 - 协调员数据库');
    await screenshot(page, `browser-coordinator-list-${width}`);
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  // A township record reads 长春市 · 朝阳区 · <township>.
  const [township] = await app.sql<{ name: string }>(
    `select r.name from coordinator c join region r on r.code = c.region_code where c.region_code like '220104%' and r.level = 'TOWNSHIP' order by c.id limit 1`,
  );
  if (township) {
    await page.getByRole('cell', { name: `长春市 · 朝阳区 · ${township.name}` }).first().waitFor();
  }
  await expect(page.getByLabel('状态').count()).resolves.toBeGreaterThan(0);
  // the change-password button shows a key
  await expect(page.getByRole('button', { name: '修改密码' }).locator('[data-testid=key-icon]').count()).resolves.toBe(1);
});

test('rows are selected across the list, exported as selected, and leave together with one date and reason', async () => {
  const page = await newSignedInPage('/coordinators');
  await page.goto(`${app.baseUrl}/coordinators?status=ACTIVE`);
  await page.locator('.ant-table-row').first().waitFor();
  const rows = page.locator('.ant-table-row');
  const ids: string[] = [];
  for (const index of [0, 1]) {
    const row = rows.nth(index);
    const href = await row.locator('a[href^="/coordinators/"]').first().getAttribute('href');
    ids.push(href!.split('/').pop()!);
    await row.locator('.ant-checkbox-input').check();
  }
  await expect(page.getByTestId('batch-bar').textContent()).resolves.toContain('已选择 2 人');
  // 导出所选: the workbook holds exactly the selected records
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('batch-export').click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.worksheets[0];
  let idColumn = 0;
  const exported: string[] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((value) => String(value ?? ''));
    if (!idColumn) idColumn = values.indexOf('记录编号') + 1;
    else if (/^\d+$/.test(values[idColumn - 1] ?? '')) exported.push(values[idColumn - 1]);
  });
  expect(idColumn).toBeGreaterThan(0);
  expect(exported.sort()).toEqual([...ids].sort());
  await page.getByTestId('batch-deactivate').click();
  const dialog = page.locator('.ant-modal', { hasText: '2 人离岗' });
  await dialog.getByLabel('离岗原因').or(dialog.locator('textarea')).first().fill('用人单位注销');
  await screenshot(page, 'browser-coordinator-batch-leave-1366');
  await dialog.getByRole('button', { name: /确认离岗|离\s*岗/ }).click();
  await page.getByTestId('batch-bar').waitFor({ state: 'detached' });
  const stored = await app.sql<{ status: string }>(`select status from coordinator where id = any($1::bigint[])`, [ids]);
  expect(stored.map((row) => row.status)).toEqual(['LEFT', 'LEFT']);
  const audits = await app.sql<{ count: number }>(
    `select count(*)::int as count from audit_log where action = 'COORDINATOR_DEACTIVATE' and object_id = any($1) and detail->>'reason' = '用人单位注销'`,
    [ids],
  );
  expect(audits[0].count).toBe(2);
});
