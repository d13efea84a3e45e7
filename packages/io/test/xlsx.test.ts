import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { inflateWithin, listZipEntries, type ZipEntry, zipEntryData } from '../src/zip.js';
import { craftZip, deflatedZeros } from './zips.js';
import { READ_LIMITS } from '../src/limits.js';
import { formatInputError, type InputError, readRoster, type Sheet, toXlsx } from '../src/index.js';
import { readXlsx } from '../src/xlsx-read.js';
import { book, EXAMPLES, exampleCandidates, lines, person, VI_HEADER, workbookBytes } from './helpers.js';

function entryText(bytes: Uint8Array, name: string): string {
  const listed = listZipEntries(bytes);
  if (!('entries' in listed)) throw new Error(listed.problem);
  const entry = listed.entries.find((e) => e.name === name);
  if (!entry) throw new Error(`no ${name}`);
  const data = zipEntryData(bytes, entry);
  return (entry.method === 8 ? inflateRawSync(data) : Buffer.from(data)).toString('utf8');
}

function entriesOf(zip: Uint8Array): ZipEntry[] {
  const listed = listZipEntries(zip);
  if (!('entries' in listed)) throw new Error('not a zip');
  return listed.entries;
}

describe('reading XLSX', () => {
  it('reads the first sheet as text: numbers, dates, booleans, rich text, hyperlinks and formula results', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.addRow(['a', 'b', 'c', 'd', 'e', 'f']);
      ws.addRow([1975, new Date(Date.UTC(1985, 4, 1)), true, { richText: [{ text: 'Hoàng ' }, { text: 'Mai' }] }, { text: 'link', hyperlink: 'http://x' }, { formula: 'A2+1', result: 1976 }]);
    });
    const r = await readXlsx(bytes, READ_LIMITS);
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => [x.place.row, x.cells])).toEqual([
      [1, ['a', 'b', 'c', 'd', 'e', 'f']],
      [2, ['1975', '1985-05-01', 'true', 'Hoàng Mai', 'link', '1976']],
    ]);
  });

  it('keeps real row numbers when the sheet has empty rows', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.getRow(1).values = ['Mã'];
      ws.getRow(4).values = ['LS-1'];
    });
    expect((await readXlsx(bytes, READ_LIMITS)).rows.map((x) => x.place.row)).toEqual([1, 4]);
  });

  it('names the cell of a formula without a saved result and of an error value', async () => {
    const noResult = await workbookBytes((ws) => {
      ws.addRow(['Mã', 'Năm sinh']);
      ws.addRow(['LS-1', { formula: 'NOW()' }]);
    });
    expect((await readXlsx(noResult, READ_LIMITS)).errors[0]).toMatchObject({ code: 'xlsx.formula_without_result', place: { row: 2, column: 'Năm sinh' } });
    const errorCell = await workbookBytes((ws) => {
      ws.addRow(['Mã', 'Năm sinh']);
      ws.addRow(['LS-1', { error: '#N/A' }]);
    });
    expect((await readXlsx(errorCell, READ_LIMITS)).errors[0]).toMatchObject({ code: 'xlsx.error_cell', place: { row: 2, column: 'Năm sinh' } });
  });

  it('reads a roster from XLSX with a date in the birth-year column as an error naming the cell', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.addRow(VI_HEADER);
      ws.addRow(person());
      ws.addRow(person({}, 'LS-2')).getCell(4).value = new Date(Date.UTC(1985, 4, 1));
    });
    const r = await readRoster({ name: 'ds.xlsx', bytes }, book);
    expect(lines(r.errors)).toEqual(['ds.xlsx dòng 3, cột "Năm sinh": "1985-05-01" không phải là năm: cần 4 chữ số, ví dụ 1975']);
  });

  it('reads the example sample: the first 50 people of candidates.json', async () => {
    const r = await readRoster({ name: 'candidates-sample.xlsx', bytes: readFileSync(`${EXAMPLES}candidates-sample.xlsx`) }, book);
    expect(r.errors).toEqual([]);
    expect(r.candidates).toEqual(exampleCandidates().slice(0, 50));
  });

  it('refuses a truncated file, a file cut in the middle, garbage and a ZIP that is not a workbook', async () => {
    const good = new Uint8Array(readFileSync(`${EXAMPLES}candidates-sample.xlsx`));
    const truncated = await readRoster({ name: 'x.xlsx', bytes: good.slice(0, Math.floor(good.length / 2)) }, book);
    expect(lines(truncated.errors)).toEqual(['x.xlsx: tệp XLSX bị cắt cụt hoặc hỏng; hãy lưu hoặc tải lại tệp']);
    const cut = new Uint8Array([...good.slice(0, 2000), ...good.slice(3000)]);
    expect((await readRoster({ name: 'x.xlsx', bytes: cut }, book)).errors[0]?.code).toBe('xlsx.truncated');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    expect((await readRoster({ name: 'x.xlsx', bytes: garbage }, book)).errors[0]?.code).toBe('xlsx.not_xlsx');
    expect((await readRoster({ name: 'x.xlsx', bytes: new Uint8Array() }, book)).errors[0]?.code).toBe('input.empty');
  });

  it('refuses a workbook whose compressed data is corrupt, with one line and no stack', async () => {
    const good = new Uint8Array(readFileSync(`${EXAMPLES}candidates-sample.xlsx`));
    const listed = listZipEntries(good);
    if (!('entries' in listed)) throw new Error('not a zip');
    const sheet = listed.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const bad = good.slice();
    const data = zipEntryData(bad, sheet);
    for (let i = 10; i < data.length - 10; i += 3) data[i] = (data[i] as number) ^ 0x5a;
    const r = await readRoster({ name: 'x.xlsx', bytes: bad }, book);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.code).toBe('xlsx.corrupt');
    expect(lines(r.errors)[0]).not.toMatch(/\n|at .*\.js:\d+/);
  });

  it('refuses a zip bomb: entries that say they unpack to more than the limit', async () => {
    const bomb = new Uint8Array(readFileSync(`${EXAMPLES}candidates-sample.xlsx`));
    const listed = listZipEntries(bomb);
    if (!('entries' in listed)) throw new Error('not a zip');
    const e = listed.entries[0];
    if (!e) throw new Error('empty');
    new DataView(bomb.buffer, bomb.byteOffset).setUint32(e.centralOffset + 24, 0xfffffff0, true);
    expect((await readXlsx(bomb, READ_LIMITS)).errors[0]?.code).toBe('xlsx.too_large_unpacked');
  });

  it('refuses a zip bomb whose headers lie: small declared sizes, far more real content (inflating stops past the limit)', async () => {
    const limits = { ...READ_LIMITS, maxUnpackedBytes: 1024 * 1024 };
    // declares 1,000 bytes, really unpacks to 16 MiB (16 times the limit)
    const bomb = craftZip([{ name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(16 * 1024 * 1024), method: 8, declared: 1000 }]);
    const r = await readRoster({ name: 'bomb.xlsx', bytes: bomb }, book, { limits });
    expect(r.errors.map((e) => e.code)).toEqual(['xlsx.too_large_unpacked']);
    expect(formatInputError(r.errors[0] as InputError, 'vi')).toBe('bomb.xlsx: tệp XLSX giải nén ra hơn 1 MiB');
    // the same bytes stay within a limit they fit in: only the limit refuses them
    expect(await inflateWithin(bomb, entriesOf(bomb), 32 * 1024 * 1024)).toEqual({ bytes: 16 * 1024 * 1024 });
    // many entries, each under the limit and each lying, adding up past it
    const many = craftZip(Array.from({ length: 6 }, (_, k) => ({ name: `xl/part${k}.xml`, data: deflatedZeros(256 * 1024), method: 8 as const, declared: 10 })));
    expect((await readXlsx(many, limits)).errors[0]?.code).toBe('xlsx.too_large_unpacked');
  });

  it('refuses a zip whose entries overlap (many names for the same compressed data), and a zip nested in a zip', async () => {
    const one = { name: 'xl/worksheets/sheet1.xml', data: deflatedZeros(64 * 1024), method: 8 as const, declared: 64 * 1024 };
    const overlapping = craftZip(
      [one],
      Array.from({ length: 100 }, (_, k) => ({ name: `xl/copy${k}.xml`, of: 0 })),
    );
    const r = await readRoster({ name: 'overlap.xlsx', bytes: overlapping }, book);
    expect(r.errors.map((e) => e.code)).toEqual(['xlsx.overlapping_parts']);
    expect(formatInputError(r.errors[0] as InputError, 'vi')).toMatch(/^overlap\.xlsx: tệp XLSX có các phần dùng chung dữ liệu/);
    // a zip inside a zip (inner: a lying bomb) is data, never unpacked: the outer is not a workbook
    const inner = craftZip([{ name: 'bomb.xml', data: deflatedZeros(4 * 1024 * 1024), method: 8, declared: 10 }]);
    const nested = craftZip([{ name: 'inner.zip', data: inner, method: 0, declared: inner.length }]);
    const n = await readRoster({ name: 'nested.xlsx', bytes: nested }, book);
    expect(n.errors).toHaveLength(1);
    expect(n.errors[0]?.code).toMatch(/^xlsx\./);
    // stored data that says it is deflated but is not: corrupt, not a crash
    const garbage = craftZip([{ name: 'xl/workbook.xml', data: new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x12]), method: 8, declared: 5 }]);
    expect((await readXlsx(garbage, READ_LIMITS)).errors[0]?.code).toBe('xlsx.corrupt');
  });

  it('refuses more rows, more columns or longer cells than the limits', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.addRow(['a', 'b']);
      for (let i = 0; i < 5; i++) ws.addRow(['x', 'y']);
    });
    expect((await readXlsx(bytes, { ...READ_LIMITS, maxRows: 3 })).errors[0]?.code).toBe('input.too_many_rows');
    expect((await readXlsx(bytes, { ...READ_LIMITS, maxColumns: 1 })).errors[0]).toMatchObject({ code: 'input.too_many_columns', place: { row: 1 } });
    expect((await readXlsx(bytes, { ...READ_LIMITS, maxBytes: 100 })).errors[0]?.code).toBe('input.too_large');
    const long = await workbookBytes((ws) => {
      ws.addRow(['a']);
      ws.addRow(['x'.repeat(20)]);
    });
    expect((await readXlsx(long, { ...READ_LIMITS, maxCellChars: 10 })).errors[0]).toMatchObject({ code: 'input.cell_too_long', place: { row: 2, column: 'a' } });
  });
});

