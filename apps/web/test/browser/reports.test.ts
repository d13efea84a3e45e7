import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readPlan, readResults, readRoster, reportCsv, reportHtml, type ResultsReport, resultsSheets, sheetsCsv } from '@p135/io';
import { bundledPack, type Candidate, createRulebook, districtReport, type Plan, provinceReport, type Results } from '@p135/rules';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP, EXAMPLES, launch, overflowsHorizontally, PHONE, SHOTS_DIR, shoot } from './harness.ts';

const app = appUnderTest();
const book = createRulebook(bundledPack('lang-son-2020')!);
const RESULTS = readdirSync(`${EXAMPLES}results`)
  .filter((n) => n.endsWith('.json'))
  .sort();
const file = (path: string) => ({ name: path.split('/').pop() as string, bytes: new Uint8Array(readFileSync(`${EXAMPLES}${path}`)) });

let plan: Plan;
let roster: Map<string, Candidate>;
let results: Map<string, Results>;
/** The package's own reports for the example, computed here: what the page must show. */
let province: ResultsReport & { kind: 'province' };

beforeAll(async () => {
  plan = (await readPlan(file('plan.json'), book)).plan as Plan;
  roster = new Map((await readRoster(file('candidates.csv'), book)).candidates.map((c) => [c.id, c] as const));
  results = new Map();
  for (const name of RESULTS) results.set(name, (await readResults(file(`results/${name}`), book, { plan, roster })).results as Results);
  province = (await provinceReport(book, plan, [...results.values()], { roster })) as typeof province;
}, 120_000);

const vi = (n: number | string) => new Intl.NumberFormat('vi-VN').format(Number(n));

async function loadExample(page: Page) {
  await page.getByRole('button', { name: 'Dùng kết quả ví dụ (10 báo cáo, Lạng Sơn 2020)' }).click();
  await page.locator('.report-result').waitFor({ timeout: 120_000 });
}

