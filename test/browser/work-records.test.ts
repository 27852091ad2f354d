import { todayIsoDate } from '@registry/domain';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// A county office (长春市朝阳区, demo account `chaoyang`) on 工作情况 (六(三)): the year's figure of
// disputes mediated agrees with the demo's records; it adds a mediation of five disputes for one
// of its coordinators and sees the figure, the list and the dashboard card grow by five.
const COUNTY = '220104';
const TODAY = todayIsoDate();
const YEAR = Number(TODAY.slice(0, 4));

let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp();
  browser = await launchBrowser();
  await signIn(browser.page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/work-records');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** The county's disputes mediated this year, counted straight from the table. */
async function disputesThisYear(): Promise<number> {
  const [{ total }] = await app.sql(
    `select coalesce(sum(w.count), 0)::int as total from work_record w join region r on r.code = w.region_code
     where r.path like (select path from region where code = $1) || '%' and w.kind = 'DISPUTE_MEDIATED' and w.recorded_on >= make_date($2, 1, 1) and w.recorded_on <= $3::date`,
    [COUNTY, YEAR, TODAY],
  );
  return total;
}

const figureText = async (testId: string) => (await browser.page.getByTestId(testId).locator('.ant-statistic-content-value').first().textContent())?.replace(/[,\s]/g, '') ?? '';

test('adds a mediation for a coordinator and sees the year’s figure change', async () => {
  const { page } = browser;
  await page.getByRole('heading', { name: '工作情况' }).waitFor();
  const before = await disputesThisYear();
  await expect(eventually(() => figureText('work-figures'), String(before))).resolves.toBe(String(before));
  await page.getByTestId('work-records-table').locator('.ant-table-row').first().waitFor();
  await screenshot(page, 'browser-work-records');

  const [person] = await app.sql(
    `select c.id::text, c.name from coordinator c where c.region_path >= (select path from region where code = $1) and c.region_path < (select path from region where code = $1) || '~'
       and c.status = 'ACTIVE' and (select count(*) from coordinator same where same.name = c.name) = 1 order by c.id limit 1`,
    [COUNTY],
  );
  await page.getByTestId('add-work-record').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-form-item').filter({ hasText: '协调员' }).first().locator('.ant-select-selector').click();
  await page.keyboard.type(person.name);
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(eventually(async () => (await options.count()) > 0 && (await options.filter({ hasNotText: person.name }).count()) === 0, true, 30_000)).resolves.toBe(true);
  await options.filter({ hasText: person.name }).first().click();
  await dialog.locator('.ant-select-selection-item', { hasText: person.name }).waitFor();
  const count = dialog.getByRole('spinbutton', { name: '次数' });
  await count.waitFor();
  await count.fill('5');
  await dialog.locator('.ant-form-item').filter({ hasText: '调解结果' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option[title="调解成功"]').click();
  await dialog.locator('.ant-form-item').filter({ hasText: '调解结果' }).locator('.ant-select-selection-item', { hasText: '调解成功' }).waitFor();
  await dialog.getByLabel('工作说明').fill('浏览器测试：工资争议调解');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await dialog.waitFor({ state: 'hidden' });

  await expect(eventually(() => figureText('work-figures'), String(before + 5))).resolves.toBe(String(before + 5));
  const row = page.getByTestId('work-records-table').locator('.ant-table-row').filter({ hasText: '浏览器测试：工资争议调解' });
  await row.waitFor();
  await row.getByText(person.name).waitFor();
  expect(await disputesThisYear()).toBe(before + 5);
  const [saved] = await app.sql(`select outcome, count, recorded_by is not null as authored from work_record where description = '浏览器测试：工资争议调解'`);
  expect(saved).toEqual({ outcome: 'MEDIATED', count: 5, authored: true });
  await row.getByText('调解成功').waitFor();
  const [audit] = await app.sql(`select action from audit_log where object_type = 'work_record' order by id desc limit 1`);
  expect(audit.action).toBe('WORK_RECORD_CREATE');

  // the dashboard card shows the same figure for the year
  await page.goto(`${app.baseUrl}/dashboard?region=${COUNTY}&year=${YEAR}`);
  const card = page.getByTestId('work-figures-card');
  await card.waitFor();
  await expect(eventually(() => figureText('work-card-disputesMediated'), String(before + 5))).resolves.toBe(String(before + 5));
  await screenshot(page, 'browser-work-records-card');
});

test('lists the silent coordinators of the year and searches the records', async () => {
  const { page } = browser;
  await page.goto(`${app.baseUrl}/work-records?tab=silent`);
  const table = page.getByTestId('silent-coordinators-table');
  await table.waitFor();
  const [{ silent }] = await app.sql(
    `select count(*)::int as silent from coordinator c join coordinator_assignment a on a.coordinator_id = c.id and a.valid_to is null
     join region r on r.code = a.region_code
     where r.path like (select path from region where code = $1) || '%' and c.status = 'ACTIVE'
       and not exists (select 1 from work_record w where w.coordinator_id = c.id and w.recorded_on > $2::date - interval '12 months' and w.recorded_on <= $2::date)`,
    [COUNTY, TODAY],
  );
  expect(silent).toBeGreaterThan(0);
  await page.getByRole('tab', { name: `近12个月未开展工作（${silent}）` }).waitFor();
  await table.locator('.ant-table-row').first().waitFor();

  await page.goto(`${app.baseUrl}/work-records`);
  await page.getByPlaceholder('协调员、企业或说明').fill('浏览器测试');
  const rows = page.getByTestId('work-records-table').locator('.ant-table-row');
  await expect(eventually(async () => rows.count(), 1)).resolves.toBe(1);
});
