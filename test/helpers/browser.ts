import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import tap, { type Test } from 'tap';
import { fromRoot } from '../../src/project.js';
import { DEMO_PASSWORD } from '../../src/seed.js';
import { ADMIN_PASSWORD, testApp, type TestApp } from './app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const HANDLED_REFUSAL = /^Failed to load resource: the server responded with a status of (400|401|403|404|409|413|415|422) /;
/** The built app under test: dist/ui, or UI_DIST (a build elsewhere, e.g. `vite build --outDir`). */
const UI_ROOT = process.env.UI_DIST ?? fromRoot('dist', 'ui');
/** Screenshots of the browser tests, kept after the run (CI artefacts). */
export const SCREENSHOTS = fromRoot('.tap', 'screenshots');

export interface BrowserSession {
  page: Page;
  /** Console errors and uncaught exceptions of the page so far. */
  errors: string[];
  base: string;
  /** Saves a PNG of the page as `.tap/screenshots/<name>.png`. */
  screenshot(name: string): Promise<void>;
  /** Logs in through the login page and waits for the home page. */
  login(username: string): Promise<void>;
}

/**
 * A test in real Chromium on the real app (a fresh database, listening on a loopback port, the built UI from dist/ui)
 * at an office screen's size. It fails if the page logs a console error; on failure a screenshot is saved. Without
 * Chromium it is skipped, except on CI where it fails.
 */
export function browserTest(name: string, body: (b: BrowserSession, h: TestApp, t: Test) => Promise<void>, options: Parameters<typeof testApp>[1] = {}): void {
  tap.test(name, async (t) => {
    const h = await testApp(t, { uiRoot: UI_ROOT, ...options });
    const b = await openBrowser(t, h);
    if (!b) return;
    try {
      await body(b, h, t);
    } catch (err) {
      await b.screenshot(`failed-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw err;
    }
    t.same(b.errors, [], 'no console errors in the browser');
  });
}

async function openBrowser(t: Test, h: TestApp): Promise<BrowserSession | null> {
  if (!existsSync(CHROMIUM)) {
    if (process.env.CI) t.fail(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);
    else t.skip(`Chromium is not installed at ${CHROMIUM}; browser test skipped`, () => undefined);
    return null;
  }
  if (!existsSync(join(UI_ROOT, 'index.html'))) throw new Error(`the web app is not built in ${UI_ROOT}: run npm run build:ui`);
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; the API's refusals (wrong password, invalid input) are shown by the app itself.
    if (message.type() === 'error' && !HANDLED_REFUSAL.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  t.teardown(() => browser.close());
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    page,
    errors,
    base,
    screenshot: async (name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    login: async (username) => {
      await page.goto(`${base}/dang-nhap`);
      await page.getByLabel(/Tên đăng nhập|Username/).fill(username);
      await page.getByLabel(/Mật khẩu|Password/).fill(username === 'admin' ? ADMIN_PASSWORD : DEMO_PASSWORD);
      await page.getByRole('button', { name: /Đăng nhập|Log in/ }).click();
      await page.waitForURL(`${base}/`);
    },
  };
}