describe('results reports in the browser', () => {
  it('consolidates the example results: the figures the package gives, and the four findings where a reader looks', async () => {
    await app.run(DESKTOP, '#/reports', async ({ page }) => {
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Báo cáo kết quả');
      await loadExample(page);
      expect(await page.locator('.report-result').getAttribute('data-kind')).toBe('province');
      expect(await page.locator('.report-result .summary').textContent()).toBe(`${province.errors} lỗi, ${province.warnings} cảnh báo`);

      // Needs attention, at the top: Cao Lộc late, Đình Lập missing, a person in two districts, the study tours over 10%.
      const attention = page.getByRole('region', { name: 'Cần chú ý' });
      const late = attention.locator('li[data-attention="late"]');
      expect(await late.getAttribute('data-district')).toBe('183');
      expect(await late.textContent()).toContain('Huyện Cao Lộc: gửi báo cáo chậm 4 ngày (ngày gửi 04/12/2020, hạn 30/11/2020)');
      expect(await attention.locator('li[data-attention="missing"]').getAttribute('data-district')).toBe('189');
      expect(await attention.locator('li[data-attention="missing"]').textContent()).toContain('Huyện Đình Lập: chưa gửi báo cáo');
      const twice = province.findings.filter((f) => f.ruleId === 'report.finding.reported_twice');
      expect(twice).toHaveLength(1);
      expect(await attention.locator('li[data-attention="twice"]').count()).toBe(1);
      expect(await attention.locator('li[data-attention="twice"]').textContent()).toContain(twice[0]?.message.vi);
      const cap = province.budget.caps.find((c) => c.category === 'study_tour');
      expect(cap?.within).toBe(false);
      expect(await attention.locator('li[data-attention="cap"]').textContent()).toContain(`đã chi ${vi(cap?.total ?? 0)} đ, vượt mức trần ${vi(cap?.cap ?? 0)} đ (10% của`);

      // Every district, with its status.
      const rows = page.locator('table.districts-table tbody tr');
      expect(await rows.count()).toBe(province.districts.length);
      expect(await page.locator('tr[data-district="183"] .badge').textContent()).toBe('Chậm');
      expect(await page.locator('tr[data-district="189"] .badge').textContent()).toBe('Chưa gửi');
      for (const d of province.districts) {
        const cells = await page.locator(`tr[data-district="${d.district}"] td.num`).allTextContents();
        expect(cells, d.district).toEqual([d.daysLate, d.held, d.trainees].map(vi).concat([`${vi(d.spent)} đ`, vi(d.errors), vi(d.warnings)]));
      }

      // Charts: planned against held per track and per district; spending against the estimate; the 10% line.
      const byTrack = page.getByRole('figure', { name: 'Số lớp theo kế hoạch và đã tổ chức, theo loại lớp' });
      for (const r of province.classes.byTrack) expect(await byTrack.locator(`li[data-row="${r.track}"] .bar-value`).textContent()).toBe(`${vi(r.planned)} / ${vi(r.held)}`);
      // The same figures as a table for screen readers.
      expect(await byTrack.locator('table tbody tr').count()).toBe(province.classes.byTrack.length);
      const byDistrict = page.getByRole('figure', { name: 'Số lớp theo kế hoạch và đã tổ chức, theo huyện' });
      const cl = province.classes.byDistrict.filter((r) => r.code === '183');
      expect(await byDistrict.locator('li[data-row="183"] .bar-value').textContent()).toBe(`${vi(cl.reduce((s, r) => s + r.planned, 0))} / ${vi(cl.reduce((s, r) => s + r.held, 0))}`);
      const spending = page.getByRole('figure', { name: 'Kinh phí thực hiện so với dự toán, theo dòng dự toán' });
      for (const l of province.spending.lines) {
        const row = spending.locator(`li[data-row="${l.line}"]`);
        expect(await row.locator('.bar-value').textContent()).toBe(`${vi(l.estimate)} đ / ${vi(l.spent)} đ`);
        expect(await row.getAttribute('class')).toContain(l.within ? 'plain' : 'over');
      }
      const capChart = page.locator('.report-charts div[data-cap="study_tour"]');
      expect(await capChart.locator('.chart-limit').textContent()).toContain(`Mức trần 10%: ${vi(cap?.cap ?? 0)} đ`);
      expect(await capChart.locator('li.bar-row').getAttribute('class')).toContain('over');

      // Every finding is listed, grouped.
      expect(await page.locator('#report-findings h2').textContent()).toBe(`Tất cả phát hiện (${province.findings.length})`);
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'reports', '.report-result');

      // Downloads: the page's CSV and printable page are the renderers' own text for this report.
      const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải CSV' }).click()]);
      expect(csv.suggestedFilename()).toBe('bao-cao-tong-hop-vi.csv');
      expect(readFileSync((await csv.path()) as string, 'utf8')).toBe(reportCsv(province, 'vi'));
      const [html] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải trang in (HTML, A4)' }).click()]);
      expect(readFileSync((await html.path()) as string, 'utf8')).toBe(reportHtml(province, 'vi'));
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải XLSX (mẫu in)' }).click()]);
      expect(xlsx.suggestedFilename()).toBe('bao-cao-tong-hop-vi.xlsx');
      expect(
        readFileSync((await xlsx.path()) as string)
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');

      // English.
      await page.getByRole('button', { name: 'English' }).click();
      expect(await page.getByRole('region', { name: 'Needs attention' }).locator('li[data-attention="late"]').textContent()).toContain('Huyện Cao Lộc: report sent 4 day(s) late');
      await shoot(page, 'reports-en', '.report-result');
    });
  });

  it('makes one district’s report from its results as CSV, and says where a CSV is wrong', async () => {
    const d180 = results.get('district-180.json') as Results;
    const expected = await districtReport(book, plan, d180, { roster });
    await app.run(PHONE, '#/reports', async ({ page }) => {
      const [planInput, rosterInput, resultsInput] = [0, 1, 2].map((i) => page.locator('input[type="file"]').nth(i));
      await planInput?.setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: readFileSync(`${EXAMPLES}plan.json`) });
      await rosterInput?.setInputFiles({ name: 'candidates.csv', mimeType: 'text/csv', buffer: readFileSync(`${EXAMPLES}candidates.csv`) });
      const csv = sheetsCsv(resultsSheets(d180, 'vi'));
      await resultsInput?.setInputFiles({ name: 'ket-qua-180.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
      await page.getByText('ket-qua-180.csv').waitFor();
      await page.getByRole('radio', { name: 'Báo cáo của một huyện' }).check();
      await page.getByRole('button', { name: 'Lập báo cáo' }).click();
      await page.locator('.report-result').waitFor({ timeout: 120_000 });
      expect(await page.locator('.report-result').getAttribute('data-kind')).toBe('district');
      expect(await page.locator('.report-result .summary').textContent()).toBe(`${expected.errors} lỗi, ${expected.warnings} cảnh báo`);
      const byTrack = page.getByRole('figure', { name: 'Số lớp theo kế hoạch và đã tổ chức, theo loại lớp' });
      for (const r of expected.classes.byTrack) expect(await byTrack.locator(`li[data-row="${r.track}"] .bar-value`).textContent()).toBe(`${vi(r.planned)} / ${vi(r.held)}`);
      expect(await page.getByRole('region', { name: 'Cần chú ý' }).textContent()).toContain(
        `Không có huyện chậm hay chưa gửi báo cáo, người được hai huyện báo cáo, hay khoản chi vượt mức trần.Các phát hiện khác (${expected.findings.length})`,
      );
      expect(await overflowsHorizontally(page)).toBe(false);
      await shoot(page, 'reports-district', '.report-result');

      // A trainee id that is not on the roster: its file, CSV row, section and path.
      const lines = csv.split('\r\n');
      const first = lines.indexOf('Học viên') + 2;
      lines[first] = `${lines[first]?.split(',')[0]},KHONG-CO`;
      await resultsInput?.setInputFiles({ name: 'ket-qua-180.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n')) });
      await page.getByRole('button', { name: 'Lập báo cáo' }).click();
      const errors = page.locator('.input-errors');
      await errors.waitFor({ timeout: 120_000 });
      const text = await errors.textContent();
      expect(text).toContain('ket-qua-180.csv');
      expect(text).toContain(`dòng ${first + 1}`);
      expect(text).toContain('Học viên "KHONG-CO" không có trong danh sách học viên');
    });
  });

  it('the printable page of the consolidation, on screen and printed to A4', async () => {
    // The renderer's page, looked at in Chromium (screenshot) and printed to PDF once.
    const browser = await launch();
    try {
      const page = await browser.newPage({ viewport: { width: 1240, height: 1754 } });
      await page.setContent(reportHtml(province, 'vi'));
      mkdirSync(SHOTS_DIR, { recursive: true });
      await page.screenshot({ path: `${SHOTS_DIR}report-html-province.png`, fullPage: false });
      // How it prints: the print style at the size of an A4 landscape page.
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 1123, height: 794 });
      await page.screenshot({ path: `${SHOTS_DIR}report-print-province.png`, fullPage: false });
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true, preferCSSPageSize: true });
      writeFileSync(`${SHOTS_DIR}report-province.pdf`, pdf);
      expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
      // Every table fits the page's width (no cell cut at the right edge).
      const overflow = await page.evaluate(() => [...document.querySelectorAll('table')].some((t) => t.scrollWidth > (t.parentElement?.clientWidth ?? 0) + 1));
      expect(overflow).toBe(false);
    } finally {
      await browser.close();
    }
  });
});
