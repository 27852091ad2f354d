import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { seedDemoData } from '../../api/src/database/demo/seed';
import { startTestApp, type TestApp } from '../support/test-app';

// Everything a browser test needs: the real app serving the built web app on a throw-away
// database with demo accounts and a small demo data set, and a fresh Chromium profile.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const DEMO_PASSWORD = 'Jilin#2021demo';
export const RESULTS_DIR = resolve(__dirname, '../../test-results');
const WEB_DIST_DIR = 'dist/web';

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (--user-data-dir), removed again on close; in China's zone unless told otherwise. */
export async function launchBrowser(options: { timezoneId?: string } = {}): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium, or set CHROMIUM_PATH`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'registry-chromium-'));
  // playwright passes the profile as --user-data-dir itself (it refuses the flag in args).
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: options.timezoneId ?? 'Asia/Shanghai',
  });
  await installChineseFont(context);
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Test machines often have no CJK font, so screenshots would show boxes instead of Chinese.
// Chromium gets the project's Noto Sans SC (the PDF forms' font, @expo-google-fonts/noto-sans-sc)
// from a test-only route on the app's own origin, so the app's CSP (font-src 'self') holds.
const FONT_ROUTE = '/__browser-test-fonts/';
const FONT_FILES: Record<string, { file: string; weight: number }> = {
  'regular.ttf': { file: '400Regular/NotoSansSC_400Regular.ttf', weight: 400 },
  'semibold.ttf': { file: '600SemiBold/NotoSansSC_600SemiBold.ttf', weight: 600 },
};

async function installChineseFont(context: BrowserContext): Promise<void> {
  let fontDirectory: string;
  try {
    fontDirectory = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  } catch {
    return; // no font package: the assertions read text, only the screenshots suffer
  }
  await context.route(`**${FONT_ROUTE}*`, async (route) => {
    const name = new URL(route.request().url()).pathname.slice(FONT_ROUTE.length);
    const font = FONT_FILES[name];
    if (!font) return route.fulfill({ status: 404 });
    return route.fulfill({ path: join(fontDirectory, font.file), contentType: 'font/ttf' });
  });
  const faces = Object.entries(FONT_FILES)
    .map(([name, font]) => `@font-face{font-family:'Noto Sans SC';src:url('${FONT_ROUTE}${name}') format('truetype');font-weight:${font.weight};}`)
    .join('');
  await context.addInitScript((css: string) => {
    const install = () => {
      const style = document.createElement('style');
      style.textContent = css;
      document.head.appendChild(style);
    };
    if (document.head) install();
    else document.addEventListener('DOMContentLoaded', install);
  }, faces);
}

/** The real app in demo mode (demo accounts exist) serving dist/web, with a small demo data set. */
export async function startBrowserTestApp(scale = { enterprises: 2000, coordinators: 500 }): Promise<TestApp> {
  if (!existsSync(join(WEB_DIST_DIR, 'index.html'))) {
    throw new Error(`no built web app in ${WEB_DIST_DIR}: run npx vite build --config web/vite.config.ts first`);
  }
  const app = await startTestApp({ DEMO_MODE: 'true', WEB_DIST_DIR });
  await seedDemoData(app.databaseUrl, scale, { config: app.config });
  return app;
}

/** A full-page PNG under test-results/ (`name` may hold a folder: screenshots/…). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(RESULTS_DIR, `${name}.png`);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password: string, path = '/coordinators'): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => url.pathname === path);
}

/** Polls until `read` returns `expected` (the page renders asynchronously); returns the last value read. */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolveDelay) => setTimeout(resolveDelay, 100));
    last = await read();
  }
  return last;
}
