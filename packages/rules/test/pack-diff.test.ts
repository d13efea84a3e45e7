/**
 * `diffPacks`: what a province reads when it compares its pack with its base (`p135 pack diff A B`).
 * A user relies on each change being listed once, section by section in a fixed order (pack id and
 * version, metadata, clauses, tracks, roles, parameters, rates, budget, rules, messages; in each
 * section what was removed or changed in the first pack's order, then what was added), with its kind,
 * id, before and after, and a sentence in Vietnamese and English that names the id and the old and new
 * values written the way the plan writes them (money in đồng, shares as percentages, code lists in brackets).
 */
import { describe, expect, it } from 'vitest';
import { type Change, diffPacks } from '../src/pack/diff.js';
import type { Pack } from '../src/schemas/pack.js';
import { editedPack, pack } from './helpers.js';

/** The bundled Lạng Sơn 2020 pack, changed by `edit`. */
const changed = (edit: (p: Pack & Record<string, any>) => void): Pack => editedPack(edit as (p: Record<string, any>) => void) as unknown as Pack;
const one = (b: Pack, a: Pack = pack): Change => {
  const all = diffPacks(a, b);
  expect(all).toHaveLength(1);
  return all[0] as Change;
};
const param = (p: Pack, id: string) => {
  const found = p.parameters[id];
  if (!found) throw new Error(`no parameter ${id}`);
  return found as Record<string, any>;
};
const rule = (p: Pack, id: string) => {
  const found = p.rules.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found as Record<string, any>;
};
const NOT_TRAINED = 'province_cadre.not_trained_at_province';

describe('the pack itself: id and version', () => {
  it('a new version of the same pack is one change, first, naming the pack and both versions', () => {
    const b = changed((p) => {
      p.version = '2.0.0';
      p.meta.year = 2021;
    });
    const all = diffPacks(pack, b);
    expect(all[0]).toEqual({
      kind: 'meta',
      id: 'id',
      change: 'changed',
      before: 'lang-son-2020 1.0.0',
      after: 'lang-son-2020 2.0.0',
      message: { vi: 'Bộ quy tắc lang-son-2020 1.0.0 → lang-son-2020 2.0.0', en: 'Pack lang-son-2020 1.0.0 → lang-son-2020 2.0.0' },
    });
    expect(all.map((c) => `${c.kind}:${c.id}`)).toEqual(['meta:id', 'meta:year']);
  });

  it('another pack id with the same version is said the same way', () => {
    expect(one(changed((p) => (p.id = 'cao-bang-2020')))).toEqual({
      kind: 'meta',
      id: 'id',
      change: 'changed',
      before: 'lang-son-2020 1.0.0',
      after: 'cao-bang-2020 1.0.0',
      message: { vi: 'Bộ quy tắc lang-son-2020 1.0.0 → cao-bang-2020 1.0.0', en: 'Pack lang-son-2020 1.0.0 → cao-bang-2020 1.0.0' },
    });
  });
});

describe('metadata', () => {
  it('a changed field is said with its old and new values: numbers as written, text in quotes in the reader’s language', () => {
    const b = changed((p) => {
      p.meta.year = 2021;
      p.meta.title = { vi: 'Kế hoạch 2021', en: 'Plan 2021' };
    });
    const title = pack.meta.title as { vi: string; en: string };
    expect(diffPacks(pack, b)).toEqual([
      {
        kind: 'meta',
        id: 'title',
        change: 'changed',
        before: pack.meta.title,
        after: { vi: 'Kế hoạch 2021', en: 'Plan 2021' },
        message: { vi: `Thông tin "title": "${title.vi}" → "Kế hoạch 2021"`, en: `Metadata "title": "${title.en}" → "Plan 2021"` },
      },
      { kind: 'meta', id: 'year', change: 'changed', before: 2020, after: 2021, message: { vi: 'Thông tin "year": 2020 → 2021', en: 'Metadata "year": 2020 → 2021' } },
    ]);
  });

  it('lists are written in brackets, objects as their values', () => {
    const b = changed((p) => {
      p.meta.legalBases = ['Luật A', 'Luật B'];
      p.meta.province = { code: '04', name: 'Tỉnh Cao Bằng' };
    });
    expect(diffPacks(pack, b).map((c) => c.message.en)).toEqual([
      'Metadata "province": "20" "Tỉnh Lạng Sơn" → "04" "Tỉnh Cao Bằng"',
      `Metadata "legalBases": [${(pack.meta.legalBases as string[]).map((l) => JSON.stringify(l)).join('; ')}] → ["Luật A"; "Luật B"]`,
    ]);
  });

  it('a field dropped is said removed, and a new field added, with its name', () => {
    const b = changed((p) => {
      delete p.meta.note;
      (p.meta as Record<string, unknown>).reviewer = 'Sở Tài chính';
    });
    expect(diffPacks(pack, b)).toEqual([
      { kind: 'meta', id: 'note', change: 'removed', before: pack.meta.note, message: { vi: 'Thông tin chung "note" bị bỏ', en: 'Metadata "note" removed' } },
      { kind: 'meta', id: 'reviewer', change: 'added', after: 'Sở Tài chính', message: { vi: 'Thêm thông tin chung "reviewer"', en: 'Metadata "reviewer" added' } },
    ]);
  });
});

