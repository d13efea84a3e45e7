import { describe, expect, it } from 'vitest';
import { type CsvBatch } from '../src/csv-parser.js';
import { CsvParser, Utf8Decoder } from '../src/index.js';
import { parseCsv } from '../src/csv-read.js';
import { READ_LIMITS } from '../src/limits.js';
import { type TableRow } from '../src/table.js';
import { utf8 } from './helpers.js';

/** Bytes fed `size` at a time through the decoder and the incremental parser: every row and the error, if any. */
function streamed(bytes: Uint8Array, size: number, limits = READ_LIMITS): { rows: TableRow[]; error?: string; delimiter?: string } {
  const decoder = new Utf8Decoder(limits);
  const parser = new CsvParser(limits);
  const rows: TableRow[] = [];
  let error: string | undefined;
  const take = (batch: CsvBatch) => {
    rows.push(...batch.rows);
    if (batch.error) error ??= `${batch.error.code} ${JSON.stringify(batch.error.place)}`;
  };
  for (let i = 0; i < bytes.length && !error; i += size) {
    const d = decoder.decode(bytes.subarray(i, i + size));
    if ('error' in d) error = d.error.code;
    else take(parser.push(d.text));
  }
  if (!error) {
    const d = decoder.end();
    if ('error' in d) error = d.error.code;
    else {
      take(parser.push(d.text));
      take(parser.end());
    }
  }
  return { rows, ...(error ? { error } : {}), delimiter: parser.delimiter };
}

/** The same text, whole, through parseCsv. */
function whole(text: string, limits = READ_LIMITS): { rows: TableRow[]; error?: string; delimiter?: string } {
  const r = parseCsv(text.replace(/^\uFEFF/, ''), limits);
  const e = r.errors[0];
  return { rows: r.rows, ...(e ? { error: `${e.code} ${JSON.stringify(e.place)}` } : {}), delimiter: r.delimiter };
}

/** Inputs that put every hard case at every offset. */
const CORPUS = [
  '\uFEFFMã,Họ và tên,Ghi chú\r\nLS-1,Hoàng Thị Mai,"dòng một\r\ndòng hai"\r\nLS-2,"Nguyễn ""Bé"" Văn Ấn",😀 Đặng\r\n',
  'Mã;Tên;Xã\nLS-1;"Nông, Thị Lự";Xã Đồng Đăng\rLS-2;Lường Văn Ụt;"a;b"\r\n\r\nLS-3;Ỷ;\n',
  '\n\nh1,h2\n"a\nb",c\n\nd,e',
  'a,b,\n1,,\n"",""\n"x""",""""\n',
  'id,name\r\n1,"unterminated\r\n2,x',
  'a,b\n"x"y,z\n',
];

