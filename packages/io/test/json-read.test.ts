import { describe, expect, it } from 'vitest';
import { joinPath, readJsonDocument, readJsonLine, readJsonLines, readJsonValue } from '../src/json-read.js';
import { READ_LIMITS } from '../src/limits.js';
import { formatInputError, type InputError } from '../src/index.js';

const TWO = { ...READ_LIMITS, maxRows: 2 };

describe('where JSON text stops, as an officer looks for it', () => {
  it('a file cut off at its end is placed just after its last character, on its last line', () => {
    expect(readJsonValue('{"a":', READ_LIMITS).errors[0]?.place).toEqual({ line: 1, char: 6 });
    expect(readJsonValue('[\n  {"id": "LS-1"},\n  {"id":', READ_LIMITS).errors[0]?.place).toEqual({ line: 3, char: 9 });
  });

  it('a line break inside a quoted text is placed on the line it breaks, as the character after the text', () => {
    expect(readJsonValue('["Hoàng\nVăn A"]', READ_LIMITS).errors[0]?.place).toEqual({ line: 1, char: 8 });
  });
});

describe('what a JSON document holds', () => {
  const not = (path: string): InputError => ({
    place: { path },
    code: 'json.not_a_list',
    message: {
      vi: 'cần một danh sách (mảng JSON) người, hoặc một đối tượng có trường "candidates" là danh sách',
      en: 'expected a list (JSON array) of people, or an object whose "candidates" is a list',
    },
  });

  it('a list, or the list in "candidates", each person placed by its JSON path', () => {
    expect(readJsonDocument('{"candidates": [{"id": "LS-1"}]}', READ_LIMITS)).toEqual({ items: [{ place: { path: '$.candidates[0]' }, value: { id: 'LS-1' } }], errors: [] });
  });

  it('anything else is refused at the path where a list was expected, and a malformed document gives no people', () => {
    expect(readJsonDocument('{"candidates": {"id": "LS-1"}}', READ_LIMITS)).toEqual({ items: [], errors: [not('$.candidates')] });
    expect(readJsonDocument('{"people": []}', READ_LIMITS)).toEqual({ items: [], errors: [not('$')] });
    expect(readJsonDocument('null', READ_LIMITS)).toEqual({ items: [], errors: [not('$')] });
    expect(readJsonDocument('[{"id": "LS-1"},', READ_LIMITS)).toEqual({ items: [], errors: [expect.objectContaining({ code: 'json.malformed' })] });
  });

  it('a JSON Lines line is one person, placed by its line; a line of spaces is skipped like a blank one', () => {
    expect(readJsonLine({ line: 4, text: '{"id": "LS-1"}' }, READ_LIMITS)).toEqual({ item: { place: { line: 4 }, value: { id: 'LS-1' } }, errors: [] });
    expect(readJsonLines('{}\n   \t\n{}', READ_LIMITS)).toEqual({
      items: [
        { place: { line: 1 }, value: {} },
        { place: { line: 3 }, value: {} },
      ],
      errors: [],
    });
  });

  it('a path inside a line or an element is joined to where that line or element is', () => {
    expect(joinPath('$[3]', '$')).toBe('$[3]');
    expect(joinPath('$[3]', '$.role')).toBe('$[3].role');
    expect(joinPath(undefined, '$.role')).toBe('$.role');
  });
});

describe('the row limit, at its edge', () => {
  it('a JSON list of exactly the most people is read; one more is refused', () => {
    expect(readJsonDocument('[{}, {}]', TWO)).toMatchObject({ errors: [], items: [{ place: { path: '$[0]' } }, { place: { path: '$[1]' } }] });
    expect(readJsonDocument('{"candidates": [{}, {}, {}]}', TWO)).toMatchObject({ items: [], errors: [{ code: 'input.too_many_rows' }] });
  });

  it('JSON Lines of exactly the most people are read; one more is refused, keeping those read', () => {
    expect(readJsonLines('{}\n\n{}\n', TWO)).toMatchObject({ errors: [], items: [{ place: { line: 1 } }, { place: { line: 3 } }] });
    const over = readJsonLines('{}\n{}\n{}\n', TWO);
    expect(over.items).toHaveLength(2);
    expect(over.errors.map((e) => e.code)).toEqual(['input.too_many_rows']);
    const error = over.errors[0] as InputError;
    expect([formatInputError(error, 'vi'), formatInputError(error, 'en')]).toEqual(['tệp có hơn 2 dòng dữ liệu', 'the file has more than 2 data rows']);
  });

  it('JSON Lines list at most 100 bad lines', () => {
    const r = readJsonLines(Array.from({ length: 150 }, (_, i) => `{"id": ${i}`).join('\n'), READ_LIMITS);
    expect(r.errors).toHaveLength(100);
    expect(r.errors.at(-1)?.place).toMatchObject({ line: 100 });
  });
});
