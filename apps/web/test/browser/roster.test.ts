import { readFileSync } from 'node:fs';
import { decisionsSheet, readRoster, toCsv } from '@p135/io';
import { bundledPack, createRulebook, decideMany } from '@p135/rules';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP, EXAMPLES, overflowsHorizontally, PHONE, shoot } from './harness.ts';

const book = createRulebook(bundledPack('lang-son-2020')!);
const SAMPLE = `${EXAMPLES}candidates-sample.xlsx`;
const EXAMPLE = `${EXAMPLES}candidates.csv`;
const SAMPLE_PEOPLE = 50;
const app = appUnderTest();

// What the page must show, worked out here with the same packages.
let expected: { people: number; provinceCadre: number; communeCode: string; communeCount: number; topPriority: number; firstByName: string };
beforeAll(async () => {
  const roster = await readRoster({ name: 'candidates.csv', bytes: new Uint8Array(readFileSync(EXAMPLE)) }, book);
  const decisions = await decideMany(book, roster.candidates);
  const communeCode = roster.candidates[0]!.commune.code;
  expected = {
    people: roster.candidates.length,
    provinceCadre: decisions.filter((d) => d.eligibleTracks.includes('province_cadre')).length,
    communeCode,
    communeCount: roster.candidates.filter((c) => c.commune.code === communeCode).length,
    topPriority: decisions.filter((d) => d.tracks.some((t) => t.eligible && t.priority.points >= 1)).length,
    firstByName: [...roster.candidates].sort((a, b) => new Intl.Collator('vi', { sensitivity: 'base', numeric: true }).compare(a.name, b.name))[0]!.name,
  };
  expect(roster.errors).toEqual([]);
  expect(expected.topPriority).toBeGreaterThan(0);
  expect(toCsv(decisionsSheet(decisions, book, 'vi')).length).toBeGreaterThan(0);
});

/** Counts as the page writes them in Vietnamese: 16.600. */
const fmt = (n: number) => n.toLocaleString('de-DE');
const matching = (page: Page) => page.locator('p.matching').textContent();
const rosterInput = (page: Page) => page.locator('input[type="file"]');

