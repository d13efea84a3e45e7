/**
 * Two warnings a province gets while writing its pack: a parameter nothing uses (often left after
 * disabling a rule), and a rule whose conditions contradict each other, so it can never hold
 * ("age ≥ 18 and age < 10"). Each source of use, and each way bounds meet, is pinned here.
 */
import { describe, expect, it } from 'vitest';
import type { Condition, Pack } from '../src/index.js';
import { DEADLINE_PARAM, FOREIGN_ROSTER_PARAM } from '../src/pack/package-params.js';
import { contradiction, everyParameterUsed, parametersUsed, rulesCanHold } from '../src/pack/checks/reach.js';

type Leaf = { fact: string; operator: string; value: unknown; params?: Record<string, string> };
const leaf = (fact: string, operator: string, value: unknown, params?: Record<string, string>): Leaf => ({ fact, operator, value, ...(params ? { params } : {}) });
const all = (...conditions: unknown[]) => ({ all: conditions }) as unknown as Condition;
const message = { pass: { vi: 'Đạt', en: 'Passes' }, fail: { vi: 'Không đạt', en: 'Fails' } };

/** The least of a pack these checks read: its rules, messages, tracks, budget, parameters and year. */
function packOf(over: { rules?: unknown[]; messages?: Record<string, unknown>; tracks?: unknown[]; caps?: unknown[]; parameters?: Record<string, unknown> } = {}): Pack {
  return {
    meta: { year: 2020 },
    rules: over.rules ?? [],
    messages: over.messages ?? {},
    tracks: over.tracks ?? [],
    budget: { ceiling: 'budget.total', caps: over.caps ?? [] },
    parameters: over.parameters ?? {},
  } as unknown as Pack;
}
const check = (conditions: unknown, kind = 'eligibility') => ({ id: 'r.x', kind, tracks: [], conditions, message });
const always = ['budget.total', DEADLINE_PARAM, FOREIGN_ROSTER_PARAM];

describe('which parameters a pack uses', () => {
  it('the budget ceiling and the parameters the package itself reads, always', () => {
    expect([...parametersUsed(packOf())].sort()).toEqual([...always].sort());
  });

  it('a parameter compared with, or named as a fact, by its "param:" name; a fact by its own name is not a parameter', () => {
    const used = parametersUsed(packOf({ rules: [check(all(leaf('birthYear', 'lessThan', { fact: 'param:a.max' }), leaf('param:b.flag', 'equal', true)))] }));
    expect([...used].filter((id) => !always.includes(id)).sort()).toEqual(['a.max', 'b.flag']);
  });

  it('the parameters a fact reads (age reads the plan year), and a parameter given to a fact as its argument, but not other arguments', () => {
    const age = parametersUsed(packOf({ rules: [check(all(leaf('age', 'lessThanInclusive', 35)))] }));
    expect([...age].filter((id) => !always.includes(id))).toEqual(['plan.year']);
    const size = parametersUsed(
      packOf({ rules: [{ ...check(all(leaf('sizeOverTarget', 'decimalLessThanInclusive', '0.1', { target: 'k.size', other: 'not.a.param' }))), kind: 'check', scope: 'class' }] }),
    );
    expect([...size].filter((id) => !always.includes(id))).toEqual(['k.size']);
    // categoryShare takes a budget category (not a parameter) and the parameter it is a share of
    const share = parametersUsed(
      packOf({ rules: [{ ...check(all(leaf('categoryShare', 'decimalLessThanInclusive', '0.1', { category: 'study_tour', of: 'x.of' }))), kind: 'check', scope: 'plan' }] }),
    );
    expect([...share].filter((id) => !always.includes(id))).toEqual(['x.of']);
  });

  it("a priority rule's points, the placeholders of rule and pack messages, each track's size and count, and each budget cap's share and base", () => {
    const used = parametersUsed(
      packOf({
        rules: [
          { ...check(all(leaf('gender', 'equal', 'female'))), kind: 'priority', points: 'p.points', message: { pass: { vi: '{param:m.pass}', en: 'x' }, fail: { vi: 'x', en: '{param:m.fail}' } } },
        ],
        messages: { 'rank.admitted': { vi: 'Trong {param:m.vi}', en: 'Within {param:m.en} {classId}' } },
        tracks: [
          { code: 't1', sizeParam: 't1.size', countParam: 't1.count' },
          { code: 't2', countParam: 't2.count' },
        ],
        caps: [{ category: 'study_tour', share: 'cap.share', of: 'cap.of' }],
      }),
    );
    expect([...used].filter((id) => !always.includes(id)).sort()).toEqual(['cap.of', 'cap.share', 'm.en', 'm.fail', 'm.pass', 'm.vi', 'p.points', 't1.count', 't1.size', 't2.count']);
  });

  it('an eligibility rule has no points to use', () => {
    const used = parametersUsed(packOf({ rules: [{ ...check(all(leaf('gender', 'equal', 'female'))), points: 'p.points' }] }));
    expect(used.has('p.points')).toBe(false);
  });

  it('a parameter nothing uses is warned of at its path, in both languages', () => {
    const problems = everyParameterUsed.run(packOf({ parameters: { 'budget.total': {}, 'le.left': {} } }));
    expect(problems).toEqual([
      {
        path: '$.parameters["le.left"]',
        code: 'pack.unused_parameter',
        message: {
          vi: 'Không quy tắc, thông điệp hay mục nào dùng tham số "le.left" (có thể sau khi tắt một quy tắc): hãy xóa nó hoặc dùng nó',
          en: 'nothing in the pack uses parameter "le.left" (perhaps after a rule was disabled): remove it or use it',
        },
      },
    ]);
  });
});

