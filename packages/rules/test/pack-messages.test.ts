import { describe, expect, it } from 'vitest';
import { createRulebook, parsePack, type Problem } from '../src/index.js';
import { editedPack, pack, person } from './helpers.js';

const first = (ps: readonly Problem[], code: string) => ps.find((p) => p.code === code);
const problemsOf = (edit: (p: Record<string, any>) => void) => parsePack(editedPack(edit)).errors;
const leaf = (p: Record<string, any>) => p.rules[0].conditions.any[0].all[0];

describe('a misspelt name in a pack gets the nearest known names, in Vietnamese and in English', () => {
  it('an operator: "greaterThenInclusive" → greaterThanInclusive', () => {
    const p = first(
      problemsOf((x) => (leaf(x).operator = 'greaterThenInclusive')),
      'pack.unknown_operator',
    );
    expect(p?.message.en).toContain('Did you mean "greaterThanInclusive"');
    expect(p?.message.vi).toContain('Có phải ý bạn là "greaterThanInclusive"');
    expect(p?.message.vi).toContain('decimalLessThanInclusive');
  });
  it('a fact: "comuneListed" → communeListed', () => {
    const p = first(
      problemsOf((x) => (leaf(x).fact = 'comuneListed')),
      'pack.unknown_fact',
    );
    expect(p?.message.en).toContain('Did you mean "communeListed"');
    expect(p?.message.vi).toContain('"communeListed"');
  });
  it('a parameter: "param:budget.totl" → budget.total', () => {
    const p = first(
      problemsOf((x) => (leaf(x).value = { fact: 'param:budget.totl' })),
      'pack.unknown_parameter',
    );
    expect(p?.message.en).toContain('Did you mean "budget.total"');
    expect(p?.message.vi).toContain('"budget.total"');
  });
  it('a track: "comune_community" → commune_community', () => {
    const p = first(
      problemsOf((x) => (x.rules[0].tracks = ['comune_community'])),
      'pack.unknown_track',
    );
    expect(p?.message.en).toContain('Did you mean "commune_community"');
  });
  it('a word far from every known name gets the list, not a guess', () => {
    const p = first(
      problemsOf((x) => (leaf(x).operator = 'zzzzzzzz')),
      'pack.unknown_operator',
    );
    expect(p?.message.en).not.toContain('Did you mean');
    expect(p?.message.en).toContain('Known: equal, notEqual');
  });
  it('Vietnamese says as much as English: the same names are listed in both', () => {
    const ps = problemsOf((x) => {
      leaf(x).operator = 'equalz';
      leaf(x).fact = 'rol';
      x.rules[0].message.fail.vi += ' {nam}';
    });
    expect(ps.length).toBeGreaterThanOrEqual(3);
    for (const p of ps) {
      const quoted = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]).sort();
      expect(quoted(p.message.vi), p.code).toEqual(quoted(p.message.en));
    }
  });
});

describe('a date must be a day of the calendar', () => {
  it('"2021-02-30" as a window date is refused, saying why', () => {
    const id = Object.entries(pack.parameters).find(([, p]) => p.unit === 'date')?.[0] as string;
    const p = first(
      problemsOf((x) => (x.parameters[id].value = '2021-02-30')),
      'pack.parameter_value',
    );
    expect(p?.path).toBe(`$.parameters["${id}"].value`);
    expect(p?.message.en).toBe('"2021-02-30": no such day in the calendar (e.g. 30 February): write a day that exists, as YYYY-MM-DD');
    expect(p?.message.vi).toBe('"2021-02-30": ngày không tồn tại trong lịch (ví dụ 30/02): hãy ghi một ngày có thật, dạng YYYY-MM-DD');
  });
  it('an as-of date that is not a day is refused', () => {
    expect(() => createRulebook(pack, { asOf: '2020-02-30' })).toThrow(/day of the calendar/);
    expect(createRulebook(pack, { asOf: '2020-02-29' }).ref.asOf).toBe('2020-02-29');
  });
});

describe('an extension that names the same rule twice in one list is told so, once', () => {
  const rule = structuredClone(pack.rules.find((r) => r.kind === 'eligibility')) as Record<string, any>;
  const base = { format: 1, id: 'x-2021', version: '1.0.0', extends: { pack: 'lang-son-2020' } };
  it('twice in "add": one problem at the second, naming the first — not "use replace"', () => {
    const added = { ...rule, id: 'x.new_rule' };
    const r = parsePack({ ...base, rules: { add: [added, added] } }, { resolveBase: () => pack });
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['pack.duplicate_id', '$.rules.add[1].id']]);
    expect(r.errors[0]?.message.en).toBe('rule "x.new_rule" is twice in this "add" list itself (first at $.rules.add[0]): remove one');
    expect(r.errors[0]?.message.vi).toContain('hai lần');
  });
  it('twice in "replace": the same', () => {
    const r = parsePack({ ...base, rules: { replace: [rule, rule] } }, { resolveBase: () => pack });
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['pack.duplicate_id', '$.rules.replace[1].id']]);
  });
});

