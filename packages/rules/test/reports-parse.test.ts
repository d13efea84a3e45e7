import { describe, expect, it } from 'vitest';
import { parseResults, type Plan, PlanSchema } from '../src/index.js';
import { book, person } from './helpers.js';

/**
 * `parseResults` on small reports written here: each check on what a report names (tracks,
 * repeated ids, the district, planned classes and tours, budget lines, trainees), with the path
 * and both languages of every problem, and nothing refused that a district may write.
 */

const plan: Plan = PlanSchema.parse({
  classes: [
    { id: 'H-180', track: 'district_cadre', district: '180', start: '2020-10-01', end: '2020-10-04', days: '3.5', trainees: [] },
    { id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-01', end: '2020-10-02', days: '2', trainees: [] },
  ],
  studyTours: [{ id: 'T-1', start: '2020-11-01', end: '2020-11-05', members: [] }],
  budget: [
    { id: 'NS-01', category: 'district_cadre', amount: '100000000' },
    { id: 'NS-02', category: 'study_tour', amount: '50000000' },
  ],
});
const roster = [person({ id: 'A-1' }), person({ id: 'A-2' })];

/** A held class of the plan, one attendee, one line of spending; `edit` changes it. */
const heldClass = (edit: Record<string, unknown> = {}) => ({
  id: 'H-180',
  planClass: 'H-180',
  track: 'district_cadre',
  district: '180',
  place: 'Hội trường',
  start: '2020-10-01',
  end: '2020-10-04',
  days: '3.5',
  trainees: ['A-1'],
  spending: [{ line: 'NS-01', amount: '1000' }],
  ...edit,
});
const heldTour = (edit: Record<string, unknown> = {}) => ({
  id: 'T-1',
  planTour: 'T-1',
  start: '2020-11-01',
  end: '2020-11-05',
  members: ['A-2'],
  spending: [{ line: 'NS-02', amount: '500' }],
  ...edit,
});
const report = (edit: Record<string, unknown> = {}) => ({ district: '180', sentOn: '2020-11-20', classes: [heldClass()], studyTours: [heldTour()], ...edit });

const problemsOf = (input: unknown, options: Parameters<typeof parseResults>[2] = { plan, roster }) => parseResults(input, book, options).errors;

describe('a report that names only what exists', () => {
  it('is taken as written, with nothing refused', () => {
    const r = parseResults(report(), book, { plan, roster });
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.value?.classes[0]?.trainees).toEqual(['A-1']);
  });

  it('may hold a class the plan did not have (planClass null) and a tour of its own', () => {
    const r = parseResults(report({ classes: [heldClass({ planClass: null, id: 'H-extra' })], studyTours: [heldTour({ planTour: null })] }), book, { plan, roster });
    expect(r.errors).toEqual([]);
  });

  it('is checked only for what it is given: no plan, roster or rulebook, no lookups', () => {
    const strange = report({ classes: [heldClass({ planClass: 'NOT-PLANNED', track: 'evening', trainees: ['NOBODY'], spending: [{ line: 'NS-99', amount: '1' }] })] });
    expect(parseResults(strange).errors).toEqual([]);
    expect(parseResults(strange, book).errors.map((e) => e.code)).toEqual(['input.unknown_track']);
  });
});