describe('conditions that can never hold together', () => {
  const pack = packOf({ parameters: { 'age.max': { unit: 'years_of_age', value: 35, values: [{ from: '2020-06-01', value: 20 }] } } });
  const never = (...leaves: Leaf[]) => contradiction(all(...leaves), pack, '2020-12-31')?.fact;

  it.each<[string, Leaf[], string | undefined]>([
    ['above 18 and below 10', [leaf('age', 'greaterThan', 18), leaf('age', 'lessThan', 10)], 'age'],
    ['at least 18 and at most 18: exactly 18', [leaf('age', 'greaterThanInclusive', 18), leaf('age', 'lessThanInclusive', 18)], undefined],
    ['above 18 and at most 18', [leaf('age', 'greaterThan', 18), leaf('age', 'lessThanInclusive', 18)], 'age'],
    ['at least 18 and below 18', [leaf('age', 'greaterThanInclusive', 18), leaf('age', 'lessThan', 18)], 'age'],
    ['at least 18, then above 18, then at most 18', [leaf('age', 'greaterThanInclusive', 18), leaf('age', 'greaterThan', 18), leaf('age', 'lessThanInclusive', 18)], 'age'],
    ['above 18, then at least 18, then at most 18', [leaf('age', 'greaterThan', 18), leaf('age', 'greaterThanInclusive', 18), leaf('age', 'lessThanInclusive', 18)], 'age'],
    ['at most 18, then below 18, then at least 18', [leaf('age', 'lessThanInclusive', 18), leaf('age', 'lessThan', 18), leaf('age', 'greaterThanInclusive', 18)], 'age'],
    ['below 18, then at most 18, then at least 18', [leaf('age', 'lessThan', 18), leaf('age', 'lessThanInclusive', 18), leaf('age', 'greaterThanInclusive', 18)], 'age'],
    ['above 18, then above 10 (the tighter bound stays), then below 15', [leaf('age', 'greaterThan', 18), leaf('age', 'greaterThan', 10), leaf('age', 'lessThan', 15)], 'age'],
    ['at least 18, then above 10, then below 15', [leaf('age', 'greaterThanInclusive', 18), leaf('age', 'greaterThan', 10), leaf('age', 'lessThan', 15)], 'age'],
    ['at most 10, then below 20, then above 15', [leaf('age', 'lessThanInclusive', 10), leaf('age', 'lessThan', 20), leaf('age', 'greaterThan', 15)], 'age'],
    ['at least 18, then at least 10, then below 15', [leaf('age', 'greaterThanInclusive', 18), leaf('age', 'greaterThanInclusive', 10), leaf('age', 'lessThan', 15)], 'age'],
    ['below 10, then below 20, then above 15', [leaf('age', 'lessThan', 10), leaf('age', 'lessThan', 20), leaf('age', 'greaterThan', 15)], 'age'],
    ['at most 10, then at most 20, then above 15', [leaf('age', 'lessThanInclusive', 10), leaf('age', 'lessThanInclusive', 20), leaf('age', 'greaterThan', 15)], 'age'],
    ['equal to 5 and to 6', [leaf('age', 'equal', 5), leaf('age', 'equal', 6)], 'age'],
    ['equal to 5 twice', [leaf('age', 'equal', 5), leaf('age', 'equal', 5)], undefined],
    ['equal to nothing (null) and to 5', [leaf('age', 'equal', null), leaf('age', 'equal', 5)], 'age'],
    ['equal to 10 and above 10', [leaf('age', 'equal', 10), leaf('age', 'greaterThan', 10)], 'age'],
    ['equal to 10 and at least 10', [leaf('age', 'equal', 10), leaf('age', 'greaterThanInclusive', 10)], undefined],
    ['equal to 10 and below 10', [leaf('age', 'equal', 10), leaf('age', 'lessThan', 10)], 'age'],
    ['equal to 10 and at most 10', [leaf('age', 'equal', 10), leaf('age', 'lessThanInclusive', 10)], undefined],
    ['equal to 5 and above 10', [leaf('age', 'equal', 5), leaf('age', 'greaterThan', 10)], 'age'],
    ['equal to 50 and below 10', [leaf('age', 'equal', 50), leaf('age', 'lessThan', 10)], 'age'],
    ['equal to a text and above 10: a text is not a number to bound', [leaf('gender', 'equal', 'female'), leaf('gender', 'greaterThan', 10)], undefined],
    ['equal to two different lists: lists are not compared', [leaf('groups', 'equal', [1]), leaf('groups', 'equal', [2])], undefined],
    ['not equal to 5 and to 6: only equal is bounded', [leaf('age', 'notEqual', 5), leaf('age', 'notEqual', 6)], undefined],
    ['above "18" written as text, and below 10: a text is not a bound', [leaf('age', 'greaterThan', '18'), leaf('age', 'lessThan', 10)], undefined],
    ['two different facts, each bounded on its own', [leaf('age', 'greaterThan', 18), leaf('birthYear', 'lessThan', 10)], undefined],
    ['a comparison given arguments (a different fact each time) is left alone', [leaf('sizeOverTarget', 'greaterThan', 18, { target: 'x' }), leaf('sizeOverTarget', 'lessThan', 10)], undefined],
    ['above a parameter (read at the end of the plan year: 20) and below 30', [leaf('age', 'greaterThan', { fact: 'param:age.max' } as never), leaf('age', 'lessThan', 30)], undefined],
    ['above a parameter (20 at the end of the year) and below 20', [leaf('age', 'greaterThan', { fact: 'param:age.max' } as never), leaf('age', 'lessThan', 20)], 'age'],
    ['above a parameter the pack lacks, and below 10', [leaf('age', 'greaterThan', { fact: 'param:khong.co' } as never), leaf('age', 'lessThan', 10)], undefined],
    ['above another fact, and below 10', [leaf('age', 'greaterThan', { fact: 'birthYear' } as never), leaf('age', 'lessThan', 10)], undefined],
  ])('%s', (_, leaves, fact) => {
    expect(never(...leaves)).toBe(fact);
  });

  it('only what must all hold: comparisons under "any" or "not" are alternatives, under nested "all" they must hold', () => {
    expect(contradiction({ any: [leaf('age', 'greaterThan', 18), leaf('age', 'lessThan', 10)] } as never, pack, '2020-12-31')).toBeUndefined();
    expect(contradiction(all(leaf('age', 'greaterThan', 18), { not: leaf('age', 'lessThan', 10) }) as never, pack, '2020-12-31')).toBeUndefined();
    const nested = contradiction(all(leaf('age', 'greaterThan', 18), all(leaf('gender', 'equal', 'female'), leaf('age', 'lessThan', 10))) as never, pack, '2020-12-31');
    expect(nested).toMatchObject({ fact: 'age', at: { path: ['all', 1, 'all', 1] } });
  });

  it("a rule that can never hold is warned of at its conditions, in both languages, with parameters read at the end of the pack's year", () => {
    const rules = [
      check(all(leaf('age', 'greaterThan', { fact: 'param:age.max' }), leaf('age', 'lessThan', 30))),
      { ...check(all(leaf('age', 'greaterThan', 18), leaf('age', 'lessThan', 10))), id: 'r.never' },
    ];
    expect(rulesCanHold.run(packOf({ rules, parameters: pack.parameters as never }))).toEqual([
      {
        path: '$.rules[1].conditions',
        code: 'pack.rule_never_holds',
        message: {
          vi: 'Quy tắc "r.never" không bao giờ đúng: các điều kiện về "age" mâu thuẫn nhau',
          en: 'rule "r.never" can never hold: its conditions on "age" contradict each other',
        },
      },
    ]);
  });
});
