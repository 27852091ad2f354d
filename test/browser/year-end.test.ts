import { chinaYear } from '@registry/domain';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CREATE_COORDINATOR, CREATE_ENTERPRISE, coordinatorInput, enterpriseInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, eventually, launchBrowser, RESULTS_DIR, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// Issue 12 on the dashboard (demo data, December of the year in China): the finished 十四五
// verdict and the running target, the 按上报口径 switch of a closed year with the corrections
// since, the as-reported summary PDF that stays the same, and a past year's drill-down list.
const THIS_YEAR = chinaYear();
const LAST_YEAR = THIS_YEAR - 1;
const COUNTY = '220104';

let app: TestApp;
let browser: BrowserSession;
let leader: string;
let admin: string;

async function api<T = any>(query: string, variables: Record<string, unknown> = {}, token = leader): Promise<T> {
  const result = await app.graphql<T>(query, variables, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

const attribute = (testId: string, name = 'data-value') => async () => browser.page.getByTestId(testId).first().getAttribute(name);

/** A large enterprise filed late (registered in 2020) in 朝阳区, with a coordinator since 2020. */
async function correction() {
  const created = await api(CREATE_ENTERPRISE, { input: enterpriseInput({ regionCode: COUNTY, registeredOn: '2020-01-10' }) }, admin);
  await api(CREATE_COORDINATOR, { input: coordinatorInput({ regionCode: COUNTY, enterpriseId: created.createEnterprise.id, joinedOn: '2020-03-01' }) }, admin);
}

function pdfText(pdf: Buffer, name: string): string {
  const path = join(RESULTS_DIR, `${name}.pdf`);
  writeFileSync(path, pdf);
  // the text in reading order, whitespace collapsed: the content, not where a line breaks
  return execFileSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').trim();
}

beforeAll(async () => {
  app = await startBrowserTestApp();
  leader = await app.login('leader', DEMO_PASSWORD);
  admin = await app.adminToken();
  browser = await launchBrowser();
  await signIn(browser.page, app.baseUrl, 'leader', DEMO_PASSWORD, '/dashboard');
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

it('shows the finished 十四五 verdict per region, and the running target once the province adds it', async () => {
  const { page } = browser;
  const verdicts = (await api(`{ targetVerdicts(regionCode: "220000") { target { name } asReported region { met shortfall } children { regionCode met shortfall } } }`)).targetVerdicts;
  const fourteenth = verdicts.find((verdict: { target: { name: string } }) => verdict.target.name === '十四五');
  expect(fourteenth).toBeDefined();
  const kind = (met: boolean | null) => (met === null ? 'none' : met ? 'met' : 'notMet');
  await page.goto(`${app.baseUrl}/dashboard`);
  await page.getByTestId('target-verdict-十四五').waitFor();
  await expect(eventually(attribute('verdict-220000'), kind(fourteenth.region.met))).resolves.toBe(kind(fourteenth.region.met));
  await expect(attribute('verdict-220000', 'data-shortfall')()).resolves.toBe(String(fourteenth.region.shortfall));
  const unit = fourteenth.children.find((row: { regionCode: string }) => row.regionCode === '220100');
  await expect(attribute('verdict-220100')()).resolves.toBe(kind(unit.met));
  await expect(attribute('verdict-source-十四五')()).resolves.toBe(fourteenth.asReported ? 'reported' : 'current');
  // no target after 十四五 yet
  await page.getByTestId('target-none-running').waitFor();

  await api(`mutation { addCoverageTarget(input: { name: "十五五", endDate: "2030-12-31" }) { id } }`, {}, admin);
  const progress = (await api(`{ coverageProgress(regionCode: "220000") { targetName pacePerYear remaining projectedYear } }`)).coverageProgress;
  expect(progress.targetName).toBe('十五五');
  await page.reload();
  await expect(eventually(attribute('target-running'), '十五五')).resolves.toBe('十五五');
  await expect(attribute('target-remaining')()).resolves.toBe(String(progress.remaining));
  await expect(attribute('target-pace')()).resolves.toBe(progress.pacePerYear === null ? '' : String(progress.pacePerYear));
  await expect(attribute('target-projected-year')()).resolves.toBe(progress.projectedYear === null ? '' : String(progress.projectedYear));
  await screenshot(page, 'dashboard-targets');
});

it('switches a closed year to the figures as reported, and marks the corrections since', async () => {
  const { page } = browser;
  const figures = `{ coverage(regionCode: "${COUNTY}", year: ${LAST_YEAR}) { largeMediumCovered largeMediumTotal } }`;
  const reportedFigures = (await api(figures)).coverage;
  await api(`mutation { closeYear(year: ${LAST_YEAR}) { year } }`, {}, admin);
  await correction();
  await correction();
  // the roll-ups take the writes within seconds
  const deadline = Date.now() + 30_000;
  let current = (await api(figures)).coverage;
  while (current.largeMediumTotal !== reportedFigures.largeMediumTotal + 2 && Date.now() < deadline) {
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    current = (await api(figures)).coverage;
  }
  expect(current.largeMediumTotal).toBe(reportedFigures.largeMediumTotal + 2);
  const difference = (await api(`{ reportedDifference(regionCode: "${COUNTY}", year: ${LAST_YEAR}) { differs changedRecords } }`)).reportedDifference;
  expect(difference).toEqual({ differs: true, changedRecords: 4 });

  await page.goto(`${app.baseUrl}/dashboard?region=${COUNTY}&year=${LAST_YEAR}`);
  await expect(eventually(attribute('figure-large-medium-rate'), String(current.largeMediumCovered))).resolves.toBe(String(current.largeMediumCovered));
  await expect(eventually(attribute('reported-difference'), '4')).resolves.toBe('4');
  await expect(page.getByTestId('reported-difference').textContent()).resolves.toContain('4 条记录');

  await page.getByTestId('reported-switch').click();
  await page.waitForURL((url) => url.searchParams.get('reported') === 'true');
  await expect(eventually(attribute('figure-large-medium-rate'), String(reportedFigures.largeMediumCovered))).resolves.toBe(String(reportedFigures.largeMediumCovered));
  await page.getByTestId('reported-note').waitFor();
  await screenshot(page, 'dashboard-as-reported');

  await page.getByTestId('reported-switch').click();
  await page.waitForURL((url) => url.searchParams.get('reported') === null);
  await expect(eventually(attribute('figure-large-medium-rate'), String(current.largeMediumCovered))).resolves.toBe(String(current.largeMediumCovered));
});

it('prints the closed year\'s summary as reported: the same text after further corrections', async () => {
  const { page } = browser;
  const reported = (await api(`{ coverage(regionCode: "${COUNTY}", year: ${LAST_YEAR}, asReported: true) { largeMediumCovered largeMediumTotal } }`)).coverage;
  const stored = (await api(`{ reportedYear(regionCode: "${COUNTY}", year: ${LAST_YEAR}) { coverageProgress { targetYear years { year } } } }`)).reportedYear.coverageProgress;
  const lastTick = String(Math.max(stored.targetYear, ...stored.years.map((entry: { year: number }) => entry.year)));
  const print = async (name: string) => {
    await page.goto(`${app.baseUrl}/dashboard/summary?region=${COUNTY}&year=${LAST_YEAR}&reported=true`);
    await page.getByTestId('year-summary').waitFor();
    await expect(eventually(async () => (await page.getByTestId('year-summary').textContent())?.includes(`${reported.largeMediumCovered}/${reported.largeMediumTotal}`) ?? false, true)).resolves.toBe(true);
    // the progress chart drawn to the stored target's end, and the fonts in, before printing
    const ticks = page.locator('[data-testid="chart-progress"] .recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value');
    const lastTickShown = async () => (await ticks.allTextContents()).at(-1) ?? '';
    const shown = await eventually(lastTickShown, lastTick, 20_000);
    expect(shown).toBe(lastTick);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.emulateMedia({ media: 'print' });
    const text = pdfText(await page.pdf({ format: 'A4' }), name);
    await page.emulateMedia({ media: 'screen' });
    return text;
  };
  const before = await print('year-summary-as-reported-1');
  await correction();
  const after = await print('year-summary-as-reported-2');
  expect(before).toContain(`${reported.largeMediumCovered}/${reported.largeMediumTotal}`);
  expect(before).toContain('按上报口径');
  expect(after).toBe(before);
});

it('lists the people behind a past year\'s structure bar: that year\'s count', async () => {
  const { page } = browser;
  const slices = (await api(`{ workforceStructure(regionCode: "220000", year: ${LAST_YEAR}) { dimension bucket count } }`)).workforceStructure as { dimension: string; bucket: string; count: number }[];
  const order = ['1', '2', '3', '4', '5', 'NONE'];
  const first = slices.filter((slice) => slice.dimension === 'CERT_LEVEL').sort((left, right) => order.indexOf(left.bucket) - order.indexOf(right.bucket))[0];
  const list = (await api(`{ workforceCoordinators(regionCode: "220000", year: ${LAST_YEAR}, dimension: CERT_LEVEL, bucket: "${first.bucket}", limit: 1) { total } }`)).workforceCoordinators;
  expect(list.total).toBe(first.count);
  await page.goto(`${app.baseUrl}/dashboard?year=${LAST_YEAR}`);
  const bar = page.getByTestId('chart-structure-cert_level').locator('.recharts-bar-rectangle').first();
  await bar.waitFor();
  await bar.click();
  const title = page.locator('.ant-drawer-title');
  await expect(eventually(async () => (await title.textContent())?.includes(`（${first.count} 人）`) ?? false, true)).resolves.toBe(true);
});

it('defaults to China\'s year in a browser of another zone: Los Angeles still on 31 December', async () => {
  const losAngeles = await launchBrowser({ timezoneId: 'America/Los_Angeles' });
  try {
    // 00:30 on 1 January in Changchun is 08:30 on 31 December of the year before in Los Angeles
    await losAngeles.page.clock.setFixedTime(new Date(`${THIS_YEAR}-01-01T00:30:00+08:00`));
    await signIn(losAngeles.page, app.baseUrl, 'leader', DEMO_PASSWORD, '/dashboard');
    expect(await losAngeles.page.evaluate(() => new Date().getFullYear())).toBe(THIS_YEAR - 1);
    const heading = losAngeles.page.getByRole('heading', { level: 3 }).first();
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toContain(`${THIS_YEAR} 年`);
  } finally {
    await losAngeles.close();
  }
});
