import { makeIdNumber } from '@registry/domain';
import type { TestApp } from '../support/test-app';
import { CREATE_COORDINATOR, coordinatorInput } from '../support/fixtures';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// A county office (长春市朝阳区, demo account `chaoyang`) keeps its roster in the browser: the
// list, a name search, a coordinator's page with certificates, the English switch, and the
// create form refusing a bad ID number at the field.
const COUNTY = '220104';

let app: TestApp;
let browser: BrowserSession;
let target: { id: string; name: string; occupation: string };
let countyPath: string;
const consoleProblems: string[] = [];

beforeAll(async () => {
  app = await startBrowserTestApp();
  // A coordinator of the county with at least one certificate, from the demo data.
  const [countyRegion] = await app.sql<{ path: string }>(`select path from region where code = $1`, [COUNTY]);
  countyPath = countyRegion.path;
  const rows = await app.sql<{ id: string; name: string; occupation: string }>(
    `select c.id::text as id, c.name, k.occupation
       from coordinator c join certificate k on k.coordinator_id = c.id
      where c.region_path >= $1 and c.region_path < $1 || '~'
        and (select count(*) from coordinator same where same.name = c.name) = 1
      order by c.id limit 1`,
    [countyRegion.path],
  );
  if (rows.length > 0) {
    target = rows[0];
  } else {
    // The demo data put nobody with a certificate here: file one through the API.
    const created = await app.graphql<{ createCoordinator: { id: string; name: string } }>(
      CREATE_COORDINATOR,
      { input: coordinatorInput({ name: '浏览器测试协调员', regionCode: COUNTY }) },
      await app.adminToken(),
    );
    if (!created.data) throw new Error(JSON.stringify(created.errors));
    target = { ...created.data.createCoordinator, occupation: '劳动关系协调员' };
  }
  browser = await launchBrowser();
  browser.page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(`${message.type()}: ${message.text()}`);
  });
  browser.page.on('pageerror', (error) => consoleProblems.push(`pageerror: ${error.message}`));
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('a county user searches the roster, opens a coordinator with certificates, and switches to English', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD);

  await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('已登录：长春市朝阳区人社局（朝阳区）');
  // The list shows server-side paging with a total.
  await page.locator('.ant-table-row').first().waitFor();
  await expect(page.locator('.ant-pagination-total-text').textContent()).resolves.toMatch(/共 \d+ 条/);

  const search = page.getByPlaceholder('按姓名搜索');
  await search.fill(target.name);
  await search.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('q') === target.name);
  const link = page.locator(`a[href="/coordinators/${target.id}"]`);
  await link.waitFor();
  // Exactly the county's coordinators whose name contains the search text.
  const [{ count }] = await app.sql<{ count: number }>(
    `select count(*)::int as count from coordinator where region_path >= $1 and region_path < $1 || '~' and name like '%' || $2 || '%'`,
    [countyPath, target.name],
  );
  await expect(eventually(() => page.locator('.ant-table-row').count(), Math.min(count, 20))).resolves.toBe(Math.min(count, 20));

  await link.click();
  await page.waitForURL(`**/coordinators/${target.id}`);
  await expect(page.getByTestId('coordinator-name').textContent()).resolves.toBe(target.name);
  // The ID number is shown masked: 4 digits, stars, the last 4.
  await expect(page.getByTestId('masked-id-number').textContent()).resolves.toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
  const certificates = page.getByTestId('sub-records-certificates');
  await certificates.locator('tbody tr.ant-table-row').first().waitFor();
  await expect(certificates.textContent()).resolves.toContain(target.occupation);
  await expect(page.getByRole('tab', { name: /职业资格证书/ }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'browser-coordinator-detail-zh');

  await page.getByText('English', { exact: true }).click();
  await page.getByRole('tab', { name: /Certificates/ }).waitFor();
  await expect(page.getByRole('menuitem', { name: /Coordinators/ }).isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('Signed in:');
  await screenshot(page, 'browser-coordinator-detail-en');

  // Back in Chinese, the list keeps its filter in the URL.
  await page.getByText('中文', { exact: true }).click();
  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/coordinators' && url.searchParams.get('q') === target.name);
  await expect(page.getByPlaceholder('按姓名搜索').inputValue()).resolves.toBe(target.name);
  await screenshot(page, 'browser-coordinator-list');
});

