/**
 * Reading a pack as a province hands it over: as the text of a file (perhaps saved by Notepad with
 * a byte order mark), within limits that hold, with every refusal said in both languages and
 * nothing thrown, and an extension that names its base, itself, or goes too deep.
 */
import { describe, expect, it } from 'vitest';
import { bundledPack, type JsonLimits, loadPack, type Pack, PackError, PACK_LIMITS, parseJsonText, parsePack } from '../src/index.js';
import { extensionPack as extension } from './helpers.js';

const base = bundledPack('lang-son-2020') as Pack;
const text = JSON.stringify(base);
const limits = (over: Partial<JsonLimits>): JsonLimits => ({ ...PACK_LIMITS, ...over });

describe('a pack given as the text of its file', () => {
  it('is read as the same pack as the parsed object', () => {
    const r = parsePack(text);
    expect(r.errors).toEqual([]);
    expect(r.value).toEqual(parsePack(structuredClone(base)).value);
  });

  it('is read when the file starts with a byte order mark, as Notepad saves UTF-8', () => {
    const r = parsePack(`\uFEFF${text}`);
    expect(r.errors).toEqual([]);
    expect(r.value?.id).toBe('lang-son-2020');
  });

  it('that is not JSON says where, in both languages, and nothing else', () => {
    expect(parsePack('x')).toEqual({
      value: undefined,
      errors: [{ path: '$', code: 'json.malformed', message: { vi: 'JSON không hợp lệ ở dòng 1, cột 1: gặp "x"', en: 'malformed JSON at line 1, column 1: found "x"' } }],
      warnings: [],
    });
  });

  it('that is null, or a list, is refused as not a pack, not thrown at', () => {
    for (const input of ['null', null, '[]', []]) {
      const r = parsePack(input);
      expect(r.value).toBeUndefined();
      expect(r.errors.length).toBeGreaterThan(0);
    }
  });
});

describe('limits, each at its edge', () => {
  it('takes a text of exactly the most characters, and refuses one more, saying the limit', () => {
    const doc = '{"a":"bcd"}';
    expect(parseJsonText(doc, limits({ maxChars: doc.length }))).toEqual({ value: { a: 'bcd' }, errors: [] });
    expect(parseJsonText(`${doc} `, limits({ maxChars: doc.length }))).toEqual({
      errors: [{ path: '$', code: 'json.too_large', message: { vi: 'Tệp lớn hơn 11 ký tự', en: 'the text is longer than 11 characters' } }],
    });
  });

  it('counts every value, in lists too: exactly the most is taken, one more refused', () => {
    // The list itself and its three numbers are four values.
    expect(parseJsonText('[1,2,3]', limits({ maxNodes: 4 })).errors).toEqual([]);
    expect(parseJsonText('[1,2,3,4]', limits({ maxNodes: 4 })).errors).toEqual([
      { path: '$', code: 'json.too_many_values', message: { vi: 'Tệp có hơn 4 giá trị', en: 'the document has more than 4 values' } },
    ]);
  });

  it('takes nesting to the most levels, and refuses a list or object one level deeper, at its path', () => {
    expect(parseJsonText('{"a":{"b":1}}', limits({ maxDepth: 2 })).errors).toEqual([]);
    expect(parseJsonText('{"a":{"b":{}}}', limits({ maxDepth: 2 })).errors).toEqual([
      { path: '$.a.b', code: 'json.too_deep', message: { vi: 'Lồng nhau quá 2 cấp', en: 'nested deeper than 2 levels' } },
    ]);
    expect(parseJsonText('[[1],[[2]]]', limits({ maxDepth: 2 })).errors.map((p) => p.path)).toEqual(['$[1][0]']);
  });

  it('refuses a key that reaches an object’s prototype, wherever it is, and lists at most 100 of them', () => {
    expect(parseJsonText('[{}, {"a": {"__proto__": 1}}]', PACK_LIMITS).errors).toEqual([
      {
        path: '$[1].a.__proto__',
        code: 'json.forbidden_key',
        message: { vi: 'Không được dùng khóa "__proto__"', en: 'the key "__proto__" is not allowed (it could change how objects behave)' },
      },
    ]);
    const many = `[${Array.from({ length: 150 }, () => '{"constructor": 1}').join(',')}]`;
    expect(parseJsonText(many, PACK_LIMITS).errors).toHaveLength(100);
  });

  it('refuses what is not text, without throwing', () => {
    expect(parseJsonText(42 as unknown as string, PACK_LIMITS)).toEqual({ errors: [{ path: '$', code: 'json.not_text', message: { vi: 'Không phải văn bản JSON', en: 'not JSON text' } }] });
  });
});

