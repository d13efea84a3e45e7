import { describe, expect, it } from 'vitest';
import { firstInvalidUtf8, Utf8Decoder } from '../src/utf8-decoder.js';
import { formatInputError, type InputError } from '../src/index.js';
import { utf8 } from './helpers.js';

// A CSV or JSON file arrives in pieces (a stream, or an upload): its text must not depend on where
// the pieces split, and an error must name the line a user opens in a text editor to mend it.

const bytes = (...b: number[]) => new Uint8Array(b);

function strictlyUtf8(input: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(input);
    return true;
  } catch {
    return false;
  }
}

describe('firstInvalidUtf8: where UTF-8 first breaks, at each edge of its byte ranges', () => {
  const cases: [string, number[], number][] = [
    ['ASCII up to 0x7F', [0x41, 0x7f], -1],
    ['0x80 cannot begin a character', [0x80], 0],
    ['a continuation byte alone, even followed by three more', [0x80, 0x90, 0x80, 0x80], 0],
    ['0xBF followed by continuation bytes', [0xbf, 0xbf, 0xbf], 0],
    ['0xC1: an overlong two-byte lead', [0xc1, 0xbf], 0],
    ['0xC1 followed by two continuation bytes', [0xc1, 0xbf, 0xbf], 0],
    ['U+0080, the first two-byte character', [0xc2, 0x80], -1],
    ['U+07FF, the last two-byte character', [0xdf, 0xbf], -1],
    ['a two-byte lead followed by ASCII', [0xc3, 0x41], 0],
    ['a two-byte lead at the end', [0x61, 0xc3], 1],
    ['U+0800, the first three-byte character', [0xe0, 0xa0, 0x80], -1],
    ['an overlong three-byte form', [0xe0, 0x9f, 0xbf], 0],
    ['U+D7FF, just before the surrogates', [0xed, 0x9f, 0xbf], -1],
    ['U+D800, the first surrogate', [0xed, 0xa0, 0x80], 0],
    ['U+DFFF, the last surrogate', [0xed, 0xbf, 0xbf], 0],
    ['U+E000, just after the surrogates', [0xee, 0x80, 0x80], -1],
    ['U+FFFF, the last three-byte character', [0xef, 0xbf, 0xbf], -1],
    ['a three-byte character cut after its second byte', [0x61, 0xe1, 0xbb], 1],
    ['U+10000, the first four-byte character', [0xf0, 0x90, 0x80, 0x80], -1],
    ['an overlong four-byte form', [0xf0, 0x8f, 0xbf, 0xbf], 0],
    ['U+10FFFF, the last character', [0xf4, 0x8f, 0xbf, 0xbf], -1],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['0xF5 never begins a character', [0xf5, 0x80, 0x80, 0x80], 0],
    ['0xF8 followed by what would make U+10000', [0xf8, 0x90, 0x80, 0x80], 0],
    ['a four-byte character cut after its third byte', [0xf0, 0x9f, 0x98], 0],
    ['Vietnamese text and a check mark', [...utf8('Đoàn Kết ✓ 😀')], -1],
    ['a break after valid text', [...utf8('Hoàng '), 0xff], utf8('Hoàng ').length],
  ];
  it.each(cases)('%s', (_, input, at) => {
    expect(firstInvalidUtf8(bytes(...input))).toBe(at);
    // the same as the platform's own strict decoder says
    expect(strictlyUtf8(bytes(...input))).toBe(at === -1);
  });
});

/** Decodes `input` given in pieces that end at `cuts`: the text, or the first error. */
function decodeInPieces(input: Uint8Array, cuts: readonly number[], maxBytes = 1_000_000): { text: string } | { error: InputError } {
  const decoder = new Utf8Decoder({ maxBytes });
  let text = '';
  let from = 0;
  for (const to of [...cuts, input.length]) {
    const got = decoder.decode(input.subarray(from, to));
    if ('error' in got) return got;
    text += got.text;
    from = to;
  }
  const rest = decoder.end();
  return 'error' in rest ? rest : { text: text + rest.text };
}

/** Every way to cut `n` bytes into three pieces (two cuts, empty pieces included). */
function* twoCuts(n: number): Generator<number[]> {
  for (let i = 0; i <= n; i++) for (let j = i; j <= n; j++) yield [i, j];
}

const fixed = (n: number, size: number) => Array.from({ length: Math.ceil(n / size) - 1 }, (_, k) => (k + 1) * size);

