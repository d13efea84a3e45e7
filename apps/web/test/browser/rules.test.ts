import { bundledPack } from '@p135/rules';
import { describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP, overflowsHorizontally, PHONE, shoot } from './harness.ts';

const pack = bundledPack('lang-son-2020')!;
const example = bundledPack('example-2021')!;
const app = appUnderTest();

describe('rules', () => {
  it('shows every rule of the pack beside its clause text, with its parameters, sources and assumptions', async () => {
    await app.run(DESKTOP, '#/rules', async ({ page }) => {
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Quy tắc của bộ quy tắc đang dùng');
      expect(await page.locator('article.rule').count()).toBe(pack.rules.length);
      expect(await page.locator('section.clause-section').count()).toBe(pack.clauses.length);

      // A rule beside the Vietnamese text of its clause and the English gloss.
      const section = page.locator('section.clause-section#clause-KH\\.II\\.2\\.1\\.a');
      const clause = pack.clauses.find((c) => c.id === 'KH.II.2.1.a')!;
      expect(await section.locator('.clause-texts blockquote[lang="vi"]').textContent()).toBe(clause.text.vi);
      expect(await section.locator('.clause-texts blockquote[lang="en"]').textContent()).toBe(clause.text.en);
      const rule = section.locator('article.rule[data-rule="province_cadre.not_trained_at_province"]');
      // Its messages, parameters filled in as decisions word them.
      expect(await rule.textContent()).toContain(pack.rules.find((r) => r.id === 'province_cadre.not_trained_at_province')!.message.fail.vi.replace('{param:prior_training.from_year}', '2017'));
      // what depends on a class is named in words, never a {placeholder}; the rule's id only in its details line
      const days = page.locator('article.rule[data-rule="class.province_cadre.days"]');
      expect(await days.locator('dd').nth(1).textContent()).toBe('Lớp [mã lớp] ([loại lớp]) học [số ngày] ngày; kế hoạch quy định 3,5 ngày/lớp');
      expect(await days.locator('.id-line').textContent()).toBe('Chi tiết: mã quy tắc class.province_cadre.days');
      // Its parameter is an assumption, marked as such with the reason.
      const param = rule.locator('li[data-param="prior_training.from_year"]');
      expect(await param.locator('.badge.assumption').textContent()).toBe('GIẢ ĐỊNH');
      expect(await param.textContent()).toContain(pack.parameters['prior_training.from_year']!.assumption!.vi);

      // All parameters: values in vi-VN, each with its clause or its assumption.
      const rows = page.locator('section.params tbody tr');
      expect(await rows.count()).toBe(Object.keys(pack.parameters).length);
      expect(await page.locator('section.params tr.is-assumption').count()).toBe(Object.values(pack.parameters).filter((p) => p.assumption).length);
      expect(await page.locator('section.params tr[data-param="budget.total"] td').first().textContent()).toBe('8.040.000.000 đ');
      expect(await page.locator('section.params tr[data-param="province_cadre.days"] td').first().textContent()).toBe('3,5 ngày');
      expect(await page.locator('section.params tr[data-param="budget.total"] td').nth(1).textContent()).toContain('KH.II.5.1');
      // Rates with their standing.
      expect(await page.locator('section.rates tbody tr').count()).toBe(pack.rates.length);
      expect(await page.locator('section.rates .badge.rate-national_ceiling').count()).toBe(pack.rates.filter((r) => r.status === 'national_ceiling').length);

      // Narrow to the cost rules.
      await page.getByLabel('Loại quy tắc').selectOption({ label: 'Chi phí' });
      expect(await page.locator('article.rule').count()).toBe(pack.rules.filter((r) => r.kind === 'cost').length);
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      await shoot(page, 'rules');
      await shoot(page, 'rules-clause', 'section.clause-section:has(article.rule)');

      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Rules of the active pack');
      expect(await param.locator('.badge.assumption').textContent()).toBe('ASSUMPTION');
      expect(await page.locator('section.params tr[data-param="budget.total"] td').first().textContent()).toBe('8,040,000,000 VND');
      await shoot(page, 'rules-en');
    });
  });

  it('changes with the pack: the example pack is marked as an example, and its own rules, roles and numbers show', async () => {
    await app.run(DESKTOP, '#/rules', async ({ page }) => {
      await page.getByLabel('Bộ quy tắc').selectOption('example-2021');
      await expect.poll(() => page.locator('.pack-meta h2').textContent()).toContain(example.meta.title.vi);
      expect(await page.locator('.pack-meta .badge.example').textContent()).toBe('VÍ DỤ');
      expect(await page.locator('.pack-switch .badge.example').textContent()).toContain('VÍ DỤ');
      expect(await page.locator('article.rule').count()).toBe(example.rules.length);
      expect(await page.locator('section.params tr[data-param="budget.total"] td').first().textContent()).toMatch(/^5\.000\.000\.000 đtừ 01\/07\/2021: 5\.200\.000\.000 đ/);
      expect(await page.locator('section.params tr[data-param="commune_community.days"] td').first().textContent()).toBe('3 ngày');
      await shoot(page, 'rules-example-pack');

      // The person check offers the example's own role, and decides by its rules.
      await page.getByRole('link', { name: 'Kiểm tra một người' }).click();
      const villageHead = example.roles.find((r) => r.code === 'village_head')!;
      await page.getByLabel('Chức vụ, vai trò').selectOption({ label: villageHead.label.vi });
      await expect.poll(() => page.locator('section.track[data-track="commune_community"] .verdict').textContent()).toContain('Đủ điều kiện');
      expect(await page.locator('section.track[data-track="commune_community"] details.clause summary').first().textContent()).toContain('KH.II.2.2.b');

      // Back to the official pack: the example's role is gone.
      await page.getByLabel('Bộ quy tắc').selectOption('lang-son-2020');
      await expect.poll(() => page.getByLabel('Chức vụ, vai trò').locator(`option:text-is("${villageHead.label.vi}")`).count()).toBe(0);
    });
  });

  it('reads on a phone', async () => {
    await app.run(PHONE, '#/rules', async ({ page }) => {
      expect(await page.locator('article.rule').count()).toBe(pack.rules.length);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'rules');
      await shoot(page, 'rules-clause', 'section.clause-section:has(article.rule)');
    });
  });
});
