/**
 * What `checkPack` says a province's pack means, beyond what validation refuses: a comparison that
 * can never hold or always holds, `any` alternatives that together let everyone through, a rule
 * another rule makes useless, and a clause of the plan nothing in the pack cites. A province adapting
 * the Lạng Sơn pack relies on each warning naming the right rule or clause (code and JSON path), in
 * words it can act on (Vietnamese and English), and on a sound pack getting no such warning. Each
 * case edits the bundled pack and lists every finding the edit adds to those of the bundled pack.
 */
import { describe, expect, it } from 'vitest';
import { checkPack, type Pack, parsePack } from '../src/index.js';
import { citations } from '../src/pack/checks/meaning.js';
import { editedPack, eligibilityRule, RULE_MESSAGE as message } from './helpers.js';

type Edit = (p: Record<string, any>) => void;
interface Told {
  readonly code: string;
  readonly path: string;
  readonly vi: string;
  readonly en: string;
}
type Case = readonly [what: string, edit: Edit, told: readonly Told[]];

const eligibility = (id: string, conditions: unknown, tracks: string[] = ['district_cadre']) => eligibilityRule(id, tracks, conditions, 'KH.II.2.2.a');
const cost = (id: string, conditions: unknown) => ({
  id,
  kind: 'cost',
  clause: 'KH.II.5.2.a',
  tracks: ['province_cadre'],
  conditions,
  payer: { meals: 'programme', lodging: 'programme', travel: 'programme' },
  message,
});
const check = (id: string, scope: string, conditions: unknown, tracks?: string[]) => ({
  id,
  kind: 'check',
  scope,
  severity: 'warning',
  clause: 'KH.II.2.2.a',
  ...(tracks ? { tracks } : {}),
  conditions,
  message,
});
const age = (operator: string, value: unknown) => ({ fact: 'age', operator, value });
const woman = { fact: 'gender', operator: 'equal', value: 'female' };
/** Rules added after the bundled pack's 50 (they are rules[50], rules[51], …). */
const adding =
  (...rules: unknown[]): Edit =>
  (p) =>
    p.rules.push(...structuredClone(rules));

async function findings(raw: Record<string, any>): Promise<Told[]> {
  const parsed = parsePack(raw);
  expect(parsed.errors).toEqual([]);
  const r = await checkPack(parsed.value as Pack);
  return r.findings.map((f) => ({ code: f.code, path: f.path, vi: f.message.vi, en: f.message.en }));
}

let bundled: Promise<Told[]> | undefined;
/** The findings the edit adds to those of the bundled pack. */
async function added(edit: Edit): Promise<Told[]> {
  bundled ??= findings(editedPack(() => {}));
  const before = new Set((await bundled).map((f) => JSON.stringify(f)));
  return (await findings(editedPack(edit))).filter((f) => !before.has(JSON.stringify(f)));
}

const uncited = (i: number, id: string, titleVi: string, titleEn: string): Told => ({
  code: 'pack.clause_uncited',
  path: `$.clauses[${i}]`,
  vi: `Không quy tắc, tham số hay mục nào dẫn điều khoản "${id}" (${titleVi}): điều khoản này chưa thành quy tắc, hoặc đã bị bỏ`,
  en: `nothing in the pack cites clause "${id}" (${titleEn}): the clause has no rule yet, or its rule was removed`,
});

