import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BudgetLineSchema, CandidateSchema, ClassSchema, parseCandidate, parseCandidates, parsePlan, PlanSchema, StudyTourSchema } from '../src/index.js';
import { readPackDirectory, readPackFile, resolvePack } from '../src/node.js';
import { book, pack, person } from './helpers.js';

const good = () => JSON.parse(JSON.stringify(person({ id: 'C-1' })));
const paths = (r: { errors: readonly { path: string }[] }) => r.errors.map((e) => e.path);

describe('a candidate: bad input is refused with the field’s path and a message in vi and en', () => {
  it.each([
    ['a missing name', (c: any) => delete c.name, '$.name'],
    ['an empty id', (c: any) => (c.id = ''), '$.id'],
    ['an id with spaces and a slash first', (c: any) => (c.id = '/etc passwd'), '$.id'],
    ['a birth year as text', (c: any) => (c.birthYear = '1975'), '$.birthYear'],
    ['a fractional birth year', (c: any) => (c.birthYear = 1975.5), '$.birthYear'],
    ['a birth year in 1800', (c: any) => (c.birthYear = 1800), '$.birthYear'],
    ['a gender outside the list', (c: any) => (c.gender = 'F'), '$.gender'],
    ['an ethnic code of one digit', (c: any) => (c.ethnicity = '7'), '$.ethnicity'],
    ['a role with capitals', (c: any) => (c.role = 'Committee_Chair'), '$.role'],
    ['a commune code of 4 digits', (c: any) => (c.commune.code = '5998'), '$.commune.code'],
    ['a list status without "listed"', (c: any) => delete c.commune.p135.listed, '$.commune.p135.listed'],
    ['an unknown field', (c: any) => (c.salary = 1), '$'],
    ['province training years as text', (c: any) => (c.provinceTrainingYears = '2018'), '$.provinceTrainingYears'],
    ['an unknown class level', (c: any) => (c.planYearClasses = ['village']), '$.planYearClasses[0]'],
  ])('%s', (_, edit, path) => {
    const c = good();
    edit(c);
    const r = parseCandidate(c, book);
    expect(r.value).toBeUndefined();
    expect(paths(r)).toContain(path);
    for (const e of r.errors) expect(e.message.vi && e.message.en).toBeTruthy();
  });

  it('every problem reads in Vietnamese first, not English with a Vietnamese prefix', () => {
    const bad = { ...good(), birthYear: '1975', gender: 'F', commune: { code: '12', p135: {} }, extra: 1 };
    const r = parseCandidate(bad, book);
    expect(r.errors.length).toBeGreaterThanOrEqual(4);
    for (const e of r.errors) {
      expect(e.message.vi).not.toBe(e.message.en);
      expect(e.message.vi).not.toMatch(/\b(expected|received|digits|required|unknown)\b/);
    }
    expect(r.errors.find((e) => e.path === '$.commune.code')?.message.vi).toBe('mã xã gồm 5 chữ số, ví dụ "05995"');
  });

  it('a role the pack does not know, listing the accepted ones', () => {
    const r = parseCandidate({ ...good(), role: 'village_head' }, book);
    expect(r.errors[0]).toMatchObject({ path: '$.role', code: 'input.unknown_role' });
    expect(r.errors[0]?.message.en).toContain('committee_chair');
  });
  it('an ethnic group code that does not exist', () => {
    expect(parseCandidate({ ...good(), ethnicity: '55' }, book).errors[0]).toMatchObject({ path: '$.ethnicity', code: 'input.unknown_ethnicity' });
  });
  it('hostile keys never reach an object', () => {
    const hostile = JSON.parse(`{"__proto__":{"admin":true},${JSON.stringify(good()).slice(1)}`);
    const r = parseCandidate(hostile, book);
    expect(r.errors[0]).toMatchObject({ code: 'json.forbidden_key', path: '$.__proto__' });
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });
  it('not an object at all', () => {
    for (const v of [null, 42, 'x', [], undefined]) expect(parseCandidate(v, book).value).toBeUndefined();
  });
  it('a very long name is refused, not truncated silently', () => {
    expect(paths(parseCandidate({ ...good(), name: 'x'.repeat(10_000) }, book))).toEqual(['$.name']);
  });
  it('the schema fills the defaults a roster may leave out', () => {
    const { provinceTrainingYears, planYearClasses, ...rest } = good();
    expect(CandidateSchema.parse(rest)).toMatchObject({ provinceTrainingYears: [], planYearClasses: [] });
  });
});

describe('a roster: every problem of every row, with the row in the path', () => {
  it('reports rows 1 and 3 at once, and a repeated id', () => {
    const rows = [good(), { ...good(), id: 'C-2', birthYear: 'x' }, { ...good(), id: 'C-3' }, { ...good(), id: 'C-4', role: 'nobody' }, { ...good(), id: 'C-3' }];
    const r = parseCandidates(rows, book);
    expect(paths(r)).toEqual(['$[1].birthYear', '$[3].role', '$[4].id']);
  });
  it('refuses a roster that is not a list', () => {
    expect(parseCandidates({ candidates: [] }, book).errors[0]?.code).toBe('input.not_a_list');
  });
});

