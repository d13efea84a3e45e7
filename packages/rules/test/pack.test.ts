import { describe, expect, it } from 'vitest';
import { bundledPack, bundledPackIds, createRulebook, decide, PackError, loadPack, parsePack, type Problem } from '../src/index.js';
import { editedPack, pack, person } from './helpers.js';

const codes = (ps: readonly Problem[]) => ps.map((p) => p.code);
const at = (ps: readonly Problem[], code: string) => ps.filter((p) => p.code === code).map((p) => p.path);

describe('the bundled Lạng Sơn 2020 pack', () => {
  it('is bundled and valid, with no warnings', () => {
    expect(bundledPackIds()).toContain('lang-son-2020');
    const r = parsePack(structuredClone(pack));
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('holds the text of every clause of the plan, in Vietnamese and English', () => {
    const ids = pack.clauses.map((c) => c.id);
    for (const id of [
      'QD.1',
      'QD.2',
      'KH.I.1',
      'KH.I.2',
      'KH.II.1',
      'KH.II.2.1.a',
      'KH.II.2.1.b',
      'KH.II.2.2.a',
      'KH.II.2.2.b',
      'KH.II.2.3.a',
      'KH.II.2.3.b',
      'KH.II.3',
      'KH.II.4.1',
      'KH.II.4.2',
      'KH.II.5.1',
      'KH.II.5.2.a',
      'KH.II.5.2.b',
      'KH.II.5.2.c',
      'KH.III.1',
      'KH.III.2',
      'KH.III.3',
    ]) {
      expect(ids).toContain(id);
    }
    expect(pack.clauses.find((c) => c.id === 'KH.II.5.1')?.text.vi).toContain('8.040 triệu đồng');
  });

  it('every rule, parameter and track cites a clause the pack contains (or is an assumption with its reason)', () => {
    const ids = new Set(pack.clauses.map((c) => c.id));
    for (const r of pack.rules) {
      expect(ids, `rule ${r.id}`).toContain(r.clause);
      for (const s of r.see ?? []) expect(ids, `rule ${r.id} see`).toContain(s);
    }
    for (const [id, p] of Object.entries(pack.parameters)) {
      if (p.clause) expect(ids, `parameter ${id}`).toContain(p.clause);
      else expect(p.assumption?.vi && p.assumption.en, `parameter ${id} must say why it is an assumption`).toBeTruthy();
    }
    for (const t of pack.tracks) expect(ids).toContain(t.clause);
  });

  it('marks the values the plan leaves open as assumptions', () => {
    for (const id of ['priority.young_max_age', 'priority.small_minority_groups', 'priority.points_per_criterion', 'prior_training.from_year', 'class_size.tolerance']) {
      expect(pack.parameters[id]?.assumption, id).toBeDefined();
    }
  });

  it('keeps the plan’s numbers as parameters: 8,040 million VND, a 10% study-tour cap, 2 + 4 + 10 + 212 classes, 3 delegations', () => {
    const v = (id: string) => pack.parameters[id]?.value;
    expect(v('budget.total')).toBe('8040000000');
    expect(v('study_tour.cap_share')).toBe('0.10');
    expect([v('province_cadre.class_count'), v('province_community.class_count'), v('district_cadre.class_count'), v('commune_community.class_count')]).toEqual([2, 4, 10, 212]);
    expect(v('study_tour.delegations')).toBe(3);
    expect(v('commune_community.days')).toBe('2');
  });

  it('each track names the parameters with its class count and its class size', () => {
    const v = (id?: string) => (id ? pack.parameters[id]?.value : undefined);
    expect(pack.tracks.map((t) => [t.code, v(t.countParam), v(t.sizeParam)])).toEqual([
      ['province_cadre', 2, 100],
      ['province_community', 4, 125],
      ['district_cadre', 10, 70],
      ['commune_community', 212, 70],
      ['study_tour', 3, undefined],
    ]);
  });

  it('rates that did not come from the province’s resolution are labelled as such', () => {
    expect(pack.rates.length).toBeGreaterThan(0);
    for (const r of pack.rates) expect(r.status).not.toBe('resolution');
  });
});

describe('a pack that cites a clause it does not contain is refused', () => {
  it('a rule', () => {
    const r = parsePack(editedPack((p) => (p.rules[0].clause = 'KH.IX.9')));
    expect(at(r.errors, 'pack.unknown_clause')).toEqual(['$.rules[0].clause']);
    expect(r.value).toBeUndefined();
  });
  it('a parameter', () => {
    const r = parsePack(editedPack((p) => (p.parameters['budget.total'].clause = 'KH.II.5.9')));
    expect(at(r.errors, 'pack.unknown_clause')).toEqual(['$.parameters["budget.total"].clause']);
  });
  it('a track and a rule’s "see"', () => {
    const r = parsePack(
      editedPack((p) => {
        p.tracks[1].clause = 'KH.Z.1';
        p.rules.find((x: { see?: string[] }) => x.see).see = ['KH.Z.2'];
      }),
    );
    expect(at(r.errors, 'pack.unknown_clause')).toHaveLength(2);
  });
});

describe('packs are untrusted data: every problem, at once, with its JSON path', () => {
  it('unknown keys anywhere', () => {
    const r = parsePack(
      editedPack((p) => {
        p.extra = 1;
        p.rules[2].script = 'process.exit()';
      }),
    );
    expect(codes(r.errors)).toContain('schema.unrecognized_keys');
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$', '$.rules[2]']));
  });

  it('__proto__, constructor and prototype keys, in text or in an object', () => {
    const text = JSON.stringify(pack).replace('"format":1', '"__proto__":{"polluted":true},"format":1');
    const r = parsePack(text);
    expect(codes(r.errors)).toEqual(['json.forbidden_key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const r2 = parsePack(editedPack((p) => (p.parameters['plan.year'] = JSON.parse('{"constructor":{"prototype":{"x":1}}}'))));
    expect(at(r2.errors, 'json.forbidden_key')).toEqual(['$.parameters["plan.year"].constructor']);
  });

  it('facts outside the allowlist, for the rule’s scope', () => {
    const r = parsePack(
      editedPack((p) => {
        p.rules[0].conditions = { all: [{ fact: 'process', operator: 'equal', value: 1 }] };
        p.rules[1].conditions = { all: [{ fact: 'budgetTotal', operator: 'equal', value: '1' }] };
      }),
    );
    expect(at(r.errors, 'pack.unknown_fact')).toEqual(['$.rules[0].conditions.all[0].fact', '$.rules[1].conditions.all[0].fact']);
  });

  it('operators outside the allowlist, including json-rules-engine decorators', () => {
    const r = parsePack(
      editedPack((p) => {
        p.rules[1].conditions.all[0].operator = 'everyFact:in';
        p.rules[2].conditions.all[0].operator = 'regex';
      }),
    );
    expect(codes(r.errors).filter((c) => c === 'pack.unknown_operator')).toHaveLength(2);
  });

  it('a float comparison on money', () => {
    const r = parsePack(
      editedPack((p) => {
        const rule = p.rules.find((x: { scope?: string }) => x.scope === 'plan');
        rule.conditions.all[0] = { fact: 'budgetTotal', operator: 'lessThanInclusive', value: { fact: 'param:budget.total' } };
      }),
    );
    expect(codes(r.errors)).toContain('pack.float_operator_on_decimal');
  });

  it('json-rules-engine `path` (its resolver runs jsonpath-plus) and rule priorities', () => {
    const r = parsePack(
      editedPack((p) => {
        p.rules[1].conditions.all[0].path = '$..[?(@.constructor)]';
        p.rules[2].priority = 10;
      }),
    );
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$.rules[2]']));
    expect(r.value).toBeUndefined();
  });

  it('a reference to a missing parameter, in a condition, a fact’s params, points or the budget', () => {
    const r = parsePack(
      editedPack((p) => {
        p.rules[1].conditions.all[0].value = { fact: 'param:roles.nobody' };
        delete p.parameters['class_size.tolerance'];
        p.budget.ceiling = 'budget.none';
      }),
    );
    expect(at(r.errors, 'pack.unknown_parameter')).toEqual(expect.arrayContaining(['$.rules[1].conditions.all[0].value.fact', '$.budget.ceiling']));
    expect(at(r.errors, 'pack.unknown_parameter').some((p) => p.endsWith('.value.fact') && p.includes('rules[') && !p.includes('rules[1]'))).toBe(true);
  });

  it('a parameter list naming a role or ethnic group that does not exist', () => {
    const r = parsePack(
      editedPack((p) => {
        p.parameters['roles.commune_cadre'].value.push('village_head');
        p.parameters['priority.small_minority_groups'].value.push('99');
      }),
    );
    expect(at(r.errors, 'pack.unknown_code')).toHaveLength(2);
  });

  it('duplicate ids', () => {
    const r = parsePack(editedPack((p) => p.rules.push(structuredClone(p.rules[0]))));
    expect(at(r.errors, 'pack.duplicate_id')).toEqual([`$.rules[${pack.rules.length}].id`]);
  });

  it('a parameter with both or neither of clause and assumption', () => {
    const r = parsePack(
      editedPack((p) => {
        p.parameters['plan.year'].assumption = { vi: 'x', en: 'x' };
        delete p.parameters['budget.total'].clause;
      }),
    );
    expect(
      r.errors
        .filter((e) => e.code === 'schema.custom')
        .map((e) => e.path)
        .sort(),
    ).toEqual(['$.parameters["budget.total"]', '$.parameters["plan.year"]']);
  });

  it('a message naming a value that does not exist', () => {
    const r = parsePack(editedPack((p) => (p.rules[0].message.fail.en = 'no {nothing} here')));
    expect(at(r.errors, 'pack.unknown_placeholder')).toEqual(['$.rules[0].message.fail.en']);
  });

  it('malformed, oversized and too deeply nested text, without crashing', () => {
    expect(codes(parsePack('{"format": 1,').errors)).toEqual(['json.malformed']);
    expect(codes(parsePack('').errors)).toEqual(['json.malformed']);
    expect(codes(parsePack('x'.repeat(3_000_000)).errors)).toEqual(['json.too_large']);
    const deep = `${'{"all":['.repeat(5000)}${']}'.repeat(5000)}`;
    expect(codes(parsePack(deep).errors)).toEqual(['json.too_deep']);
    expect(codes(parsePack(null).errors)).toContain('schema.invalid_type');
    expect(codes(parsePack([]).errors)).toContain('schema.invalid_type');
  });

  it('loadPack throws one PackError listing every problem', () => {
    expect(() => loadPack(editedPack((p) => (p.rules[0].clause = 'KH.IX.9')))).toThrow(PackError);
  });
});

describe('adapting a pack changes the answers, without code', () => {
  it('raising the young-cadre age to 40 gives a 38-year-old the priority point', async () => {
    const adapted = createRulebook(loadPack(editedPack((p) => (p.parameters['priority.young_max_age'].value = 40))));
    const base = createRulebook(bundledPack() as NonNullable<ReturnType<typeof bundledPack>>);
    const c = person({ role: 'citizen', birthYear: 1982, ethnicity: '01' });
    const points = async (b: typeof base) => (await decide(b, c)).tracks.find((t) => t.track === 'commune_community')?.priority.points;
    expect(await points(base)).toBe(0);
    expect(await points(adapted)).toBe(1);
  });
  it('each decision records the pack, its version and a content hash', async () => {
    const a = createRulebook(pack);
    const b = createRulebook(loadPack(editedPack((p) => (p.parameters['priority.young_max_age'].value = 40))));
    const d = await decide(a, person());
    expect(d.pack).toEqual({ id: 'lang-son-2020', version: pack.version, hash: expect.stringMatching(/^[0-9a-f]{64}$/), asOf: '2020-12-31' });
    expect(b.ref.hash).not.toBe(a.ref.hash);
    expect(createRulebook(structuredClone(pack)).ref.hash).toBe(a.ref.hash);
  });
});