describe('the bundled Lạng Sơn pack', () => {
  it('has no condition that never or always holds and no shadowed rule; the clauses it leaves uncited are the plan’s prose', async () => {
    const got = (await findings(editedPack(() => {}))).filter((f) => f.code !== 'pack.role_admitted_nowhere');
    expect(got).toEqual([
      uncited(1, 'QD.2', 'Trách nhiệm thi hành', 'Bodies responsible for implementation'),
      uncited(2, 'KH.I.1', 'Mục đích', 'Purpose'),
      uncited(3, 'KH.I.2', 'Yêu cầu', 'Requirements'),
      uncited(9, 'KH.II.2.3.a', 'Nội dung tập huấn cho nhóm cán bộ cơ sở', 'Training content for the cadre group'),
      uncited(10, 'KH.II.2.3.b', 'Nội dung tập huấn cho nhóm cộng đồng', 'Training content for the community group'),
      uncited(12, 'KH.II.4.1', 'Tài liệu', 'Training materials'),
      uncited(13, 'KH.II.4.2', 'Báo cáo viên', 'Lecturers'),
      uncited(16, 'KH.II.5.2.b', 'Chế độ bồi dưỡng báo cáo viên', 'Lecturer fees'),
      uncited(18, 'KH.III.1', 'Trách nhiệm của Ban Dân tộc tỉnh', 'Responsibilities of the provincial Ethnic Minorities Committee'),
      uncited(19, 'KH.III.2', 'Trách nhiệm của các sở và Ủy ban MTTQVN tỉnh', 'Responsibilities of the departments and the provincial Fatherland Front'),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Clauses nothing cites

const PLANTED = 'KH.IV.9';
const plantClause = (p: Record<string, any>, id = PLANTED) => p.clauses.push({ id, title: { vi: `Điều ${id}`, en: `Clause ${id}` }, text: { vi: 'Văn bản', en: 'Text' } });
/** A planted clause (clauses[21]), cited only where `cite` says. */
const citedBy =
  (cite: Edit): Edit =>
  (p) => {
    plantClause(p);
    cite(p);
  };

const CLAUSES: readonly Case[] = [
  ['a clause nothing cites is named, with its title', citedBy(() => {}), [uncited(21, PLANTED, `Điều ${PLANTED}`, `Clause ${PLANTED}`)]],
  ['a clause the pack’s own decision cites is cited', citedBy((p) => (p.meta.clause = PLANTED)), []],
  ['a clause a track cites is cited', citedBy((p) => (p.tracks[3].clause = PLANTED)), []],
  ['a clause a parameter cites is cited', citedBy((p) => (p.parameters['plan.year'].clause = PLANTED)), []],
  ['a clause a dated value of a parameter cites is cited', citedBy((p) => (p.parameters['study_tour.delegations'].values = [{ from: '2020-06-01', value: 3, clause: PLANTED }])), []],
  ['a clause a rule cites is cited', citedBy((p) => (p.rules[13].clause = PLANTED)), []],
  ['a clause a rule’s "see also" names is cited', citedBy((p) => (p.rules[13].see = ['KH.II.2.2.b', PLANTED])), []],
  ['a clause the study-tour cap cites is cited', citedBy((p) => (p.budget.caps[0].clause = PLANTED)), []],
  ['a clause the reason for a disabled rule cites is cited', citedBy((p) => (p.disabled = [{ id: 'priority.old', clause: PLANTED }])), []],
  ['a clause a word for a role cites is cited', citedBy((p) => (p.vocabulary.roles[18].clause = PLANTED)), []],
  ['a clause a word for a gender cites is cited', citedBy((p) => (p.vocabulary.genders[0].clause = PLANTED)), []],
  [
    'a clause the meaning of a blank yes/no cell cites is cited',
    citedBy((p) => {
      delete p.vocabulary.blankYesNo.assumption;
      p.vocabulary.blankYesNo.clause = PLANTED;
    }),
    [],
  ],
  ['a pack with no word for a blank yes/no cell is read (the other clauses stay cited)', (p) => delete p.vocabulary.blankYesNo, []],
  ['a pack with no vocabulary is read (the other clauses stay cited)', (p) => delete p.vocabulary, []],
  [
    'a clause is cited through a clause below it',
    (p) => {
      plantClause(p, 'KH.IV');
      plantClause(p);
      p.rules[13].see = ['KH.II.2.2.b', PLANTED];
    },
    [],
  ],
  [
    'a clause is not cited through one whose number merely starts the same (KH.IV.1 by KH.IV.10)',
    (p) => {
      plantClause(p, 'KH.IV.1');
      plantClause(p, 'KH.IV.10');
      p.rules[13].see = ['KH.II.2.2.b', 'KH.IV.10'];
    },
    [uncited(21, 'KH.IV.1', 'Điều KH.IV.1', 'Clause KH.IV.1')],
  ],
];

describe('a clause of the plan nothing in the pack cites is a warning at the clause', () => {
  it.each(CLAUSES)('%s', async (_what, edit, expected) => {
    expect(await added(edit)).toEqual(expected);
  });

  it('every place that cites a clause is listed with its JSON path, in the pack’s order', () => {
    const raw = editedPack((p) => {
      plantClause(p);
      p.meta.clause = PLANTED;
      p.tracks[3].clause = PLANTED;
      p.parameters['plan.year'].clause = PLANTED;
      p.parameters['study_tour.delegations'].values = [{ from: '2020-06-01', value: 3, clause: PLANTED }];
      p.rules[13].clause = PLANTED;
      p.rules[13].see = ['KH.II.2.2.b', PLANTED];
      p.budget.caps[0].clause = PLANTED;
      p.disabled = [{ id: 'priority.old', clause: PLANTED }];
      for (const kind of ['roles', 'ethnicities', 'genders', 'yesNo']) p.vocabulary[kind][1].clause = PLANTED;
      delete p.vocabulary.blankYesNo.assumption;
      p.vocabulary.blankYesNo.clause = PLANTED;
    });
    const parsed = parsePack(raw);
    expect(parsed.errors).toEqual([]);
    expect(citations(parsed.value as Pack).filter((c) => c.id === PLANTED)).toEqual([
      { id: PLANTED, path: ['meta', 'clause'] },
      { id: PLANTED, path: ['tracks', 3, 'clause'] },
      { id: PLANTED, path: ['parameters', 'plan.year', 'clause'] },
      { id: PLANTED, path: ['parameters', 'study_tour.delegations', 'values', 0, 'clause'] },
      { id: PLANTED, path: ['rules', 13, 'clause'] },
      { id: PLANTED, path: ['rules', 13, 'see', 1] },
      { id: PLANTED, path: ['budget', 'caps', 0, 'clause'] },
      { id: PLANTED, path: ['disabled', 0, 'clause'] },
      { id: PLANTED, path: ['vocabulary', 'roles', 1, 'clause'] },
      { id: PLANTED, path: ['vocabulary', 'ethnicities', 1, 'clause'] },
      { id: PLANTED, path: ['vocabulary', 'genders', 1, 'clause'] },
      { id: PLANTED, path: ['vocabulary', 'yesNo', 1, 'clause'] },
      { id: PLANTED, path: ['vocabulary', 'blankYesNo', 'clause'] },
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Conditions that never or always hold

const what = (leaf: { fact: string; operator: string; value: unknown }) => `"${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)}"`;
const never = (path: string, rule: string, leaf: { fact: string; operator: string; value: unknown }, must: boolean): Told => ({
  code: 'pack.condition_never_holds',
  path,
  vi: `Điều kiện ${what(leaf)} của quy tắc "${rule}" không bao giờ đúng${must ? ', nên quy tắc không bao giờ đúng' : ''}: danh sách rỗng hoặc so một fact với chính nó`,
  en: `condition ${what(leaf)} of rule "${rule}" can never hold${must ? ', so the rule never holds' : ''}: an empty list, or a fact compared with itself`,
});
const always = (path: string, rule: string, leaf: { fact: string; operator: string; value: unknown }): Told => ({
  code: 'pack.condition_always_holds',
  path,
  vi: `Điều kiện ${what(leaf)} của quy tắc "${rule}" luôn đúng nên không quyết định điều gì: danh sách rỗng hoặc so một fact với chính nó`,
  en: `condition ${what(leaf)} of rule "${rule}" always holds, so it decides nothing: an empty list, or a fact compared with itself`,
});
const R = '$.rules[50].conditions';

const selfCompare = (operator: string) => age(operator, { fact: 'age' });
const CONSTANT: readonly Case[] = [
  [
    'a role in an empty list never holds, so neither does the rule (and no role can enter its track)',
    adding(eligibility('planted.x', { all: [{ fact: 'role', operator: 'in', value: [] }] })),
    [
      {
        code: 'pack.track_closed_to_all',
        path: '$.tracks[2]',
        vi: 'Không chức vụ nào được học loại lớp "district_cadre": quy tắc điều kiện loại mọi chức vụ (xem p135 pack matrix)',
        en: 'no role can enter track "district_cadre": its eligibility rules close it to every role (see p135 pack matrix)',
      },
      never(`${R}.all[0]`, 'planted.x', { fact: 'role', operator: 'in', value: [] }, true),
    ],
  ],
  [
    'a role not in an empty list always holds',
    adding(eligibility('planted.x', { all: [{ fact: 'role', operator: 'notIn', value: [] }] })),
    [always(`${R}.all[0]`, 'planted.x', { fact: 'role', operator: 'notIn', value: [] })],
  ],
  [
    'a role in a parameter emptied by the province never holds; under "any" the rule still can',
    (p) => (p.parameters['roles.study_tour_citizen'].value = []),
    [never('$.rules[9].conditions.any[2]', 'study_tour.role', { fact: 'role', operator: 'in', value: { fact: 'param:roles.study_tour_citizen' } }, false)],
  ],
  ...(['equal', 'greaterThanInclusive', 'lessThanInclusive'] as const).map(
    (op): Case => [`age ${op} age always holds`, adding(eligibility('planted.x', { all: [selfCompare(op)] })), [always(`${R}.all[0]`, 'planted.x', selfCompare(op))]],
  ),
  ...(['notEqual', 'greaterThan', 'lessThan'] as const).map(
    (op): Case => [`age ${op} age never holds`, adding(eligibility('planted.x', { all: [selfCompare(op)] })), [never(`${R}.all[0]`, 'planted.x', selfCompare(op), true)]],
  ),
  [
    'a fact compared with itself under "any" never holds, and the rule is not said to fail for it',
    adding(eligibility('planted.x', { any: [selfCompare('lessThan'), woman] })),
    [never(`${R}.any[0]`, 'planted.x', selfCompare('lessThan'), false)],
  ],
  ['a fact compared with another fact is not judged', adding(eligibility('planted.x', { all: [age('greaterThan', { fact: 'birthYear' })] })), []],
  ['"in" a fact (not a list) is not judged, even of the fact itself', adding(eligibility('planted.x', { all: [{ fact: 'gender', operator: 'in', value: { fact: 'gender' } }] })), []],
];

const anyAlways = (rule: string, fact: string, a: { operator: string; value: unknown }, b: { operator: string; value: unknown }, path = `${R}.any`): Told => ({
  code: 'pack.condition_always_holds',
  path,
  vi: `Các điều kiện "any" của quy tắc "${rule}" luôn đúng: "${fact}" luôn thỏa một trong hai (${a.operator} ${JSON.stringify(a.value)} hoặc ${b.operator} ${JSON.stringify(b.value)})`,
  en: `the "any" alternatives of rule "${rule}" always hold: every "${fact}" meets one of them (${a.operator} ${JSON.stringify(a.value)} or ${b.operator} ${JSON.stringify(b.value)})`,
});
const anyOf = (...leaves: unknown[]) => adding(eligibility('planted.x', { any: leaves }));
const YOUNG = { fact: 'param:priority.young_max_age' };

const ALTERNATIVES: readonly Case[] = [
  ['age ≥ 18 or age < 30 lets every age through', anyOf(age('greaterThanInclusive', 18), age('lessThan', 30)), [anyAlways('planted.x', 'age', age('greaterThanInclusive', 18), age('lessThan', 30))]],
  [
    'age < 30 or age ≥ 18 (upper bound first) lets every age through',
    anyOf(age('lessThan', 30), age('greaterThanInclusive', 18)),
    [anyAlways('planted.x', 'age', age('lessThan', 30), age('greaterThanInclusive', 18))],
  ],
  [
    'age ≥ 18 or age < 18 meet at 18 and let every age through',
    anyOf(age('greaterThanInclusive', 18), age('lessThan', 18)),
    [anyAlways('planted.x', 'age', age('greaterThanInclusive', 18), age('lessThan', 18))],
  ],
  [
    'age > 18 or age ≤ 18 meet at 18 and let every age through',
    anyOf(age('greaterThan', 18), age('lessThanInclusive', 18)),
    [anyAlways('planted.x', 'age', age('greaterThan', 18), age('lessThanInclusive', 18))],
  ],
  [
    'age ≤ the young age (35) or age > 35 lets every age through',
    anyOf(age('lessThanInclusive', YOUNG), age('greaterThan', 35)),
    [anyAlways('planted.x', 'age', age('lessThanInclusive', YOUNG), age('greaterThan', 35))],
  ],
  ['age > 18 or age < 18 leaves out 18', anyOf(age('greaterThan', 18), age('lessThan', 18)), []],
  ['age ≥ 30 or age < 18 leaves out 18 to 29', anyOf(age('greaterThanInclusive', 30), age('lessThan', 18)), []],
  ['age ≥ 18 or age > 30 are both lower bounds', anyOf(age('greaterThanInclusive', 18), age('greaterThan', 30)), []],
  ['age ≥ 18 or age = 30 is no pair of bounds', anyOf(age('greaterThanInclusive', 18), age('equal', 30)), []],
  ['a woman or not a woman lets everyone through', anyOf(woman, { ...woman, operator: 'notEqual' }), [anyAlways('planted.x', 'gender', woman, { ...woman, operator: 'notEqual' })]],
  ['not a woman or a woman (the other order) lets everyone through', anyOf({ ...woman, operator: 'notEqual' }, woman), [anyAlways('planted.x', 'gender', { ...woman, operator: 'notEqual' }, woman)]],
  ['a woman or not a man is no such pair', anyOf(woman, { fact: 'gender', operator: 'notEqual', value: 'male' }), []],
  ['bounds on two different facts are not put together', anyOf(age('greaterThanInclusive', 18), { fact: 'birthYear', operator: 'lessThan', value: 1990 }), []],
  ['a bound against another fact is not judged', anyOf(age('greaterThanInclusive', { fact: 'birthYear' }), age('lessThan', 30)), []],
  ['two bounds against another fact are not judged', anyOf(age('greaterThanInclusive', { fact: 'birthYear' }), age('lessThan', { fact: 'birthYear' })), []],
  ['a bound written as text is not read as a number (first)', anyOf(age('greaterThan', '18'), age('lessThan', 30)), []],
  ['a bound written as text is not read as a number (second)', anyOf(age('greaterThanInclusive', 18), age('lessThan', '30')), []],
  ['age ≥ 18 and age < 30 under "all" is a range, not a warning', adding(eligibility('planted.x', { all: [age('greaterThanInclusive', 18), age('lessThan', 30)] })), []],
  [
    'of three alternatives, the first pair that lets everyone through is named',
    anyOf(age('greaterThanInclusive', 18), age('lessThan', 30), age('lessThan', 40)),
    [anyAlways('planted.x', 'age', age('greaterThanInclusive', 18), age('lessThan', 30))],
  ],
  [
    'counts of two different tracks are different facts',
    adding(
      check('planted.x', 'commune', {
        any: [
          { fact: 'communeClassCount', operator: 'greaterThanInclusive', value: 1, params: { track: 'commune_community' } },
          { fact: 'communeClassCount', operator: 'lessThan', value: 1, params: { track: 'province_cadre' } },
        ],
      }),
    ),
    [],
  ],
];

describe('a comparison that never or always holds is a warning at the comparison', () => {
  it.each(CONSTANT)('%s', async (_what, edit, expected) => {
    expect(await added(edit)).toEqual(expected);
  });
});

describe('"any" alternatives on one fact that together admit every value are a warning at the "any"', () => {
  it.each(ALTERNATIVES)('%s', async (_what, edit, expected) => {
    expect(await added(edit)).toEqual(expected);
  });
});

// ---------------------------------------------------------------------------------------------
// Shadowed rules

const shadowed = (i: number, rule: string, by: string): Told => ({
  code: 'pack.rule_shadowed',
  path: `$.rules[${i}]`,
  vi: `Quy tắc "${rule}" bị quy tắc "${by}" che: mỗi khi "${rule}" không đạt thì "${by}" cũng không đạt, nên "${rule}" không bao giờ tự thay đổi kết quả`,
  en: `rule "${rule}" is shadowed by rule "${by}": whenever "${rule}" fails, "${by}" fails too, so "${rule}" never changes an answer on its own`,
});
const costShadowed = (i: number, rule: string, by: string): Told => ({
  code: 'pack.rule_shadowed',
  path: `$.rules[${i}]`,
  vi: `Quy tắc "${rule}" bị quy tắc "${by}" che: mỗi khi "${rule}" đúng thì "${by}" (đứng sau) cũng đúng và quyết định ai trả thay nó`,
  en: `rule "${rule}" is shadowed by rule "${by}": whenever "${rule}" holds, "${by}" (later) holds too and decides who pays instead`,
});
/** Two eligibility rules of district_cadre, rules[50] "planted.a" and rules[51] "planted.b", each with one comparison. */
const pair = (a: unknown, b: unknown) => adding(eligibility('planted.a', { all: [a] }), eligibility('planted.b', { all: [b] }));
const A = 'planted.a';
const B = 'planted.b';

const BOUNDS: readonly Case[] = [
  ['age ≥ 18 is shadowed by a later age ≥ 20', pair(age('greaterThanInclusive', 18), age('greaterThanInclusive', 20)), [shadowed(50, A, B)]],
  ['age ≥ 18 is shadowed by an earlier age ≥ 20', pair(age('greaterThanInclusive', 20), age('greaterThanInclusive', 18)), [shadowed(51, B, A)]],
  ['age ≥ 18 is shadowed by an earlier age > 18, which it does not shadow (18 passes one, fails the other)', pair(age('greaterThan', 18), age('greaterThanInclusive', 18)), [shadowed(51, B, A)]],
  ['age ≥ 18 is shadowed by a later age > 18', pair(age('greaterThanInclusive', 18), age('greaterThan', 18)), [shadowed(50, A, B)]],
  ['age < 40 is shadowed by age < 30', pair(age('lessThan', 30), age('lessThan', 40)), [shadowed(51, B, A)]],
  ['age < 50 is shadowed by a later age < 40, not the other way round', pair(age('lessThan', 50), age('lessThan', 40)), [shadowed(50, A, B)]],
  ['age ≤ 40 is shadowed by age < 40, not the other way round', pair(age('lessThan', 40), age('lessThanInclusive', 40)), [shadowed(51, B, A)]],
  ['age ≤ the young age (35) and age ≤ 35 shadow each other: the earlier is named', pair(age('lessThanInclusive', YOUNG), age('lessThanInclusive', 35)), [shadowed(50, A, B)]],
  ['age ≥ 18 is shadowed by age = 30', pair(age('equal', 30), age('greaterThanInclusive', 18)), [shadowed(51, B, A)]],
  ['age ≥ 18 is shadowed by age = 18', pair(age('equal', 18), age('greaterThanInclusive', 18)), [shadowed(51, B, A)]],
  ['age > 18 is not shadowed by age = 18', pair(age('equal', 18), age('greaterThan', 18)), []],
  ['age ≥ 18 is not shadowed by age = 10', pair(age('equal', 10), age('greaterThanInclusive', 18)), []],
  ['age ≤ 18 is shadowed by age = 10', pair(age('equal', 10), age('lessThanInclusive', 18)), [shadowed(51, B, A)]],
  ['age ≤ 18 is shadowed by age = 18', pair(age('equal', 18), age('lessThanInclusive', 18)), [shadowed(51, B, A)]],
  ['age < 18 is not shadowed by age = 18', pair(age('equal', 18), age('lessThan', 18)), []],
  ['age < 18 is not shadowed by age = 30', pair(age('equal', 30), age('lessThan', 18)), []],
  ['age = 30 is not shadowed by age ≥ 20 (which it shadows)', pair(age('equal', 30), age('greaterThanInclusive', 20)), [shadowed(51, B, A)]],
  ['a bound on another fact does not shadow', pair(age('greaterThanInclusive', 18), { fact: 'birthYear', operator: 'greaterThanInclusive', value: 1990 }), []],
  ['a bound against another fact does not shadow', pair(age('greaterThanInclusive', 18), age('greaterThanInclusive', { fact: 'birthYear' })), []],
  ['an age written as text does not shadow', pair(age('greaterThanInclusive', 18), age('equal', '30')), []],
  ['a bound written as text is not shadowed', pair(age('greaterThanInclusive', '18'), age('greaterThanInclusive', 20)), []],
];

const RULES: readonly Case[] = [
  ['a rule with one more condition shadows the rule without it', adding(eligibility(A, { all: [woman] }), eligibility(B, { all: [woman, age('greaterThanInclusive', 18)] })), [shadowed(50, A, B)]],
  [
    'a rule is not shadowed when only one of its conditions follows from the other rule',
    adding(eligibility(A, { all: [age('greaterThanInclusive', 18), woman] }), eligibility(B, { all: [age('greaterThanInclusive', 20)] })),
    [],
  ],
  [
    'of two alike with "any", the later is shadowed by the earlier',
    (p) => p.rules.push({ ...structuredClone(p.rules[9]), id: 'study_tour.role_again' }),
    [shadowed(50, 'study_tour.role_again', 'study_tour.role')],
  ],
  [
    'a rule shadowed by a stronger one is named with the stronger one, not with another shadowed one',
    adding(
      eligibility(A, { all: [age('greaterThanInclusive', 20)] }),
      eligibility(B, { all: [age('greaterThanInclusive', 18)] }),
      eligibility('planted.c', { all: [age('greaterThanInclusive', 25)] }),
    ),
    [shadowed(50, A, 'planted.c'), shadowed(51, B, 'planted.c')],
  ],
  [
    'a rule on two tracks is not shadowed by a stronger one on one of them',
    adding(eligibility(A, { all: [age('greaterThanInclusive', 20)] }), eligibility(B, { all: [age('greaterThanInclusive', 18)] }, ['district_cadre', 'commune_community'])),
    [],
  ],
  [
    'a check on every class shadows one on one track it implies',
    adding(
      check(A, 'class', {
        all: [
          { fact: 'classDistrict', operator: 'notEqual', value: null },
          { fact: 'classDays', operator: 'decimalGreaterThan', value: '1' },
        ],
      }),
    ),
    [shadowed(33, 'class.district_cadre.held_in_district', A)],
  ],
  [
    'a check on every class is not shadowed by one on one track',
    adding(
      check(
        A,
        'class',
        {
          all: [
            { fact: 'classDays', operator: 'decimalGreaterThan', value: '1' },
            { fact: 'classDistrict', operator: 'notEqual', value: null },
          ],
        },
        ['province_cadre'],
      ),
      check(B, 'class', { all: [{ fact: 'classDays', operator: 'decimalGreaterThan', value: '1' }] }),
    ),
    [],
  ],
  [
    'priority criteria add up: a narrower criterion does not shadow a wider one',
    adding({
      ...eligibility('priority.young_woman', { all: [woman, age('lessThanInclusive', 35)] }, ['province_community', 'commune_community']),
      kind: 'priority',
      points: 'priority.points_per_criterion',
    }),
    [],
  ],
  [
    'an eligibility rule does not shadow a priority criterion of the same tracks',
    adding(eligibility(A, { all: [woman, age('greaterThanInclusive', 18)] }, ['province_community', 'commune_community'])),
    [],
  ],
  ['a cost rule is shadowed by a later one that holds whenever it holds', adding(cost(A, { all: [woman, age('greaterThanInclusive', 18)] }), cost(B, { all: [woman] })), [costShadowed(50, A, B)]],
  ['a cost rule is not shadowed by an earlier one, nor by a later narrower one', adding(cost(A, { all: [woman] }), cost(B, { all: [woman, age('greaterThanInclusive', 18)] })), []],
];

describe('a rule another rule makes useless is a warning at the rule', () => {
  it.each(BOUNDS)('numeric bounds: %s', async (_what, edit, expected) => {
    expect(await added(edit)).toEqual(expected);
  });
  it.each(RULES)('%s', async (_what, edit, expected) => {
    expect(await added(edit)).toEqual(expected);
  });
});