describe('Utf8Decoder: a file read in pieces', () => {
  const good = 'Mã,Họ và tên\nLS-1,Đoàn Kết ✓ 😀\n';

  it('gives the same text wherever the pieces split, through characters of two, three and four bytes, and drops a byte order mark', () => {
    const input = utf8(`\uFEFF${good}`);
    for (const cuts of twoCuts(input.length)) expect(decodeInPieces(input, cuts), `cuts ${cuts}`).toEqual({ text: good });
    for (let size = 1; size <= 5; size++) expect(decodeInPieces(input, fixed(input.length, size))).toEqual({ text: good });
  });

  it('names the line of a byte that is not UTF-8 wherever the pieces split, even when a piece begins inside a character', () => {
    // line 3 holds the bad byte, after characters of every length on lines 1 to 3 (ก: a three-byte character led by 0xE0)
    const input = new Uint8Array([...utf8('ế😀\nHọ ✓ ก\nTên '), 0xff, ...utf8('\nLS-2\n')]);
    for (const cuts of twoCuts(input.length)) {
      const got = decodeInPieces(input, cuts);
      expect('error' in got && got.error.place, `cuts ${cuts}`).toEqual({ line: 3 });
    }
    for (let size = 1; size <= 6; size++) expect(decodeInPieces(input, fixed(input.length, size))).toMatchObject({ error: { code: 'input.not_utf8', place: { line: 3 } } });
  });

  it('names the line where a character is broken by a line break, not the line after it', () => {
    const input = new Uint8Array([...utf8('Mã\nab'), 0xc3, ...utf8('\nLS-1\n')]);
    for (const cuts of twoCuts(input.length)) expect(decodeInPieces(input, cuts), `cuts ${cuts}`).toMatchObject({ error: { code: 'input.not_utf8', place: { line: 2 } } });
  });

  it('refuses a file that ends inside a character, on its last line', () => {
    const input = new Uint8Array([...utf8('Mã\nLS-1,'), 0xf0, 0x9f, 0x98]);
    expect(decodeInPieces(input, [])).toMatchObject({ error: { code: 'input.not_utf8', place: { line: 2 } } });
    expect(decodeInPieces(input, [9, 10])).toMatchObject({ error: { code: 'input.not_utf8', place: { line: 2 } } });
  });

  it('refuses a binary file (a zero byte) with the line of that byte, counted across pieces', () => {
    const input = new Uint8Array([...utf8('a\nb\nc\n'), 0x00, 0x01]);
    expect(decodeInPieces(input, [])).toMatchObject({ error: { code: 'input.binary', place: { line: 4 } } });
    expect(decodeInPieces(input, [3])).toMatchObject({ error: { code: 'input.binary', place: { line: 4 } } });
  });

  it('allows exactly the byte limit, counted over all pieces, and refuses one byte more', () => {
    expect(decodeInPieces(utf8('abcde'), [2], 5)).toEqual({ text: 'abcde' });
    expect(decodeInPieces(utf8('abcdef'), [3], 5)).toMatchObject({ error: { code: 'input.too_large' } });
  });

  it('gives nothing more after an error: no text from later pieces, and no second error at the end', () => {
    const decoder = new Utf8Decoder({ maxBytes: 1000 });
    expect(decoder.decode(bytes(0x61, 0xff))).toMatchObject({ error: { code: 'input.not_utf8' } });
    expect(decoder.decode(utf8('LS-1,Hoàng Văn A\n'))).toEqual({ text: '' });
    expect(decoder.end()).toEqual({ text: '' });
    const empty = new Utf8Decoder({ maxBytes: 1000 });
    expect(empty.decode(utf8(' \n'))).toEqual({ text: ' \n' });
    expect(empty.end()).toMatchObject({ error: { code: 'input.empty' } });
    expect(empty.end()).toEqual({ text: '' });
    expect(empty.bytesRead).toBe(2);
  });

  it('says each refusal in Vietnamese first, then English', () => {
    const said = (input: Uint8Array) => {
      const got = decodeInPieces(input, []);
      if (!('error' in got)) throw new Error('no error');
      return [formatInputError(got.error, 'vi'), formatInputError(got.error, 'en')];
    };
    expect(said(bytes(0x61, 0x0a, 0xff))).toEqual([
      'dòng 2: tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng "CSV UTF-8" hoặc XLSX',
      'line 2: the file is not UTF-8 text; save it again as "CSV UTF-8" or as XLSX',
    ]);
    expect(said(bytes(0x61, 0x00))).toEqual(['dòng 1: tệp nhị phân (có byte 0), không phải văn bản CSV/JSON', 'line 1: a binary file (it has a zero byte), not CSV or JSON text']);
    expect(said(utf8(' \r\n'))).toEqual(['tệp rỗng: không có dòng nào', 'the file is empty: it has no rows']);
  });
});
