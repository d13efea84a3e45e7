import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EX, errLines, exampleJson, hasStack, p135, readCsv, tmp } from './helpers.js';

const dir = tmp();
interface PlanJson {
  classes: { start: string; trainees: string[] }[];
  budget: { id: string; category: string; amount: string }[];
  candidates?: unknown[];
}

describe('p135 plan check', () => {
  it('shows the findings and the budget against the ceiling and the 10% cap, in vi-VN money', () => {
    const r = p135(['plan', 'check', `${EX}/plan.json`, '--roster', `${EX}/candidates.csv`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Phát hiện: 0 lỗi, 0 cảnh báo');
    expect(r.stdout).toMatch(/Tổng dự toán +7\.980\.000\.000 đ/);
    expect(r.stdout).toMatch(/Trần kinh phí \(KH\.II\.5\.1\) +8\.040\.000\.000 đ {2}✓ trong giới hạn/);
    expect(r.stdout).toMatch(/Giới hạn 10% \(KH\.II\.5\.2\.c\): \[5\] Đoàn trao đổi, học tập kinh nghiệm\n +780\.000\.000 đ \/ 804\.000\.000 đ \(10%\) ✓ trong giới hạn/);
    // every category by its label (the management line by the plan's own label), none cut short
    expect(r.stdout).toMatch(/Quản lý, kiểm tra, giám sát, tổng hợp báo cáo\n +150\.000\.000 đ/);
    expect(r.stdout).not.toContain('…');
  });

  it('exits 1 and names what is wrong when the budget is over the ceiling and the cap', () => {
    const plan = exampleJson<PlanJson>('plan.json');
    const tour = plan.budget.find((b) => b.category === 'study_tour') as PlanJson['budget'][number];
    tour.amount = '900000000';
    const file = join(dir, 'over.json');
    writeFileSync(file, JSON.stringify({ ...plan, candidates: exampleJson<unknown[]>('candidates.json') }));
    const r = p135(['plan', 'check', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Findings: 2 error\(s\), 0 warning\(s\)/);
    expect(r.stdout).toMatch(/✗ error · KH\.II\.5\.1 Total budget · 1 case\(s\)/);
    expect(r.stdout).toMatch(/ {2}KH\.II\.5\.2\.c · budget\.cap\.study_tour\n {4}✗ Study-tour spending of 1,420,000,000 VND exceeds 10%/);
    expect(r.stdout).toMatch(/Ceiling \(KH\.II\.5\.1\) +8,040,000,000 VND {2}✗ OVER/);
    expect(r.stdout).toMatch(/Remaining +-\d{2,3},\d{3},\d{3} VND/);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it('writes the findings and the budget to XLSX with money in number cells', async () => {
    const out = join(dir, 'plan.xlsx');
    const r = p135(['plan', 'check', `${EX}/plan.json`, '--roster', `${EX}/candidates-sample.xlsx`, '-o', out]);
    expect(r.code).toBe(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Phát hiện', 'Kinh phí']);
    const budget = wb.worksheets[1] as ExcelJS.Worksheet;
    expect(budget.getRow(1).values).toEqual([undefined, 'Hạng mục', 'Mã hạng mục', 'Số tiền (đồng)', 'Giới hạn (đồng)', 'Tỷ lệ', 'Trong giới hạn', 'Điều khoản']);
    expect(budget.getCell('C2').value).toBe(7_980_000_000);
    expect(budget.getCell('C2').type).toBe(ExcelJS.ValueType.Number);
    expect(budget.getCell('D2').value).toBe(8_040_000_000);
    expect(budget.getCell('C2').numFmt).toBe('#,##0');
    const findings = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(findings.rowCount).toBeGreaterThan(1);
    findings.eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });

  it('writes the findings as CSV and the whole report as JSON, money as digit strings', () => {
    const csv = p135(['plan', 'check', `${EX}/plan.json`, '--roster', `${EX}/candidates-sample.xlsx`, '--format', 'csv', '--lang', 'en']);
    expect(csv.code).toBe(1);
    const rows = readCsv(csv.stdout);
    expect(rows[0]).toEqual([
      'severity',
      'clause',
      'rule',
      'class',
      'study_tour',
      'trainee',
      'trainee_name',
      'role',
      'district',
      'district_name',
      'commune',
      'commune_name',
      'budget_lines',
      'message',
      'reasons',
    ]);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['roster.not_this_plan']); // a roster of another plan: one finding
    const json = JSON.parse(p135(['plan', 'check', `${EX}/plan.json`, '--roster', `${EX}/candidates.csv`, '--format', 'json']).stdout);
    expect(json.budget).toMatchObject({ total: '7980000000', ceiling: '8040000000', withinCeiling: true });
  });

  it('asks for --roster when the plan has none, and names the JSON path of a bad date', () => {
    const none = p135(['plan', 'check', `${EX}/plan.json`]);
    expect(none.code).toBe(2);
    expect(errLines(none)).toEqual([expect.stringMatching(/plan\.json: kế hoạch không kèm danh sách học viên \(candidates\); hãy thêm --roster TỆP$/)]);
    const plan = exampleJson<PlanJson>('plan.json');
    (plan.classes[2] as PlanJson['classes'][number]).start = '2020-02-30';
    writeFileSync(join(dir, 'date.json'), JSON.stringify(plan));
    const bad = p135(['plan', 'check', join(dir, 'date.json'), '--roster', `${EX}/candidates-sample.xlsx`]);
    expect(bad.code).toBe(2);
    expect(errLines(bad)).toHaveLength(1);
    expect(errLines(bad)[0]).toMatch(/date\.json \$\.classes\[2\]\.start: .*YYYY-MM-DD/);
    expect(hasStack(bad.stderr)).toBe(false);
  });

  it('names the line and character of a malformed plan', () => {
    writeFileSync(join(dir, 'broken.json'), '{\n  "classes": [,]\n}');
    const r = p135(['plan', 'check', join(dir, 'broken.json')]);
    expect(r.code).toBe(2);
    expect(errLines(r)).toEqual([expect.stringMatching(/broken\.json dòng 2, ký tự 15: JSON không hợp lệ/)]);
  });

  it('-o findings.csv names the trainee, their role, the district and commune by code and name — not only ids', () => {
    const roster = readCsv(readFileSync(join(EX, 'candidates.csv'), 'utf8').replace(/^\uFEFF/, ''));
    const worker = roster.find((r) => r[5] === 'Người hoạt động không chuyên trách ở cấp xã, thôn');
    if (!worker) throw new Error('no village worker in the example roster');
    const plan = exampleJson<{ classes: { track: string; trainees: string[] }[] }>('plan.json');
    const first = plan.classes.find((c) => c.track === 'province_cadre');
    first?.trainees.push(worker[0] as string);
    writeFileSync(join(dir, 'ke-hoach-nguoi-ngoai.json'), JSON.stringify(plan));
    const out = join(dir, 'phat-hien.csv');
    const r = p135(['plan', 'check', join(dir, 'ke-hoach-nguoi-ngoai.json'), '--roster', join(EX, 'candidates.csv'), '-o', out]);
    expect(r.code, r.stderr).toBe(1);
    const rows = readCsv(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''));
    const head = rows[0] as string[];
    expect(head.slice(5, 12)).toEqual(['Mã học viên', 'Họ và tên', 'Chức vụ', 'Mã huyện', 'Huyện', 'Mã xã', 'Xã']);
    const theirs = rows.filter((row) => row[5] === worker[0]);
    expect(theirs.length).toBeGreaterThan(0);
    for (const row of theirs) expect(row.slice(5, 12)).toEqual([worker[0], worker[1], worker[5], worker[6], worker[7], worker[8], worker[9]]);
  });
});
