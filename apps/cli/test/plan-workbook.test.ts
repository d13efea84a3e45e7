/**
 * Plans as the districts keep them: the plan workbook (`p135 plan template`) filled in a
 * spreadsheet, CSV sheets, amounts as number cells or vi-VN text; findings people can act on;
 * ranking that obeys the plan; the command line's safety and language.
 */
import { copyFileSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EX, errLines, exampleJson, hasStack, p135, readCsv, tmp } from './helpers.js';

const dir = tmp();
interface PlanJson {
  id: string;
  title: string;
  year: number;
  note: string;
  classes: { id: string; track: string; district?: string; commune?: string; start: string; end: string; days: string; trainees: string[] }[];
  studyTours: { id: string; destination?: string; start: string; end: string; members: string[] }[];
  budget: { id: string; category: string; label?: string; amount: string }[];
}
const plan = exampleJson<PlanJson>('plan.json');
const ROSTER = join(EX, 'candidates.csv');

/** "150000000" → "150.000.000 đ", as the tool prints amounts. */
const viMoney = (digits: string) => `${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')} đ`;

/** The template, filled with exceljs the way a person would in Excel: dates as date cells, some amounts as numbers, some as vi-VN text. */
async function filledWorkbook(file: string, edit: (wb: ExcelJS.Workbook) => void = () => {}): Promise<void> {
  const template = join(dir, `template-${Math.random().toString(36).slice(2)}.xlsx`);
  const made = p135(['plan', 'template', '-o', template]);
  expect(made.code, made.stderr).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Kế hoạch', 'Lớp', 'Học viên', 'Đoàn tham quan', 'Dự toán', 'Loại lớp']);
  expect(sheet('Dự toán').getRow(1).values).toEqual([undefined, 'Mã dòng', 'Hạng mục', 'Nội dung', 'Số tiền (đồng)']);
  const date = (iso: string) => new Date(`${iso}T00:00:00Z`);
  sheet('Kế hoạch').getRow(2).values = [plan.id, plan.title, plan.year, plan.note];
  plan.classes.forEach((c, i) => {
    // the district code as a number cell (180), days as a number (3.5), dates as date cells
    sheet('Lớp').getRow(i + 2).values = [c.id, c.track, c.district ? Number(c.district) : null, c.commune ?? null, date(c.start), date(c.end), Number(c.days)];
  });
  let r = 2;
  for (const c of plan.classes) for (const t of c.trainees) sheet('Học viên').getRow(r++).values = [c.id, t];
  for (const t of plan.studyTours) for (const m of t.members) sheet('Học viên').getRow(r++).values = [t.id, m];
  plan.studyTours.forEach((t, i) => {
    sheet('Đoàn tham quan').getRow(i + 2).values = [t.id, t.destination ?? null, t.start, `${t.end.slice(8)}/${t.end.slice(5, 7)}/${t.end.slice(0, 4)}`];
  });
  plan.budget.forEach((b, i) => {
    // odd lines as number cells, even lines as text the way the tool prints money
    sheet('Dự toán').getRow(i + 2).values = [b.id, b.category, b.label ?? null, i % 2 ? Number(b.amount) : viMoney(b.amount)];
  });
  edit(wb);
  await wb.xlsx.writeFile(file);
}