describe('an extension and its base', () => {
  const resolveBase = (id: string) => bundledPack(id);

  it('stops at the depth its reader allows (a chain too long, or a circle), and says so', () => {
    expect(parsePack(extension(), { resolveBase, maxDepth: 0 })).toEqual({
      value: undefined,
      errors: [{ path: '$.extends', code: 'pack.extends_too_deep', message: { vi: 'Chuỗi kế thừa quá dài hoặc vòng tròn', en: 'the chain of bases is too long or goes round in a circle' } }],
      warnings: [],
    });
    expect(parsePack(extension(), { resolveBase, maxDepth: 1 }).errors).toEqual([]);
  });

  it('cannot extend itself', () => {
    expect(parsePack(extension(undefined, 'tinh-thu-2021'), { resolveBase })).toEqual({
      value: undefined,
      errors: [{ path: '$.extends.pack', code: 'pack.extends_itself', message: { vi: 'Bộ quy tắc không thể kế thừa chính nó', en: 'a pack cannot extend itself' } }],
      warnings: [],
    });
  });

  it('names a base that must be found, with no finder given as well', () => {
    const missing = {
      value: undefined,
      errors: [
        {
          path: '$.extends.pack',
          code: 'pack.unknown_base',
          message: { vi: 'Không tìm thấy bộ quy tắc gốc "tinh-khac-2020"', en: 'the base pack "tinh-khac-2020" was not found (a bundled pack id, or a pack in the same directory)' },
        },
      ],
      warnings: [],
    };
    expect(parsePack(extension(undefined, 'tinh-khac-2020'), { resolveBase })).toEqual(missing);
    expect(parsePack(extension(undefined, 'tinh-khac-2020'))).toEqual(missing);
  });

  it('gives no warnings with the errors of a refused extension', () => {
    for (const r of [
      parsePack(
        extension((e) => (e.rules = { replace: [{ id: 'khong.co' }] })),
        { resolveBase },
      ),
      parsePack(
        extension((e) => (e.parameters = { override: { 'khong.co': { value: 1 } } })),
        { resolveBase },
      ),
      parsePack({ ...extension(), constructor: 1 }),
      parsePack('{"a":'),
    ]) {
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.warnings).toEqual([]);
    }
  });
});

describe('loadPack', () => {
  it('throws a PackError naming the count and the first problem, with every problem attached', () => {
    const e = (() => {
      try {
        loadPack('{"a":');
      } catch (error) {
        return error;
      }
    })() as PackError;
    expect(e).toBeInstanceOf(PackError);
    expect(e.name).toBe('PackError');
    expect(e.code).toBe('P135_INVALID_PACK');
    expect(e.message).toBe('invalid rule pack: 1 problem(s); first: $ malformed JSON: the text ends too early (line 1, column 6); a "}" or "]" may be missing');
    expect(e.problems.map((p) => p.code)).toEqual(['json.malformed']);
  });

  it('takes reading limits in place of options', () => {
    expect(() => loadPack(text, limits({ maxChars: 100 }))).toThrow(/the text is longer than 100 characters/);
    expect(loadPack(text).id).toBe('lang-son-2020');
  });
});
