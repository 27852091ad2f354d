import { packageCalendarYears, todayIsoDate } from '@registry/domain';
import { AwardsHistoryDemo } from '../../api/src/awards/awards-history-demo';
import { ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// The public pages without signing in, on the demo's award history: the named list of a year
// and the verification page a certificate's QR code opens (valid, unknown, revoked after the
// province revokes the title in the decision tab). The public pages load only their own code,
// not the signed-in screens'.

const TODAY = todayIsoDate();
const SIGNED_IN_CHUNKS = /(AwardsPage|DashboardPage|Coordinator\w*Page|Enterprise\w*Page|ImportsPage|UserAdminPage|AuditLogPage|NominationFormPage|NominationDetailPage)-/;

let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 1500, coordinators: 1000 });
  await app.app.get(AwardsHistoryDemo).seed(TODAY);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

async function anonymousPage() {
  const page = await browser.context.newPage();
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  return { page, scripts };
}

test('anyone reads the named list of a published year, and nothing of the signed-in app loads', async () => {
  const { page, scripts } = await anonymousPage();
  await page.goto(`${app.baseUrl}/named?year=2021`);
  await page.getByRole('heading', { name: '2021 年度命名名单' }).waitFor();
  await page.getByTestId('decision-summary').getByText(/吉三方办〔2021〕\d+号（2021-12-20 发布）：金牌 \d+ 名/).waitFor();
  await page.getByRole('cell', { name: /^2021-G-001$/ }).waitFor();
  const [first] = await app.sql(`select holder_name from award_certificate where certificate_number = '2021-G-001'`);
  await page.getByRole('cell', { name: first.holder_name, exact: true }).first().waitFor();
  await screenshot(page, 'public-named-list');
  // one tier
  await page.getByTitle('银牌').click();
  await page.getByRole('cell', { name: /^2021-S-001$/ }).waitFor();
  expect(await page.getByRole('cell', { name: /^2021-G-/ }).count()).toBe(0);
  expect(page.url()).toContain('tier=SILVER');
  expect(scripts.filter((url) => SIGNED_IN_CHUNKS.test(url))).toEqual([]);
  expect(page.url()).not.toContain('/login');
  await page.close();
});

test('the QR code link verifies a certificate with the name masked; an unknown code says so', async () => {
  const [certificate] = await app.sql(
    `select verification_token as token, certificate_number as number, holder_name as name, campaign_year as year from award_certificate where tier = 'GOLD' order by nomination_id limit 1`,
  );
  const { page, scripts } = await anonymousPage();
  await page.goto(`${app.baseUrl}/verify/${certificate.token}`);
  await page.getByText('证书有效').waitFor();
  await page.getByText(certificate.number, { exact: true }).waitFor();
  await page.getByText(`${certificate.year} 年度金牌劳动关系协调员`).waitFor();
  const shown = await page.getByTestId('verification-result').textContent();
  expect(shown).toContain('吉林省协调劳动关系三方委员会办公室');
  expect(shown).toContain(`${[...certificate.name][0]}*`);
  expect(shown).not.toContain(certificate.name);
  await screenshot(page, 'public-verify-valid');
  await page.goto(`${app.baseUrl}/verify/AAAAAAAAAAAAAAAAAAAAAAAAAAA`);
  await page.getByText('未找到该证书').waitFor();
  expect(scripts.filter((url) => SIGNED_IN_CHUNKS.test(url))).toEqual([]);
  await page.close();
});

test('the province revokes a title in the decision tab; the QR code then answers revoked', async () => {
  const [certificate] = await app.sql(
    `select k.nomination_id::text as id, k.verification_token as token, k.holder_name as name, k.campaign_year as year
     from award_certificate k where k.tier = 'SILVER' order by k.nomination_id limit 1`,
  );
  const page = await browser.context.newPage();
  await signIn(page, app.baseUrl, 'admin', ADMIN_PASSWORD, '/awards');
  await page.goto(`${app.baseUrl}/awards?tab=decision&year=${certificate.year}`);
  await page.getByText('银牌', { exact: true }).click();
  await page.getByTestId(`verify-link-${certificate.id}`).waitFor();
  await page.getByTestId(`revoke-${certificate.id}`).click();
  await page.getByLabel(/撤销理由/).fill('命名后发现其 5 年内受到警告处分');
  await page.locator('.ant-modal').getByRole('button', { name: /撤销称号/ }).click();
  await page.getByText(`${certificate.name} 的称号已撤销`).waitFor();
  await page.getByText('已撤销', { exact: true }).first().waitFor();
  await screenshot(page, 'awards-decision-revoked');
  await page.goto(`${app.baseUrl}/verify/${certificate.token}`);
  await page.getByText('该证书对应的称号已被撤销').waitFor();
  await page.close();
});

test('the settings tab shows which holiday years are entered', async () => {
  const page = await browser.context.newPage();
  await signIn(page, app.baseUrl, 'admin', ADMIN_PASSWORD, '/awards');
  await page.goto(`${app.baseUrl}/awards?tab=setup`);
  const card = page.getByTestId('calendar-years');
  await card.getByText('年度节假日录入').waitFor();
  await card.getByText('数据包内置').first().waitFor();
  // the first year after the package's last one is always listed, to be entered next
  const unknown = packageCalendarYears(2000, 2100).at(-1)! + 1;
  await card.locator('tr', { hasText: '尚未录入' }).filter({ hasText: String(unknown) }).waitFor();
  await card.getByText(`${unknown} 年节假日安排尚未录入`).waitFor();
  await page.getByTestId(`confirm-year-${unknown}`).click();
  await page.getByText(`请先在调整表中录入 ${unknown} 年的法定节假日`).waitFor();
  await screenshot(page, 'awards-calendar-years');
  await page.close();
});