test('the create form refuses a bad ID number at the field, and shows the server reason for a duplicate', async () => {
  const { page } = browser;
  await page.goto(`${app.baseUrl}/coordinators/new`);
  await page.getByLabel('姓名').fill('表单测试');

  const valid = makeIdNumber(COUNTY, '1988-08-08', 321, 'MALE');
  const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
  const idField = page.getByLabel('身份证号码');
  await idField.fill(wrongCheck);
  await idField.blur();
  const idItem = page.locator('.ant-form-item').filter({ has: idField });
  await idItem.locator('.ant-form-item-explain-error').waitFor();
  await expect(idItem.locator('.ant-form-item-explain-error').textContent()).resolves.toContain('校验码错误');

  // Register the valid number through the API, then try to file it again in the form.
  const created = await app.graphql(CREATE_COORDINATOR, { input: coordinatorInput({ idNumber: valid, regionCode: COUNTY }) }, await app.adminToken());
  expect(created.errors).toBeUndefined();
  await idField.fill(valid);
  await expect(idItem.getByText('由身份证号码得出：1988-08-08，男').isVisible()).resolves.toBe(true);
  await page.locator('.ant-form-item').filter({ hasText: '所在地区' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-tree-title', { hasText: /^朝阳区$/ }).first().click();
  await page.locator('button[type=submit]').click();
  await idItem.getByText('该身份证号码已登记为协调员').waitFor();
  await expect(page.url()).toContain('/coordinators/new');
  await screenshot(page, 'browser-coordinator-form-duplicate');
});

test('the enterprise list filters covered employers, and an employer shows its coordinators and its size class live', async () => {
  const { page } = browser;
  await page.goto(`${app.baseUrl}/enterprises`);
  await page.locator('.ant-table-row').first().waitFor();
  await page.locator('.ant-form-item').filter({ hasText: '是否配备协调员' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '已配备' }).click();
  await page.waitForURL((url) => url.searchParams.get('covered') === 'true');
  await expect(eventually(async () => (await page.locator('.ant-table-row').first().textContent())?.includes('已配备') ?? false, true)).resolves.toBe(true);

  const first = page.locator('.ant-table-row').first().locator('a[href^="/enterprises/"]');
  const name = (await first.textContent()) ?? '';
  await first.click();
  await page.waitForURL(/\/enterprises\/\d+$/);
  await page.getByRole('heading', { name }).waitFor();
  const coordinators = page.locator('.ant-card').filter({ hasText: '本单位协调员' });
  await coordinators.locator('a[href^="/coordinators/"]').first().waitFor();
  await screenshot(page, 'browser-enterprise-detail');

  await page.getByRole('button', { name: /编\s*辑/ }).click();
  await page.waitForURL(/\/enterprises\/\d+\/edit$/);
  await page.getByLabel('行业代码（GB/T 4754-2017）').fill('C13');
  await page.getByLabel('从业人员（人）').fill('1200');
  await page.getByLabel('营业收入（万元）').fill('50000');
  const derived = async (sizeClass: string) => new RegExp(`工业标准：${sizeClass}`).test((await page.getByTestId('derived-size-class').textContent()) ?? '');
  await expect(eventually(() => derived('大型'), true)).resolves.toBe(true);
  await page.getByLabel('从业人员（人）').fill('250');
  await expect(eventually(() => derived('小型'), true)).resolves.toBe(true);
  // An override needs a reason, at the field, before anything is sent.
  await page.locator('.ant-form-item').filter({ hasText: '调整后的规模' }).locator('.ant-select-selector').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '中型' }).click();
  await page.locator('button[type=submit]').click();
  await page.getByText('调整企业规模时必须填写理由').waitFor();
  await screenshot(page, 'browser-enterprise-form');
});