describe('what a report names is checked against the pack, the plan and the roster', () => {
  it('a class track the pack does not have (a study tour is not a class track)', () => {
    const errors = problemsOf(report({ classes: [heldClass({ track: 'study_tour', planClass: null })] }));
    expect(errors).toEqual([
      {
        path: '$.classes[0].track',
        code: 'input.unknown_track',
        message: {
          vi: 'Loại lớp "study_tour" không có; dùng một trong: province_cadre, province_community, district_cadre, commune_community',
          en: 'unknown class track "study_tour"; accepted: province_cadre, province_community, district_cadre, commune_community',
        },
      },
    ]);
  });

  it('a class or tour id written twice, naming where it was first', () => {
    const errors = problemsOf(report({ classes: [heldClass(), heldClass({ planClass: null })], studyTours: [heldTour(), heldTour({ planTour: null })] }));
    expect(errors).toEqual([
      {
        path: '$.classes[1].id',
        code: 'input.duplicate_id',
        message: { vi: 'Mã "H-180" trùng với $.classes[0].id; mỗi lớp, đoàn ghi một lần', en: 'id "H-180" repeats $.classes[0].id; report each class or tour once' },
      },
      {
        path: '$.studyTours[1].id',
        code: 'input.duplicate_id',
        message: { vi: 'Mã "T-1" trùng với $.studyTours[0].id; mỗi lớp, đoàn ghi một lần', en: 'id "T-1" repeats $.studyTours[0].id; report each class or tour once' },
      },
    ]);
  });

  it('a class and a tour may share an id: they are counted apart', () => {
    expect(problemsOf(report({ studyTours: [heldTour({ id: 'H-180' })] }))).toEqual([]);
  });

  it('a class held in another district than the report’s; the province’s own report (district null) may name any', () => {
    const errors = problemsOf(report({ classes: [heldClass({ district: '181' })] }));
    expect(errors.map((e) => [e.path, e.code, e.message.vi])).toEqual([
      ['$.classes[0].district', 'input.other_district', 'Lớp mở tại huyện 181 nhưng báo cáo là của huyện 180; mỗi huyện báo cáo lớp của mình'],
    ]);
    expect(errors[0]?.message.en).toBe("the class is held in district 181 but the report is district 180's; each district reports its own classes");
    expect(problemsOf(report({ district: null, classes: [heldClass({ district: '181' })] }))).toEqual([]);
    expect(problemsOf(report({ classes: [heldClass({ district: undefined })] }))).toEqual([]);
  });

  it('a planned class the plan does not have', () => {
    const errors = problemsOf(report({ classes: [heldClass({ planClass: 'H-999' })] }));
    expect(errors).toEqual([
      {
        path: '$.classes[0].planClass',
        code: 'input.unknown_plan_class',
        message: {
          vi: 'Lớp "H-999" không có trong kế hoạch; ghi mã lớp của kế hoạch, hoặc để trống nếu lớp không có trong kế hoạch',
          en: 'class "H-999" is not in the plan; give the plan\'s class id, or leave it empty for a class the plan did not have',
        },
      },
    ]);
  });

  it('a planned class reported as another track', () => {
    const errors = problemsOf(report({ classes: [heldClass({ planClass: 'X-1' })] }));
    expect(errors).toEqual([
      {
        path: '$.classes[0].track',
        code: 'input.track_mismatch',
        message: { vi: 'Lớp "X-1" của kế hoạch là loại "commune_community", không phải "district_cadre"', en: 'plan class "X-1" is a "commune_community" class, not "district_cadre"' },
      },
    ]);
  });

  it('a study tour the plan does not have', () => {
    const errors = problemsOf(report({ studyTours: [heldTour(), heldTour({ id: 'T-2', planTour: 'T-9' })] }));
    expect(errors).toEqual([{ path: '$.studyTours[1].planTour', code: 'input.unknown_plan_tour', message: { vi: 'Đoàn "T-9" không có trong kế hoạch', en: 'study tour "T-9" is not in the plan' } }]);
  });

  it('a budget line the plan does not have, in a class’s or a tour’s spending, naming the lines it has', () => {
    const errors = problemsOf(
      report({
        classes: [
          heldClass({
            spending: [
              { line: 'NS-01', amount: '1' },
              { line: 'NS-77', amount: '2' },
            ],
          }),
        ],
        studyTours: [heldTour({ spending: [{ line: 'NS-88', amount: '3' }] })],
      }),
    );
    expect(errors).toEqual([
      {
        path: '$.classes[0].spending[1].line',
        code: 'input.unknown_budget_line',
        message: { vi: 'Dòng dự toán "NS-77" không có trong kế hoạch; dùng một trong: NS-01, NS-02', en: 'budget line "NS-77" is not in the plan; accepted: NS-01, NS-02' },
      },
      {
        path: '$.studyTours[0].spending[0].line',
        code: 'input.unknown_budget_line',
        message: { vi: 'Dòng dự toán "NS-88" không có trong kế hoạch; dùng một trong: NS-01, NS-02', en: 'budget line "NS-88" is not in the plan; accepted: NS-01, NS-02' },
      },
    ]);
  });

  it('a trainee or tour member not on the roster, at their place in the list', () => {
    const errors = problemsOf(report({ classes: [heldClass({ trainees: ['A-1', 'Z-1'] })], studyTours: [heldTour({ members: ['Z-2', 'A-2'] })] }));
    expect(errors).toEqual([
      {
        path: '$.classes[0].trainees[1]',
        code: 'input.unknown_trainee',
        message: {
          vi: 'Học viên "Z-1" không có trong danh sách học viên; thêm người này vào danh sách hoặc sửa mã',
          en: 'trainee "Z-1" is not on the roster; add the person to the roster or correct the id',
        },
      },
      {
        path: '$.studyTours[0].members[0]',
        code: 'input.unknown_trainee',
        message: {
          vi: 'Học viên "Z-2" không có trong danh sách học viên; thêm người này vào danh sách hoặc sửa mã',
          en: 'trainee "Z-2" is not on the roster; add the person to the roster or correct the id',
        },
      },
    ]);
  });

  it('takes the roster as a list or as a Map by id', () => {
    const r = report({ classes: [heldClass({ trainees: ['A-1', 'Z-1'] })] });
    const asMap = new Map(roster.map((c) => [c.id, c]));
    expect(problemsOf(r, { roster: asMap })).toEqual(problemsOf(r, { roster }));
    expect(problemsOf(r, { roster: asMap }).map((e) => e.path)).toEqual(['$.classes[0].trainees[1]']);
  });

  it('lists at most maxProblems unknown trainees, then one problem counting the rest', () => {
    const ids = ['Z-1', 'Z-2', 'Z-3', 'Z-4', 'Z-5'];
    const errors = problemsOf(report({ classes: [heldClass({ trainees: ids.slice(0, 3) })], studyTours: [heldTour({ members: ids.slice(3) })] }), { roster, maxProblems: 2 });
    expect(errors.map((e) => e.path)).toEqual(['$.classes[0].trainees[0]', '$.classes[0].trainees[1]', '$']);
    expect(errors[2]).toEqual({
      path: '$',
      code: 'input.too_many_problems',
      message: { vi: 'Còn 3 mã học viên khác không có trong danh sách', en: '3 more trainee ids are not on the roster' },
    });
    const exactly = problemsOf(report({ classes: [heldClass({ trainees: ids.slice(0, 2) })] }), { roster, maxProblems: 2 });
    expect(exactly.map((e) => e.code)).toEqual(['input.unknown_trainee', 'input.unknown_trainee']);
  });

  it('lists 1000 unknown trainees by default', () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `Z-${i}`);
    const errors = problemsOf(report({ classes: [heldClass({ trainees: ids })] }), { roster });
    expect(errors).toHaveLength(1001);
    expect(errors[1000]?.message.en).toBe('1 more trainee ids are not on the roster');
  });
});

describe('a report refused before any lookup', () => {
  it('nesting deeper than the input limits, or more values than the limits given, is refused before the schema', () => {
    const deep = JSON.parse(`${'{"a":'.repeat(20)}1${'}'.repeat(20)}`);
    const errors = problemsOf({ ...report(), note: deep });
    expect(errors.map((e) => e.code)).toEqual(['json.too_deep']);
    expect(errors[0]?.path).toMatch(/^\$\.note(\.a)+$/);
    const few = problemsOf(report(), { plan, roster, limits: { maxChars: 1000, maxDepth: 12, maxNodes: 10 } });
    expect(few.map((e) => [e.path, e.code])).toEqual([['$', 'json.too_many_values']]);
  });

  it('a schema problem stops there: no value, no lookups against the plan', () => {
    const r = parseResults(report({ sentOn: '30/11/2020', classes: [heldClass({ planClass: 'H-999' })] }), book, { plan, roster });
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => e.path)).toEqual(['$.sentOn']);
  });
});
