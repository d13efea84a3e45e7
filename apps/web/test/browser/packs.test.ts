import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP, PHONE, overflowsHorizontally, shoot } from './harness.ts';

/** The Cao Bằng-like 2021 pack the CLI test builds from `pack init` and data edits only (examples/cao-bang-2021). */
const CB = fileURLToPath(new URL('../../../../examples/cao-bang-2021/', import.meta.url));
const caoBang = readFileSync(`${CB}cao-bang-2021.json`, 'utf8');

const app = appUnderTest();
/** The pack is validated in the worker, on a shared machine: wait for it generously (nothing timed is asserted). */
const WAIT = { timeout: 60_000 } as const;
const card = (page: Page, code: string) => page.locator(`section.track[data-track="${code}"]`);

async function loadPack(page: Page, name: string, text: string): Promise<void> {
  await page.locator('details.pack-load summary').click();
  await page.locator('details.pack-load input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

describe('a pack file of another province', () => {
  it('is loaded, validated in the worker, chosen, and its places and values decide a person there', async () => {
    await app.run(DESKTOP, '#/person', async ({ page }) => {
      await loadPack(page, 'cao-bang-2021.json', caoBang);
      await expect.poll(() => page.locator('.pack-loaded').textContent(), WAIT).toContain('Đã tải bộ quy tắc cao-bang-2021');
      // Chosen in the pack switch, marked as loaded.
      expect(await page.locator('#pack-select').inputValue()).toBe('cao-bang-2021');
      expect(await page.locator('#pack-select option:checked').textContent()).toContain('Tỉnh Cao Bằng 2021');
      // Its inherited clauses still state 2020: the warnings are there, one click away.
      expect(await page.locator('details.pack-warnings summary').textContent()).toMatch(/^\d+ cảnh báo$/);

      // The person form offers Cao Bằng's districts and communes, and none of Lạng Sơn's.
      const districts = await page.getByLabel('Huyện, thành phố', { exact: true }).locator('option').allTextContents();
      expect(districts).toEqual(['Thành phố Cao Bằng (040)', 'Huyện Bảo Lâm (042)', 'Huyện Trùng Khánh (047)', 'Huyện Thạch An (053)']);
      await page.getByLabel('Huyện, thành phố', { exact: true }).selectOption('042');
      // The pack's places say Xã Đức Hạnh is on the (illustrative) Program 135 list: chosen first, box ticked.
      expect(await page.getByLabel('Xã, phường, thị trấn', { exact: true }).inputValue()).toBe('01293');
      expect(await page.locator('#person-commune-listed').isChecked()).toBe(true);

      // A citizen there: the commune community class is open.
      await page.getByLabel('Chức vụ, vai trò').selectOption('citizen');
      await expect.poll(() => card(page, 'commune_community').locator('.verdict').textContent(), WAIT).toContain('Đủ điều kiện');

      // Struck off the list: a "no", and what would change it, in words (no rule id).
      await page.locator('#person-commune-struck').check();
      await expect.poll(() => card(page, 'commune_community').locator('.verdict').textContent(), WAIT).toContain('Không đủ điều kiện');
      const change = card(page, 'commune_community').locator('.would-change');
      await expect.poll(() => change.locator('li').count(), WAIT).toBeGreaterThan(0);
      expect(await change.textContent()).not.toMatch(/[a-z]+_[a-z]+\.[a-z_]+/);
      await shoot(page, 'pack-loaded', '.person-view');
    });
  });

  it('is kept in the browser: after a reload it is offered again', async () => {
    await app.run(DESKTOP, '#/person', async ({ page }) => {
      await loadPack(page, 'cao-bang-2021.json', caoBang);
      await expect.poll(() => page.locator('#pack-select').inputValue(), WAIT).toBe('cao-bang-2021');
      await page.reload();
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expect.poll(() => page.locator('#pack-select option[value="cao-bang-2021"]').count(), WAIT).toBe(1);
    });
  });

  it('an invalid pack file is refused with its problems, each at its JSON path, Vietnamese first', async () => {
    await app.run(DESKTOP, '#/person', async ({ page }) => {
      const broken = JSON.parse(caoBang);
      broken.places.districts[1].communes[1].code = '01290';
      broken.parameters.override['commune_community.days'].value = 3;
      await loadPack(page, 'hong.json', JSON.stringify(broken));
      const errors = page.locator('details.pack-load .input-errors');
      await expect.poll(() => errors.count(), WAIT).toBe(1);
      const text = await errors.textContent();
      expect(text).toContain('Bộ quy tắc không hợp lệ');
      expect(text).toContain('$.places.districts[1].communes[1].code');
      expect(text).toContain('Mã xã "01290" đã dùng ở $.places.districts[1].communes[0]');
      expect(await page.locator('#pack-select').inputValue()).toBe('lang-son-2020');
      // JSON that is not JSON: the line and column.
      await page.locator('details.pack-load input[type="file"]').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": 1,\n  "id": }') });
      await expect.poll(() => errors.textContent(), WAIT).toMatch(/dòng 3/);
    });
  });

  it('an "as of" date decides with the values in force that day; the rules view shows which role may attend which track', async () => {
    await app.run(DESKTOP, '#/rules', async ({ page }) => {
      await loadPack(page, 'cao-bang-2021.json', caoBang);
      await expect.poll(() => page.locator('#pack-select').inputValue(), WAIT).toBe('cao-bang-2021');
      // The budget in force: 7.000.000.000 đ at the end of 2021, 6.500.000.000 đ on 1 March 2021.
      const budget = page.locator('[data-param="budget.total"] .in-force');
      await expect.poll(() => budget.textContent(), WAIT).toBe('Áp dụng ngày 31/12/2021: 7.000.000.000 đ');
      await page.locator('#pack-as-of').fill('2021-03-01');
      await expect.poll(() => page.locator('#pack-as-of-hint').textContent(), WAIT).toBe('');
      await expect.poll(() => budget.textContent(), WAIT).toBe('Áp dụng ngày 01/03/2021: 6.500.000.000 đ');
      const matrix = page.locator('section.role-track-matrix');
      expect(await matrix.locator('h2').textContent()).toBe('Chức vụ nào được dự loại lớp nào');
      const chair = matrix.locator('tr[data-role="committee_chair"]');
      expect(await chair.locator('td[data-track="province_cadre"]').textContent()).not.toBe('');
      expect(await chair.locator('td[data-track="commune_community"]').textContent()).toMatch(/^Không/);
    });
  });

  it('fits a phone screen with the pack section open', async () => {
    await app.run(PHONE, '#/person', async ({ page }) => {
      await loadPack(page, 'cao-bang-2021.json', caoBang);
      await expect.poll(() => page.locator('#pack-select').inputValue(), WAIT).toBe('cao-bang-2021');
      expect(await overflowsHorizontally(page)).toBe(false);
    });
  });
});
