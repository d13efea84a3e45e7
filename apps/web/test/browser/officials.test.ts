import { readFileSync } from 'node:fs';
import { bundledPack } from '@p135/rules';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUnderTest, EXAMPLES, overflowsHorizontally, PHONE, shoot } from './harness.ts';

/**
 * What commune and province staff met using the page for real (issue 11): the plan checked only
 * against the roster they chose, words instead of ids and paths, every roster column on a laptop,
 * a birth year after the plan year refused, readable budget bars, exports with places and roles,
 * and the page kept across a reload.
 */
const pack = bundledPack('lang-son-2020')!;
const app = appUnderTest();
const SMALL = { width: 1024, height: 768 } as const;
const WIDE = { width: 1920, height: 1080 } as const;
const planText = readFileSync(`${EXAMPLES}plan.json`, 'utf8');
const plan = JSON.parse(planText);

async function loadSample(page: Page) {
  await page.getByRole('link', { name: /^(Danh sách|Roster)$/ }).click();
  await page.getByRole('button', { name: /Dùng mẫu nhỏ|Use the small sample/ }).click();
  await page.locator('p.matching').waitFor({ timeout: 60_000 });
}

const uploadPlan = (page: Page, name: string, text: string) => page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

/** The text people read in the main part of the page, without the details lines that may carry ids. */
const readText = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll('.id-line')) el.remove();
    return main.innerText;
  });

describe('the plan is checked against the roster the user chose, and its headline keeps plan and roster apart', () => {
  it('a plan with no findings of its own is never red because a loaded roster does not match', async () => {
    await app.run(SMALL, '#/roster', async ({ page }) => {
      await loadSample(page);
      await page.getByRole('link', { name: 'Kế hoạch và kinh phí' }).click();
      // The user's own plan file (the example plan's content): the 50-person sample is not chosen for it.
      await uploadPlan(page, 'ke-hoach.json', planText);
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      expect(await page.locator('.roster-used').textContent()).toBe('Chưa chọn danh sách học viên để đối chiếu: học viên trong kế hoạch chưa được kiểm tra.');
      expect(await page.locator('.plan-summary').textContent()).toMatch(/: Về kế hoạch: 0 lỗi, 0 cảnh báo$/);
      expect(await page.locator('.plan-summary').getAttribute('class')).toContain('ok');
      expect(await page.locator('.roster-summary').textContent()).toBe('Học viên chưa được đối chiếu với danh sách nào.');
      expect(await page.locator('#roster-findings').count()).toBe(0);
      expect(await readText(page)).not.toMatch(/16\.\d{3} lỗi/);

      // The user chooses the sample: its findings are counted apart, the plan's headline stays green.
      await page.getByRole('button', { name: 'Đối chiếu với danh sách candidates-sample.xlsx (50 người)' }).click();
      await expect.poll(() => page.locator('.roster-used').textContent(), { timeout: 60_000 }).toBe('Danh sách học viên dùng để kiểm tra: candidates-sample.xlsx (50 người).');
      await page.locator('#roster-findings').waitFor({ timeout: 60_000 });
      expect(await page.locator('.plan-summary').textContent()).toMatch(/: Về kế hoạch: 0 lỗi, 0 cảnh báo$/);
      expect(await page.locator('.plan-summary').getAttribute('class')).toContain('ok');
      expect(await page.locator('.roster-summary').textContent()).toMatch(/^Về danh sách học viên: \d{1,3}(\.\d{3})* lỗi, \d+ cảnh báo$/);
      expect(await page.locator('.roster-summary').getAttribute('class')).toContain('bad');
      await shoot(page, 'officials-plan-roster-1024', '.plan-report');

      // And drops it again.
      await page.getByRole('button', { name: 'Không đối chiếu với danh sách này' }).click();
      await expect.poll(() => page.locator('#roster-findings').count(), { timeout: 60_000 }).toBe(0);
    });
  });
});