describe('p135 plan template, filled in, then p135 plan check', () => {
  it('gives the same report as the JSON plan (amounts as number cells and as "150.000.000 đ", dates as date cells and 30/11/2020)', async () => {
    const book = join(dir, 'ke-hoach.xlsx');
    await filledWorkbook(book);
    const fromJson = p135(['plan', 'check', join(EX, 'plan.json'), '--roster', ROSTER, '--format', 'json']);
    const fromXlsx = p135(['plan', 'check', book, '--roster', ROSTER, '--format', 'json']);
    expect(fromXlsx.stderr).toBe('');
    expect(fromXlsx.code).toBe(fromJson.code);
    expect(JSON.parse(fromXlsx.stdout)).toEqual(JSON.parse(fromJson.stdout));
    const text = p135(['plan', 'check', book, '--roster', ROSTER]);
    expect(text.stdout).toContain('Tổng dự toán');
    expect(text.stdout).toContain('7.980.000.000 đ');
  }, 600_000);

  it('an amount that is not one (1e9, NaN, 0x10, 1,5) is named by sheet, row, the line’s own id and column — not $.budget[16]', async () => {
    for (const bad of ['1e9', 'NaN', '0x10', '1,5 triệu']) {
      const book = join(dir, `bad-${bad.replace(/\W/g, '')}.xlsx`);
      await filledWorkbook(book, (wb) => {
        (wb.getWorksheet('Dự toán') as ExcelJS.Worksheet).getCell('D18').value = bad;
      });
      const r = p135(['plan', 'check', book, '--roster', ROSTER]);
      expect(r.code, bad).toBe(2);
      expect(errLines(r), bad).toEqual([
        `p135: ${book} trang "Dự toán", dòng 18 (NS-17), cột "Số tiền (đồng)": "${bad}" không phải số tiền: ghi số đồng chẵn, ví dụ 150000000 hoặc 150.000.000 (có thể thêm "đ"); không dùng dấu phẩy, phần lẻ, số mũ hay chữ`,
      ]);
      expect(r.stderr).not.toContain('$.budget');
      expect(r.stderr).not.toMatch(/hệ 16|hex/);
      expect(hasStack(r.stderr)).toBe(false);
    }
  }, 600_000);

  it('a bad date in the workbook is named by sheet, row, class id and column', async () => {
    const book = join(dir, 'bad-date.xlsx');
    await filledWorkbook(book, (wb) => {
      (wb.getWorksheet('Lớp') as ExcelJS.Worksheet).getCell('E4').value = 'tháng 9';
    });
    const r = p135(['plan', 'check', book, '--roster', ROSTER]);
    expect(r.code).toBe(2);
    expect(errLines(r)[0]).toMatch(/^p135: .*bad-date\.xlsx trang "Lớp", dòng 4 \(PN-1\), cột "Từ ngày": /);
    expect(r.stderr).not.toContain('$.classes');
  }, 300_000);

  it('reads the plan as CSV files, one per sheet, each told by its header', () => {
    const csv = (rows: (string | number)[][]) => `\uFEFF${rows.map((r) => r.map((c) => `"${String(c).replace(/"/g, '""')}"`).join(',')).join('\r\n')}\r\n`;
    const lop = join(dir, 'lop.csv');
    const hv = join(dir, 'hoc-vien.csv');
    const doan = join(dir, 'doan.csv');
    const ns = join(dir, 'du-toan.csv');
    writeFileSync(
      lop,
      csv([['Mã lớp', 'Loại lớp', 'Mã huyện', 'Mã xã', 'Từ ngày', 'Đến ngày', 'Số ngày'], ...plan.classes.map((c) => [c.id, c.track, c.district ?? '', c.commune ?? '', c.start, c.end, c.days])]),
    );
    writeFileSync(hv, csv([['Mã lớp hoặc đoàn', 'Mã học viên'], ...plan.classes.flatMap((c) => c.trainees.map((t) => [c.id, t])), ...plan.studyTours.flatMap((t) => t.members.map((m) => [t.id, m]))]));
    writeFileSync(doan, csv([['Mã đoàn', 'Nơi đến', 'Từ ngày', 'Đến ngày'], ...plan.studyTours.map((t) => [t.id, t.destination ?? '', t.start, t.end])]));
    writeFileSync(ns, csv([['Mã dòng', 'Hạng mục', 'Nội dung', 'Số tiền (đồng)'], ...plan.budget.map((b) => [b.id, b.category, b.label ?? '', viMoney(b.amount)])]));
    const fromCsv = p135(['plan', 'check', lop, hv, doan, ns, '--roster', ROSTER, '--format', 'json']);
    expect(fromCsv.stderr).toBe('');
    const fromJson = JSON.parse(p135(['plan', 'check', join(EX, 'plan.json'), '--roster', ROSTER, '--format', 'json']).stdout);
    const got = JSON.parse(fromCsv.stdout);
    expect(got.findings).toEqual(fromJson.findings);
    expect(got.budget).toEqual(fromJson.budget);
    expect(got.counts).toEqual(fromJson.counts);
  }, 300_000);

  it('a JSON plan with amounts written "150.000.000" reads them exactly', () => {
    const p = { ...plan, budget: plan.budget.map((b) => ({ ...b, amount: viMoney(b.amount) })) };
    const file = join(dir, 'vi-amounts.json');
    writeFileSync(file, JSON.stringify(p));
    const r = p135(['plan', 'check', file, '--roster', ROSTER, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).budget.total).toBe('7980000000');
  }, 300_000);
});

