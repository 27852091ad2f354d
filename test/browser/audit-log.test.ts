import ExcelJS from 'exceljs';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// An auditor (demo account `auditor`) reads the audit trail in words (issue 14): who acted as
// region · name, Chinese labels and values instead of codes, the object's name with a link, the
// IP whole, and the filtered log as xlsx.
let app: TestApp;
let browser: BrowserSession;
let coordinator: { id: string; name: string };

beforeAll(async () => {
  app = await startBrowserTestApp();
  browser = await launchBrowser();
  await browser.page.setViewportSize({ width: 1366, height: 768 });
  const county = await app.login('chaoyang', DEMO_PASSWORD);
  [coordinator] = await app.sql<{ id: string; name: string }>(
    `select c.id::text as id, c.name from coordinator c where c.region_code like '220104%' order by c.id limit 1`,
  );
  const revealed = await app.graphql(`mutation($id: ID!) { revealIdNumber(coordinatorId: $id, reason: "核对审计日志显示") }`, { id: coordinator.id }, county);
  expect(revealed.errors).toBeUndefined();
  // a county office asking for the audit trail is refused, and that is audited with its role
  const refused = await app.graphql(`{ auditLogs { total } }`, {}, county);
  expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('the audit log speaks Chinese, names people and objects, shows the IP whole, and exports the filtered log', async () => {
  const { page } = browser;
  await signIn(page, app.baseUrl, 'auditor', DEMO_PASSWORD, '/admin/audit');
  await page.locator('.ant-table-row').first().waitFor();
  await expect(eventually(() => page.title(), '审计日志 - 协调员数据库')).resolves.toBe('审计日志 - 协调员数据库');

  await page.getByLabel('用户名').fill('chaoyang');
  await page.locator('form button[type=submit]').click();
  const reveal = page.locator('.ant-table-row', { hasText: '查看身份证号' }).first();
  await reveal.waitFor();
  await expect(reveal.getByTestId('audit-user').textContent()).resolves.toContain('朝阳区 · 长春市朝阳区人社局');
  await expect(reveal.getByTestId('audit-detail').textContent()).resolves.toContain('原因：核对审计日志显示');
  await expect(reveal.getByTestId('audit-object').locator('a').getAttribute('href')).resolves.toBe(`/coordinators/${coordinator.id}`);
  await expect(reveal.getByTestId('audit-object').locator('a').textContent()).resolves.toBe(coordinator.name);

  const denied = page.locator('.ant-table-row', { hasText: '拒绝访问' }).first();
  await denied.waitFor();
  const deniedText = (await denied.getByTestId('audit-detail').textContent()) ?? '';
  expect(deniedText).toContain('角色：县市区办公室');
  expect(deniedText).toContain('操作：查看审计日志');
  // no raw codes anywhere on the page
  const table = (await page.locator('.ant-table-tbody').textContent()) ?? '';
  for (const code of ['COUNTY_OFFICE', 'auditLogs', 'operation:', 'role:', 'reason:']) expect(table).not.toContain(code);

  // the IP column holds the whole address
  const ip = denied.getByTestId('audit-ip');
  const [scrollWidth, clientWidth] = await ip.evaluate((element) => {
    const cell = element.closest('td')!;
    return [cell.scrollWidth, cell.clientWidth];
  });
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  await screenshot(page, 'browser-audit-log-1366');

  // xlsx of the filtered log, audited
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByTestId('export-audit-log').click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await download.path())!);
  const sheet = workbook.getWorksheet('审计日志')!;
  const rows: string[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((value) => String(value ?? ''))));
  expect(rows[1]).toEqual(['时间', '用户', '操作', '对象类型', '对象', '地区', '详情', 'IP']);
  const body = rows.slice(2);
  expect(body.length).toBeGreaterThan(0);
  // only chaoyang's entries (the filter), in words
  expect(body.every((row) => row[1] === '朝阳区 · 长春市朝阳区人社局')).toBe(true);
  const revealRow = body.find((row) => row[2] === '查看身份证号')!;
  expect(revealRow[4]).toBe(`${coordinator.name}（${coordinator.id}）`);
  expect(revealRow[6]).toContain('原因：核对审计日志显示');
  const exports = await app.sql<{ username: string; detail: { count: number } }>(`select username, detail from audit_log where action = 'AUDIT_LOG_EXPORT'`);
  expect(exports.map((entry) => [entry.username, entry.detail.count])).toEqual([['auditor', body.length]]);
});

test('the export is for audit readers only', async () => {
  const county = await app.login('chaoyang', DEMO_PASSWORD);
  const response = await fetch(`${app.baseUrl}/api/audit-log.xlsx`, { headers: { authorization: `Bearer ${county}` } });
  expect(response.status).toBe(403);
  const auditor = await app.login('auditor', DEMO_PASSWORD);
  const bad = await fetch(`${app.baseUrl}/api/audit-log.xlsx?filter=${encodeURIComponent('{"from":"soon"}')}`, { headers: { authorization: `Bearer ${auditor}` } });
  expect(bad.status).toBe(400);
});

test('推荐人 is the nominating office and its region, not a login name', async () => {
  // a nomination filed by the county office (fixture rows; the read is what is under test)
  await app.sql(`insert into award_campaign (year, reference_date, submission_start, submission_end) values (2030, '2030-06-30', '2030-03-01', '2030-05-31') on conflict do nothing`);
  await app.sql(
    `insert into nomination (campaign_year, coordinator_id, tier, state, region_path, reporting_unit_code, review_chain, eligibility, nominated_by)
     select 2030, c.id, 'BRONZE', 'NOMINATED', c.region_path, '220104', array['220104', '220100', '220000'], '{}'::jsonb, u.id
       from coordinator c, app_user u where c.id = $1 and u.username = 'chaoyang'`,
    [coordinator.id],
  );
  const province = await app.adminToken();
  const result = await app.graphql<{ nominations: { items: { nominatedBy: string; nominatedByName: string | null; nominatedByRegion: string | null }[] } }>(
    `{ nominations(limit: 50) { items { nominatedBy nominatedByName nominatedByRegion } } }`,
    {},
    province,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data!.nominations.items.length).toBeGreaterThan(0);
  const accounts = await app.sql<{ username: string; display_name: string; region: string }>(
    `select u.username, u.display_name, r.name as region from app_user u join region r on r.code = u.region_code`,
  );
  const byUsername = new Map(accounts.map((account) => [account.username, account]));
  for (const item of result.data!.nominations.items) {
    const account = byUsername.get(item.nominatedBy)!;
    expect([item.nominatedByName, item.nominatedByRegion]).toEqual([account.display_name, account.region]);
  }
});
