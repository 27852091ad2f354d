import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { syntheticBoundaryFile } from '../support/boundary-files';
import { ADMIN_PASSWORD } from '../support/test-app';
import type { TestApp } from '../support/test-app';
import { launchBrowser, screenshot, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// The province administrator (`admin`) uploads a boundary file (a synthetic one:
// no real boundary data has a licence here); the dashboard keeps the tile map by default and
// offers the boundary map, shaded, with 长白山 as a marker and the same drill-down.
let app: TestApp;
let browser: BrowserSession;

beforeAll(async () => {
  app = await startBrowserTestApp({ enterprises: 200, coordinators: 100 });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('a refused file shows its problems; an accepted one goes in use and shades the dashboard map', async () => {
  const { page } = browser;
  const bad = join(tmpdir(), `bad-${process.pid}.geojson`);
  writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: '110100' }, geometry: { type: 'Polygon', coordinates: [[[125, 43], [126, 43], [126, 44], [125, 43]]] } }] }));
  const good = join(tmpdir(), `units-${process.pid}.geojson`);
  writeFileSync(good, syntheticBoundaryFile());

  await signIn(page, app.baseUrl, 'admin', ADMIN_PASSWORD, '/admin/maps');
  await page.getByRole('heading', { name: '地图数据' }).waitFor();
  await page.getByText('尚未上传地图，统计分析使用示意图').waitFor();
  await page.getByLabel('地图名称').fill('吉林省行政区划（测试）');
  await page.getByLabel('审图号或数据许可').fill('审图号：吉S(2026)000号');
  await page.getByTestId('boundary-file').setInputFiles(bad);
  await page.getByRole('button', { name: /上传并启用/ }).click();
  await page.getByText('第 1 个要素的地区代码 110100 不是本省的市（州）或县（市、区）').waitFor();

  await page.getByTestId('boundary-file').setInputFiles(good);
  await page.getByRole('button', { name: /上传并启用/ }).click();
  const row = page.locator('.ant-table-row', { hasText: '吉林省行政区划（测试）' });
  await row.waitFor();
  await expect(row.textContent()).resolves.toMatch(/市州 10 个，县区 0 个.*使用中/);
  await screenshot(page, 'browser-boundary-maps');

  // the dashboard: the tile map by default, the boundary map on request
  await page.goto(`${app.baseUrl}/dashboard`);
  await page.getByTestId('chart-tile-map').waitFor();
  await page.getByText('行政区划图', { exact: true }).click();
  const map = page.getByTestId('chart-boundary-map');
  await map.waitFor();
  await expect(map.locator('path[data-testid^="boundary-"]').count()).resolves.toBe(10);
  await map.getByTestId('boundary-marker-229900').waitFor();
  // shaded by the figures: not all units the same colour
  const fills = await map.locator('path[data-testid^="boundary-"]').evaluateAll((paths) => paths.map((path) => path.getAttribute('fill')));
  expect(new Set(fills).size).toBeGreaterThan(1);
  await screenshot(page, 'browser-dashboard-boundary-map');
  // drill-down as on the tile map
  await map.getByTestId('boundary-220100').click();
  await page.waitForURL(/region=220100/);
});
