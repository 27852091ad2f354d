import { todayIsoDate } from '@registry/domain';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// A county office (长春市朝阳区, demo account `chaoyang`) on 培训与补贴 (五, 六(二)): the demo's figures
// agree with the records, then it runs a session, enrols a coordinator, records a pass with a
// 四级 certificate (which joins the person's certificates), and records and grants a subsidy.
const COUNTY = '220104';
const TODAY = todayIsoDate();
const YEAR = Number(TODAY.slice(0, 4));

let app: TestApp;
let browser: BrowserSession;
let countyPath: string;

beforeAll(async () => {
  app = await startBrowserTestApp();
  [{ path: countyPath }] = await app.sql<{ path: string }>(`select path from region where code = $1`, [COUNTY]);
  browser = await launchBrowser();
  await signIn(browser.page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/training');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function pickDate(label: string, date: string) {
  const input = browser.page.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

test("the figures: people trained per year and the priority group's staff agree with the records", async () => {
  const { page } = browser;
  await page.getByRole('heading', { name: '培训、等级认定与补贴' }).waitFor();
  // the latest of the five years shown with people trained in the county (the office's own region, the default)
  const [last] = await app.sql(
    `select extract(year from completed_on)::int as year, count(distinct coordinator_id)::int as people from training_participation
     where region_path >= $1 and region_path < $1 || '~' and result in ('ATTENDED', 'PASSED') and completed_on >= make_date($2 - 4, 1, 1)
     group by 1 order by 1 desc limit 1`,
    [countyPath, YEAR],
  );
  expect(last?.people).toBeGreaterThan(0);
  const row = page.locator('.ant-table-row').filter({ has: page.getByRole('cell', { name: String(last.year), exact: true }) });
  await row.waitFor();
  await expect(eventually(async () => (await row.locator('td').nth(1).textContent()) ?? '', String(last.people))).resolves.toBe(String(last.people));
  const priority = page.getByTestId('training-priority');
  await priority.getByText('重点企业').waitFor();
  await screenshot(page, 'browser-training-figures');
});

test('an office runs a session, enrols a coordinator, records a pass with a certificate, and grants the subsidy', async () => {
  const { page } = browser;
  const [person] = await app.sql(
    `select c.id::text, c.name from coordinator c where c.region_path >= $1 and c.region_path < $1 || '~' and c.status = 'ACTIVE'
       and (select count(*) from coordinator same where same.name = c.name) = 1 order by c.id desc limit 1`,
    [countyPath],
  );
  await page.goto(`${app.baseUrl}/training?tab=sessions`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByRole('button', { name: '新增培训班次' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('班次名称').fill('浏览器测试四级培训班');
  await dialog.locator('.ant-form-item').filter({ hasText: '培训机构' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await pickDate('开班日期', `${YEAR}-01-01`);
  await pickDate('结业日期', TODAY);
  await dialog.getByLabel('学时').fill('64');
  await dialog.locator('.ant-form-item').filter({ hasText: '对应等级' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '四级（中级工）' }).click();
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.waitForURL(/\/training\/sessions\/\d+$/);
  await page.getByRole('heading', { name: '浏览器测试四级培训班' }).waitFor();

  await page.getByTestId('enroll-select').locator('.ant-select-selector').click();
  await page.keyboard.type(person.name);
  // the search answers after a pause: pick from its answer, not from the first page still shown
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(eventually(async () => (await options.count()) > 0 && (await options.filter({ hasNotText: person.name }).count()) === 0, true, 30_000)).resolves.toBe(true);
  await options.filter({ hasText: person.name }).first().click();
  await page.getByTestId('enroll-select').locator('.ant-select-selection-item', { hasText: person.name }).waitFor();
  await page.getByRole('button', { name: /报\s*名/ }).click();
  const row = page.locator('.ant-table-row').filter({ hasText: person.name });
  await row.getByText('已报名').waitFor();
  await row.getByRole('button', { name: '登记结果' }).click();
  const resultDialog = page.getByRole('dialog');
  await resultDialog.getByLabel('证书编号').fill(`${YEAR}-4-BROWSER`);
  await resultDialog.getByRole('button', { name: /保\s*存/ }).click();
  // saved: the dialog closes (a refusal would keep it open with its message), then the row shows it
  await resultDialog.waitFor({ state: 'hidden', timeout: 60_000 });
  await row.getByText('合格').waitFor({ timeout: 60_000 });
  await row.getByText(`${YEAR}-4-BROWSER`).waitFor({ timeout: 60_000 });
  await screenshot(page, 'browser-training-session');
  const certificates = await app.sql(`select level, issued_on::text from certificate where coordinator_id = $1 and certificate_number = $2`, [person.id, `${YEAR}-4-BROWSER`]);
  expect(certificates).toEqual([{ level: 4, issued_on: TODAY }]);

  await page.goto(`${app.baseUrl}/training?tab=subsidies`);
  await page.getByRole('button', { name: '申请补贴' }).click();
  const applyDialog = page.getByRole('dialog');
  await applyDialog.locator('.ant-form-item').filter({ hasText: '申请人' }).locator('.ant-select-selector').click();
  await page.keyboard.type(person.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: person.name }).first().click();
  await applyDialog.getByLabel('金额（元）').fill('1200');
  await applyDialog.getByRole('button', { name: /保\s*存/ }).click();
  const claim = page.locator('.ant-table-row').filter({ hasText: person.name }).filter({ hasText: '已申请' }).first();
  await claim.waitFor();
  await claim.getByRole('button', { name: /发放/ }).click();
  // refusing needs a reason, at the field
  const decideDialog = page.getByRole('dialog');
  await decideDialog.getByText('不予发放', { exact: true }).click();
  await decideDialog.getByRole('button', { name: /保\s*存/ }).click();
  await decideDialog.getByText('请填写处理意见').waitFor();
  await decideDialog.getByText('发放', { exact: true }).click();
  await decideDialog.getByRole('button', { name: /保\s*存/ }).click();
  await page.locator('.ant-table-row').filter({ hasText: person.name }).filter({ hasText: '已发放' }).first().waitFor();
  const [granted] = await app.sql(`select state, amount::int from subsidy_claim where coordinator_id = $1 order by id desc limit 1`, [person.id]);
  expect(granted).toEqual({ state: 'GRANTED', amount: 1200 });
});