describe('writing XLSX', () => {
  const sheet: Sheet = {
    name: 'Kinh phí: [2020]',
    columns: [
      { key: 'text', header: 'Nội dung' },
      { key: 'money', header: 'Số tiền' },
      { key: 'n', header: 'Điểm' },
    ],
    rows: [
      ['=HYPERLINK("http://x","bấm")', { money: '8040000000' }, 2],
      ['+1', { money: '9007199254740993' }, null],
      ['@SUM(A1)', { money: '-60000000' }, 0],
    ],
  };

  it('writes text as string cells (never formulas) and money as exact number cells, text when too large', async () => {
    const bytes = await toXlsx([sheet]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    if (!ws) throw new Error('no sheet');
    expect(ws.name).toBe('Kinh phí   2020');
    expect(ws.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('A2').value).toBe('=HYPERLINK("http://x","bấm")');
    expect(ws.getCell('A3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B2').value).toBe(8040000000);
    expect(ws.getCell('B2').numFmt).toBe('#,##0');
    expect(ws.getCell('B3').value).toBe('9007199254740993');
    expect(ws.getCell('B4').value).toBe(-60000000);
    expect(ws.getCell('C2').value).toBe(2);
    expect(entryText(bytes, 'xl/worksheets/sheet1.xml')).not.toMatch(/<f[ >]/);
  });

  it('gives the same bytes for the same content and date', async () => {
    const date = new Date(Date.UTC(2020, 5, 1));
    const a = await toXlsx([sheet], { date });
    await new Promise((r) => setTimeout(r, 2100));
    const b = await toXlsx([sheet], { date });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