describe('a failing test vector says what differs in words', () => {
  it('an excluded finding that is there is named, not shown as "expected [x], got [x]"', async () => {
    const { runPackTests, parsePackTests } = await import('../src/index.js');
    const suite = parsePackTests({
      pack: 'lang-son-2020',
      cases: [
        {
          name: 'over the budget, yet said not to be',
          plan: { classes: [], budget: [{ id: 'NS-1', category: 'commune_community', amount: '8040000001' }] },
          expected: { excludes: ['budget.ceiling'], includes: ['budget.cap.study_tour'] },
        },
      ],
    });
    const r = await runPackTests(pack, suite.value as never);
    const messages = r.cases[0]?.differences.map((d) => d.message);
    expect(messages).toEqual([
      { vi: 'thiếu phát hiện cần có: budget.cap.study_tour', en: 'missing the expected finding(s): budget.cap.study_tour' },
      { vi: 'có phát hiện lẽ ra không được có: budget.ceiling', en: 'found what should not be there: budget.ceiling' },
    ]);
  });
});

describe('what can never matter is pointed out (warnings: the pack still loads)', () => {
  const warnings = (edit: (p: Record<string, any>) => void) => parsePack(editedPack(edit)).warnings;
  it('an 18-or-older rule beside "age under 10" can never hold', () => {
    const w = warnings((x) => {
      const rule = x.rules.find((r: any) => r.kind === 'eligibility');
      rule.conditions = {
        all: [
          { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
          { fact: 'age', operator: 'lessThan', value: 10 },
        ],
      };
    });
    expect(w.map((p) => p.code)).toEqual(['pack.rule_never_holds']);
    expect(w[0]?.message.en).toMatch(/can never hold: its conditions on "age" contradict each other/);
  });
  it('bounds that meet (age ≥ 18 and ≤ 18) can hold; one side open cannot', () => {
    const both = (op: string) =>
      warnings((x) => {
        const rule = x.rules.find((r: any) => r.kind === 'eligibility');
        rule.conditions = {
          all: [
            { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
            { fact: 'age', operator: op, value: 18 },
          ],
        };
      }).map((p) => p.code);
    expect(both('lessThanInclusive')).toEqual([]);
    expect(both('lessThan')).toEqual(['pack.rule_never_holds']);
  });
  it('a bound against a parameter is read at the pack’s date: age ≤ young_max_age (35) and > 40 cannot hold', () => {
    const w = warnings((x) => {
      const rule = x.rules.find((r: any) => r.id === 'priority.young_cadre');
      rule.conditions = {
        all: [
          { fact: 'age', operator: 'lessThanInclusive', value: { fact: 'param:priority.young_max_age' } },
          { fact: 'age', operator: 'greaterThan', value: 40 },
        ],
      };
    });
    expect(w.map((p) => p.code)).toEqual(['pack.rule_never_holds']);
  });
  it('alternatives under "any" are not contradictions', () => {
    const w = warnings((x) => {
      const rule = x.rules.find((r: any) => r.kind === 'eligibility');
      rule.conditions = {
        any: [
          { fact: 'age', operator: 'greaterThanInclusive', value: 18 },
          { fact: 'age', operator: 'lessThan', value: 10 },
        ],
      };
    });
    expect(w).toEqual([]);
  });
  it('a parameter nothing uses after its rule is disabled', () => {
    const r = parsePack({ format: 1, id: 'x-2021', version: '1.0.0', extends: { pack: 'lang-son-2020' }, rules: { disable: ['priority.young_cadre'] } }, { resolveBase: () => pack });
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((p) => [p.code, p.path])).toEqual([['pack.unused_parameter', '$.parameters["priority.young_max_age"]']]);
    expect(r.warnings[0]?.message.vi).toContain('priority.young_max_age');
  });
});

describe('pack tests say which rules no case shows at work', () => {
  it('a suite of one citizen refused the province cadre class exercises the role rule and not the others', async () => {
    const { runPackTests, parsePackTests } = await import('../src/index.js');
    const suite = parsePackTests({
      pack: 'lang-son-2020',
      cases: [{ name: 'a citizen is not a commune cadre', input: person({ role: 'citizen' }), expected: { province_cadre: { eligible: false, because: ['province_cadre.role'] } } }],
    });
    const r = await runPackTests(pack, suite.value as never);
    expect(r.failed).toBe(0);
    expect(r.unexercised).not.toContain('province_cadre.role');
    expect(r.unexercised).toContain('district_cadre.role');
    expect(r.unexercised).toContain('class.province_cadre.days');
    expect(r.unexercised.length).toBe(pack.rules.length - 1);
  });
});

describe('a number where the unit wants something else is told what to write', () => {
  it('the budget written as a bare number: write it in quotes, not "the largest value is 1000000"', () => {
    const r = parsePack(editedPack((x) => (x.parameters['budget.total'].value = 8040000000)));
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['pack.parameter_value', '$.parameters["budget.total"].value']]);
    expect(r.errors[0]?.message.en).toBe('write an amount as a string of digits in quotes: "8040000000" (a bare number can lose exactness)');
    expect(r.errors[0]?.message.vi).toContain('"8040000000"');
  });
  it('a count past a million is refused as a count', () => {
    const r = parsePack(editedPack((x) => (x.parameters['commune_community.class_count'].value = 2_000_000)));
    expect(r.errors[0]?.message.en).toBe('2000000 is larger than any count of a plan (at most 1,000,000)');
  });
});