describe('clauses, tracks and roles', () => {
  it('a clause whose text changed is said by its id; a new clause with its title; a clause gone is said removed', () => {
    const added = { id: 'KH.IV.1', title: { vi: 'Điều khoản mới', en: 'A new clause' }, text: { vi: 'Nội dung', en: 'Text' } };
    const b = changed((p) => {
      (p.clauses[0] as Record<string, any>).text = { vi: 'Nội dung mới', en: 'New text' };
      p.clauses = p.clauses.filter((c) => c.id !== 'KH.III.3');
      p.clauses.push(added);
    });
    const all = diffPacks(pack, b);
    expect(all.map((c) => [c.kind, c.id, c.change])).toEqual([
      ['clause', 'QD.1', 'changed'],
      ['clause', 'KH.III.3', 'removed'],
      ['clause', 'KH.IV.1', 'added'],
    ]);
    expect(all.map((c) => c.message)).toEqual([
      { vi: 'Điều khoản QD.1: nội dung thay đổi', en: 'Clause QD.1: text changed' },
      { vi: 'Điều khoản "KH.III.3" bị bỏ', en: 'Clause "KH.III.3" removed' },
      { vi: 'Thêm điều khoản KH.IV.1: Điều khoản mới', en: 'Clause KH.IV.1 added: A new clause' },
    ]);
    expect(all[2]?.after).toEqual(added);
  });

  it('tracks are said by code: changed, removed, added (in lower case after "Thêm")', () => {
    const b = changed((p) => {
      (p.tracks[0] as Record<string, any>).label = { vi: 'Lớp cán bộ tại tỉnh', en: 'Province cadre class' };
      p.tracks = p.tracks.filter((t) => t.code !== 'study_tour');
      p.tracks.push({ code: 'village_class', clause: 'KH.II.3', group: 'community', level: 'commune', label: { vi: 'Lớp thôn', en: 'Village class' } } as never);
    });
    const all = diffPacks(pack, b);
    expect(all.map((c) => [c.kind, c.id, c.change, c.message.vi, c.message.en])).toEqual([
      ['track', 'province_cadre', 'changed', 'Loại lớp "province_cadre" thay đổi', 'Track "province_cadre" changed'],
      ['track', 'study_tour', 'removed', 'Loại lớp "study_tour" bị bỏ', 'Track "study_tour" removed'],
      ['track', 'village_class', 'added', 'Thêm loại lớp "village_class"', 'Track "village_class" added'],
    ]);
    expect(all[0]?.before).toEqual(pack.tracks[0]);
    expect(all[0]?.after).toEqual(b.tracks[0]);
  });

  it('a new role is said with its label; a changed or dropped role by its code', () => {
    const b = changed((p) => {
      (p.roles.find((r) => r.code === 'citizen') as Record<string, any>).aliases = ['Dân'];
      p.roles = p.roles.filter((r) => r.code !== 'other');
      p.roles.push({ code: 'village_head', group: 'community', label: { vi: 'Trưởng thôn', en: 'Village head' } });
    });
    expect(diffPacks(pack, b).map((c) => [c.kind, c.id, c.change, c.message.vi, c.message.en])).toEqual([
      ['role', 'citizen', 'changed', 'Chức vụ "citizen" thay đổi', 'Role "citizen" changed'],
      ['role', 'other', 'removed', 'Chức vụ "other" bị bỏ', 'Role "other" removed'],
      ['role', 'village_head', 'added', 'Thêm chức vụ "village_head" (Trưởng thôn)', 'Role "village_head" added (Village head)'],
    ]);
  });
});