describe('findings people can act on', () => {
  it('a roster of another plan is ONE finding, not 16,247, and the report stays short', () => {
    const r = p135(['plan', 'check', join(EX, 'plan.json'), '--roster', join(EX, 'candidates-sample.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Phát hiện: 1 lỗi, 0 cảnh báo');
    expect(r.stdout).toContain('Danh sách học viên không phải của kế hoạch này: 16.190 trong 16.240 học');
    expect(r.stdout.split('\n').length).toBeLessThan(50);
    const json = JSON.parse(p135(['plan', 'check', join(EX, 'plan.json'), '--roster', join(EX, 'candidates-sample.xlsx'), '--format', 'json']).stdout);
    expect(json.errors).toBe(1);
    expect(json.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['roster.not_this_plan']);
  }, 300_000);

  it('summary first (clause, count, first places by name and code), then details, at most --limit per rule; no line twice, none cut short, no category code', () => {
    // Four cadres of Xã Khánh Long in the province cadre class: two too many (KH.II.2.1.a)
    const p = structuredClone(plan);
    const roster = readCsv(readFileSync(ROSTER, 'utf8'));
    const header = roster[0] as string[];
    const col = (name: string) => header.indexOf(name);
    const khanhLong = roster.filter((r) => r[col('Mã xã')] === '05998').map((r) => r[col('Mã')] as string);
    const pc1 = p.classes[0] as PlanJson['classes'][number];
    const inPc = new Set(p.classes.filter((c) => c.track === 'province_cadre').flatMap((c) => c.trainees));
    const extra = khanhLong.filter((id) => !inPc.has(id) && !p.classes.some((c) => c.trainees.includes(id))).slice(0, 2);
    pc1.trainees.push(...extra);
    const file = join(dir, 'too-many.json');
    writeFileSync(file, JSON.stringify(p));
    const r = p135(['plan', 'check', file, '--roster', ROSTER, '--limit', '1']);
    expect(r.code).toBe(1);
    const out = r.stdout;
    expect(out.indexOf('Tóm tắt theo quy tắc:')).toBeGreaterThan(0);
    expect(out.indexOf('Chi tiết (tối đa 1 trường hợp mỗi quy tắc')).toBeGreaterThan(out.indexOf('Tóm tắt theo quy tắc:'));
    expect(out).toMatch(/✗ Lỗi · KH\.II\.2\.1\.a .* · 1 xã\n +ví dụ: Xã Khánh Long \(05998\)/);
    expect(out).toContain('Xã Khánh Long (05998)');
    const lines = out.split('\n').filter((l) => l.trim() !== '');
    const repeated = lines.filter((l, i) => lines.indexOf(l) !== i && !/^\s*(KH\.|Chi tiết|Tóm tắt)/.test(l));
    expect(repeated).toEqual([]);
    expect(out).not.toContain('…');
    expect(out).not.toMatch(/^\s+management\s/m);
    expect(out).toContain('Quản lý, kiểm tra, giám sát, tổng hợp báo cáo');
    for (const line of out.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
  }, 300_000);
});

describe('ranking obeys the plan', () => {
  it('p135 rank --track province_cadre admits at most 2 people of one commune (KH.II.2.1.a), and says why the others are passed over', () => {
    const roster = readFileSync(ROSTER, 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
    const header = roster[0] as string;
    const rows = ['Chủ tịch UBND xã', 'Bí thư Đảng ủy xã', 'Chủ tịch HĐND xã', 'Chủ tịch Hội Liên hiệp Phụ nữ xã'].map(
      (role, i) => `T-${i + 1},Người Thử ${i + 1},Nam,1980,Tày,${role},180,Huyện Tràng Định,05998,Xã Khánh Long,Có,Không,,,,,,`,
    );
    const file = join(dir, 'one-commune.csv');
    writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
    const r = p135(['rank', file, '--track', 'province_cadre', '--format', 'json']);
    expect(r.stderr).toBe('');
    const ranking = JSON.parse(r.stdout);
    expect(ranking.admitted).toHaveLength(2);
    expect(ranking.passedOver).toHaveLength(2);
    expect(ranking.passedOver[0].message.vi).toContain('Xã Khánh Long (05998) đã có 2 người');
    const table = p135(['rank', file, '--track', 'province_cadre', '--format', 'table']);
    expect(table.stdout).toContain('Không xếp vào lớp (2):');
  }, 300_000);
});

describe('the command line: safety and language', () => {
  it('refuses -o x.xls, saying .xlsx, before anything is written', () => {
    const out = join(dir, 'ket-qua.xls');
    const r = p135(['decide', ROSTER, '-o', out]);
    expect(r.code).toBe(2);
    expect(errLines(r)).toEqual([`p135: -o ${out}: không ghi được tệp .xls (Excel 97–2003); hãy dùng đuôi .xlsx, ví dụ -o ${out}x`]);
    expect(() => readFileSync(out)).toThrow();
  }, 300_000);

  it('refuses an output that is an input, by path, by ./ and through a symbolic link: the roster is kept', () => {
    const same = join(dir, 'same.csv');
    copyFileSync(ROSTER, same);
    const link = join(dir, 'link.csv');
    symlinkSync(same, link);
    const before = readFileSync(same);
    for (const out of [same, link]) {
      const r = p135(['decide', same, '-o', out]);
      expect(r.code).toBe(2);
      expect(errLines(r)[0]).toContain('là chính tệp đầu vào');
    }
    const rel = p135(['decide', 'same.csv', '-o', './same.csv'], { cwd: dir });
    expect(rel.code).toBe(2);
    expect(readFileSync(same).equals(before)).toBe(true);
  }, 300_000);

  it('says commander’s option errors in Vietnamese first, English second', () => {
    expect(errLines(p135(['decide']))).toEqual(["p135: thiếu tham số <file> / missing required argument 'file' (xem p135 --help)"]);
    expect(errLines(p135(['decide', 'x.csv', '--format']))).toEqual(["p135: tùy chọn --format <format> cần một giá trị / option '--format <format>' argument missing (xem p135 --help)"]);
    expect(errLines(p135(['decide', 'x.csv', '--format', 'pdf']))[0]).toMatch(/^p135: --format <format>: giá trị pdf không hợp lệ; chọn một trong: /);
    expect(errLines(p135(['frobnicate']))[0]).toMatch(/^p135: lệnh frobnicate không có/);
    expect(errLines(p135(['decide', 'x.csv', '--bogus', '--lang', 'en']))).toEqual(["p135: unknown option '--bogus' (see p135 --help)"]);
  }, 300_000);
});