describe('words, not ids, paths or placeholders', () => {
  it('the plan view: a rule id only in a details line, places written once with their code, English counts in the singular', async () => {
    await app.run(WIDE, '#/plan', async ({ page }) => {
      const bad = structuredClone(plan);
      bad.classes[0].days = '3';
      const commune = bad.classes.find((c: { commune?: string }) => c.commune === '05998');
      bad.classes.push({ ...commune, id: `${commune.id}-bis` }, { ...commune, id: `${commune.id}-ter` });
      // A district class of the wrong length, in a district with nothing else wrong.
      const dc = bad.classes.find((c: { track: string; district?: string }) => c.track === 'district_cadre' && c.district !== commune.district);
      dc.days = '9';
      await uploadPlan(page, 'ke-hoach-sai.json', JSON.stringify(bad));
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      const days = page.locator('#plan-findings article[data-rule="class.province_cadre.days"]');
      expect(await days.locator('header').textContent()).toBe('Lỗi 1 lần');
      expect(await days.locator('.id-line').textContent()).toBe('Chi tiết: mã quy tắc class.province_cadre.days');
      const text = await readText(page);
      for (const r of pack.rules) expect(text, r.id).not.toContain(r.id);
      expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(text).not.toMatch(/\$\.[a-z]/);
      expect(text).not.toMatch(/xã Xã|huyện Huyện/i);
      expect(await page.locator('#plan-findings li.finding p.muted').allTextContents()).toContain('Xã Khánh Long (05998)');
      // The district table counts the findings of a district's classes.
      expect(await page.locator(`#plan-findings article[data-rule="class.district_cadre.days"] li.finding`).count()).toBe(1);
      expect(await page.locator(`table.district-table tr[data-district="${dc.district}"] td`).last().textContent()).toBe('1');
      await shoot(page, 'officials-plan-findings-1920', '#plan-findings');

      await page.getByRole('button', { name: 'English' }).click();
      expect(await days.locator('header').textContent()).toBe('Error 1 time');
      expect(await readText(page)).not.toMatch(/\b1 times\b|\b1 errors\b|\b1 warnings\b/);
    });
  });

  it('the rules view: no rule id outside its details line, no {placeholder}', async () => {
    await app.run(SMALL, '#/rules', async ({ page }) => {
      await page.locator('article.rule').first().waitFor();
      const text = await readText(page);
      expect(text).not.toMatch(/\{[a-zA-Z]+(\|[a-z]+)?\}/);
      for (const r of pack.rules) expect(text, r.id).not.toContain(r.id);
      const known = page.locator('article[data-rule="roster.trainee_known"]');
      expect(await known.locator('.id-line').textContent()).toContain('roster.trainee_known');
      expect(await known.textContent()).toContain('[mã học viên]');
      await shoot(page, 'officials-rules-1024', 'article.rule');
    });
  });
});

