import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright-core';
import tap, { type Test } from 'tap';
import { fromRoot } from '../../src/project.js';
import { DEMO_PASSWORD } from '../../src/seed.js';
import { ADMIN_PASSWORD, testApp, type TestApp } from './app.js';

/** A distribution's Chromium: CHROMIUM_PATH, or Debian's. */
const SYSTEM_CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The npm package (a devDependency) whose `bin/chromium.br` is a brotli-compressed headless Chromium for Linux x64. */
const BUNDLED_PACKAGE = fromRoot('node_modules', '@sparticuz', 'chromium');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const HANDLED_REFUSAL =
  /^Failed to load resource: the server responded with a status of (400|401|403|404|409|413|415|422) /;
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
 * at an office screen's size. It fails if the page logs a console error; on failure a screenshot is saved.
 */
export function browserTest(
  name: string,
  body: (b: BrowserSession, h: TestApp, t: Test) => Promise<void>,
  /** The app's options, or a function giving them once the test has started (e.g. after starting a provider). */
  options: Parameters<typeof testApp>[1] | ((t: Test) => Promise<Parameters<typeof testApp>[1]>) = {},
): void {
  tap.test(name, async (t) => {
    const h = await testApp(t, { uiRoot: UI_ROOT, ...(typeof options === 'function' ? await options(t) : options) });
    const b = await openBrowser(t, h);
    try {
      await body(b, h, t);
    } catch (err) {
      await b.screenshot(`failed-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
      throw err;
    }
    t.same(b.errors, [], 'no console errors in the browser');
  });
}

/**
 * The Chromium to drive. MOTCUA_BROWSER=system takes only the system's, MOTCUA_BROWSER=bundled only the one inside the
 * npm package (CI sets it, to prove a machine with nothing but Node and npm passes); unset, the system's when it is
 * installed, else the bundled one.
 */
async function chromiumPath(): Promise<string> {
  const wanted = process.env.MOTCUA_BROWSER ?? 'auto';
  if (!['auto', 'system', 'bundled'].includes(wanted))
    throw new Error(`MOTCUA_BROWSER=${wanted}: expected system or bundled`);
  if (wanted !== 'bundled' && existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  if (wanted === 'system')
    throw new Error(`MOTCUA_BROWSER=system but there is no Chromium at ${SYSTEM_CHROMIUM} (set CHROMIUM_PATH)`);
  return bundledChromium();
}

/**
 * The bundled Chromium, inflated once per package version into node_modules/.cache. The package's own
 * `executablePath()` inflates into the temp directory and trusts whatever file it finds there: test files running in
 * parallel then launch a half-written binary (spawn ETXTBSY), and an interrupted run leaves a broken one for good. Here
 * each process inflates to a file of its own and renames it into place, which is atomic.
 */
async function bundledChromium(): Promise<string> {
  const { version } = JSON.parse(readFileSync(join(BUNDLED_PACKAGE, 'package.json'), 'utf8')) as { version: string };
  const dir = fromRoot('node_modules', '.cache', 'motcua-chromium', version);
  const path = join(dir, 'chromium');
  if (existsSync(path)) return path;
  mkdirSync(dir, { recursive: true });
  const partial = `${path}.${process.pid}.partial`;
  await pipeline(
    createReadStream(join(BUNDLED_PACKAGE, 'bin', 'chromium.br')),
    createBrotliDecompress(),
    createWriteStream(partial, { mode: 0o755 }),
  );
  renameSync(partial, path);
  return path;
}

let browser: Promise<Browser> | undefined;

/** One Chromium per test file (a launch costs seconds), closed when the file's tests end. */
function sharedBrowser(): Promise<Browser> {
  if (!browser) {
    browser = chromiumPath().then((executablePath) => chromium.launch({ executablePath, args: ARGS }));
    tap.teardown(async () => (await browser!).close());
  }
  return browser;
}

async function openBrowser(t: Test, h: TestApp): Promise<BrowserSession> {
  if (!existsSync(join(UI_ROOT, 'index.html')))
    throw new Error(`the web app is not built in ${UI_ROOT}: run npm run build:ui`);
  const base = await h.app.listen({ port: 0, host: '127.0.0.1' });
  // A context of its own per test: its own storage, cookies and cache, as a new browser's.
  const context = await (
    await sharedBrowser()
  ).newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (message) => {
    // Chromium logs every 4xx answer; the API's refusals (wrong password, invalid input) are shown by the app itself.
    if (message.type() === 'error' && !HANDLED_REFUSAL.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  t.teardown(() => context.close());
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