describe('CsvParser (incremental) and parseCsv (whole) are one parser', () => {
  for (const [k, text] of CORPUS.entries()) {
    it(`corpus ${k}: the same rows, delimiter and error in 1-byte, 2-byte, 3-byte, 7-byte pieces as whole`, () => {
      const bytes = utf8(text);
      const expected = whole(text);
      for (const size of [1, 2, 3, 7, 64, bytes.length]) expect(streamed(bytes, size), `pieces of ${size}`).toEqual(expected);
    });
  }

  it('joins a Vietnamese letter split between pieces (ặ is 3 bytes, 😀 is 4) and drops a BOM split in two', () => {
    const bytes = utf8('\uFEFFMã,Tên\r\nLS-1,Đặng Thị Ặ😀\r\n');
    const r = streamed(bytes, 1);
    expect(r.error).toBeUndefined();
    expect(r.rows.map((x) => x.cells)).toEqual([
      ['Mã', 'Tên'],
      ['LS-1', 'Đặng Thị Ặ😀'],
    ]);
  });

  it('keeps a line break inside quotes when the quote, the CR and the LF come in separate pieces', () => {
    const parser = new CsvParser(READ_LIMITS);
    const pieces = ['Mã,Ghi chú\r', '\n', 'LS-1,"một', '\r', '\n', 'hai"', '"', '"\r', '\nLS-2,x'];
    const rows = pieces.flatMap((p) => parser.push(p).rows);
    rows.push(...parser.end().rows);
    expect(rows.map((r) => [r.place.row, ...r.cells])).toEqual([
      [1, 'Mã', 'Ghi chú'],
      [2, 'LS-1', 'một\r\nhai"'],
      [3, 'LS-2', 'x'],
    ]);
  });

  it('waits for the header line to end before choosing the delimiter', () => {
    const parser = new CsvParser(READ_LIMITS);
    expect(parser.push('Mã;Tên').rows).toEqual([]);
    expect(parser.delimiter).toBeUndefined();
    expect(parser.push(',x;y\nLS-1;A').rows.map((r) => r.cells)).toEqual([['Mã', 'Tên,x', 'y']]);
    expect(parser.delimiter).toBe(';');
    expect(parser.end().rows.map((r) => r.cells)).toEqual([['LS-1', 'A']]);
  });

  it('holds only the record not yet complete: a quote left open fails once the cell is too long, not at the end', () => {
    const limits = { ...READ_LIMITS, maxCellChars: 100 };
    const parser = new CsvParser(limits);
    expect(parser.push('a,b\n1,"open').error).toBeUndefined();
    const batch = parser.push('x'.repeat(200));
    expect(batch.error).toMatchObject({ code: 'input.cell_too_long', place: { row: 2, column: 'b' } });
    expect(batch.error?.message.vi).toContain('dấu ngoặc kép');
    expect(parser.push('more').rows).toEqual([]);
  });

  it('counts rows over pieces for the row limit, as the whole parser does', () => {
    const limits = { ...READ_LIMITS, maxRows: 2 };
    const bytes = utf8('h\n1\n2\n3\n4\n');
    expect(streamed(bytes, 1, limits).error).toBe('input.too_many_rows {"row":4}');
    expect(whole('h\n1\n2\n3\n4\n', limits).error).toBe('input.too_many_rows {"row":4}');
  });
});

describe('Utf8Decoder', () => {
  const decodeAll = (bytes: Uint8Array, size: number) => {
    const d = new Utf8Decoder(READ_LIMITS);
    let text = '';
    for (let i = 0; i < bytes.length; i += size) {
      const r = d.decode(bytes.subarray(i, i + size));
      if ('error' in r) return r.error;
      text += r.text;
    }
    const r = d.end();
    return 'error' in r ? r.error : text + r.text;
  };

  it('names the line of bytes that are not UTF-8, even when the bad sequence starts in the previous piece', () => {
    const bytes = new Uint8Array([...utf8('Mã,Tên\nLS-1,Đặng\nLS-2,Ho'), 0xe1, 0xbb, 0x41, ...utf8('\nLS-3,x\n')]);
    for (const size of [1, 2, 3, 5, bytes.length]) expect(decodeAll(bytes, size), `pieces of ${size}`).toMatchObject({ code: 'input.not_utf8', place: { line: 3 } });
  });

  it('refuses a character cut off at the end, a zero byte (with its line), too many bytes, and blanks only', () => {
    expect(decodeAll(new Uint8Array([...utf8('a\nb'), 0xe1, 0xbb]), 1)).toMatchObject({ code: 'input.not_utf8', place: { line: 2 } });
    expect(decodeAll(new Uint8Array([...utf8('a\nb\nc'), 0]), 2)).toMatchObject({ code: 'input.binary', place: { line: 3 } });
    expect(decodeAll(utf8('\uFEFF \r\n \n'), 1)).toMatchObject({ code: 'input.empty' });
    const small = new Utf8Decoder({ maxBytes: 5 });
    expect(small.decode(utf8('abc'))).toEqual({ text: 'abc' });
    expect(small.decode(utf8('def'))).toMatchObject({ error: { code: 'input.too_large' } });
    expect(small.bytesRead).toBe(6);
  });
});
