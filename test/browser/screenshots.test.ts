import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { todayIsoDate } from '@registry/domain';
import { AwardsHistoryDemo } from '../../api/src/awards/awards-history-demo';
import { ADMIN_PASSWORD, type TestApp } from '../support/test-app';
import { DEMO_PASSWORD, launchBrowser, RESULTS_DIR, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// Issue 14, "the screenshots of every page at 1366×768 are kept as test artifacts": every route
// of the web app's router, as the users who see it (the province administrator, a county office,
// and nobody signed in for the public pages), at 1366×768. Each page is waited for by what shows
// it loaded (its rows, its record's name, its form), then it may not scroll sideways nor show an
// error, and a full-page PNG goes to test-results/screenshots/<user>-<page>.png (git-ignored).

const WIDTH = 1366;
const HEIGHT = 768;
const SCREENSHOTS = 'screenshots';
const COUNTY = '220104'; // chaoyang, the demo's county office

interface Records {
  coordinator: { id: string; name: string };
  enterprise: { id: string; name: string };
  studio: { id: string; name: string };
  session: { id: string; title: string };
  nomination: { id: string; name: string } | null;
  token: string;
}

interface PageSpec {
  /** the router's path pattern this visits (checked against web/src/**\/routes.tsx) */
  route: string;
  name: string;
  path(records: Records): string | null;
  /** resolves once the page's content is on screen */
  ready(page: Page, records: Records): Promise<unknown>;
}

const ROW = '.ant-table-tbody tr.ant-table-row';
const rows = (page: Page) => page.locator(ROW).first().waitFor();
const text = (page: Page, value: string) => page.getByText(value, { exact: true }).first().waitFor();
/** an edit form holds the record: some input shows its name */
const inputHolding = (page: Page, value: string) =>
  page.waitForFunction((wanted) => [...document.querySelectorAll('input, textarea')].some((input) => (input as HTMLInputElement).value === wanted), value, { timeout: 60000 });
const form = (page: Page) => page.locator('form .ant-form-item').first().waitFor();

const SIGNED_IN: PageSpec[] = [
  { route: '/dashboard', name: 'dashboard', path: () => '/dashboard', ready: (page) => page.locator('[data-testid="figure-coordinators"][data-value]').waitFor() },
  { route: '/dashboard/summary', name: 'dashboard-summary', path: () => '/dashboard/summary', ready: (page) => page.getByTestId('year-summary').waitFor() },
  { route: '/coordinators', name: 'coordinators', path: () => '/coordinators', ready: rows },
  { route: '/coordinators/new', name: 'coordinator-new', path: () => '/coordinators/new', ready: form },
  { route: '/coordinators/:id', name: 'coordinator-detail', path: (r) => `/coordinators/${r.coordinator.id}`, ready: (page, r) => page.getByTestId('coordinator-name').getByText(r.coordinator.name).waitFor() },
  { route: '/coordinators/:id/edit', name: 'coordinator-edit', path: (r) => `/coordinators/${r.coordinator.id}/edit`, ready: (page, r) => inputHolding(page, r.coordinator.name) },
  { route: '/enterprises', name: 'enterprises', path: () => '/enterprises', ready: rows },
  { route: '/enterprises/new', name: 'enterprise-new', path: () => '/enterprises/new', ready: form },
  { route: '/enterprises/:id', name: 'enterprise-detail', path: (r) => `/enterprises/${r.enterprise.id}`, ready: (page, r) => text(page, r.enterprise.name) },
  { route: '/enterprises/:id/edit', name: 'enterprise-edit', path: (r) => `/enterprises/${r.enterprise.id}/edit`, ready: (page, r) => inputHolding(page, r.enterprise.name) },
  { route: '/awards', name: 'awards', path: () => '/awards', ready: (page) => page.locator('.ant-tabs').first().waitFor() },
  { route: '/awards/nominations/new', name: 'nomination-new', path: () => '/awards/nominations/new', ready: (page) => page.getByTestId('coordinator-select').waitFor() },
  { route: '/awards/nominations/:id', name: 'nomination-detail', path: (r) => (r.nomination ? `/awards/nominations/${r.nomination.id}` : null), ready: (page, r) => page.getByTestId('nominee-name').getByText(r.nomination!.name).waitFor() },
  { route: '/studios', name: 'studios', path: () => '/studios', ready: rows },
  { route: '/studios/new', name: 'studio-new', path: () => '/studios/new', ready: form },
  { route: '/studios/:id', name: 'studio-detail', path: (r) => `/studios/${r.studio.id}`, ready: (page, r) => text(page, r.studio.name) },
  { route: '/studios/:id/edit', name: 'studio-edit', path: (r) => `/studios/${r.studio.id}/edit`, ready: (page, r) => inputHolding(page, r.studio.name) },
  { route: '/training', name: 'training', path: () => '/training', ready: rows },
  { route: '/training/sessions/:id', name: 'training-session', path: (r) => `/training/sessions/${r.session.id}`, ready: (page, r) => text(page, r.session.title) },
  { route: '/work-records', name: 'work-records', path: () => '/work-records', ready: (page) => page.getByTestId('work-records-table').locator(ROW).first().waitFor() },
  { route: '/data-quality', name: 'data-quality', path: () => '/data-quality', ready: (page) => page.locator('.ant-progress').first().waitFor() },
  { route: '/imports', name: 'imports', path: () => '/imports', ready: (page) => page.locator('.ant-upload').first().waitFor() },
  { route: '/admin/users', name: 'admin-users', path: () => '/admin/users', ready: rows },
  { route: '/admin/audit', name: 'admin-audit', path: () => '/admin/audit', ready: (page) => page.getByTestId('audit-user').first().waitFor() },
  { route: '/admin/maps', name: 'admin-maps', path: () => '/admin/maps', ready: (page) => page.getByTestId('boundary-file').first().waitFor() },
  { route: '/change-password', name: 'change-password', path: () => '/change-password', ready: (page) => page.locator('input[type=password]').first().waitFor() },
  { route: '*', name: 'not-found', path: () => '/no-such-page', ready: (page) => page.locator('.ant-result-404').waitFor() },
];

const PUBLIC: PageSpec[] = [
  { route: '/login', name: 'login', path: () => '/login', ready: (page) => page.getByLabel('用户名').waitFor() },
  { route: '/named', name: 'named-list', path: () => '/named?year=2021', ready: (page) => page.getByTestId('decision-summary').waitFor() },
  { route: '/verify', name: 'verify', path: () => '/verify', ready: (page) => page.locator('.ant-input-search input').waitFor() },
  { route: '/verify/:token', name: 'verify-certificate', path: (r) => `/verify/${r.token}`, ready: (page) => page.getByTestId('verification-result').waitFor() },
];

// the pages a county office does not see (the menu's roles: web/src/admin/routes.tsx)
const NOT_FOR_COUNTY = new Set(['/admin/audit', '/admin/maps']);

/** Every `path: '…'` of the router's route tables, plus the catch-all. */
function routerPaths(): string[] {
  const paths = new Set<string>(['*']);
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const full = join(directory, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === 'routes.tsx' || entry === 'router.tsx') {
        for (const match of readFileSync(full, 'utf8').matchAll(/path: '([^']+)'/g)) paths.add(match[1]);
      }
    }
  };
  walk(resolve(__dirname, '../../web/src'));
  return [...paths].sort();
}