describe('the roster table, the person form, the skip link and the titles', () => {
  for (const size of [SMALL, WIDE])
    it(`shows every column, Chi tiết included, at ${size.width} px`, async () => {
      await app.run(size, '#/roster', async ({ page }) => {
        await loadSample(page);
        for (const [lang, details] of [
          ['Tiếng Việt', 'Chi tiết'],
          ['English', 'Details'],
        ] as const) {
          await page.getByRole('button', { name: lang }).click();
          const header = page.locator('table.roster-table thead th').last();
          await expect.poll(() => header.textContent()).toBe(details);
          const box = page.locator('.roster-results .table-scroll');
          const fits = await box.evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
          expect(fits, `${lang}: the table fits its box, no column hidden past the edge`).toBe(true);
          const button = page.locator('table.roster-table td.details button').first();
          const b = (await button.boundingBox())!;
          expect(b.x + b.width).toBeLessThanOrEqual(size.width);
          await shoot(page, `officials-roster-${size.width}-${lang === 'English' ? 'en' : 'vi'}`, '.roster-results');
        }
      });
    });

  it('refuses a birth year after the plan year, in words', async () => {
    await app.run(SMALL, '#/person', async ({ page }) => {
      await page.getByLabel('Năm sinh').fill(String(pack.meta.year + 1));
      const error = page.locator('#person-birthYear-error');
      await expect
        .poll(() => error.textContent())
        .toBe(`Năm sinh ${pack.meta.year + 1} sau năm kế hoạch ${pack.meta.year}: người chưa sinh thì không xét được. Hãy nhập năm sinh từ ${pack.meta.year} trở về trước.`);
      expect(await page.locator('.person-result [role="alert"]').textContent()).toContain('Năm sinh:');
      expect(await page.locator('.person-result .track').count()).toBe(0);
      expect(await readText(page)).not.toMatch(/\$\./);
      await page.getByLabel('Năm sinh').fill(String(pack.meta.year - 30));
      await expect.poll(() => page.locator('.person-result .track').count()).toBeGreaterThan(0);
    });
  });

  it('shows the skip link when it has focus, and gives each view its own title', async () => {
    await app.run(SMALL, '#/person', async ({ page }) => {
      const skip = page.locator('button.skip');
      // the first thing a keyboard reaches
      expect(await page.evaluate(() => document.querySelector('button, a, input, select, [tabindex="0"]')?.classList.contains('skip'))).toBe(true);
      await skip.focus();
      expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
      const b = (await skip.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(SMALL.width);
      expect(b.width).toBeGreaterThan(50);
      // Its words can be read: dark on light, at a contrast of at least 4.5:1 (WCAG AA).
      const contrast = await skip.evaluate((el) => {
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = (c: string) => {
          const [r, g, b] = rgb(c).map((v) => {
            const s = v / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const style = getComputedStyle(el);
        const [a, b] = [lum(style.color), lum(style.backgroundColor)].sort((x, y) => y - x);
        return (a! + 0.05) / (b! + 0.05);
      });
      expect(contrast).toBeGreaterThanOrEqual(4.5);
      // Nothing covers it: the element at its centre is the link itself.
      expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.closest('.skip') !== null, { x: b.x + b.width / 2, y: b.y + b.height / 2 })).toBe(true);
      await shoot(page, 'officials-skip-1024');

      const titles: string[] = [];
      for (const [link, view] of [
        ['Danh sách', 'roster'],
        ['Kế hoạch và kinh phí', 'plan'],
        ['Quy tắc', 'rules'],
        ['Kiểm tra một người', 'person'],
      ] as const) {
        await page.getByRole('navigation', { name: 'Các trang' }).getByRole('link', { name: link }).click();
        await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/${view}`);
        await expect.poll(() => page.title()).toBe(`${link} · Chương trình 135`);
        titles.push(await page.title());
      }
      expect(new Set(titles).size).toBe(4);
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.title()).toBe('Person check · Program 135');
    });
  });
});

describe('budget bars and exports', () => {
  it('draws the cap line over the bars, in a colour no bar has', async () => {
    await app.run(SMALL, '#/plan', async ({ page }) => {
      const over = structuredClone(plan);
      over.budget.push({ id: 'NS-99', category: 'study_tour', label: 'Đoàn thứ tư', amount: '100000000' });
      await uploadPlan(page, 'vuot-tran.json', JSON.stringify(over));
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      const cap = page.getByRole('figure', { name: /chi so với mức trần/ });
      const colours = await cap.locator('li.over svg').evaluate((svg) => {
        const line = svg.querySelector('.bar-limit')!;
        const fill = svg.querySelector('.bar-fill')!;
        // the line is drawn after (over) the fill, and longer than the bar
        const after = fill.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING;
        const lb = line.getBoundingClientRect();
        const fb = fill.getBoundingClientRect();
        return { line: getComputedStyle(line).stroke, fill: getComputedStyle(fill).fill, after: after !== 0, longer: lb.height > fb.height };
      });
      expect(colours.line).not.toBe(colours.fill);
      expect(colours.after).toBe(true);
      expect(colours.longer).toBe(true);
      for (const fill of await page.locator('.bar-fill').evaluateAll((els) => els.map((e) => getComputedStyle(e).fill))) expect(fill).not.toBe(colours.line);
      await shoot(page, 'officials-budget-1024', '.budget');
    });
  });

  it('exports carry each person’s commune, district and role', async () => {
    await app.run(SMALL, '#/roster', async ({ page }) => {
      await loadSample(page);
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất CSV' }).click()]);
      const text = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
      const [head, first] = text.split('\r\n');
      expect(head!.split(',').slice(0, 5)).toEqual(['Mã', 'Họ và tên', 'Xã', 'Huyện', 'Chức vụ']);
      const firstId = await page.locator('table.roster-table tbody tr').first().getAttribute('data-id');
      const place = (await page.locator('table.roster-table tbody tr').first().locator('td.place').innerText()).split('\n');
      const cells = first!.split(',');
      expect(cells[0]).toBe(firstId);
      expect(cells[2]).toBe(place[0]);
      expect(cells[3]).toBe(place[1]);
      expect(pack.roles.map((r) => r.label.vi)).toContain(cells[4]);
    });
  });
});

describe('a reload keeps the language and the loaded files', () => {
  it('keeps them in the browser until the user forgets them', async () => {
    await app.run(SMALL, '#/roster', async ({ page }) => {
      await page.getByRole('button', { name: 'English' }).click();
      await loadSample(page);
      await page.getByRole('link', { name: 'Plan and budget' }).click();
      await uploadPlan(page, 'ke-hoach.json', planText);
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /^Check against the roster candidates-sample\.xlsx/ }).click();
      await page.locator('#roster-findings').waitFor({ timeout: 60_000 });

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Plan and budget' }).waitFor({ timeout: 30_000 });
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      expect(await page.locator('p.file-name').textContent()).toBe('File: ke-hoach.json');
      await expect.poll(() => page.locator('.roster-used').textContent(), { timeout: 60_000 }).toBe('Roster used for the checks: candidates-sample.xlsx (50 people).');
      await page.getByRole('link', { name: 'Roster' }).click();
      await page.locator('p.matching').waitFor({ timeout: 60_000 });
      expect(await page.locator('p.matching').textContent()).toBe('50 of 50 people match');
      await shoot(page, 'officials-reloaded-1024');

      // Forget: the files are gone now and after the next reload; the language stays.
      await page.getByRole('button', { name: 'Forget the loaded files' }).click();
      await page.getByText('The files were removed from this browser.').waitFor();
      expect(await page.locator('table.roster-table').count()).toBe(0);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Roster' }).waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1_000);
      expect(await page.locator('p.file-name').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Forget the loaded files' }).count()).toBe(0);
    });
  });
});

describe('screens of the changed views', () => {
  it('reads on a phone', async () => {
    await app.run(PHONE, '#/roster', async ({ page }) => {
      await loadSample(page);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'officials-roster', '.roster-results');
      await page.getByRole('link', { name: 'Kế hoạch và kinh phí' }).click();
      await uploadPlan(page, 'ke-hoach.json', planText);
      await page.locator('.plan-report').waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: /^Đối chiếu với danh sách/ }).click();
      await page.locator('#roster-findings').waitFor({ timeout: 60_000 });
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'officials-plan', '.plan-report');
      await page.getByRole('link', { name: 'Quy tắc' }).click();
      await shoot(page, 'officials-rules', 'article.rule');
    });
  });
});