describe('parameters: old and new values, written by unit', () => {
  it('a count changes as plain numbers, with the parameter’s label', () => {
    const c = one(changed((p) => (param(p, 'commune_community.days').value = '3')));
    expect(c).toEqual({
      kind: 'parameter',
      id: 'commune_community.days',
      change: 'changed',
      before: pack.parameters['commune_community.days'],
      after: { ...pack.parameters['commune_community.days'], value: '3' },
      message: { vi: 'Tham số "commune_community.days" (Số ngày mỗi lớp): 2 → 3', en: 'Parameter "commune_community.days" (Days per class): 2 → 3' },
    });
  });

  it('money in đồng, shares as percentages, code lists in brackets', () => {
    const b = changed((p) => {
      param(p, 'budget.total').value = '5000000000';
      param(p, 'study_tour.cap_share').value = '0.05';
      param(p, 'roles.commune_civil_servant').value = ['police_chief', 'military_commander'];
    });
    const msg = (id: string) => diffPacks(pack, b).find((c) => c.id === id)?.message;
    expect(msg('budget.total')).toEqual({
      vi: 'Tham số "budget.total" (Tổng kinh phí): 8.040.000.000 đ → 5.000.000.000 đ',
      en: 'Parameter "budget.total" (Total budget): 8,040,000,000 VND → 5,000,000,000 VND',
    });
    expect(msg('study_tour.cap_share')?.en).toBe('Parameter "study_tour.cap_share" (Study-tour spending cap (share of the Sub-project 3 allocation)): 10% → 5%');
    const before = (pack.parameters['roles.commune_civil_servant'] as { value: string[] }).value.join(', ');
    expect(msg('roles.commune_civil_servant')).toEqual({
      vi: `Tham số "roles.commune_civil_servant" (Chức danh công chức xã): [${before}] → [police_chief, military_commander]`,
      en: `Parameter "roles.commune_civil_servant" (Commune civil-servant titles): [${before}] → [police_chief, military_commander]`,
    });
  });

  it('a source that moves from a clause to an assumption is said, in each language', () => {
    const c = one(
      changed((p) => {
        const y = param(p, 'plan.year');
        delete y.clause;
        y.assumption = { vi: 'Giả định', en: 'Assumed' };
      }),
    );
    expect(c.message).toEqual({ vi: 'Tham số "plan.year" (Năm kế hoạch): nguồn QD.1 → giả định', en: 'Parameter "plan.year" (Plan year): source QD.1 → assumption' });
  });

  it('a source that moves from an assumption to a clause, or from one clause to another, is said', () => {
    const toClause = one(
      changed((p) => {
        const y = param(p, 'prior_training.from_year');
        delete y.assumption;
        y.clause = 'KH.II.2.1.a';
      }),
    );
    expect(toClause.message.en).toBe('Parameter "prior_training.from_year" (Province-level training counts from the year): source assumption → KH.II.2.1.a');
    const otherClause = one(changed((p) => (param(p, 'plan.year').clause = 'QD.2')));
    expect(otherClause.message).toEqual({ vi: 'Tham số "plan.year" (Năm kế hoạch): nguồn QD.1 → QD.2', en: 'Parameter "plan.year" (Plan year): source QD.1 → QD.2' });
  });

  it('a rewritten assumption alone is said as a change of source', () => {
    const c = one(changed((p) => (param(p, 'prior_training.from_year').assumption = { vi: 'Từ năm 2018', en: 'From 2018' })));
    expect(c.message).toEqual({
      vi: 'Tham số "prior_training.from_year" (Tính việc đã dự lớp cấp tỉnh từ năm): nguồn giả định → giả định',
      en: 'Parameter "prior_training.from_year" (Province-level training counts from the year): source assumption → assumption',
    });
  });

  it('a new value and a new source together are both said, joined by "; "', () => {
    const c = one(
      changed((p) => {
        const y = param(p, 'plan.year');
        y.value = 2021;
        y.clause = 'QD.2';
      }),
    );
    expect(c.message).toEqual({ vi: 'Tham số "plan.year" (Năm kế hoạch): 2020 → 2021; nguồn QD.1 → QD.2', en: 'Parameter "plan.year" (Plan year): 2020 → 2021; source QD.1 → QD.2' });
  });

  it('a new label alone is said as a label change', () => {
    const c = one(changed((p) => (param(p, 'plan.year').label = { vi: 'Năm', en: 'Year' })));
    expect(c.message).toEqual({ vi: 'Tham số "plan.year" (Năm): nhãn thay đổi', en: 'Parameter "plan.year" (Year): label changed' });
  });

  it('dated values are listed in full, each with its day, separated by commas', () => {
    const b = changed(
      (p) =>
        (param(p, 'budget.total').values = [
          { from: '2020-09-01', value: '9000000000', clause: 'KH.II.5.1' },
          { from: '2020-10-01', value: '9500000000', clause: 'KH.II.5.1' },
        ]),
    );
    expect(one(b).message).toEqual({
      vi: 'Tham số "budget.total" (Tổng kinh phí): giá trị theo ngày: không có → từ 2020-09-01: 9.000.000.000 đ, từ 2020-10-01: 9.500.000.000 đ',
      en: 'Parameter "budget.total" (Total budget): dated values: none → from 2020-09-01: 9,000,000,000 VND, from 2020-10-01: 9,500,000,000 VND',
    });
    const back = one(pack, b);
    expect(back.message.en).toBe('Parameter "budget.total" (Total budget): dated values: from 2020-09-01: 9,000,000,000 VND, from 2020-10-01: 9,500,000,000 VND → none');
  });

  it('a parameter added is said with its label and value, and its dated values when it has some', () => {
    const b = changed((p) => {
      p.parameters['village.days'] = { label: { vi: 'Số ngày lớp thôn', en: 'Village class days' }, value: '1', unit: 'day', clause: 'KH.II.3' };
      p.parameters['village.budget'] = {
        label: { vi: 'Kinh phí lớp thôn', en: 'Village class budget' },
        value: '1000000',
        unit: 'vnd',
        clause: 'KH.II.3',
        values: [{ from: '2020-09-01', value: '2000000', clause: 'KH.II.3' }],
      };
    });
    const all = diffPacks(pack, b);
    expect(all.map((c) => [c.kind, c.id, c.change])).toEqual([
      ['parameter', 'village.days', 'added'],
      ['parameter', 'village.budget', 'added'],
    ]);
    expect(all[0]?.after).toEqual(b.parameters['village.days']);
    expect(all.map((c) => c.message)).toEqual([
      { vi: 'Thêm tham số "village.days" (Số ngày lớp thôn) = 1', en: 'Parameter "village.days" (Village class days) added: 1' },
      {
        vi: 'Thêm tham số "village.budget" (Kinh phí lớp thôn) = 1.000.000 đ; từ 2020-09-01: 2.000.000 đ',
        en: 'Parameter "village.budget" (Village class budget) added: 1,000,000 VND; from 2020-09-01: 2,000,000 VND',
      },
    ]);
  });

  it('a parameter dropped is said removed, by its id', () => {
    const c = one(changed((p) => delete p.parameters['plan.year']));
    expect(c).toEqual({
      kind: 'parameter',
      id: 'plan.year',
      change: 'removed',
      before: pack.parameters['plan.year'],
      message: { vi: 'Tham số "plan.year" bị bỏ', en: 'Parameter "plan.year" removed' },
    });
  });
});