describe('classes, study tours, budget lines and plans', () => {
  const cls = { id: 'PC-1', track: 'province_cadre', start: '2020-07-01', end: '2020-07-04', days: '3.5', trainees: [] };
  it('a class ending before it starts', () => {
    const r = ClassSchema.safeParse({ ...cls, end: '2020-06-30' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['end']);
  });
  it('a date that does not exist, or is not ISO', () => {
    for (const d of ['2020-02-30', '2021-02-29', '01/07/2020', '2020-7-1', '']) expect(ClassSchema.safeParse({ ...cls, start: d }).success).toBe(false);
    expect(ClassSchema.safeParse({ ...cls, start: '2020-02-29', end: '2020-03-01' }).success).toBe(true);
  });
  it('days as a number or a decimal string, never as text or a negative', () => {
    expect(ClassSchema.parse({ ...cls, days: 3.5 }).days).toBe('3.5');
    for (const d of ['3,5', '-1', 'NaN', '1e2', Number.NaN, Number.POSITIVE_INFINITY]) expect(ClassSchema.safeParse({ ...cls, days: d }).success).toBe(false);
  });
  it('a study tour with members as a string', () => {
    expect(StudyTourSchema.safeParse({ id: 'D', start: '2020-08-01', end: '2020-08-02', members: 'a,b' }).success).toBe(false);
  });
  it.each(['-5', '1.5', 'NaN', 'Infinity', '0x10', '1e9', '1_000', 5])('a budget line amount of %j', (amount) => {
    expect(BudgetLineSchema.safeParse({ id: 'NS-1', category: 'study_tour', amount }).success).toBe(false);
  });
  it('a plan: unknown tracks and repeated ids, each with its path', () => {
    const r = parsePlan({ classes: [{ ...cls, track: 'night_school' }, cls, cls], budget: [] }, book);
    expect(paths(r)).toEqual(['$.classes[0].track', '$.classes[1].id', '$.classes[2].id']);
  });
  it('a plan without classes', () => {
    expect(paths(parsePlan({ budget: [] }, book))).toEqual(['$.classes']);
  });
  it('a plan too deeply nested is refused before the schema', () => {
    let deep: unknown = {};
    for (let i = 0; i < 50; i++) deep = { x: deep };
    expect(parsePlan({ classes: [], extra: deep }, book).errors[0]?.code).toBe('json.too_deep');
  });
  it('the plan schema accepts the bundled example shape', () => {
    expect(PlanSchema.safeParse({ classes: [cls], studyTours: [], budget: [{ id: 'NS-1', category: 'management', amount: '0' }] }).success).toBe(true);
  });
});

describe('packs from files (Node)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'p135-'));
  it('resolves a bundled id or a file', async () => {
    expect((await resolvePack('lang-son-2020')).value?.id).toBe('lang-son-2020');
    const file = join(dir, 'copy.json');
    writeFileSync(file, JSON.stringify({ ...pack, id: 'copy-2020' }));
    expect((await resolvePack(file)).value?.id).toBe('copy-2020');
  });
  it('says what is wrong with a missing file, a directory, or an unknown id, without throwing', async () => {
    expect((await readPackFile(join(dir, 'none.json'))).errors[0]?.message.en).toMatch(/not found/);
    expect((await readPackFile(dir)).errors[0]?.code).toBe('file.not_a_file');
    expect((await resolvePack('quang-ninh-2020')).errors[0]?.code).toBe('pack.unknown');
  });
  it('reads a directory, keeping the valid packs and naming the invalid ones', async () => {
    writeFileSync(join(dir, 'broken.json'), '{"format":');
    const r = await readPackDirectory(dir);
    expect(r.packs.map((p) => p.id)).toEqual(['copy-2020']);
    expect(r.invalid.map((x) => x.file)).toEqual(['broken.json']);
  });
});

describe('a field of the wrong type is said to be of the wrong type, not missing', () => {
  it('a birth year written as text', () => {
    const c = good();
    c.birthYear = '1980';
    const [p] = parseCandidate(c).errors;
    expect(p).toEqual({
      path: '$.birthYear',
      code: 'schema.invalid_type',
      message: {
        vi: 'sai kiểu: cần số, nhận chuỗi văn bản ("1980"); hãy viết không có dấu ngoặc kép: 1980',
        en: 'wrong type: expected a number, received text ("1980"); write it without quotes: 1980',
      },
    });
  });
  it('a missing field is still missing', () => {
    const c = good();
    delete c.birthYear;
    expect(parseCandidate(c).errors[0]?.message.en).toBe('missing required field (expected number)');
  });
  it('in a plan, at its path', () => {
    const r = parsePlan({ classes: [{ id: 'C-1', track: 'province_cadre', district: 180, start: '2020-07-06', end: '2020-07-09', days: '3.5', trainees: [] }], budget: [] });
    expect(r.errors.map((e) => [e.path, e.message.en])).toEqual([['$.classes[0].district', 'wrong type: expected text, received a number (180)']]);
  });
});
