/**
 * The province hub in the page (issue 14): the real API (apps/api/dist) with a fresh SQLite data
 * directory serves the built app on its own origin; tokens made by its admin command
 * (`p135-api token create`). A district signs in, submits a results file of
 * examples/lang-son-2020/results/, sees the version and its findings, downloads the original back,
 * is refused another district's results; a wrong token is refused; the province sees the dashboard
 * with that district reported and the others missing. Served without a hub (vite preview), the page
 * shows no hub and asks nothing of one.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR, DESKTOP, EXAMPLES, launch, openApp, overflowsHorizontally, PHONE, type Session, serveBuild, shoot } from './harness.ts';

const API_DIST = join(APP_DIR, '..', 'api', 'dist');
const RESULTS = `${EXAMPLES}results/`;

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

/** A token made by the admin command, as an official would (`p135-api token create …`). */
function createToken(dataDir: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [join(API_DIST, 'p135-api.js'), 'token', 'create', ...args], { env: { ...process.env, P135_DATA_DIR: dataDir }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`p135-api token create ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** The page's own refusals are expected here: the browser logs each 401/403 answer as a console error. */
const unexpected = (s: Session) => s.problems.filter((p) => !/Failed to load resource: the server responded with a status of 40[13]/.test(p));

describe('the province hub in the page', { timeout: 600_000 }, () => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  let base = '';
  let browser: Browser | undefined;
  const tokens: Record<'province' | '180', string> = { province: '', '180': '' };
  let serverErr = '';

  beforeAll(async () => {
    if (!existsSync(join(API_DIST, 'server.js'))) throw new Error('apps/api/dist is missing: run `pnpm --filter api build` first');
    dataDir = mkdtempSync(join(tmpdir(), 'p135-hub-web-'));
    tokens['180'] = createToken(dataDir, '--district', '180', '--label', 'Huyện Tràng Định');
    tokens.province = createToken(dataDir, '--province');
    const port = await freePort();
    server = spawn(process.execPath, [join(API_DIST, 'server.js')], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        P135_WORKERS: '0',
        LOG_LEVEL: 'warn',
        P135_DATA_DIR: dataDir,
        P135_HUB_PLAN: `${EXAMPLES}plan.json`,
        P135_HUB_ROSTER: `${EXAMPLES}candidates.csv`,
        P135_WEB_DIR: join(APP_DIR, 'dist'),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    server.stderr?.on('data', (c: Buffer) => {
      serverErr += c.toString();
    });
    base = `http://127.0.0.1:${port}/`;
    // Reading the 16,600-person roster takes a while on a loaded machine.
    const until = Date.now() + 300_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the API stopped: ${serverErr}`);
      const status = await fetch(`${base}healthz`).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      if (Date.now() > until) throw new Error(`the API did not start: ${serverErr}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    browser = await launch();
  }, 400_000);

  afterAll(async () => {
    await browser?.close();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (hash: string) => {
    if (!browser) throw new Error('no browser');
    return openApp(browser, base, DESKTOP, hash);
  };

  it('the page served by the hub keeps its CSP and shows the hub; a wrong token is refused with the hub’s words', async () => {
    const s = await open('#/hub');
    try {
      const { page } = s;
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toContain("connect-src 'self'");
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập cổng tổng hợp' }).waitFor();
      expect(await page.title()).toBe('Đăng nhập cổng tổng hợp · Chương trình 135');
      await expect.poll(() => page.getByRole('link', { name: 'Cổng tổng hợp' }).getAttribute('aria-current')).toBe('page');

      await page.getByLabel('Mã truy cập').fill('p135_not-a-real-token');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toContain('Cần mã truy cập');
      expect(await alert.textContent()).toContain('Mã truy cập không đúng');
      expect(await alert.textContent()).toContain('401');
      expect(await page.evaluate(() => sessionStorage.getItem('p135.hub.token'))).toBeNull();

      // In English: the hub's own English words.
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in to the province hub' }).waitFor();
      await page.getByLabel('Access token').fill('p135_still-wrong');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('A token is needed');
      await shoot(page, 'hub-sign-in');
      expect(unexpected(s), 'page and console errors').toEqual([]);
      expect(s.foreignRequests).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('a district signs in, submits its results, sees the version and its findings, downloads the original; another district’s results are refused', async () => {
    const s = await open('#/hub');
    try {
      const { page } = s;
      // By keyboard: the token, then Enter.
      await page.getByLabel('Mã truy cập').fill(tokens['180']);
      await page.getByLabel('Mã truy cập').press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Gửi báo cáo kết quả — Huyện Tràng Định' }).waitFor();
      expect(await page.title()).toBe('Gửi báo cáo kết quả — Huyện Tràng Định · Chương trình 135');
      // The token is kept for this tab only.
      expect(await page.evaluate(() => sessionStorage.getItem('p135.hub.token'))).toBe(tokens['180']);
      expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('p135_');
      await expect.poll(() => page.locator('.hub-versions').textContent()).toContain('Chưa có phiên bản nào');

      const file = `${RESULTS}district-180.json`;
      await page.locator('.hub-upload input[type="file"]').setInputFiles(file);
      const done = page.locator('.hub-upload p.summary');
      await expect.poll(() => done.textContent(), { timeout: 60_000 }).toMatch(/^Đã nhận district-180\.json: phiên bản 1, \d+ lỗi, \d+ cảnh báo$/);
      await page.getByRole('heading', { level: 2, name: /^Kết quả kiểm tra phiên bản 1 \(\d+\)$/ }).waitFor();
      const row = page.locator('.hub-version-table tr[data-version="1"]');
      await expect.poll(() => row.locator('td[data-cell="deadline"]').textContent(), { timeout: 60_000 }).toBe('Đúng hạn');
      expect(await row.textContent()).toContain('district-180.json');

      // The original, byte for byte.
      const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('button', { name: 'Tải tệp gốc phiên bản 1 (district-180.json)' }).click()]);
      expect(download.suggestedFilename()).toBe('district-180.json');
      expect(readFileSync((await download.path()) as string).equals(readFileSync(file))).toBe(true);

      // Another district's results: the hub's refusal, shown.
      await page.locator('.hub-upload input[type="file"]').setInputFiles(`${RESULTS}district-181.json`);
      const refusal = page.locator('.hub-upload [role="alert"]');
      await expect.poll(() => refusal.textContent(), { timeout: 60_000 }).toContain('Không được phép');
      expect(await refusal.textContent()).toContain('báo cáo này là của huyện 181');
      expect(await page.locator('.hub-version-table tbody tr').count()).toBe(1);
      await shoot(page, 'hub-district');

      // Signing out forgets the token.
      await page.getByRole('button', { name: 'Đăng xuất' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đăng nhập cổng tổng hợp' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('p135.hub.token'))).toBeNull();
      expect(unexpected(s), 'page and console errors').toEqual([]);
      expect(s.foreignRequests).toEqual([]);
    } finally {
      await s.close();
    }
  });

  it('the province sees the dashboard: the district reported, the others missing; the consolidation downloads from the hub', async () => {
    const s = await open('#/hub');
    try {
      const { page } = s;
      await page.getByLabel('Mã truy cập').fill(tokens.province);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('heading', { level: 1, name: 'Bảng tổng hợp của tỉnh' }).waitFor();
      const table = page.locator('.districts-table');
      await table.waitFor({ timeout: 120_000 });
      expect(await table.locator('tr[data-district="180"]').getAttribute('data-status')).toBe('on_time');
      const others = await table.locator('tbody tr').evaluateAll((rows) => rows.filter((r) => r.getAttribute('data-district') !== '180').map((r) => r.getAttribute('data-status')));
      expect(others.length).toBeGreaterThan(5);
      expect(new Set(others)).toEqual(new Set(['missing']));
      expect(await page.locator('.hub-summary').textContent()).toMatch(new RegExp(`^1 huyện đã gửi \\(trong đó 0 gửi muộn\\), ${others.length} huyện chưa gửi — tính đến ngày \\d{2}/\\d{2}/\\d{4}$`));
      // The charts and every finding, drawn by the reports view's parts.
      expect(await page.locator('.report-result svg').count()).toBeGreaterThan(0);
      await page.getByRole('heading', { level: 2, name: /^Tất cả phát hiện \(\d+\)$/ }).waitFor();
      // Every version received, with its district.
      expect(await page.locator('.hub-version-table tr[data-district="180"][data-version="1"]').count()).toBe(1);

      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải sổ XLSX' }).click()]);
      expect(xlsx.suggestedFilename()).toMatch(/^tong-hop-\d{4}-\d{2}-\d{2}\.xlsx$/);
      expect(
        readFileSync((await xlsx.path()) as string)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
      const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải trang in (HTML, A4)' }).click()]);
      expect(readFileSync((await html.path()) as string, 'utf8')).toContain('<html');
      await shoot(page, 'hub-province');
      // Readable on a phone: wide tables scroll in their own box, the page does not.
      await page.setViewportSize(PHONE);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'hub-province');
      expect(unexpected(s), 'page and console errors').toEqual([]);
      expect(s.foreignRequests).toEqual([]);
    } finally {
      await s.close();
    }
  });
});

describe('without a hub', { timeout: 300_000 }, () => {
  it('the page served by any static server shows no hub and asks nothing of one', async () => {
    const preview = await serveBuild();
    const browser = await launch();
    try {
      const s = await openApp(browser, preview.url, DESKTOP, '#/hub');
      const asked: string[] = [];
      s.page.on('request', (r) => {
        if (new URL(r.url()).pathname.includes('/v1/')) asked.push(r.url());
      });
      // The hub's address falls back to the person check, and no link leads to it.
      await s.page.getByRole('heading', { level: 1, name: 'Kiểm tra một người' }).waitFor();
      expect(await s.page.getByRole('link', { name: 'Cổng tổng hợp' }).count()).toBe(0);
      await s.page.reload();
      await s.page.getByRole('heading', { level: 1, name: 'Kiểm tra một người' }).waitFor();
      expect(asked).toEqual([]);
      expect(s.problems).toEqual([]);
      await s.close();
    } finally {
      await browser.close();
      await preview.close();
    }
  });
});
