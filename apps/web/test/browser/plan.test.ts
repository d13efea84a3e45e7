import { readFileSync } from 'node:fs';
import { bundledPack } from '@p135/rules';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP, EXAMPLES, overflowsHorizontally, PHONE, shoot } from './harness.ts';

const pack = bundledPack('lang-son-2020')!;
const rule = (id: string) => pack.rules.find((r) => r.id === id)!;
const app = appUnderTest();
const plan = JSON.parse(readFileSync(`${EXAMPLES}plan.json`, 'utf8'));

async function loadSample(page: Page) {
  await page.getByRole('link', { name: 'Danh sách' }).click();
  await page.getByRole('button', { name: 'Dùng mẫu nhỏ (XLSX)' }).click();
  await page.locator('p.matching').waitFor({ timeout: 30_000 });
  await page.getByRole('link', { name: 'Kế hoạch và kinh phí' }).click();
}

const planInput = (page: Page) => page.locator('input[type="file"]');
const upload = (page: Page, name: string, text: string) => planInput(page).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

describe('plan and budget', () => {
  it('checks the example plan: budget against 8,040 million, study tours against the cap, classes, and roster findings', async () => {
    await app.run(DESKTOP, '#/plan', async ({ page }) => {
      // A small roster (50 people) is loaded first: the plan's other trainees are findings.
      await loadSample(page);
      await page.getByRole('button', { name: 'Dùng kế hoạch ví dụ (Lạng Sơn 2020)' }).click();
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      // The sample was loaded by the user, not chosen for this plan: the plan is checked against it once chosen.
      await page.getByRole('button', { name: 'Đối chiếu với danh sách candidates-sample.xlsx (50 người)' }).click();
      await expect.poll(() => page.locator('.roster-used').textContent(), { timeout: 60_000 }).toBe('Danh sách học viên dùng để kiểm tra: candidates-sample.xlsx (50 người).');
      await page.locator('#roster-findings').waitFor({ timeout: 60_000 });

      // The budget chart: every category, the total, and the ceiling, in vi-VN money.
      const budget = page.getByRole('figure', { name: 'Chi theo hạng mục so với tổng kinh phí' });
      expect(await budget.locator('.chart-desc').textContent()).toBe('Tổng dự toán 7.980.000.000 đ trên tổng kinh phí 8.040.000.000 đ; còn lại 60.000.000 đ.');
      expect(await budget.locator('.chart-limit').textContent()).toContain('8.040.000.000 đ');
      expect(await budget.locator('li[data-bar="total"] .bar-value').textContent()).toBe('7.980.000.000 đ');
      expect(await budget.locator('li[data-bar="study_tour"] .bar-value').textContent()).toBe('780.000.000 đ');
      expect(await budget.locator('li[data-bar] svg[role="img"]').count()).toBe(7);
      // Study tours against the 10% cap.
      const cap = page.getByRole('figure', { name: /chi so với mức trần/ });
      expect(await cap.locator('.chart-desc').textContent()).toBe('Chi 780.000.000 đ trên mức trần 804.000.000 đ (10% của Tổng kinh phí).');
      // Trainees by group, gender and ethnicity.
      expect(await page.getByRole('figure', { name: 'Học viên theo giới tính' }).locator('li').count()).toBe(3);
      expect(await page.getByRole('figure', { name: 'Học viên theo dân tộc' }).locator('li[data-bar="unknown"] .bar-label').textContent()).toBe('Không có trong danh sách');

      // Classes per track against the pack's numbers.
      expect(await page.locator('table.class-counts .badge').allTextContents()).toEqual(['Khớp', 'Khớp', 'Khớp', 'Khớp', 'Khớp']);

      // The 50-person sample is not this plan's roster: one finding says so (with the pack's message and the clause of
      // the rule that a trainee be on the roster), instead of thousands of "not on the roster".
      const group = page.locator('#roster-findings article[data-rule="roster.not_this_plan"]');
      expect(await group.locator('header').textContent()).toContain('Lỗi');
      const first = await group.locator('li.finding p').first().textContent();
      expect(first).toMatch(/^Danh sách học viên không phải của kế hoạch này: \d{1,3}(\.\d{3})* trong \d{1,3}(\.\d{3})* học viên/);
      expect(await page.locator('#roster-findings article[data-rule="roster.trainee_known"]').count()).toBe(0);
      expect(await group.locator('details.clause summary').first().textContent()).toContain(rule('roster.trainee_known').clause);
      await shoot(page, 'plan');

      // English.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Plan and budget');
      expect(await page.getByRole('figure', { name: 'Spending by category against the total budget' }).locator('li[data-bar="total"] .bar-value').textContent()).toBe('7,980,000,000 VND');
      expect(await page.locator('#roster-findings li.finding p').first().textContent()).toMatch(/^The roster does not belong to this plan: /);
      await shoot(page, 'plan-en');
    });
  });

  it('finds what is wrong with a plan: a class of the wrong length, study tours over the cap', async () => {
    await app.run(DESKTOP, '#/plan', async ({ page }) => {
      const bad = structuredClone(plan);
      bad.classes[0].days = '3';
      bad.budget.push({ id: 'NS-99', category: 'study_tour', label: 'Đoàn thứ tư', amount: '100000000' });
      await upload(page, 'ke-hoach-sai.json', JSON.stringify(bad));
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      const days = page.locator('#plan-findings article[data-rule="class.province_cadre.days"]');
      expect(await days.locator('li.finding p').first().textContent()).toBe('Lớp PC-1 (Lớp cán bộ cơ sở xã tổ chức tại tỉnh) học 3 ngày; kế hoạch quy định 3,5 ngày/lớp');
      expect(await days.locator('details.clause summary').textContent()).toContain('KH.II.2.1.a');
      const over = page.locator('#plan-findings article[data-rule="budget.cap.study_tour"]');
      expect(await over.locator('li.finding p').first().textContent()).toBe('Kinh phí tham quan học tập 880.000.000 đ vượt 10% kinh phí Tiểu dự án 3 (8.040.000.000 đ): tối đa 804.000.000 đ');
      const cap = page.getByRole('figure', { name: /chi so với mức trần/ });
      expect(await cap.locator('li.over .bar-value').textContent()).toBe('880.000.000 đ');
      // No roster loaded: said plainly.
      expect(await page.locator('.roster-used').textContent()).toContain('Chưa chọn danh sách học viên');
      await shoot(page, 'plan-findings', '.plan-report');
    });
  });

  it('shows a broken plan file’s errors and keeps working', async () => {
    await app.run(DESKTOP, '#/plan', async ({ page }) => {
      await upload(page, 'hong.json', '{ "classes": [ { "id": "A",\n  "track": }');
      const alert = page.locator('.input-errors[role="alert"]');
      await expect.poll(() => alert.locator('.error-title').textContent(), { timeout: 30_000 }).toBe('Kế hoạch có 1 lỗi:');
      expect(await alert.locator('tbody td').first().textContent()).toMatch(/^dòng 2, ký tự \d+$/);

      // Valid JSON, not a valid plan: each error names its JSON path.
      const wrong = structuredClone(plan);
      wrong.classes[1].days = 'ba ngày';
      wrong.studyTours[0].end = '2020-13-40';
      await upload(page, 'sai-kieu.json', JSON.stringify(wrong));
      await expect.poll(() => alert.locator('.error-title').textContent()).toBe('Kế hoạch có 2 lỗi:');
      const cells = await alert.locator('tbody tr td:nth-child(1)').allTextContents();
      expect(cells.sort()).toEqual(['$.classes[1].days', '$.studyTours[0].end']);
      // A track the pack does not have.
      const unknown = structuredClone(plan);
      unknown.classes[2].track = 'khong_co';
      await upload(page, 'loai-lop.json', JSON.stringify(unknown));
      await expect.poll(() => alert.locator('tbody tr td:nth-child(1)').allTextContents()).toEqual(['$.classes[2].track']);
      expect(await alert.locator('tbody tr td:nth-child(2)').textContent()).toContain('khong_co');
      await shoot(page, 'plan-errors');

      await page.getByRole('button', { name: 'Dùng kế hoạch ví dụ (Lạng Sơn 2020)' }).click();
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      // With no roster loaded, the example plan brings the example roster: every trainee is known.
      expect(await page.locator('.roster-used').textContent()).toBe('Danh sách học viên dùng để kiểm tra: candidates.csv (16.600 người).');
      expect(await page.locator('#roster-findings h2').textContent()).toBe('Phát hiện về danh sách học viên (0)');
      expect(await page.locator('.input-errors').count()).toBe(0);
    });
  });

  it('reads on a phone', async () => {
    await app.run(PHONE, '#/plan', async ({ page }) => {
      await loadSample(page);
      await page.getByRole('button', { name: 'Dùng kế hoạch ví dụ (Lạng Sơn 2020)' }).click();
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'plan', '.plan-report');
    });
  });
});
