import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8 } from '../src/text.js';
import { READ_LIMITS } from '../src/limits.js';
import { utf8 } from './helpers.js';

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte order mark', () => {
    expect(decodeText(utf8('Mã,Họ và tên'), READ_LIMITS)).toEqual({ text: 'Mã,Họ và tên', notices: [] });
    expect(decodeText(utf8('\uFEFFMã,Họ và tên'), READ_LIMITS)).toEqual({ text: 'Mã,Họ và tên', notices: [] });
  });

  it('refuses UTF-8 text broken by a byte that is not UTF-8, with the line where it breaks', () => {
    const bytes = new Uint8Array([...utf8('Mã,Tên\nLS-1,'), 0xc8, 0x41, 0x0a]);
    const r = decodeText(bytes, READ_LIMITS);
    expect(r).toMatchObject({ error: { code: 'input.not_utf8', place: { line: 2 } } });
    expect(firstInvalidUtf8(bytes)).toBe(14);
  });

  it('refuses binary garbage, an empty file and a file over the size limit', () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), READ_LIMITS)).toMatchObject({ error: { code: 'input.binary' } });
    expect(decodeText(new Uint8Array(), READ_LIMITS)).toMatchObject({ error: { code: 'input.empty' } });
    expect(decodeText(utf8('\uFEFF \r\n \n'), READ_LIMITS)).toMatchObject({ error: { code: 'input.empty' } });
    expect(decodeText(utf8('abcdef'), { maxBytes: 5 })).toMatchObject({ error: { code: 'input.too_large' } });
  });

  it('finds overlong, surrogate and truncated UTF-8 sequences', () => {
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new Uint8Array([0x61, 0xe1, 0xbb]))).toBe(1);
    expect(firstInvalidUtf8(utf8('Đoàn Kết ✓'))).toBe(-1);
  });
});
