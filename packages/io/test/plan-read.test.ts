/**
 * One plan reader for JSON, the plan workbook and CSV sheets: the same plan from each; amounts
 * read exactly from number cells and vi-VN text, anything else refused before decimal.js; every
 * problem named by sheet, row, the row's id and column.
 */
import { readFileSync } from 'node:fs';
import { parsePlan, type Plan } from '@p135/rules';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { formatInputError, type InputError, planTemplate, readPlan, toCsv, toXlsx } from '../src/index.js';
import { amountOf, moneyDigits } from '../src/plans/cells.js';
import { book, EXAMPLES, itOutsideMutationRuns } from './helpers.js';

const json = readFileSync(`${EXAMPLES}plan.json`);
const parsed = parsePlan(JSON.parse(json.toString('utf8')), book);
if (!parsed.value) throw new Error('the example plan does not validate');
const plan: Plan = parsed.value;

describe('amounts as people write them', () => {
  it('takes whole đồng as digits, vi-VN groups, with or without "đ", and number cells', () => {
    for (const [text, digits] of [
      ['150000000', '150000000'],
      ['150.000.000', '150000000'],
      ['150.000.000 đ', '150000000'],
      ['150.000.000đ', '150000000'],
      ['150 000 000 VNĐ', '150000000'],
      ['8.040.000.000 đồng', '8040000000'],
    ] as const)
      expect(moneyDigits(text), text).toBe(digits);
    expect(amountOf(150_000_000, '150000000')).toEqual({ value: '150000000' });
  });
  it('refuses NaN, Infinity, hex, exponents, fractions, commas, signs and unsafe number cells, saying how to write it', () => {
    for (const text of ['NaN', 'Infinity', '0x10', '1e9', '1,5', '150,000,000', '-5', '1.5', '15.0000', '150.000.00', '', ' ', 'một trăm']) expect(moneyDigits(text), text).toBeUndefined();
    const bad = amountOf('1e9', '1e9');
    expect('problem' in bad && bad.problem.vi).toContain('"1e9" không phải số tiền: ghi số đồng chẵn, ví dụ 150000000 hoặc 150.000.000');
    const fraction = amountOf(1.5, '1.5');
    expect('problem' in fraction && fraction.problem.en).toContain('has a fraction');
    const huge = amountOf(2 ** 60, String(2 ** 60));
    expect('problem' in huge && huge.problem.vi).toContain('quá lớn để ô số giữ chính xác');
    expect('problem' in amountOf(Number.NaN, 'NaN')).toBe(true);
  });
});