describe('rates and the budget', () => {
  it('a new amount is said in đồng; any other change to a rate, and a new rate, by its id', () => {
    const b = changed((p) => {
      (p.rates[0] as Record<string, any>).amount = '250000';
      (p.rates[1] as Record<string, any>).source = 'Nghị quyết 58/2017/NQ-HĐND';
      p.rates.push({ ...structuredClone(p.rates[2]), id: 'rate.new' } as never);
    });
    expect(diffPacks(pack, b).map((c) => [c.kind, c.id, c.change, c.message.vi, c.message.en])).toEqual([
      ['rate', 'rate.travel_allowance', 'changed', 'Định mức "rate.travel_allowance": 200.000 đ → 250.000 đ', 'Rate "rate.travel_allowance": 200,000 VND → 250,000 VND'],
      ['rate', 'rate.lodging_provincial_city', 'changed', 'Định mức chi "rate.lodging_provincial_city" thay đổi', 'Rate "rate.lodging_provincial_city" changed'],
      ['rate', 'rate.new', 'added', 'Thêm định mức chi "rate.new"', 'Rate "rate.new" added'],
    ]);
  });

  it('any change to the budget rules is one change with both versions', () => {
    const b = changed((p) => ((p.budget as Record<string, any>).caps[0].clause = 'KH.II.5.2.b'));
    expect(one(b)).toEqual({ kind: 'budget', id: 'budget', change: 'changed', before: pack.budget, after: b.budget, message: { vi: 'Ràng buộc kinh phí thay đổi', en: 'Budget rules changed' } });
  });
});

