import { addDays } from '@registry/domain';
import { CREATE_COORDINATOR, coordinatorInput, idNumber } from '../support/fixtures';
import { ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { DEMO_PASSWORD, launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// One gold nomination from a township platform to the published naming decision, in the
// browser: the township nominates with the live verdict and declares after the publicity; the
// county and the city forward; the province decides among two candidates (差额) and publishes.
// Only the publicity start is set through the API (a person would wait five working days).

const TODAY = new Date(Date.now() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const YEAR = Number(TODAY.slice(0, 4));

let app: TestApp;
let browser: BrowserSession;
let admin: string;
let township: string;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await app.graphql(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data as T;
}

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 50, coordinators: 20 });
  admin = await app.login('admin', ADMIN_PASSWORD);
  const [row] = await app.sql<{ region_code: string }>(`select region_code from app_user where username = 'township'`);
  township = row.region_code;
  await ok(`mutation($input: AwardCampaignInput!) { saveAwardCampaign(input: $input) { year } }`, {
    input: {
      year: YEAR,
      referenceDate: TODAY,
      submissionStart: addDays(TODAY, -30),
      submissionEnd: addDays(TODAY, 30),
      quotas: [{ regionCode: '220100', tier: 'GOLD', places: 3 }],
    },
  }, admin);
  const gold = {
    regionCode: township,
    certificates: [{ occupation: '劳动关系协调员', level: 2, issuedOn: '2016-05-10' }],
    educations: [{ level: 'BACHELOR', major: '人力资源管理' }],
    workPeriods: [{ start: '2012-03-01', end: null, occupation: '劳动关系协调员' }],
  };
  await ok(CREATE_COORDINATOR, { input: coordinatorInput({ ...gold, name: '浏览器金牌', idNumber: idNumber('1980-05-01', 'FEMALE') }) }, admin);
  // A second candidate already at the province, so that the province can choose (差额).
  const other = await ok(CREATE_COORDINATOR, { input: coordinatorInput({ ...gold, name: '差额候选', idNumber: idNumber('1981-05-01', 'MALE') }) }, admin);
  const townshipToken = await app.login('township', DEMO_PASSWORD);
  const nominated = await ok(`mutation($input: NominateInput!) { nominate(input: $input) { id } }`, {
    input: { coordinatorId: other.createCoordinator.id, tier: 'GOLD', campaignYear: YEAR, attestations: ['四(一)1(1)', '工作业绩'] },
  }, townshipToken);
  const id = nominated.nominate.id;
  await ok(`mutation($id: ID!, $s: Date!) { startPublicity(id: $id, start: $s) { id } }`, { id, s: addDays(TODAY, -21) }, townshipToken);
  await ok(`mutation($id: ID!) { declareNomination(id: $id) { id } }`, { id }, townshipToken);
  await ok(`mutation($id: ID!) { forwardNomination(id: $id) { id } }`, { id }, await app.login('chaoyang', DEMO_PASSWORD));
  await ok(`mutation($id: ID!) { forwardNomination(id: $id) { id } }`, { id }, await app.login('changchun', DEMO_PASSWORD));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

/** A fresh tab: the session lives in sessionStorage, so each tab signs in as its own user. */
async function tabFor(username: string, password: string, path: string) {
  const page = await browser.context.newPage();
  const [pathname, query] = path.split('?');
  await signIn(page, app.baseUrl, username, password, pathname);
  if (query) await page.goto(`${app.baseUrl}${path}`);
  return page;
}

test('a gold nomination travels from the township to the published naming decision', async () => {
  // Township: the nomination form with the live verdict
  const form = await tabFor('township', DEMO_PASSWORD, '/awards/nominations/new');
  await form.getByTestId('coordinator-select').click();
  await form.keyboard.type('浏览器金牌');
  await form.getByTitle(/浏览器金牌/).click();
  await form.getByText('劳动关系协调员').first().waitFor();
  await form.getByTestId('eligibility-summary').getByText('符合推荐条件').waitFor();
  await form.getByText('尚需推荐单位确认').waitFor();
  await form.getByTestId('attest-四(一)1(1)').click();
  await form.getByTestId('attest-工作业绩').click();
  await form.getByText('尚需推荐单位确认').waitFor({ state: 'detached' });
  await screenshot(form, 'awards-nomination-form');
  await form.getByTestId('submit-nomination').click();
  await form.waitForURL(/\/awards\/nominations\/\d+$/);
  const id = form.url().split('/').pop()!;
  await expect(form.getByTestId('nomination-state').first().textContent()).resolves.toBe('已推荐');

  // The publicity ran three weeks ago (five working days); the township declares
  await ok(`mutation($id: ID!, $s: Date!) { startPublicity(id: $id, start: $s) { id } }`, { id, s: addDays(TODAY, -21) }, await app.login('township', DEMO_PASSWORD));
  await form.reload();
  await form.getByTestId('declare').click();
  await form.getByText('等待 朝阳区 审核').waitFor();

  // County, then city forward it
  const county = await tabFor('chaoyang', DEMO_PASSWORD, `/awards/nominations/${id}`);
  await county.getByTestId('forward').click();
  await county.getByText('等待 长春市 审核').waitFor();
  const city = await tabFor('changchun', DEMO_PASSWORD, `/awards?tab=review`);
  // quota 3: the other candidate already took one place
  await city.getByTestId('quota-left').getByText('2').waitFor();
  await screenshot(city, 'awards-review-queue');
  await city.getByTestId(`forward-${id}`).click();
  await city.getByText('浏览器金牌 已上报').waitFor();

  // Province: two candidates, one named (差额), then the decision is published
  const province = await tabFor('admin', ADMIN_PASSWORD, `/awards?tab=decision`);
  await province.getByTestId(`name-${id}`).click();
  await expect(province.getByTestId('decision-count').textContent()).resolves.toContain('候选 2 人');
  await province.getByTestId('decide').click();
  await province.getByText('决定已保存').waitFor();
  await province.getByPlaceholder('命名文件文号').fill(`吉三方办〔${YEAR}〕5号`);
  await province.getByTestId('publish').click();
  await province.locator('.ant-popconfirm').getByRole('button', { name: /确\s*定|OK/ }).click();
  await province.getByText(`命名决定已发布（吉三方办〔${YEAR}〕5号，${TODAY}）`).waitFor();
  await province.getByRole('cell', { name: new RegExp(`^${YEAR}-G-001$`) }).waitFor();
  await province.getByRole('cell', { name: '浏览器金牌' }).waitFor();
  await screenshot(province, 'awards-decision-published');
  await province.getByRole('tab', { name: '评选设置' }).click();
  await province.getByText('推荐名额分配表（附件1）').waitFor();
  await expect(province.getByLabel('长春市 金牌').inputValue()).resolves.toBe('3');
  await screenshot(province, 'awards-setup');

  await form.goto(`${app.baseUrl}/awards/nominations/${id}`);
  await form.getByTestId('certificate-number').getByText(new RegExp(`^${YEAR}-G-\\d{3}$`)).waitFor();
  await expect(form.getByTestId('nomination-state').first().textContent()).resolves.toBe('已命名');
});
