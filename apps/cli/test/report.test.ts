import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EX, errLines, hasStack, p135, readCsv, tmp } from './helpers.js';

const dir = tmp();
const PLAN = ['--plan', `${EX}/plan.json`, '--roster', `${EX}/candidates.csv`];
interface ResultsJson {
  district: string | null;
  sentOn: string;
  classes: {
    id: string;
    planClass: string | null;
    track: string;
    district?: string;
    commune?: string;
    place: string;
    start: string;
    end: string;
    days: string;
    trainees: string[];
    spending: { line: string; amount: string }[];
  }[];
  studyTours: { members: string[]; spending: { line: string; amount: string }[] }[];
}
const results = (name: string): ResultsJson => JSON.parse(readFileSync(join(EX, 'results', name), 'utf8'));
const allResults = () =>
  readdirSync(join(EX, 'results'))
    .filter((f) => f.endsWith('.json'))
    .map(results);
const spent = (rs: readonly ResultsJson[]) => rs.flatMap((r) => [...r.classes, ...r.studyTours]).reduce((s, x) => s + x.spending.reduce((t, sp) => t + BigInt(sp.amount), 0n), 0n);
const cellValue = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

describe('p135 report district', () => {
  it('prints a district’s report, on time, and exits 1 for the class held shorter than planned', () => {
    const r = p135(['report', 'district', `${EX}/results/district-180.json`, ...PLAN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ỦY BAN NHÂN DÂN HUYỆN TRÀNG ĐỊNH');
    expect(r.stdout).toMatch(/Tình trạng +Đúng hạn/);
    expect(r.stdout).toContain('X-05998-1: học 1,5 ngày, ít hơn kế hoạch');
  });

  it('says a late district is late, in the printable HTML page', () => {
    const out = join(dir, 'd183.html');
    const r = p135(['report', 'district', `${EX}/results/district-183.json`, ...PLAN, '-o', out]);
    expect(r.code).toBe(1);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('@page { size: A4 landscape');
    expect(html).toContain('Huyện Cao Lộc gửi báo cáo kết quả ngày 04/12/2020, chậm 4 ngày so với hạn 30/11/2020');
    expect(html).toMatch(/<td>Tình trạng<\/td><td>Chậm 4 ngày<\/td>/);
  });

  it('refuses bad results with the file, the JSON path and what to do, exit 2, no stack', () => {
    const bad = results('district-180.json');
    (bad.classes[0] as ResultsJson['classes'][number]).trainees.push('LS-999999');
    (bad.classes[1] as ResultsJson['classes'][number]).spending[0] = { line: 'NS-04', amount: '-5' };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = p135(['report', 'district', file, ...PLAN, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(hasStack(r.stderr)).toBe(false);
    expect(r.stderr).toContain('$.classes[1].spending[0].amount');
    const lines = errLines(r);
    expect(lines.some((l) => l.includes('bad.json') && l.includes('$.classes[1].spending[0].amount') && l.includes('cannot be negative'))).toBe(true);
  });
});

describe('p135 report province', () => {
  it('writes a printed-layout workbook whose sheets, headers and totals read back', async () => {
    const out = join(dir, 'province.xlsx');
    const r = p135(['report', 'province', `${EX}/results`, ...PLAN, '-o', out]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Báo cáo');
    const front = wb.getWorksheet('Báo cáo') as ExcelJS.Worksheet;
    expect(cellValue(front.getCell(1, 1).value)).toBe('BAN DÂN TỘC TỈNH LẠNG SƠN');
    expect(cellValue(front.getCell(4, 1).value)).toMatch(/^BÁO CÁO TỔNG HỢP/);
    let signature = false;
    front.eachRow((row) => {
      if (cellValue(row.getCell(1).value).startsWith('NGƯỜI LẬP BIỂU')) signature = true;
    });
    expect(signature).toBe(true);

    // The districts' table: header, one row per district, totals last; money exact.
    const districts = wb.worksheets[1] as ExcelJS.Worksheet;
    const header = (districts.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    expect(header).toEqual(['Mã huyện', 'Huyện', 'Ngày gửi', 'Tình trạng', 'Số ngày chậm', 'Lớp đã tổ chức', 'Học viên', 'Kinh phí (đồng)', 'Lỗi', 'Cảnh báo']);
    const rows = Array.from({ length: districts.rowCount - 1 }, (_, i) => (districts.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1).map(cellValue));
    expect(rows.find((x) => x[0] === '189')?.[3]).toBe('Chưa gửi');
    expect(rows.find((x) => x[0] === '183')?.[3]).toBe('Chậm');
    const total = rows[rows.length - 1] as string[];
    expect(total[0]).toBe('Tổng cộng');
    const districtResults = allResults().filter((x) => x.district !== null);
    expect(BigInt(total[7] as string)).toBe(spent(districtResults));
    expect(Number(total[5])).toBe(districtResults.reduce((s, x) => s + x.classes.length, 0));

    // Spending against the ceiling and the caps: the study tours over their 10% cap.
    const budget = wb.worksheets.find((w) => w.name.startsWith('Kinh phí so với')) as ExcelJS.Worksheet;
    const budgetRows = Array.from({ length: budget.rowCount - 1 }, (_, i) => (budget.getRow(i + 2).values as ExcelJS.CellValue[]).slice(1).map(cellValue));
    expect(BigInt(budgetRows[0]?.[2] as string)).toBe(spent(allResults()));
    expect(budgetRows[0]?.[3]).toBe('8040000000');
    expect(budgetRows.find((x) => x[0] === 'study_tour')).toEqual(['study_tour', 'KH.II.5.2.c', expect.any(String), '804000000', '10%', 'Không']);
  });

  it('lists the person reported by two districts and the missing district in the findings CSV', () => {
    const r = p135(['report', 'province', `${EX}/results`, ...PLAN, '--format', 'csv', '--table', 'findings']);
    expect(r.code).toBe(1);
    const rows = readCsv(r.stdout);
    expect(rows[0]).toEqual(['Mức độ', 'Điều khoản', 'Quy tắc', 'Ở đâu', 'Nội dung']);
    expect(rows.find((x) => x[2] === 'report.finding.reported_twice')?.[4]).toContain('LS-001471');
    expect(rows.find((x) => x[2] === 'report.finding.missing')?.[4]).toContain('Huyện Đình Lập chưa gửi báo cáo');
    expect(rows.find((x) => x[2] === 'budget.cap.study_tour')?.[1]).toBe('KH.II.5.2.c');
  });

  it('names the tables when --table is wrong', () => {
    const r = p135(['report', 'province', `${EX}/results`, ...PLAN, '--format', 'csv', '--table', 'nope', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no table "nope"; choose: districts, targets');
  });
});

describe('p135 report template', () => {
  it('writes the results workbook with Vietnamese headers, which, filled in, reads back as the same report', async () => {
    const template = join(dir, 'mau.xlsx');
    expect(p135(['report', 'template', '--plan', `${EX}/plan.json`, '--district', '182', '-o', template]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Báo cáo', 'Lớp đã tổ chức', 'Học viên', 'Đoàn tham quan', 'Kinh phí', 'Loại lớp']);
    const headers = (name: string) => ((wb.getWorksheet(name) as ExcelJS.Worksheet).getRow(1).values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    expect(headers('Lớp đã tổ chức')).toEqual(['Mã lớp', 'Mã lớp trong kế hoạch', 'Loại lớp', 'Mã huyện', 'Mã xã', 'Địa điểm', 'Từ ngày', 'Đến ngày', 'Số ngày']);
    expect(headers('Học viên')).toEqual(['Mã lớp hoặc đoàn', 'Mã học viên']);

    // Fill it in as a district would, from the example's JSON results for the same district.
    const json = results('district-182.json');
    const sheet = (name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
    sheet('Báo cáo').getRow(2).values = ['182', 'Huyện Văn Lãng', json.sentOn, ''];
    const classes = sheet('Lớp đã tổ chức');
    for (let i = classes.rowCount; i > 1; i--) classes.spliceRows(i, 1);
    const spending = sheet('Kinh phí');
    for (let i = spending.rowCount; i > 1; i--) spending.spliceRows(i, 1);
    for (const c of json.classes) {
      classes.addRow([c.id, c.planClass ?? '', c.track, c.district ?? '', c.commune ?? '', c.place, c.start, c.end, c.days]);
      for (const t of c.trainees) sheet('Học viên').addRow([c.id, t]);
      for (const s of c.spending) spending.addRow([c.id, s.line, Number(s.amount)]);
    }
    const filled = join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(filled);
    const fromXlsx = p135(['report', 'district', filled, ...PLAN, '--format', 'json']);
    const fromJson = p135(['report', 'district', `${EX}/results/district-182.json`, ...PLAN, '--format', 'json']);
    expect(fromXlsx.stderr).toBe('');
    const a = JSON.parse(fromXlsx.stdout);
    const b = JSON.parse(fromJson.stdout);
    expect(a.trainees).toEqual(b.trainees);
    expect(a.spending).toEqual(b.spending);
    expect(a.findings).toEqual(b.findings);

    // A wrong date in the workbook is placed at its sheet row.
    classes.getRow(3).getCell(7).value = '2020-13-01';
    const broken = join(dir, 'broken.xlsx');
    await wb.xlsx.writeFile(broken);
    const r = p135(['report', 'district', broken, ...PLAN, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(errLines(r)[0]).toMatch(/broken\.xlsx row 3, \$\.classes\[1\]\.start, column "Lớp đã tổ chức"/);
    expect(hasStack(r.stderr)).toBe(false);
  });
});

describe('the results CSV', () => {
  it('the template as CSV, filled in, makes the same report as the JSON; a folder of CSV files is read too', () => {
    const template = join(dir, 'mau.csv');
    expect(p135(['report', 'template', '--plan', `${EX}/plan.json`, '--district', '181', '-o', template]).code).toBe(0);
    const text = readFileSync(template, 'utf8');
    expect(text.startsWith('\uFEFFBáo cáo\r\nMã huyện,Tên huyện,Ngày gửi báo cáo,Ghi chú,Mã báo cáo\r\n181,')).toBe(true);
    // Filled in from the example's JSON results of district 181, section by section.
    const json = results('district-181.json');
    const row = (cells: string[]) => cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const sections = text.split('\r\n\r\n');
    const head = (name: string) => (sections.find((s) => s.replace(/^\uFEFF/, '').startsWith(`${name}\r\n`)) as string).split('\r\n').slice(0, 2).join('\r\n');
    const filled = [
      `${head('Báo cáo')}\r\n${row(['181', '', json.sentOn, '', ''])}`,
      `${head('Lớp đã tổ chức')}\r\n${json.classes.map((c) => row([c.id, c.planClass ?? '', c.track, c.district ?? '', c.commune ?? '', c.place, c.start, c.end, c.days])).join('\r\n')}`,
      `${head('Học viên')}\r\n${json.classes.flatMap((c) => c.trainees.map((t) => row([c.id, t]))).join('\r\n')}`,
      `${head('Kinh phí')}\r\n${json.classes.flatMap((c) => c.spending.map((s) => row([c.id, s.line, s.amount]))).join('\r\n')}`,
    ].join('\r\n\r\n');
    const folder = join(dir, 'csv-results');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'ket-qua-181.csv'), filled);
    const fromCsv = p135(['report', 'district', join(folder, 'ket-qua-181.csv'), ...PLAN, '--format', 'json']);
    expect(fromCsv.stderr).toBe('');
    const fromJson = JSON.parse(p135(['report', 'district', `${EX}/results/district-181.json`, ...PLAN, '--format', 'json']).stdout);
    const a = JSON.parse(fromCsv.stdout);
    expect(a.trainees).toEqual(fromJson.trainees);
    expect(a.spending).toEqual(fromJson.spending);
    expect(a.findings).toEqual(fromJson.findings);
    const province = p135(['report', 'province', folder, ...PLAN, '--format', 'json']);
    expect(JSON.parse(province.stdout).districts.find((d: { district: string }) => d.district === '181').held).toBe(json.classes.length);
  });
});
