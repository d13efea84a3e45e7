import { describe, expect, it } from 'vitest';
import { readRoster } from '../src/index.js';
import { book, lines, utf8 } from './helpers.js';

const candidate = {
  id: 'LS-1',
  name: 'Hoàng Thị Mai',
  gender: 'female',
  birthYear: 1985,
  ethnicity: '02',
  role: 'committee_chair',
  district: { code: '180' },
  commune: { code: '05998', p135: { listed: true, struckOff: false } },
};
const flat = {
  Mã: 'LS-1',
  'Họ và tên': 'Hoàng Thị Mai',
  'Giới tính': 'Nữ',
  'Năm sinh': 1985,
  'Dân tộc': 'Tày',
  'Chức vụ': 'Chủ tịch UBND xã',
  'Mã huyện': '180',
  'Mã xã': '05998',
  'Xã thuộc CT135': true,
};
const read = (name: string, text: string) => readRoster({ name, bytes: utf8(text) }, book);

describe('JSON and JSON Lines rosters', () => {
  it('reads an array of candidate objects, an object with "candidates", and flat rows with roster headers', async () => {
    const a = await read('a.json', JSON.stringify([candidate]));
    const b = await read('b.json', JSON.stringify({ candidates: [candidate] }));
    const c = await read('c.json', JSON.stringify([flat]));
    for (const r of [a, b, c]) expect(r.errors).toEqual([]);
    expect(b.candidates).toEqual(a.candidates);
    expect(c.candidates).toEqual(a.candidates);
  });

  it('reads JSON Lines, skipping blank lines, detected by content when the name says nothing', async () => {
    const r = await read('-', `${JSON.stringify(candidate)}\n\n${JSON.stringify({ ...candidate, id: 'LS-2' })}\n`);
    expect(r.format).toBe('jsonl');
    expect(r.errors).toEqual([]);
    expect(r.candidates.map((x) => x.id)).toEqual(['LS-1', 'LS-2']);
  });

  it('names the line and character of malformed JSON, in one line, without a stack', async () => {
    const r = await read('roster.json', '[\n  {"id": "LS-1",}\n]');
    expect(lines(r.errors)).toEqual(['roster.json dòng 2, ký tự 17: JSON không hợp lệ (Expected double-quoted property name)']);
    const l = await read('roster.jsonl', `${JSON.stringify(candidate)}\n{"id": \n`);
    expect(l.errors[0]).toMatchObject({ code: 'json.malformed', place: { file: 'roster.jsonl', line: 2 } });
  });

  it('names the JSON path of an invalid field', async () => {
    const r = await read('a.json', JSON.stringify([candidate, { ...candidate, id: 'LS-2', birthYear: '1985' }]));
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.place).toEqual({ file: 'a.json', path: '$[1].birthYear' });
    const l = await read('a.jsonl', `${JSON.stringify(candidate)}\n${JSON.stringify({ ...candidate, id: 'LS-2', role: 'Trưởng thôn' })}`);
    expect(l.errors[0]?.place).toEqual({ file: 'a.jsonl', line: 2, path: '$.role' });
  });

  it('names the element and column of a bad flat row', async () => {
    const r = await read('a.json', JSON.stringify([flat, { ...flat, Mã: 'LS-2', 'Chức vụ': 'Hiệu trưởng' }]));
    expect(lines(r.errors)[0]).toMatch(/^a\.json \$\[1\], cột "Chức vụ": chức vụ "Hiệu trưởng" không có trong bộ quy tắc; /);
  });

  it('refuses __proto__ and constructor keys wherever they are, and pollutes nothing', async () => {
    const r = await read('a.json', '[{"__proto__": {"polluted": true}, "Mã": "LS-1"}]');
    expect(r.errors[0]).toMatchObject({ code: 'json.forbidden_key', place: { path: '$[0].__proto__' } });
    const c = await read('a.json', JSON.stringify([{ ...candidate, constructor: { prototype: { polluted: true } } }]));
    expect(c.errors[0]?.code).toBe('json.forbidden_key');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a document that is not a list, an empty list, and more items than the limit', async () => {
    expect((await read('a.json', '{"people": []}')).errors[0]).toMatchObject({ code: 'json.not_a_list', place: { path: '$' } });
    expect((await read('a.json', '[]')).errors[0]?.code).toBe('input.empty');
    const many = await readRoster({ name: 'a.json', bytes: utf8(JSON.stringify([candidate, candidate, candidate])) }, book, { limits: { maxRows: 2 } });
    expect(many.errors[0]?.code).toBe('input.too_many_rows');
  });

  it('refuses nesting deeper than the limit', async () => {
    const deep = `[${'['.repeat(50)}${']'.repeat(50)}]`;
    expect((await read('a.json', deep)).errors[0]?.code).toBe('json.too_deep');
  });

  it('refuses rows that are not objects and cells that are objects', async () => {
    expect((await read('a.json', '[["LS-1"]]')).errors[0]).toMatchObject({ code: 'json.not_an_object', place: { path: '$[0]' } });
    expect((await read('a.json', JSON.stringify([{ ...flat, 'Họ và tên': { x: 1 } }]))).errors[0]).toMatchObject({ code: 'json.not_a_cell', place: { path: '$[0]', column: 'Họ và tên' } });
  });
});

describe('where a JSON syntax error is', () => {
  it('is found even when the engine does not say (an unexpected token)', async () => {
    const r = await read('plan.json', '{\n  "classes": [,]\n}');
    expect(lines(r.errors)).toEqual(["plan.json dòng 2, ký tự 15: JSON không hợp lệ (Unexpected token ',')"]);
    const end = await read('a.json', '[{"id": "LS-1"');
    expect(end.errors[0]?.place).toMatchObject({ line: 1, char: 15 });
  });
});
