import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// A county office (长春市朝阳区, demo account `chaoyang`) keeps its 工作室 and 指导站 (六(四)) in the
// browser: the demo's studios with the figures per township, drill-down, an empty search, a new
// guidance station filed with its staff, its detail page, and an edit.
const COUNTY = '220104';

let app: TestApp;
let browser: BrowserSession;
let countyPath: string;

beforeAll(async () => {
  app = await startBrowserTestApp();
  [{ path: countyPath }] = await app.sql<{ path: string }>(`select path from region where code = $1`, [COUNTY]);
  browser = await launchBrowser();
  await signIn(browser.page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/studios');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test("the county's studios and stations, with figures per township that drill down and agree with the list", async () => {
  const { page } = browser;
  const [counts] = await app.sql(
    `select count(*)::int as total, count(*) filter (where status = 'ACTIVE' and kind = 'GOLD_STUDIO')::int as gold,
       count(*) filter (where status = 'ACTIVE' and kind = 'GUIDANCE_STATION')::int as stations
     from studio where region_path >= $1 and region_path < $1 || '~'`,
    [countyPath],
  );
  expect(counts.total).toBeGreaterThan(0);
  await page.getByRole('heading', { name: '金牌劳动关系协调员工作室与协调劳动关系指导站' }).waitFor();
  await page.locator('.ant-table-row').first().waitFor();
  await page.getByText(`共 ${counts.total} 条`).waitFor();
  const figures = page.getByTestId('studio-figures');
  const totalRow = figures.locator('.ant-table-row').filter({ hasText: '合计' });
  await totalRow.waitFor();
  const cells = await totalRow.locator('td').allTextContents();
  expect(cells.slice(1, 3).map(Number)).toEqual([counts.gold, counts.stations]);
  await screenshot(page, 'browser-studio-list');

  // a township with a station: its row drills the list down to it
  const [township] = await app.sql(
    `select r.code, r.name, count(*)::int as count from studio s join region r on r.code = s.region_code
     where s.kind = 'GUIDANCE_STATION' and r.parent_code = $1 group by r.code, r.name order by r.code limit 1`,
    [COUNTY],
  );
  await figures.getByRole('button', { name: township.name, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('region') === township.code);
  await page.getByText(`共 ${township.count} 条`).waitFor();

  await page.getByPlaceholder('名称或依托平台').fill('没有这样的工作室');
  await page.getByPlaceholder('名称或依托平台').press('Enter');
  await page.getByText('暂无工作室或指导站').waitFor();
});

test('an office files a guidance station on a grassroots platform with a coordinator, and edits it', async () => {
  const { page } = browser;
  const [person] = await app.sql(
    `select c.id::text, c.name from coordinator c where c.region_path >= $1 and c.region_path < $1 || '~' and c.status = 'ACTIVE'
       and (select count(*) from coordinator same where same.name = c.name) = 1 order by c.id limit 1`,
    [countyPath],
  );
  await page.goto(`${app.baseUrl}/studios/new`);
  await page.getByRole('heading', { name: '新增工作室或指导站' }).waitFor();
  await page.getByText('协调劳动关系指导站', { exact: true }).click();
  await page.getByLabel('名称').fill('浏览器测试协调劳动关系指导站');
  await page.locator('.ant-form-item').filter({ hasText: '所在地区' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-tree-title', { hasText: /^朝阳区$/ }).first().click();
  const opened = page.getByLabel('设立日期');
  await opened.click();
  await opened.fill('2024-03-15');
  await opened.press('Enter');
  await page.getByText('依托基层平台', { exact: true }).click();
  // nothing sent without the platform's name
  await page.locator('button[type=submit]').click();
  await page.getByText('请填写基层平台名称').waitFor();
  await page.getByLabel('基层平台名称').fill('朝阳区党群服务中心');
  await page.locator('.ant-form-item').filter({ hasText: '配备的劳动关系协调员' }).locator('.ant-select-selector').click();
  await page.keyboard.type(person.name);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: person.name }).first().click();
  // close the multiple select's list so it does not cover the save button
  await page.keyboard.press('Escape');
  await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' }).catch(() => undefined);
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/studios\/\d+$/);
  await page.getByRole('heading', { name: '浏览器测试协调劳动关系指导站' }).waitFor();
  await page.getByRole('link', { name: person.name }).waitFor();
  await page.getByText('朝阳区党群服务中心').waitFor();
  await screenshot(page, 'browser-studio-detail');
  const id = page.url().split('/').pop();
  const [saved] = await app.sql(`select kind, host_kind, opened_on::text, version from studio where id = $1`, [id]);
  expect(saved).toEqual({ kind: 'GUIDANCE_STATION', host_kind: 'GRASSROOTS_PLATFORM', opened_on: '2024-03-15', version: 1 });

  await page.getByRole('button', { name: /编\s*辑/ }).click();
  await page.waitForURL(/\/studios\/\d+\/edit$/);
  await page.locator('.ant-form-item').filter({ hasText: '状态' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '暂停' }).click();
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/studios\/\d+$/);
  await expect(eventually(async () => (await app.sql(`select status from studio where id = $1`, [id]))[0].status, 'SUSPENDED')).resolves.toBe('SUSPENDED');
  await page.locator('.ant-tag', { hasText: '暂停' }).first().waitFor();
});