describe('roster', () => {
  it('loads the example roster file, filters, sorts, opens a person, and exports CSV and XLSX', async () => {
    await app.run(DESKTOP, '#/roster', async ({ page }) => {
      await rosterInput(page).setInputFiles(EXAMPLE);
      await expect.poll(() => matching(page), { timeout: 60_000 }).toBe(`${fmt(expected.people)} / ${fmt(expected.people)} người khớp bộ lọc`);
      expect(await page.locator('table.roster-table tbody tr').count()).toBe(50);
      expect(await page.locator('nav.pager span').textContent()).toBe(`Trang 1/${Math.ceil(expected.people / 50)}`);

      // Track + eligible.
      await page.getByLabel('Loại lớp', { exact: true }).selectOption({ label: book.track('province_cadre')!.label.vi });
      await page.getByLabel('Điều kiện', { exact: true }).selectOption({ label: 'Đủ điều kiện' });
      await expect.poll(() => matching(page)).toBe(`${fmt(expected.provinceCadre)} / ${fmt(expected.people)} người khớp bộ lọc`);
      const col = book.tracks.findIndex((t) => t.code === 'province_cadre');
      const cells = page.locator(`table.roster-table tbody tr[data-id] td:nth-child(${4 + col})`);
      expect(await cells.evaluateAll((tds) => tds.every((td) => td.classList.contains('cell-yes')))).toBe(true);

      // Export what is shown: CSV (UTF-8 with BOM, Vietnamese headers), one row per person shown.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
      expect(csv.suggestedFilename()).toBe('candidates-ket-qua.csv');
      const text = readFileSync((await csv.path())!, 'utf8');
      expect(text.startsWith('\uFEFFMã')).toBe(true);
      expect(text.trim().split(/\r\n/)).toHaveLength(expected.provinceCadre + 1);
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất XLSX' }).click()]);
      expect(xlsx.suggestedFilename()).toBe('candidates-ket-qua.xlsx');
      expect(
        readFileSync((await xlsx.path())!)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      // Commune.
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      await page.getByLabel('Xã', { exact: true }).selectOption(expected.communeCode);
      await expect.poll(() => matching(page)).toBe(`${fmt(expected.communeCount)} / ${fmt(expected.people)} người khớp bộ lọc`);

      // Priority points on a track the person may attend.
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      await page.getByLabel('Điểm ưu tiên').selectOption({ label: 'Từ 1 điểm' });
      await expect.poll(() => matching(page)).toBe(`${fmt(expected.topPriority)} / ${fmt(expected.people)} người khớp bộ lọc`);

      // Sort by name; the header says how it is sorted.
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      const nameHeader = page.locator('thead th', { has: page.getByRole('button', { name: /^Họ và tên/ }) });
      await nameHeader.getByRole('button').click();
      expect(await nameHeader.getAttribute('aria-sort')).toBe('ascending');
      expect(await page.locator('table.roster-table tbody tr[data-id] th').first().textContent()).toBe(expected.firstByName);

      // A person's full answer, with clauses.
      await page
        .locator('table.roster-table tbody tr[data-id]')
        .first()
        .getByRole('button', { name: `Chi tiết ${expected.firstByName}` })
        .click();
      expect(await page.locator('#person-details section.track').count()).toBe(book.tracks.length);
      expect(await page.locator('#person-details details.clause').first().isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('person-details-title');
      await shoot(page, 'roster', '#roster-results-title');
    });
  });

  it('shows a broken file’s errors by row and column, and keeps working', async () => {
    await app.run(DESKTOP, '#/roster', async ({ page }) => {
      const header = readFileSync(`${EXAMPLES}candidates.csv`, 'utf8').split(/\r?\n/)[0]!;
      const rows = [
        header,
        'P1,Hoàng Thị Mai,Nữ,1985,Tày,Bí thư Đảng ủy xã,180,Huyện Tràng Định,05998,Xã Khánh Long,Có,Không,,,,,,',
        'P2,Lý Văn Nam,Nam,1985,Tày,Trưởng ban quản lý chợ,180,Huyện Tràng Định,05998,Xã Khánh Long,Có,Không,,,,,,',
        'P3,Vi Thị Hoa,Nữ,19x0,Nùng,Người dân,180,Huyện Tràng Định,05998,Xã Khánh Long,Có,Không,,,,,,',
      ];
      await rosterInput(page).setInputFiles({ name: 'loi.csv', mimeType: 'text/csv', buffer: Buffer.from(`${rows.join('\r\n')}\r\n`) });
      const alert = page.locator('.input-errors[role="alert"]');
      await expect.poll(() => alert.locator('.error-title').textContent(), { timeout: 30_000 }).toBe('Tệp có 2 lỗi; sửa rồi nạp lại.');
      const table = await alert.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
      expect(table).toEqual([
        ['3', 'Chức vụ'],
        ['4', 'Năm sinh'],
      ]);
      expect(await alert.locator('tbody tr').first().textContent()).toContain('Trưởng ban quản lý chợ');
      await shoot(page, 'roster-errors');

      // Not a spreadsheet at all.
      await rosterInput(page).setInputFiles({ name: 'hong.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('this is not a zip file at all') });
      await expect.poll(() => alert.locator('.error-title').textContent()).toBe('Tệp có 1 lỗi; sửa rồi nạp lại.');

      // The page still works: the sample loads and decides.
      await page.getByRole('button', { name: 'Dùng mẫu nhỏ (XLSX)' }).click();
      await expect.poll(() => matching(page), { timeout: 30_000 }).toBe(`${SAMPLE_PEOPLE} / ${SAMPLE_PEOPLE} người khớp bộ lọc`);
      expect(await page.locator('.input-errors').count()).toBe(0);
    });
  });

  it('reads on a phone: the table scrolls in its own box, the page does not', async () => {
    await app.run(PHONE, '#/roster', async ({ page }) => {
      await rosterInput(page).setInputFiles(SAMPLE);
      await expect.poll(() => matching(page), { timeout: 30_000 }).toBe(`${SAMPLE_PEOPLE} / ${SAMPLE_PEOPLE} người khớp bộ lọc`);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'roster', 'p.matching');
    });
  });
});
