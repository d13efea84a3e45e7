import { describe, expect, it } from 'vitest';
import { readJsonDocument, readJsonLines, readJsonValue } from '../src/json-read.js';
import { READ_LIMITS } from '../src/limits.js';

const TWO = { ...READ_LIMITS, maxRows: 2 };

describe('where JSON text stops, as an officer looks for it', () => {
  it('a file cut off at its end is placed just after its last character, on its last line', () => {
    expect(readJsonValue('{"a":', READ_LIMITS).errors[0]?.place).toEqual({ line: 1, char: 6 });
    expect(readJsonValue('[\n  {"id": "LS-1"},\n  {"id":', READ_LIMITS).errors[0]?.place).toEqual({ line: 3, char: 9 });
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
  });

  it('JSON Lines list at most 100 bad lines', () => {
    const r = readJsonLines(Array.from({ length: 150 }, (_, i) => `{"id": ${i}`).join('\n'), READ_LIMITS);
    expect(r.errors).toHaveLength(100);
    expect(r.errors.at(-1)?.place).toMatchObject({ line: 100 });
  });
});