test('a new account must change its password first, by the shared password rule', async () => {
  const { page } = browser;
  const created = await app.graphql(
    `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
    { input: { username: 'browser.newcomer', password: 'Initial#2025', role: 'COUNTY_OFFICE', regionCode: COUNTY, displayName: '朝阳区新同事' } },
    await app.adminToken(),
  );
  expect(created.errors).toBeUndefined();

  await page.getByRole('button', { name: /退出登录/ }).click();
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill('browser.newcomer');
  await page.getByLabel('密码').fill('Initial#2025');
  await page.locator('button[type=submit]').click();
  await page.waitForURL(/\/change-password/);
  // Any other page sends the user back here until the password is changed.
  await page.goto(`${app.baseUrl}/coordinators`);
  await page.waitForURL(/\/change-password/);

  await page.getByLabel('原密码').fill('Initial#2025');
  await page.getByLabel('新密码', { exact: true }).fill('weakpass');
  await page.getByLabel('确认新密码').fill('weakpass');
  await page.locator('button[type=submit]').click();
  await page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少三类').waitFor();

  await page.getByLabel('新密码', { exact: true }).fill('Changed#2025');
  await page.getByLabel('确认新密码').fill('Changed#2025');
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === '/coordinators');
  await expect(page.getByTestId('signed-in-user').textContent()).resolves.toContain('朝阳区新同事');
});

test('离岗 records a leaving date, and a stale page gets a clear conflict with a reload', async () => {
  const { page } = browser;
  await page.goto(`${app.baseUrl}/coordinators/${target.id}`);
  await page.getByTestId('coordinator-name').waitFor();
  await page.getByRole('button', { name: /离\s*岗/ }).click();
  const dialog = page.locator('.ant-modal');
  await dialog.getByText('登记离岗').waitFor();
  await dialog.getByRole('button', { name: /确认离岗/ }).click();
  await page.getByText('已登记离岗').waitFor();
  await page.locator('.ant-tag', { hasText: /^离岗$/ }).first().waitFor();
  const [stored] = await app.sql<{ status: string; left_on: string | null; version: number }>(
    `select status, left_on::text as left_on, version from coordinator where id = $1`,
    [target.id],
  );
  expect(stored.status).toBe('LEFT');
  expect(stored.left_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);

  // Someone else saves meanwhile: this page still holds the old version. The page is read
  // afresh first, so no fetch of its own (after 离岗) can land after the other save.
  await page.reload();
  await page.getByRole('button', { name: /恢复在岗/ }).waitFor();
  await page.waitForLoadState('networkidle');
  const bumped = await app.graphql(
    `mutation($input: UpdateCoordinatorInput!) { updateCoordinator(input: $input) { version } }`,
    { input: { id: target.id, version: stored.version, post: '他人修改的岗位' } },
    await app.adminToken(),
  );
  expect(bumped.errors).toBeUndefined();
  await page.getByRole('button', { name: /恢复在岗/ }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: /恢复在岗/ }).click();
  const conflict = page.getByRole('alert').filter({ hasText: '记录已被他人修改' });
  await conflict.waitFor({ timeout: 20_000 }).catch(async (error: Error) => {
    // say what the page showed instead
    const [row] = await app.sql(`select status, version from coordinator where id = $1`, [target.id]);
    throw new Error(`${error.message}\nstored: ${JSON.stringify(row)}\npage: ${(await page.locator('body').innerText()).slice(0, 600)}`);
  });
  await screenshot(page, 'browser-coordinator-conflict');
  await conflict.getByRole('button', { name: /重新加载/ }).click();
  // on the screen (the printable 登记表 beside it holds the same text, hidden until printed)
  await page.locator('.coordinator-screen').getByText('他人修改的岗位').waitFor();
  await expect(conflict.count()).resolves.toBe(0);
});

test('the pages ran without script errors or React warnings', () => {
  expect(consoleProblems).toEqual([]);
});