describe('readPlan: one reader for JSON, the workbook and CSV sheets', () => {
  itOutsideMutationRuns(
    'the plan written into the template (vi headers) reads back as the same plan as the JSON',
    async () => {
      const bytes = await toXlsx(planTemplate(book, 'vi', plan));
      const r = await readPlan({ name: 'ke-hoach.xlsx', bytes }, book);
      expect(r.errors).toEqual([]);
      const fromJson = await readPlan({ name: 'plan.json', bytes: new Uint8Array(json) }, book);
      expect(r.plan).toEqual(fromJson.plan);
    },
    300_000,
  );
  itOutsideMutationRuns(
    'so does the English template, and the sheets as CSV files',
    async () => {
      const en = await readPlan({ name: 'plan.xlsx', bytes: await toXlsx(planTemplate(book, 'en', plan)) }, book);
      expect(en.plan).toEqual(plan);
      const sheets = planTemplate(book, 'vi', plan).slice(1, 5);
      const csv = await readPlan(
        sheets.map((s, i) => ({ name: `sheet-${i}.csv`, bytes: new TextEncoder().encode(toCsv(s)) })),
        book,
      );
      expect(csv.errors).toEqual([]);
      expect(csv.plan?.classes).toEqual(plan.classes);
      expect(csv.plan?.budget).toEqual(plan.budget);
    },
    300_000,
  );
  itOutsideMutationRuns(
    'a title row above the header and a total row below are not read as lines',
    async () => {
      const bytes = await toXlsx(planTemplate(book, 'vi', plan));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      const ws = wb.getWorksheet('Dự toán') as ExcelJS.Worksheet;
      ws.spliceRows(1, 0, ['DỰ TOÁN KINH PHÍ NĂM 2020'], []);
      ws.addRow(['Tổng cộng', null, null, 7_980_000_000]);
      const r = await readPlan({ name: 'ke-hoach.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }, book);
      expect(r.errors).toEqual([]);
      expect(r.plan?.budget).toEqual(plan.budget);
    },
    300_000,
  );
  it('names a bad value by sheet, row, the row’s own id and column, in vi and en', async () => {
    const bytes = await toXlsx(planTemplate(book, 'vi', plan));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    (wb.getWorksheet('Lớp') as ExcelJS.Worksheet).getCell('G3').value = 'ba';
    (wb.getWorksheet('Dự toán') as ExcelJS.Worksheet).getCell('D18').value = 'Infinity';
    const r = await readPlan({ name: 'ke-hoach.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }, book);
    expect(r.errors.map((e) => formatInputError(e, 'vi'))).toEqual([
      'ke-hoach.xlsx trang "Dự toán", dòng 18 (NS-17), cột "Số tiền (đồng)": "Infinity" không phải số tiền: ghi số đồng chẵn, ví dụ 150000000 hoặc 150.000.000 (có thể thêm "đ"); không dùng dấu phẩy, phần lẻ, số mũ hay chữ',
    ]);
    expect(formatInputError(r.errors[0] as never, 'en')).toMatch(/^ke-hoach\.xlsx sheet "Dự toán", row 18 \(NS-17\), column "Số tiền \(đồng\)": "Infinity" is not an amount/);
    (wb.getWorksheet('Dự toán') as ExcelJS.Worksheet).getCell('D18').value = 150_000_000;
    const days = await readPlan({ name: 'ke-hoach.xlsx', bytes: new Uint8Array(await wb.xlsx.writeBuffer()) }, book);
    expect(days.errors.map((e) => formatInputError(e, 'vi'))[0]).toMatch(/^ke-hoach\.xlsx trang "Lớp", dòng 3 \(PC-2\), cột "Số ngày": /);
    expect(days.errors.every((e) => e.place.path === undefined)).toBe(true);
  }, 300_000);
  it('a workbook without the classes sheet, or a CSV file of no known sheet, says which sheet and how to start', async () => {
    const none = await readPlan({ name: 'x.xlsx', bytes: await toXlsx([{ name: 'Sheet1', columns: [{ key: 'a', header: 'A' }], rows: [['1']] }]) }, book);
    expect(none.errors.map((e) => e.code)).toEqual(['xlsx.missing_sheet']);
    expect(none.errors[0]?.message.vi).toContain('p135 plan template');
    const csv = await readPlan({ name: 'ghi-chu.csv', bytes: new TextEncoder().encode('STT,Ghi chú\n1,x\n') }, book);
    expect(csv.errors.map((e) => [e.code, e.place.file])).toEqual([['input.unknown_sheet', 'ghi-chu.csv']]);
  }, 300_000);
});

/** Text in Windows-1258: a precomposed letter where the code page has one, else the letter and a combining tone mark. */
function windows1258(text: string): Uint8Array {
  const page = new Map<string, number>();
  const decoder = new TextDecoder('windows-1258');
  for (let b = 0x80; b <= 0xff; b++) page.set(decoder.decode(Uint8Array.of(b)), b);
  const tones = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) as number;
    const direct = code < 0x80 ? code : page.get(ch);
    if (direct !== undefined) {
      out.push(direct);
      continue;
    }
    const [base, ...marks] = [...ch.normalize('NFD')];
    const head = `${base}${marks.filter((m) => !tones.has(m)).join('')}`.normalize('NFC');
    const byte = (head.codePointAt(0) as number) < 0x80 ? head.codePointAt(0) : page.get(head);
    if (byte === undefined) throw new Error(`no Windows-1258 bytes for ${ch}`);
    out.push(byte, ...marks.filter((m) => tones.has(m)).map((t) => page.get(t) as number));
  }
  return Uint8Array.from(out);
}

describe('readPlan: what was read differently is told, not hidden', () => {
  it('a JSON plan or a CSV sheet saved as Windows-1258 is read, with a notice naming the file', async () => {
    const fromJson = await readPlan({ name: 'ke-hoach.json', bytes: windows1258(json.toString('utf8')) }, book);
    expect(fromJson.errors).toEqual([]);
    expect(fromJson.plan).toEqual(plan);
    expect(fromJson.warnings.map((w) => [w.code, w.place.file])).toEqual([['input.decoded', 'ke-hoach.json']]);
    const sheets = planTemplate(book, 'vi', plan);
    const csv = (i: number) => new TextEncoder().encode(toCsv(sheets[i] as (typeof sheets)[number]));
    const sources = [0, 1, 2, 3].map((i) => ({ name: `trang-${i}.csv`, bytes: csv(i) }));
    const budget = { name: 'du-toan.csv', bytes: windows1258(toCsv(sheets[4] as (typeof sheets)[number]).replace(/^\uFEFF/, '')) };
    const fromCsv = await readPlan([...sources, budget], book);
    expect(fromCsv.errors.map((e) => formatInputError(e, 'vi'))).toEqual([]);
    expect(fromCsv.warnings.map((w) => [w.code, w.place.file])).toEqual([['input.decoded', 'du-toan.csv']]);
    expect(formatInputError(fromCsv.warnings[0] as InputError, 'vi')).toMatch(/^du-toan\.csv: /);
    // a plain UTF-8 file: nothing to tell
    expect((await readPlan({ name: 'ke-hoach.json', bytes: json }, book)).warnings).toEqual([]);
  });
});
