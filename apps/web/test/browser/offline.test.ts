import { describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP } from './harness.ts';

const app = appUnderTest();

describe('offline, and nothing from elsewhere', () => {
  it('runs under its Content-Security-Policy and works offline once loaded', async () => {
    await app.run(DESKTOP, '#/person', async ({ page, context }) => {
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:");

      // The service worker takes the page and has cached the build.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 30_000 }).toBe(true);
      await expect.poll(() => page.evaluate(async () => (await caches.keys()).some((k) => k.startsWith('p135-web-'))), { timeout: 30_000 }).toBe(true);

      await context.setOffline(true);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Kiểm tra một người' }).waitFor();
      await page.getByLabel('Năm sinh').fill('1960');
      await expect.poll(() => page.locator('.summary').textContent()).toMatch(/^Đủ điều kiện \d\/5 loại lớp$/);

      // The example files and the engine (worker, exceljs) come from the cache too.
      await page.getByRole('link', { name: 'Danh sách' }).click();
      await page.getByRole('button', { name: 'Dùng mẫu nhỏ (XLSX)' }).click();
      await expect.poll(() => page.locator('p.matching').textContent(), { timeout: 30_000 }).toBe('50 / 50 người khớp bộ lọc');
      await context.setOffline(false);
    });
  });
});
