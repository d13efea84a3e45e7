import { readFileSync } from 'node:fs';
import { bundledPack } from '@p135/rules';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP, EXAMPLES, overflowsHorizontally, PHONE, shoot } from './harness.ts';

const units = JSON.parse(readFileSync(`${EXAMPLES}units.json`, 'utf8')) as { districts: { code: string; name: string; communes: { code: string; name: string }[] }[] };

const pack = bundledPack('lang-son-2020')!;
const rule = (id: string) => pack.rules.find((r) => r.id === id)!;
const clause = (id: string) => pack.clauses.find((c) => c.id === id)!;
const track = (code: string) => pack.tracks.find((t) => t.code === code)!;
const role = (code: string) => pack.roles.find((r) => r.code === code)!;

const app = appUnderTest();
const card = (page: Page, code: string) => page.locator(`section.track[data-track="${code}"]`);

describe('person check', () => {
  it('answers for the five tracks with reasons, clauses, priority and costs, and updates as the form changes', async () => {
    await app.run(DESKTOP, '#/person', async ({ page }) => {
      await expect(page.getByRole('heading', { level: 1 })).toBeTruthy();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kiểm tra một người');
      await expect.poll(() => page.locator('section.track').count()).toBe(5);

      // A commune Party secretary, in a commune the example lists: province and district cadre classes.
      await page.getByLabel('Chức vụ, vai trò').selectOption({ label: role('party_secretary').label.vi });
      await expect.poll(() => card(page, 'province_cadre').locator('.verdict').textContent()).toContain('Đủ điều kiện');
      await expect.poll(() => card(page, 'commune_community').locator('.verdict').textContent()).toContain('Không đủ điều kiện');
      // Who pays: the cadre group pays its own meals, lodging and travel (the pack's cost rule).
      expect(await card(page, 'province_cadre').locator('.payers dd').allTextContents()).toEqual(['Học viên tự chi trả', 'Học viên tự chi trả', 'Học viên tự chi trả']);

      // Attended a province class in 2019: the province class is closed, with the pack's reason and clause.
      await page.getByLabel('2019').check();
      const pc = card(page, 'province_cadre');
      await expect.poll(() => pc.locator('.verdict').textContent()).toContain('Không đủ điều kiện');
      const reason = pc.locator('li.reason.fail[data-rule="province_cadre.not_trained_at_province"]');
      expect(await reason.locator('.reason-message').textContent()).toBe(rule('province_cadre.not_trained_at_province').message.fail.vi.replace('{param:prior_training.from_year}', '2017'));
      // The clause id opens to the clause's Vietnamese text and English gloss.
      const ref = reason.locator('details.clause');
      expect(await ref.locator('summary').textContent()).toContain('KH.II.2.1.a');
      await ref.locator('summary').click();
      expect(await ref.locator('blockquote[lang="vi"]').textContent()).toBe(clause('KH.II.2.1.a').text.vi);
      expect(await ref.locator('blockquote[lang="en"]').isVisible()).toBe(true);
      await page.getByLabel('2019').uncheck();

      // A citizen: the commune community class, three priority points as a young ethnic-minority woman, programme pays.
      await page.getByLabel('Chức vụ, vai trò').selectOption({ label: role('citizen').label.vi });
      const cc = card(page, 'commune_community');
      await expect.poll(() => cc.locator('.verdict').textContent()).toContain('Đủ điều kiện');
      expect(await cc.locator('h3').textContent()).toBe(track('commune_community').label.vi);
      expect(await cc.getByRole('heading', { level: 4, name: /Ưu tiên/ }).textContent()).toBe('Ưu tiên: 3 điểm');
      expect(await cc.locator('.payers dd').allTextContents()).toEqual(['Chương trình chi trả', 'Chương trình chi trả', 'Chương trình chi trả']);
      const pcFail = card(page, 'province_cadre').locator('li.reason.fail[data-rule="province_cadre.role"] .reason-message');
      expect(await pcFail.textContent()).toBe(rule('province_cadre.role').message.fail.vi);
      expect(await page.locator('.summary').textContent()).toBe('Đủ điều kiện 1/5 loại lớp');

      // A man born in 1970: no priority points on the community class.
      await page.getByLabel('Nam', { exact: true }).check();
      await page.getByLabel('Năm sinh').fill('1970');
      await page.getByLabel('Dân tộc').selectOption({ label: 'Kinh (01)' });
      await expect.poll(() => cc.getByRole('heading', { level: 4, name: /Ưu tiên/ }).textContent()).toBe('Ưu tiên: 0 điểm');

      // The commune struck off the Program 135 list: no track at all, for the reason of KH.II.1.
      await page.getByLabel('Xã đã hoàn thành, ra khỏi Chương trình (QĐ 1747/QĐ-TTg)').check();
      await expect.poll(() => page.locator('.summary').textContent()).toBe('Đủ điều kiện 0/5 loại lớp');
      expect(await cc.locator('li.reason.fail[data-rule="scope.program_area"] .reason-message').textContent()).toBe(rule('scope.program_area').message.fail.vi);
      expect(await cc.locator('li.reason.fail[data-rule="scope.program_area"] summary').textContent()).toContain('KH.II.1');

      // ...unless the person's village is on the village list.
      await page.getByLabel('Thôn (nếu xét theo thôn)').fill('Bản Thí Nghiệm');
      await page.getByLabel('Thôn thuộc Chương trình 135 (QĐ 414/QĐ-UBDT)').check();
      await expect.poll(() => page.locator('.summary').textContent()).toBe('Đủ điều kiện 1/5 loại lớp');

      // Another district: the commune list follows the official list.
      await page.getByLabel('Huyện, thành phố').selectOption({ label: 'Huyện Bình Gia (181)' });
      const communes = await page.getByLabel('Xã, phường, thị trấn').locator('option').allTextContents();
      expect(communes).toEqual(units.districts.find((d) => d.code === '181')!.communes.map((c) => `${c.name} (${c.code})`));

      // A birth year that is not a year: said under the field; fixing it brings the answer back.
      await page.getByLabel('Năm sinh').fill('19x0');
      await expect.poll(() => page.locator('#person-birthYear-error').isVisible()).toBe(true);
      expect(await page.getByRole('alert').textContent()).toContain('Thông tin chưa hợp lệ');
      await page.getByLabel('Năm sinh').fill('1990');
      await expect.poll(() => page.locator('section.track').count()).toBe(5);
      await shoot(page, 'person');

      // English: the same answer in the pack's English words.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Person check');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await card(page, 'province_cadre').locator('h3').textContent()).toBe(track('province_cadre').label.en);
      expect(await card(page, 'province_cadre').locator('li.reason.fail[data-rule="province_cadre.role"] .reason-message').textContent()).toBe(rule('province_cadre.role').message.fail.en);
      expect(await page.getByLabel('Role').locator('option:checked').textContent()).toBe(role('citizen').label.en);
      await shoot(page, 'person-en');
    });
  });

  it('is usable by keyboard: skip link, labelled fields, disclosures', async () => {
    await app.run(DESKTOP, '#/person', async ({ page }) => {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Bỏ qua, đến nội dung chính');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('person-role');
      const before = await page.locator('#person-role').inputValue();
      await page.keyboard.press('ArrowDown');
      await expect.poll(() => page.locator('#person-role').inputValue()).not.toBe(before);
      // A clause opens with the keyboard.
      const summary = page.locator('section.track details.clause summary').first();
      await summary.focus();
      await page.keyboard.press('Enter');
      expect(await page.locator('section.track details.clause').first().getAttribute('open')).toBe('');
      // Views are links.
      await page.getByRole('link', { name: 'Quy tắc' }).focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Quy tắc của bộ quy tắc đang dùng');
    });
  });

  it('reads well on a phone (390 px): no sideways scrolling', async () => {
    await app.run(PHONE, '#/person', async ({ page }) => {
      await page.getByLabel('Chức vụ, vai trò').selectOption({ label: role('committee_chair').label.vi });
      await expect.poll(() => card(page, 'district_cadre').locator('.verdict').textContent()).toContain('Đủ điều kiện');
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'person');
      await shoot(page, 'person-answer', '#person-result-title');
    });
  });
});