describe('rules', () => {
  it('a changed rule names what changed: conditions, messages, clause (old → new), tracks, in that order', () => {
    const b = changed((p) => {
      const r = rule(p, 'study_tour.role');
      r.conditions = { all: [{ fact: 'role', operator: 'in', value: { fact: 'param:roles.commune_cadre' } }] };
      r.message.fail = { vi: 'Chỉ cán bộ xã', en: 'Commune cadres only' };
      r.clause = 'KH.II.2.1.a';
      r.tracks = ['study_tour', 'province_cadre'];
    });
    expect(one(b)).toMatchObject({
      kind: 'rule',
      id: 'study_tour.role',
      change: 'changed',
      message: {
        vi: 'Quy tắc "study_tour.role" thay đổi: điều kiện, thông điệp, điều khoản KH.II.3 → KH.II.2.1.a, loại lớp áp dụng',
        en: 'Rule "study_tour.role" changed: conditions, messages, clause KH.II.3 → KH.II.2.1.a, tracks',
      },
    });
  });

  it('each of those alone is said alone', () => {
    const said = (edit: (r: Record<string, any>) => void) => one(changed((p) => edit(rule(p, 'study_tour.role')))).message;
    expect(said((r) => (r.conditions = { all: [] }))).toEqual({ vi: 'Quy tắc "study_tour.role" thay đổi: điều kiện', en: 'Rule "study_tour.role" changed: conditions' });
    expect(said((r) => (r.tracks = ['province_cadre']))).toEqual({ vi: 'Quy tắc "study_tour.role" thay đổi: loại lớp áp dụng', en: 'Rule "study_tour.role" changed: tracks' });
    expect(said((r) => (r.note = 'xem lại'))).toEqual({ vi: 'Quy tắc "study_tour.role" thay đổi: thuộc tính khác', en: 'Rule "study_tour.role" changed: other fields' });
  });

  it('a new rule is said with its clause and what a person reads when it fails', () => {
    const b = changed((p) => p.rules.push({ ...structuredClone(rule(p, 'study_tour.role')), id: 'study_tour.role_again' } as never));
    const c = one(b);
    expect([c.kind, c.id, c.change]).toEqual(['rule', 'study_tour.role_again', 'added']);
    expect(c.message).toEqual({
      vi: 'Thêm quy tắc "study_tour.role_again" (KH.II.3): Đoàn tham quan dành cho cán bộ, công chức xã và người dân tiêu biểu',
      en: 'Rule "study_tour.role_again" added (KH.II.3): Study tours take commune cadres and civil servants and exemplary citizens',
    });
  });

  it('a rule simply gone is said removed, with nothing about turning it off', () => {
    const c = one(changed((p) => (p.rules = p.rules.filter((r) => r.id !== NOT_TRAINED))));
    expect(c).toEqual({ kind: 'rule', id: NOT_TRAINED, change: 'removed', before: rule(pack, NOT_TRAINED), message: { vi: `Quy tắc "${NOT_TRAINED}" bị bỏ`, en: `Rule "${NOT_TRAINED}" removed` } });
  });
});

