import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueText, SCHEMA_MESSAGES_VI } from '../src/schema-messages.js';

/**
 * What a person reads when an input has the wrong shape: every zod issue in Vietnamese first and
 * English second, saying what was expected, what was given and, where it helps, how to fix it.
 * Each case is a real zod issue (from `safeParse`, with the input kept as `zodProblems` keeps it), so
 * a zod upgrade that changes them shows here.
 */

const issueOf = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input, { reportInput: true });
  if (r.success) throw new Error('expected a problem');
  return r.error.issues[0] as Parameters<typeof issueText>[0];
};

describe('a value of the wrong type', () => {
  it('a missing field says so, with the type it needs', () => {
    expect(issueText(issueOf(z.object({ a: z.string() }), {}))).toEqual({ vi: 'thiếu trường bắt buộc (cần chuỗi văn bản)', en: 'missing required field (expected string)' });
    expect(issueText(issueOf(z.object({ a: z.number() }), {})).vi).toBe('thiếu trường bắt buộc (cần số)');
  });

  it('a number written as text is told to lose its quotes', () => {
    expect(issueText(issueOf(z.number(), '1980'))).toEqual({
      vi: 'sai kiểu: cần số, nhận chuỗi văn bản ("1980"); hãy viết không có dấu ngoặc kép: 1980',
      en: 'wrong type: expected a number, received text ("1980"); write it without quotes: 1980',
    });
    expect(issueText(issueOf(z.number(), '-3.5')).en).toBe('wrong type: expected a number, received text ("-3.5"); write it without quotes: -3.5');
    expect(issueText(issueOf(z.number(), '12.50')).en).toBe('wrong type: expected a number, received text ("12.50"); write it without quotes: 12.50');
  });

  it('no such hint for text that is not a plain number, or a number too long to be one', () => {
    expect(issueText(issueOf(z.number(), '1.980 người')).en).toBe('wrong type: expected a number, received text ("1.980 người")');
    expect(issueText(issueOf(z.number(), '1e5')).en).toBe('wrong type: expected a number, received text ("1e5")');
    expect(issueText(issueOf(z.number(), '3.')).en).toBe('wrong type: expected a number, received text ("3.")');
    const long = '1'.repeat(21);
    expect(issueText(issueOf(z.number(), long)).en).toBe(`wrong type: expected a number, received text ("${long}")`);
    expect(issueText(issueOf(z.number(), '1'.repeat(20))).en).toContain('write it without quotes');
    expect(issueText(issueOf(z.string(), 12)).en).toBe('wrong type: expected text, received a number (12)');
    expect(issueText(issueOf(z.boolean(), '1')).en).toBe('wrong type: expected true/false, received text ("1")');
    expect(issueText(issueOf(z.object({ birthYear: z.int() }), { birthYear: '1980' })).vi).toBe('sai kiểu: cần số, nhận chuỗi văn bản ("1980"); hãy viết không có dấu ngoặc kép: 1980');
  });

  it('shows what was given, cut to 60 characters; a list or an object by its kind only', () => {
    const text = 'x'.repeat(100);
    expect(issueText(issueOf(z.number(), text)).en).toBe(`wrong type: expected a number, received text (${JSON.stringify(text).slice(0, 60)})`);
    expect(issueText(issueOf(z.string(), true))).toEqual({ vi: 'sai kiểu: cần chuỗi văn bản, nhận true/false (true)', en: 'wrong type: expected text, received true/false (true)' });
    expect(issueText(issueOf(z.string(), [1]))).toEqual({ vi: 'sai kiểu: cần chuỗi văn bản, nhận danh sách', en: 'wrong type: expected text, received a list' });
    expect(issueText(issueOf(z.string(), { a: 1 }))).toEqual({ vi: 'sai kiểu: cần chuỗi văn bản, nhận đối tượng', en: 'wrong type: expected text, received an object' });
    expect(issueText(issueOf(z.string(), null))).toEqual({ vi: 'sai kiểu: cần chuỗi văn bản, nhận null', en: 'wrong type: expected text, received null' });
    expect(issueText(issueOf(z.array(z.string()), 'a')).en).toBe('wrong type: expected a list, received text ("a")');
  });

  it('a number too large to be one (Infinity, NaN) is named as such', () => {
    const issue = { code: 'invalid_type', message: 'x', expected: 'int', input: Number.POSITIVE_INFINITY };
    expect(issueText(issue)).toEqual({ vi: 'số quá lớn hoặc không phải số (Infinity); cần số nguyên', en: 'a number too large or not a number (Infinity); expected a whole number' });
    expect(issueText({ ...issue, input: Number.NaN }).vi).toBe('số quá lớn hoặc không phải số (NaN); cần số nguyên');
  });

  it('a type with no words of its own is named as zod names it', () => {
    expect(issueText({ code: 'invalid_type', message: 'x', expected: 'bigint', input: 'a' })).toEqual({
      vi: 'sai kiểu: cần bigint, nhận chuỗi văn bản ("a")',
      en: 'wrong type: expected bigint, received text ("a")',
    });
  });
});

