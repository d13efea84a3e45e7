import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PACK_LIMITS, parseJsonText, parsePack } from '../src/index.js';
import { firstJsonError } from '../src/pack/json-position.js';

describe('a JSON syntax error is placed by line and column, as an editor shows it', () => {
  it.each([
    ['a missing value', '{\n  "id": "x",\n  "version": }', 'line 3, column 14', 'dòng 3, cột 14', '"}"'],
    ['a trailing comma', '{\n  "rules": [1, 2,]\n}', 'line 2, column 18', 'dòng 2, cột 18', '"]\\n}"'],
    ['a single quote', "{\n 'id': 1}", 'line 2, column 2', 'dòng 2, cột 2', `"'id': 1}"`],
  ])('%s', (_, text, en, vi, found) => {
    const [p] = parseJsonText(text, PACK_LIMITS).errors;
    expect(p?.code).toBe('json.malformed');
    expect(p?.message.en).toBe(`malformed JSON at line ${en.replace('line ', '')}: found ${found}`);
    expect(p?.message.vi).toContain(vi);
  });

  it('a text that stops early says so, with where it stopped', () => {
    const [p] = parseJsonText('{\n  "rules": [\n    {"id": "a"}', PACK_LIMITS).errors;
    expect(p?.message.en).toBe('malformed JSON: the text ends too early (line 3, column 16); a "}" or "]" may be missing');
    expect(p?.message.vi).toContain('dừng giữa chừng');
  });

  it('never echoes the whole text, however long', () => {
    const long = `{"a": "${'x'.repeat(100_000)}", }`;
    const [p] = parsePack(long).errors;
    expect(JSON.stringify(p).length).toBeLessThan(400);
  });

  it('finds an error exactly when JSON.parse does, on generated documents and their damaged copies', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom('', '}', ']', ',', ':', '"', 'x', '\\', '\u0001', ' '), (json, at, junk) => {
        expect(firstJsonError(json)).toBe(-1);
        const cut = at % (json.length + 1);
        const damaged = json.slice(0, cut) + junk + json.slice(cut + (junk ? 0 : 1));
        let valid = true;
        try {
          JSON.parse(damaged);
        } catch {
          valid = false;
        }
        expect(firstJsonError(damaged) === -1).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });
});
