import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { APP_DIR, SHOTS_DIR } from '../paths.ts';

export { APP_DIR, EXAMPLES, SHOTS_DIR } from '../paths.ts';

export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;

/** Debian's Chromium (CI installs it); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Serves the production build (dist/) with `vite preview` on 127.0.0.1 at a free port. */
export async function serveBuild(): Promise<{ url: string; close: () => Promise<void> }> {
  if (!existsSync(`${APP_DIR}dist/index.html`)) throw new Error('apps/web/dist is missing: run `pnpm --filter web build` first');
  const port = await freePort();
  const server: PreviewServer = await preview({ root: APP_DIR, logLevel: 'warn', preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (CI installs it)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A page plus everything it did that a test must not tolerate: page errors, console errors, requests elsewhere. */
export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

export async function openApp(browser: Browser, baseUrl: string, viewport: { width: number; height: number }, hash = ''): Promise<Session> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN', serviceWorkers: 'allow' });
  const page = await context.newPage();
  const problems: string[] = [];
  const foreignRequests: string[] = [];
  const origin = new URL(baseUrl).origin;
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreignRequests.push(u);
  });
  await page.goto(`${baseUrl}${hash}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return { context, page, problems, foreignRequests, close: () => context.close() };
}

/** Tall enough to read the view, short enough to read the picture: about two screens. */
const SHOT_HEIGHT = { desktop: 2400, phone: 1700 } as const;

/**
 * Writes `<name>-desktop.png` or `<name>-phone.png` into .screenshots/: the page from the top, or
 * from the element `from` selects (the part of the view the test is about), about two screens long.
 */
export async function shoot(page: Page, name: string, from?: string): Promise<void> {
  mkdirSync(SHOTS_DIR, { recursive: true });
  const size = page.viewportSize() ?? { width: 0, height: 0 };
  const kind = size.width <= 500 ? 'phone' : 'desktop';
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const top = from ? Math.max(0, Math.floor(((await page.locator(from).first().boundingBox())?.y ?? 0) + (await page.evaluate(() => window.scrollY)) - 8)) : 0;
  await page.screenshot({
    path: `${SHOTS_DIR}${name}-${kind}.png`,
    fullPage: true,
    clip: { x: 0, y: top, width: size.width, height: Math.max(1, Math.min(height - top, SHOT_HEIGHT[kind])) },
  });
}

/** Whether the page is wider than the screen (it must not be: wide tables scroll inside their own box). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/**
 * Starts the built app and Chromium once for a test file; `run` opens a fresh browser context at a
 * viewport and fails the test on any page error, console error or request to another host.
 */
export function appUnderTest() {
  let server: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await serveBuild();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url(): string {
      if (!server) throw new Error('server not started');
      return server.url;
    },
    async run(viewport: { width: number; height: number }, hash: string, journey: (s: Session) => Promise<void>): Promise<void> {
      if (!browser || !server) throw new Error('browser not started');
      const s = await openApp(browser, server.url, viewport, hash);
      try {
        await journey(s);
        expect(s.problems, 'page and console errors').toEqual([]);
        expect(s.foreignRequests, 'requests to any other host').toEqual([]);
      } finally {
        await s.close();
      }
    },
  };
}