describe('the schema’s own messages', () => {
  it('are given in Vietnamese from the table, and in English as written', () => {
    const issue = issueOf(z.string().regex(/^\d{3}$/, 'a district code has 3 digits, e.g. "180"'), '18');
    expect(issueText(issue)).toEqual({ vi: 'mã huyện gồm 3 chữ số, ví dụ "180"', en: 'a district code has 3 digits, e.g. "180"' });
  });

  it('a number or true/false given where text was needed is shown beside them', () => {
    const schema = z.string({ error: 'a name is required' });
    expect(issueText(issueOf(schema, 42))).toEqual({ vi: 'cần có họ và tên (42)', en: 'a name is required (42)' });
    expect(issueText(issueOf(schema, false))).toEqual({ vi: 'cần có họ và tên (false)', en: 'a name is required (false)' });
    expect(issueText(issueOf(schema, undefined))).toEqual({ vi: 'cần có họ và tên', en: 'a name is required' });
    expect(issueText(issueOf(schema, []))).toEqual({ vi: 'cần có họ và tên', en: 'a name is required' });
    expect(issueText({ code: 'too_small', message: 'a name is required', input: 5 })).toEqual({ vi: 'cần có họ và tên', en: 'a name is required' });
  });

  it('every entry of the table is Vietnamese text for an English message', () => {
    for (const [en, vi] of Object.entries(SCHEMA_MESSAGES_VI)) {
      expect(vi.length).toBeGreaterThan(0);
      expect(vi).not.toBe(en);
    }
  });
});

describe('other issues', () => {
  it('unknown fields, each named, with how to fix them', () => {
    expect(issueText(issueOf(z.strictObject({}), { birthYr: 1, 'họ tên': 'x' }))).toEqual({
      vi: 'trường không được phép: "birthYr", "họ tên"; hãy bỏ đi hoặc kiểm tra chính tả',
      en: 'unknown field(s): "birthYr", "họ tên"; remove them or check their spelling',
    });
  });

  it('too few or too many: items of a list, characters of a text, or the value itself', () => {
    expect(issueText(issueOf(z.array(z.string()).min(2), ['a']))).toEqual({ vi: 'cần ít nhất 2 phần tử', en: 'needs at least 2 item(s)' });
    expect(issueText(issueOf(z.string().min(3), 'ab'))).toEqual({ vi: 'cần ít nhất 3 ký tự', en: 'needs at least 3 character(s)' });
    expect(issueText(issueOf(z.number().min(1900), 1800))).toEqual({ vi: 'giá trị nhỏ nhất là 1900', en: 'the smallest value is 1900' });
    expect(issueText(issueOf(z.array(z.string()).max(1), ['a', 'b']))).toEqual({ vi: 'tối đa 1 phần tử', en: 'at most 1 item(s)' });
    expect(issueText(issueOf(z.string().max(3), 'abcd'))).toEqual({ vi: 'tối đa 3 ký tự', en: 'at most 3 character(s)' });
    expect(issueText(issueOf(z.number().max(2100), 2200))).toEqual({ vi: 'giá trị lớn nhất là 2100', en: 'the largest value is 2100' });
  });

  it('a value not among those accepted, listing them', () => {
    expect(issueText(issueOf(z.enum(['female', 'male']), 'nu'))).toEqual({ vi: 'giá trị không hợp lệ; chấp nhận: "female", "male"', en: 'invalid value; accepted: "female", "male"' });
  });

  it('no allowed form, a wrong format, and anything else with zod’s own words', () => {
    expect(issueText(issueOf(z.union([z.string(), z.number()]), true))).toEqual({ vi: 'không khớp với dạng nào được phép', en: 'does not match any allowed form' });
    expect(issueText(issueOf(z.email(), 'not-mail'))).toEqual({ vi: 'sai định dạng (email)', en: 'wrong format (email)' });
    expect(issueText({ code: 'custom', message: 'the plan is odd' })).toEqual({ vi: 'giá trị không hợp lệ: the plan is odd', en: 'the plan is odd' });
  });
});
