import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { todayIsoDate } from '@registry/domain';
import type { Page } from 'playwright-core';
import type { TestApp } from '../support/test-app';
import { DEMO_PASSWORD, launchBrowser, RESULTS_DIR, signIn, startBrowserTestApp, type BrowserSession } from './browser-support';

// Issue 14 "Print and year-end summary": the printed pages as a reader gets them. Chromium prints
// to PDF (A4); poppler renders every page to PNG (kept as artifacts) and reports where each line
// of text landed, page by page. The poppler tools run as child processes, never blocking the
// app's event loop (the app runs in this process).
const THIS_YEAR = Number(todayIsoDate().slice(0, 4));
const run = promisify(execFile);

let app: TestApp;
const sessions: BrowserSession[] = [];

interface PdfLine {
  text: string;
  words: { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[];
  yMin: number;
  yMax: number;
}
interface PdfPage {
  number: number;
  width: number;
  height: number;
  lines: PdfLine[];
}

/** Every page's text lines with their boxes (pdftotext -bbox-layout), in reading order. */
async function pdfPages(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const pages: PdfPage[] = [];
  const pagePattern = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  for (const page of stdout.matchAll(pagePattern)) {
    const lines: PdfLine[] = [];
    for (const line of page[3].matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
      const words = [...line[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((word) => ({
        text: decode(word[5]),
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
      }));
      lines.push({ text: words.map((word) => word.text).join(''), words, yMin: Number(line[1]), yMax: Number(line[2]) });
    }
    pages.push({ number: pages.length + 1, width: Number(page[1]), height: Number(page[2]), lines });
  }
  return pages;
}

const decode = (text: string) => text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
const squash = (text: string) => text.replace(/\s+/g, '');

/** Prints the page to A4 PDF and renders each page to PNG; returns the pages' text layout. */
async function printToPdf(page: Page, name: string): Promise<{ pages: PdfPage[]; pngs: string[] }> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const pdf = join(RESULTS_DIR, `${name}.pdf`);
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: pdf, format: 'A4', printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  for (const file of readdirSync(RESULTS_DIR)) if (file.startsWith(`${name}-page-`)) rmSync(join(RESULTS_DIR, file));
  await run('pdftoppm', ['-png', '-r', '60', pdf, join(RESULTS_DIR, `${name}-page`)]);
  const pngs = readdirSync(RESULTS_DIR).filter((file) => file.startsWith(`${name}-page-`) && file.endsWith('.png'));
  return { pages: await pdfPages(pdf), pngs };
}

/** The page and line where a text (spaces ignored) first appears. */
function locate(pages: PdfPage[], text: string) {
  const wanted = squash(text);
  for (const page of pages) {
    const index = page.lines.findIndex((line) => squash(line.text).includes(wanted));
    if (index !== -1) return { page, index, line: page.lines[index] };
  }
  return null;
}

/** A heading is followed on its own page by some content below it. */
function headingsKeepTheirContent(pages: PdfPage[], headings: string[]) {
  return headings.map((heading) => {
    const found = locate(pages, heading);
    if (!found) return { heading, found: false, followed: false };
    const below = found.page.lines.filter((line) => line.yMin > found.line.yMax + 1 && !squash(line.text).includes(squash(heading)));
    return { heading, found: true, followed: below.length > 0 };
  });
}

beforeAll(async () => {
  app = await startBrowserTestApp();
});
afterAll(async () => {
  for (const session of sessions) await session.close();
  await app?.close();
});

it('prints the year-end summary on A4 with the progress chart whole on one page and no heading left alone at a page end', async () => {
  const browser = await launchBrowser();
  sessions.push(browser);
  // generous bounds: the machine is shared
  browser.page.setDefaultNavigationTimeout(120000);
  browser.page.setDefaultTimeout(60000);
  const { page } = browser;
  await signIn(page, app.baseUrl, 'leader', DEMO_PASSWORD, '/dashboard');
  await page.goto(`${app.baseUrl}/dashboard/summary?region=220000&year=${THIS_YEAR}`);
  await page.getByTestId('year-summary').locator('svg.recharts-surface').first().waitFor({ timeout: 60000 });
  const headings = await page.locator('.year-summary h4, .year-summary .ant-card-head-title').evaluateAll((nodes) => nodes.map((node) => node.textContent ?? '').filter(Boolean));
  expect(headings.length).toBeGreaterThanOrEqual(4);

  const { pages, pngs } = await printToPdf(page, 'year-summary-print');
  expect(pages.length).toBeGreaterThanOrEqual(2);
  expect(pngs).toHaveLength(pages.length);

  expect(headingsKeepTheirContent(pages, headings).filter((heading) => !heading.found || !heading.followed)).toEqual([]);

  // the progress chart: its title, every year on its axis, its legend and its figures on one page, inside the page's width
  const title = await page.getByTestId('chart-progress').locator('.ant-card-head-title').textContent();
  const chart = locate(pages, title ?? '');
  expect(chart).not.toBeNull();
  const onPage = chart!.page;
  const ticks = await page.getByTestId('chart-progress').locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents();
  expect(ticks.length).toBeGreaterThanOrEqual(5);
  for (const tick of ticks) {
    const words = onPage.lines.flatMap((line) => line.words).filter((word) => word.text === tick && word.yMin > chart!.line.yMax);
    expect({ tick, onChartPage: words.length > 0 }).toEqual({ tick, onChartPage: true });
    for (const word of words) expect({ tick, inside: word.xMax <= onPage.width && word.xMin >= 0 }).toEqual({ tick, inside: true });
  }
  for (const text of ['按当前进度预测', '预计达到 100% 的年份']) expect({ text, page: locate(pages, text)?.page.number }).toEqual({ text, page: onPage.number });
});

it('prints a coordinator as a 登记表: basic facts and every sub-record list, the ID number masked', async () => {
  const clerk = await app.login('chaoyang', DEMO_PASSWORD);
  const lists = ['certificates', 'educations', 'workPeriods', 'trainings', 'honors', 'disciplinaryRecords', 'workRecords'] as const;
  const result = await app.graphql<any>(`{ coordinators(limit: 100) { items { id name idNumber ${lists.map((list) => `${list} { id }`).join(' ')} } } }`, {}, clerk);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  const people = result.data.coordinators.items as ({ id: string; name: string; idNumber: string } & Record<(typeof lists)[number], { id: string }[]>)[];
  const count = (person: (typeof people)[number]) => lists.reduce((sum, list) => sum + person[list].length, 0);
  const person = [...people].sort((left, right) => count(right) - count(left))[0];
  expect(count(person)).toBeGreaterThan(1);
  expect(person.idNumber).toMatch(/\*/);

  const browser = await launchBrowser();
  sessions.push(browser);
  // generous bounds: the machine is shared
  browser.page.setDefaultNavigationTimeout(120000);
  browser.page.setDefaultTimeout(60000);
  const { page } = browser;
  await signIn(page, app.baseUrl, 'chaoyang', DEMO_PASSWORD, '/coordinators');
  await page.goto(`${app.baseUrl}/coordinators/${person.id}`);
  await page.getByTestId('coordinator-name').waitFor({ timeout: 60000 });
  await expect(page.getByTestId('print-coordinator').isVisible()).resolves.toBe(true);
  // on screen the sheet stays hidden
  await expect(page.getByTestId('coordinator-print-sheet').isVisible()).resolves.toBe(false);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('coordinator-print-sheet').isVisible()).resolves.toBe(true);
  await expect(page.getByTestId('coordinator-name').isVisible()).resolves.toBe(false);
  await expect(page.locator('.ant-layout-sider').first().isVisible()).resolves.toBe(false);
  await expect(page.getByTestId('print-id-number').textContent()).resolves.toBe(person.idNumber);
  for (const list of lists) {
    const rows = await page.getByTestId(`print-sub-records-${list}`).locator('tbody tr.ant-table-row').count();
    expect({ list, rows }).toEqual({ list, rows: person[list].length });
  }
  await page.emulateMedia({ media: 'screen' });

  const { pages, pngs } = await printToPdf(page, 'coordinator-print');
  expect(pngs).toHaveLength(pages.length);
  const text = pages.map((printed) => printed.lines.map((line) => line.text).join('\n')).join('\n');
  expect(squash(text)).toContain('劳动关系协调员登记表');
  expect(squash(text)).toContain(squash(person.name));
  expect(squash(text)).toContain(squash(person.idNumber));
  // no full ID number anywhere on paper
  expect(squash(text)).not.toMatch(/\d{17}[\dX]/);
  const headings = ['基本信息', '职业资格证书', '学历', '工作经历', '培训', '荣誉', '违纪及失信记录', '工作记录'];
  expect(headingsKeepTheirContent(pages, headings).filter((heading) => !heading.found || !heading.followed)).toEqual([]);
});
