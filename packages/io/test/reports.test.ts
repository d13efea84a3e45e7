import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DistrictReport, districtReport, type Plan, parsePlan, parseResults, type Results } from '@p135/rules';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, reportCsv, reportHtml, reportTables, reportXlsx } from '../src/index.js';
import { book, EXAMPLES, exampleCandidates, utf8 } from './helpers.js';

let plan: Plan;
let raw: Results;
let report: DistrictReport;

beforeAll(async () => {
  plan = parsePlan(JSON.parse(readFileSync(`${EXAMPLES}plan.json`, 'utf8')), book).value as Plan;
  raw = parseResults(JSON.parse(readFileSync(`${EXAMPLES}results/district-183.json`, 'utf8')), book).value as Results;
  report = await districtReport(book, plan, raw, { roster: exampleCandidates() });
}, 60_000);

describe('a district report as tables', () => {
  it('has totals that add up the rows, and money as exact digits', () => {
    const tables = Object.fromEntries(reportTables(report, 'vi').map((t) => [t.key, t]));
    const held = tables.held;
    const sumSpent = raw.classes.reduce((s, c) => s + c.spending.reduce((t, x) => t + BigInt(x.amount), 0n), 0n);
    expect(held?.total?.[10]).toEqual({ money: sumSpent.toString() });
    expect(held?.total?.[9]).toBe(raw.classes.reduce((s, c) => s + new Set(c.trainees).size, 0));
    const classes = tables.classes;
    expect(classes?.total?.[3]).toBe(raw.classes.length);
    expect(tables.findings?.rows[0]?.[4]).toContain('chậm 4 ngày');
  });

  it('names each finding’s district and commune as the report does, code beside the name', () => {
    const commune = report.classes.byCommune[0];
    const late = report.findings[0];
    expect(commune?.name).toBeTruthy();
    expect(late?.where).toEqual({ district: report.district });
    const withCommune = { ...report, findings: [...report.findings, { ...(late as NonNullable<typeof late>), where: { commune: commune?.code, class: 'L-01' } }] };
    const rows = reportTables(withCommune, 'vi').find((t) => t.key === 'findings')?.rows ?? [];
    expect(rows[0]?.[3]).toBe(`Huyện Cao Lộc (183)`);
    expect(rows[1]?.[3]).toBe(`${commune?.name} (${commune?.code}) · L-01`);
    // A code the report names nowhere is printed as it is.
    const unknown = { ...report, findings: [{ ...(late as NonNullable<typeof late>), where: { commune: '99999' } }] };
    expect(reportTables(unknown, 'en').find((t) => t.key === 'findings')?.rows[0]?.[3]).toBe('99999');
  });

  it('writes CSV tables by key, headers in the chosen language', () => {
    const csv = reportCsv(report, 'en', 'spending') as string;
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('budget line,what for,estimate,spent,remaining,within');
    expect(reportCsv(report, 'vi', 'nope')).toBeUndefined();
    expect(reportCsv(report, 'vi')).toContain('Các phát hiện');
  });
});

describe('the printed-layout workbook', () => {
  it('opens with the heading, the tables with totals, the signatures; each table on its own sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(report, 'vi', { date: new Date('2020-12-04T00:00:00Z') })) as unknown as ArrayBuffer);
    const front = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(front.name).toBe('Báo cáo');
    expect(front.getCell(1, 1).value).toBe('ỦY BAN NHÂN DÂN HUYỆN CAO LỘC');
    expect(String(front.getCell(1, 9).value ?? front.getCell(1, 7).value)).toMatch(/CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(front.pageSetup.paperSize).toBe(9);
    const texts: string[] = [];
    front.eachRow((row) => texts.push(String(row.getCell(1).value ?? '')));
    expect(texts).toContain('Tổng cộng');
    expect(texts.some((t) => t.startsWith('NGƯỜI LẬP BIỂU'))).toBe(true);
    expect(wb.worksheets.length).toBe(1 + reportTables(report, 'vi').length);
  });
});

describe('the printable HTML page', () => {
  it('escapes what the results say and prints on A4', () => {
    const hostile = { ...report, heading: { ...report.heading, note: '<script>alert(1)</script>' } };
    const html = reportHtml(hostile, 'vi');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('size: A4 landscape');
  });

  it.runIf(existsSync('/usr/bin/chromium'))('prints to an A4 landscape PDF in headless Chromium', () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-report-'));
    const page = join(dir, 'r.html');
    const pdf = join(dir, 'r.pdf');
    writeFileSync(page, reportHtml(report, 'vi'));
    const r = spawnSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', `file://${page}`], { timeout: 60_000 });
    expect(r.status).toBe(0);
    const bytes = readFileSync(pdf).toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    // A4 landscape: 297 × 210 mm ≈ 842 × 595 points (Chromium writes 841.92 × 594.96).
    expect(bytes).toMatch(/\/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]/);
  });
});

describe('reading results', () => {
  it('places a JSON problem at its path in the file, never throwing', async () => {
    const r = await readResults({ name: 'kq.json', bytes: utf8('{"district": "18", "sentOn": "2020-11-20", "classes": []}') }, book);
    expect(r.results).toBeUndefined();
    expect(r.errors[0]?.place).toEqual({ file: 'kq.json', path: '$.district' });
    const broken = await readResults({ name: 'kq.json', bytes: utf8('{"district": ') }, book);
    expect(broken.errors[0]?.place.file).toBe('kq.json');
  });
});