let app: TestApp;
let browser: BrowserSession;
let records: Records;

beforeAll(async () => {
  app = await startBrowserTestApp();
  await app.app.get(AwardsHistoryDemo).seed(todayIsoDate());
  const one = async <T>(sql: string): Promise<T> => {
    const [row] = await app.sql<T>(sql);
    if (!row) throw new Error(`no demo record for the screenshots: ${sql}`);
    return row;
  };
  // records inside the county, so both users open the same pages
  records = {
    coordinator: await one(`select id::text, name from coordinator where region_code like '${COUNTY}%' order by id limit 1`),
    enterprise: await one(`select id::text, name from enterprise where region_code like '${COUNTY}%' order by id limit 1`),
    studio: await one(`select id::text, name from studio where region_code like '${COUNTY}%' order by id limit 1`),
    session: await one(`select id::text, title from training_session order by (region_code like '${COUNTY}%') desc, region_code, id limit 1`),
    nomination: (await app.sql(`select n.id::text, c.name from nomination n join coordinator c on c.id = n.coordinator_id where c.region_code like '${COUNTY}%' order by n.id limit 1`))[0] ?? null,
    token: (await one<{ token: string }>(`select verification_token as token from award_certificate order by nomination_id limit 1`)).token,
  };
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

// `/` shows nothing of its own: it sends the user to the role's first page
const REDIRECTS = new Set(['/']);

test('the screenshots cover every route of the router', () => {
  const covered = new Set([...SIGNED_IN, ...PUBLIC].map((spec) => spec.route).concat([...REDIRECTS]));
  expect(routerPaths().filter((path) => !covered.has(path))).toEqual([]);
});

/** Waits for the page's content, checks it fits 1366 px without an error, and keeps its picture. */
async function visit(page: Page, spec: PageSpec, user: string): Promise<void> {
  const path = spec.path(records);
  if (path === null) throw new Error(`no record for ${spec.route}`);
  await page.goto(`${app.baseUrl}${path}`);
  await spec.ready(page, records);
  // and nothing still loading: skeletons and spinners gone
  await page.waitForFunction(() => !document.querySelector('.ant-skeleton-active, .ant-spin-spinning'), undefined, { timeout: 60000 });
  expect(new URL(page.url()).pathname).toBe(new URL(path, app.baseUrl).pathname);
  // error banners (a failed load, a refused action); the nomination form's live eligibility
  // verdict is red by design until the facts are filled in, and is not one
  const errors = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ant-alert-error, .ant-result-error, .ant-message-error, .ant-notification-notice-error')]
      .filter((element) => !element.closest('[data-testid="eligibility-verdict"]'))
      .map((element) => element.innerText),
  );
  expect(errors).toEqual([]);
  const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
  const file = await screenshot(page, `${SCREENSHOTS}/${user}-${spec.name}`);
  expect({ page: spec.name, scrollWidth: scrollWidth <= WIDTH ? 'fits' : scrollWidth, file }).toEqual({ page: spec.name, scrollWidth: 'fits', file: join(RESULTS_DIR, SCREENSHOTS, `${user}-${spec.name}.png`) });
}

describe.each([
  { user: 'province-admin', username: 'admin', password: ADMIN_PASSWORD, pages: SIGNED_IN },
  { user: 'county-office', username: 'chaoyang', password: DEMO_PASSWORD, pages: SIGNED_IN.filter((spec) => !NOT_FOR_COUNTY.has(spec.route)) },
])('as the $user', ({ user, username, password, pages }) => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await signIn(page, app.baseUrl, username, password, '/coordinators');
  });
  afterAll(async () => {
    await page?.close();
  });

  test.each(pages.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
    if (spec.route === '/awards/nominations/:id' && records.nomination === null) {
      throw new Error('the demo award history has no nomination in the county');
    }
    await visit(page, spec, user);
  });
});

describe('without signing in', () => {
  let page: Page;
  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  });
  afterAll(async () => {
    await page?.close();
  });

  test.each(PUBLIC.map((spec) => [spec.name, spec] as const))('%s', async (_name, spec) => {
    await visit(page, spec, 'public');
  });
});
