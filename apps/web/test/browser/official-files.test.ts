import { readFileSync } from 'node:fs';
import { planTemplate, readRoster, toXlsx } from '@p135/io';
import { bundledPack, createRulebook, parsePlan } from '@p135/rules';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP, EXAMPLES, shoot } from './harness.ts';

/**
 * The files officials really have (issue 11), in the page: a roster with title rows, STT, Số điện
 * thoại and Ghi chú columns and a footer is read, and the page says how (which row the header was
 * taken from, the columns left out, where reading stopped, the decoding used); the plan workbook
 * (`p135 plan template`, amounts written the vi-VN way) gives the same report as the JSON plan.
 */
const app = appUnderTest();
const CORPUS = new URL('../../../../packages/io/test/corpus/official/', import.meta.url);
const book = createRulebook(bundledPack('lang-son-2020')!);
const planText = readFileSync(`${EXAMPLES}plan.json`, 'utf8');

/** "150000000" → "150.000.000 đ", as the tool prints amounts and people copy them. */
const viMoney = (digits: string) => `${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;

/** The example plan as the workbook `p135 plan template` writes, its budget amounts typed as vi-VN text on every other line. */
async function planWorkbook(): Promise<Buffer> {
  const plan = parsePlan(JSON.parse(planText), book).value!;
  const sheets = planTemplate(book, 'vi', plan).map((sheet) =>
    sheet.name === 'Dự toán' ? { ...sheet, rows: sheet.rows.map((row, i) => (i % 2 ? row : [...row.slice(0, 3), viMoney((row[3] as { money: string }).money)])) } : sheet,
  );
  return Buffer.from(await toXlsx(sheets));
}

const notices = (page: Page) => page.locator('.input-notices li').allInnerTexts();

async function giveRoster(page: Page, file: string) {
  await page.locator('input[type="file"]').setInputFiles({ name: file, mimeType: 'text/csv', buffer: readFileSync(new URL(file, CORPUS)) });
  await page.locator('p.file-name', { hasText: file }).waitFor({ timeout: 60_000 });
  await page.locator('p.matching').waitFor({ timeout: 90_000 });
}

describe('a roster as a district office makes it', () => {
  it('is read, and the page says which row the header was taken from, the columns left out and where reading stopped', async () => {
    await app.run(DESKTOP, '#/roster', async ({ page }) => {
      await giveRoster(page, 'titled.csv');
      expect(await page.locator('p.matching').textContent()).toBe('6 / 6 người khớp bộ lọc');
      expect(await page.locator('.input-notices .notice-title').textContent()).toBe('Cách tệp đã được đọc (3 ghi chú, không phải lỗi):');
      const said = await notices(page);
      expect(said).toHaveLength(3);
      expect(said[0]).toBe('dòng 5: dòng tiêu đề là dòng 5; bỏ qua 3 dòng có chữ phía trên (tên danh sách, ngày tháng: "ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH")');
      expect(said[1]).toBe('dòng 5: bỏ qua 3 cột không dùng đến: "STT", "Số điện thoại", "Ghi chú"; nếu một cột trong số đó là cột cần đọc, hãy sửa tiêu đề của nó');
      expect(said[2]).toMatch(/^dòng 12: dừng đọc ở dòng cuối bảng \("Tổng cộng: 06 người"\)/);
      await shoot(page, 'official-roster-notices', '.roster-view');

      // The same in English, after the switch
      await page.getByRole('button', { name: 'English' }).click();
      expect((await notices(page))[0]).toMatch(/^row 5: the header is row 5; 3 row\(s\) with text above it were skipped/);
    });
  });

  it('a Windows-1258 file: the decoding used is said too', async () => {
    await app.run(DESKTOP, '#/roster', async ({ page }) => {
      await giveRoster(page, 'windows-1258.csv');
      const said = await notices(page);
      expect(said).toHaveLength(4);
      expect(said[0]).toMatch(/Windows-1258/);
    });
  });
});

describe('the plan workbook', () => {
  it('p135 plan template filled with vi-VN amounts gives the same report as the JSON plan', async () => {
    await app.run(DESKTOP, '#/plan', async ({ page }) => {
      expect(await page.locator('input[type="file"]').getAttribute('accept')).toContain('.xlsx');
      const report = async (name: string, mimeType: string, buffer: Buffer) => {
        await page.locator('input[type="file"]').setInputFiles({ name, mimeType, buffer });
        await page.locator('p.file-name', { hasText: name }).waitFor({ timeout: 60_000 });
        await page.locator('.plan-report').waitFor({ timeout: 90_000 });
        return page.locator('.plan-report').innerText();
      };
      const fromJson = await report('ke-hoach.json', 'application/json', Buffer.from(planText));
      const fromXlsx = await report('ke-hoach.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await planWorkbook());
      expect(await page.locator('.input-errors').count()).toBe(0);
      expect(fromXlsx).toBe(fromJson);
      expect(fromXlsx).toContain('7.980.000.000 đ');
      expect(fromXlsx).toMatch(/Về kế hoạch: 0 lỗi, 0 cảnh báo/);
      await shoot(page, 'official-plan-workbook', '.plan-report');
    });
  });
});

describe('the plan view exports its findings', () => {
  it('with each trainee’s name and role, and the district and commune by code and name', async () => {
    // the plan's own roster (a roster of another plan gives one finding saying so, and no trainee findings)
    const sample = await readRoster({ name: 'candidates.csv', bytes: readFileSync(`${EXAMPLES}candidates.csv`) }, book);
    // a commune cadre put in the community class of their own commune: not eligible for it (KH.II.2.2.b)
    const plan = JSON.parse(planText);
    const classes: { track: string; commune?: string; trainees: string[] }[] = plan.classes;
    const worker = sample.candidates.find((c) => classes.some((k) => k.track === 'commune_community' && k.commune === c.commune.code))!;
    classes.find((k) => k.track === 'commune_community' && k.commune === worker.commune.code)!.trainees.push(worker.id);
    await app.run(DESKTOP, '#/roster', async ({ page }) => {
      await page.getByRole('button', { name: /^Dùng danh sách ví dụ/ }).click();
      await page.locator('p.matching').waitFor({ timeout: 120_000 });
      await page.getByRole('link', { name: 'Kế hoạch và kinh phí' }).click();
      await page.locator('input[type="file"]').setInputFiles({ name: 'ke-hoach.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(plan)) });
      await page.locator('.plan-report').waitFor({ timeout: 90_000 });
      await page.getByRole('button', { name: /^Đối chiếu với danh sách candidates\.csv/ }).click();
      await page.locator('#roster-findings').waitFor({ timeout: 120_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.plan-report').getByRole('button', { name: 'Xuất CSV' }).click()]);
      expect(download.suggestedFilename()).toBe('ke-hoach-phat-hien.csv');
      const rows = readFileSync((await download.path())!, 'utf8')
        .replace(/^\uFEFF/, '')
        .split('\r\n')
        .map((line) => line.split(','));
      expect(rows[0]!.slice(5, 12)).toEqual(['Mã học viên', 'Họ và tên', 'Chức vụ', 'Mã huyện', 'Huyện', 'Mã xã', 'Xã']);
      const theirs = rows.filter((r) => r[5] === worker.id);
      expect(theirs.length).toBeGreaterThan(0);
      const role = book.pack.roles.find((r) => r.code === worker.role)!.label.vi;
      for (const r of theirs)
        expect(r.slice(5, 12)).toEqual([worker.id, worker.name, role.includes(',') ? `"${role}"` : role, worker.district.code, worker.district.name, worker.commune.code, worker.commune.name]);
    });
  });
});