describe('a rule turned off: said as turned off, with the reason and clause when given', () => {
  const off = (disabled: Record<string, any>[], also: (p: Pack & Record<string, any>) => void = () => {}) =>
    changed((p) => {
      p.rules = p.rules.filter((r) => r.id !== NOT_TRAINED);
      p.disabled = disabled as never;
      also(p);
    });

  it('a bare id: "turned off", nothing more', () => {
    const c = one(off([{ id: NOT_TRAINED }]));
    expect(c).toEqual({
      kind: 'rule',
      id: NOT_TRAINED,
      change: 'removed',
      before: rule(pack, NOT_TRAINED),
      disabled: { id: NOT_TRAINED },
      message: { vi: `Quy tắc "${NOT_TRAINED}" bị tắt`, en: `Rule "${NOT_TRAINED}" disabled` },
    });
  });

  it('a clause without a reason: the clause in brackets; a reason without a clause: the reason after a colon', () => {
    expect(one(off([{ id: NOT_TRAINED, clause: 'KH.II.2.1.a' }])).message).toEqual({ vi: `Quy tắc "${NOT_TRAINED}" bị tắt (KH.II.2.1.a)`, en: `Rule "${NOT_TRAINED}" disabled (KH.II.2.1.a)` });
    expect(one(off([{ id: NOT_TRAINED, reason: { vi: 'Cho học lại', en: 'May attend again' } }])).message).toEqual({
      vi: `Quy tắc "${NOT_TRAINED}" bị tắt: Cho học lại`,
      en: `Rule "${NOT_TRAINED}" disabled: May attend again`,
    });
  });

  it('turning one rule off does not explain another rule that is simply gone', () => {
    const b = off([{ id: 'district_cadre.not_trained_at_province', reason: { vi: 'Lý do', en: 'Why' } }], (p) => (p.rules = p.rules.filter((r) => r.id !== 'district_cadre.not_trained_at_province')));
    const all = diffPacks(pack, b);
    expect(all.map((c) => [c.id, c.message.en, c.disabled])).toEqual([
      [NOT_TRAINED, `Rule "${NOT_TRAINED}" removed`, undefined],
      ['district_cadre.not_trained_at_province', 'Rule "district_cadre.not_trained_at_province" disabled: Why', { id: 'district_cadre.not_trained_at_province', reason: { vi: 'Lý do', en: 'Why' } }],
    ]);
  });

  it('a rule listed as turned off that is still in the pack, changed, is said as changed', () => {
    const b = changed((p) => {
      rule(p, NOT_TRAINED).clause = 'KH.II.2.1.b';
      p.disabled = [{ id: NOT_TRAINED }] as never;
    });
    const c = one(b);
    expect([c.change, c.message.en, c.disabled]).toEqual(['changed', `Rule "${NOT_TRAINED}" changed: clause KH.II.2.1.a → KH.II.2.1.b`, undefined]);
  });

  it('only rules are said to be turned off: a message of the same id gone is said removed', () => {
    const a = changed((p) => (p.messages[NOT_TRAINED] = { vi: 'Thông điệp', en: 'A message' }));
    const b = off([{ id: NOT_TRAINED }]);
    const all = diffPacks(a, b);
    expect(all.map((c) => [c.kind, c.change, c.message.en])).toEqual([
      ['rule', 'removed', `Rule "${NOT_TRAINED}" disabled`],
      ['message', 'removed', `Message "${NOT_TRAINED}" removed`],
    ]);
    expect(all[1]?.disabled).toBeUndefined();
  });
});

describe('messages, and the order of the whole list', () => {
  it('messages are said by id: changed, added', () => {
    const b = changed((p) => {
      p.messages['rank.admitted'] = { vi: 'Được dự lớp', en: 'Admitted' };
      p.messages['rank.extra'] = { vi: 'Thêm', en: 'Extra' };
    });
    expect(diffPacks(pack, b)).toEqual([
      {
        kind: 'message',
        id: 'rank.admitted',
        change: 'changed',
        before: pack.messages['rank.admitted'],
        after: { vi: 'Được dự lớp', en: 'Admitted' },
        message: { vi: 'Thông điệp "rank.admitted" thay đổi', en: 'Message "rank.admitted" changed' },
      },
      { kind: 'message', id: 'rank.extra', change: 'added', after: { vi: 'Thêm', en: 'Extra' }, message: { vi: 'Thêm thông điệp "rank.extra"', en: 'Message "rank.extra" added' } },
    ]);
  });

  it('sections come in a fixed order, whatever order the edits were made in', () => {
    const b = changed((p) => {
      p.messages['rank.admitted'] = { vi: 'Được dự lớp', en: 'Admitted' };
      rule(p, 'study_tour.role').note = 'xem lại';
      (p.budget as Record<string, any>).ceiling = 'budget.other';
      (p.rates[0] as Record<string, any>).amount = '250000';
      param(p, 'plan.year').value = 2021;
      p.roles.push({ code: 'village_head', group: 'community', label: { vi: 'Trưởng thôn', en: 'Village head' } });
      (p.tracks[0] as Record<string, any>).sizeParam = 'x.y';
      (p.clauses[0] as Record<string, any>).text = { vi: 'Mới', en: 'New' };
      p.meta.year = 2021;
      p.version = '1.1.0';
    });
    expect(diffPacks(pack, b).map((c) => `${c.kind}:${c.id}`)).toEqual([
      'meta:id',
      'meta:year',
      'clause:QD.1',
      'track:province_cadre',
      'role:village_head',
      'parameter:plan.year',
      'rate:rate.travel_allowance',
      'budget:budget',
      'rule:study_tour.role',
      'message:rank.admitted',
    ]);
  });
});
