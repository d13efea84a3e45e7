/**
 * What an officer reads when a roster or a plan is refused: each problem word for word, in
 * Vietnamese and English, at the path of the row and field, and nothing kept of a refused input.
 */
import { describe, expect, it } from 'vitest';
import { parseCandidate, parseCandidates, parsePlan } from '../src/index.js';
import { book, person } from './helpers.js';

const good = (id = 'C-1') => JSON.parse(JSON.stringify(person({ id })));
const said = (r: { errors: readonly { path: string; code: string; message: { vi: string; en: string } }[] }) =>
  r.errors.map((e) => ({ path: e.path, code: e.code, vi: e.message.vi, en: e.message.en }));
const ROLES = book.pack.roles.map((r) => r.code).join(', ');
const cls = (id: string, track = 'province_cadre') => ({ id, track, start: '2020-07-01', end: '2020-07-04', days: '3.5', trainees: [] });

describe('a candidate the pack cannot read', () => {
  it('a role the pack does not have, listing every role it has', () => {
    expect(said(parseCandidate({ ...good(), role: 'village_head' }, book))).toEqual([
      { path: '$.role', code: 'input.unknown_role', vi: 'Chức vụ "village_head" không có trong bộ quy tắc', en: `unknown role "village_head"; accepted: ${ROLES}` },
    ]);
  });

  it('an ethnic group code past 54', () => {
    expect(said(parseCandidate({ ...good(), ethnicity: '55' }, book))).toEqual([
      {
        path: '$.ethnicity',
        code: 'input.unknown_ethnicity',
        vi: 'Mã dân tộc "55" không có (01–54)',
        en: 'unknown ethnic group code "55"; codes run from "01" (Kinh) to "54"',
      },
    ]);
  });

  it('both at once, each at its path, and nothing kept', () => {
    const r = parseCandidate({ ...good(), role: 'nobody', ethnicity: '00' }, book);
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => e.path)).toEqual(['$.role', '$.ethnicity']);
    expect(r.warnings).toEqual([]);
  });

  it('without a rulebook, any role of the right shape is read; the ethnic group is still checked', () => {
    expect(parseCandidate({ ...good(), role: 'village_head' }).value?.role).toBe('village_head');
    expect(said(parseCandidate({ ...good(), ethnicity: '99' })).map((e) => e.code)).toEqual(['input.unknown_ethnicity']);
  });

  it('a good candidate: no problem and no warning', () => {
    const r = parseCandidate(good(), book);
    expect(r).toEqual({ value: person({ id: 'C-1' }), errors: [], warnings: [] });
  });
});

describe('the limits a caller sets hold for a candidate the quick check would accept', () => {
  const limits = (maxDepth: number, maxNodes: number) => ({ maxChars: 1_000_000, maxDepth, maxNodes });

  it('too deep for the caller: refused, though the candidate is good', () => {
    expect(parseCandidate(good(), book, [], limits(2, 1000)).errors.map((e) => e.code)).toEqual(['json.too_deep']);
  });

  it('too many values for the caller: refused', () => {
    expect(parseCandidate(good(), book, [], limits(12, 10)).errors.map((e) => e.code)).toEqual(['json.too_many_values']);
  });

  it('within them: read', () => {
    expect(parseCandidate(good(), book, [], limits(12, 1000)).value?.id).toBe('C-1');
  });
});

describe('a roster', () => {
  it('not a list: said so, and nothing kept', () => {
    expect(parseCandidates({ candidates: [good()] }, book)).toEqual({
      value: undefined,
      errors: [{ path: '$', code: 'input.not_a_list', message: { vi: 'Cần một danh sách học viên', en: 'expected a list (array) of candidates' } }],
      warnings: [],
    });
  });

  it('an id used twice names the row it repeats', () => {
    const r = parseCandidates([good('A'), good('B'), good('A')], book);
    expect(r.value).toBeUndefined();
    expect(said(r)).toEqual([{ path: '$[2].id', code: 'input.duplicate_id', vi: 'Mã "A" trùng với mã ở $[0]', en: 'id "A" repeats the one at $[0]' }]);
  });

  it('a good roster: every row, in order, and no warning', () => {
    expect(parseCandidates([good('A'), good('B')], book)).toEqual({ value: [person({ id: 'A' }), person({ id: 'B' })], errors: [], warnings: [] });
  });
});

describe('a plan', () => {
  const classTracks = book.tracks.filter((t) => t.group !== 'study_tour').map((t) => t.code);

  it('a class of a track the pack does not have lists the class tracks (a study tour is not one)', () => {
    expect(classTracks).not.toContain('study_tour');
    for (const track of ['night_school', 'study_tour'])
      expect(said(parsePlan({ classes: [cls('PC-1', track)], budget: [] }, book))).toEqual([
        { path: '$.classes[0].track', code: 'input.unknown_track', vi: `Loại lớp "${track}" không có`, en: `unknown class track "${track}"; accepted: ${classTracks.join(', ')}` },
      ]);
  });

  it('the candidates a plan carries are checked against the pack, each at its path', () => {
    const r = parsePlan({ classes: [], budget: [], candidates: [good('A'), { ...good('B'), role: 'nobody' }] }, book);
    expect(r.value).toBeUndefined();
    expect(said(r).map((e) => [e.path, e.code])).toEqual([['$.candidates[1].role', 'input.unknown_role']]);
  });

  it('an id used twice among classes, tours or budget lines names the first; the same id in two of them is fine', () => {
    const tour = (id: string) => ({ id, start: '2020-08-01', end: '2020-08-03', members: [] });
    const line = (id: string) => ({ id, category: 'management', amount: '0' });
    const r = parsePlan({ classes: [cls('X'), cls('X')], studyTours: [tour('X'), tour('X')], budget: [line('X'), line('X')] }, book);
    expect(r.value).toBeUndefined();
    expect(said(r)).toEqual([
      { path: '$.classes[1].id', code: 'input.duplicate_id', vi: 'Mã "X" trùng với $.classes[0].id', en: 'id "X" repeats $.classes[0].id' },
      { path: '$.studyTours[1].id', code: 'input.duplicate_id', vi: 'Mã "X" trùng với $.studyTours[0].id', en: 'id "X" repeats $.studyTours[0].id' },
      { path: '$.budget[1].id', code: 'input.duplicate_id', vi: 'Mã "X" trùng với $.budget[0].id', en: 'id "X" repeats $.budget[0].id' },
    ]);
  });

  it('a good plan: no problem and no warning', () => {
    const r = parsePlan({ classes: [cls('PC-1')], budget: [] }, book);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value?.classes.map((c) => c.id)).toEqual(['PC-1']);
  });

  it('too deep, or not a plan at all: nothing kept, no warning', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = [deep];
    for (const input of [{ classes: [], budget: [], deep }, [], null]) {
      const r = parsePlan(input, book);
      expect(r.value).toBeUndefined();
      expect(r.errors.length).toBeGreaterThan(0);
      expect(r.warnings).toEqual([]);
    }
  });
});
