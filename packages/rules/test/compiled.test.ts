/**
 * The compiled evaluator must give json-rules-engine's answers on every input: generated
 * candidates (valid, odd and broken), generated packs, and plans. A mismatch is a failure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, CandidateSchema, checkPlan, type Condition, createRulebook, FACTS, type Pack, parsePlan, type Rule } from '../src/index.js';
import { createCompiledEvaluator, createJreEvaluator, decideCore, type Evaluator, type RuleGroup } from '../src/evaluate.js';
import { itOutsideMutationRuns, pack } from './helpers.js';

const jre = createRulebook(pack, { evaluator: createJreEvaluator });
const compiled = createRulebook(pack, { evaluator: createCompiledEvaluator });
const RUNS = Number(process.env.P135_PROPERTY_RUNS ?? 300);

const roleCodes = pack.roles.map((r) => r.code);
const listStatus = fc.record({ listed: fc.boolean(), struckOff: fc.boolean() });
const year = fc.oneof(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(1984, 1985, 1986, 2016, 2017, 2019, 2020, 2021));

/** Valid candidates, with the boundaries that matter: ages 34–36, years 2016–2021, unknown roles. */
const candidate: fc.Arbitrary<Candidate> = fc
  .record({
    id: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,8}$/),
    name: fc.constant('Người Thử'),
    gender: fc.constantFrom('female', 'male'),
    birthYear: year,
    ethnicity: fc.oneof(
      fc.constantFrom('01', '02', '07', '11', '54'),
      fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')),
    ),
    role: fc.oneof(fc.constantFrom(...roleCodes), fc.constantFrom('village_head', 'teacher', 'x')),
    district: fc.constant({ code: '180' }),
    commune: fc.record({ code: fc.constant('05998'), p135: listStatus }),
    village: fc.option(fc.record({ name: fc.constant('Thôn A'), p135: listStatus }), { nil: undefined }),
    provinceTrainingYears: fc.array(year, { maxLength: 3 }),
    planYearClasses: fc.uniqueArray(fc.constantFrom('province', 'district', 'commune'), { maxLength: 3 }),
  })
  .map((c) => CandidateSchema.parse(c.village === undefined ? { ...c, village: undefined } : c));

/** What an evaluator says about one subject: each rule's verdict, or that it failed to run. */
async function verdicts(e: Evaluator, group: RuleGroup, ctx: unknown): Promise<Record<string, boolean> | 'error'> {
  try {
    const out = await e.evaluate(group, ctx);
    return Object.fromEntries(out.map((o) => [o.ruleId, o.passed]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  } catch {
    return 'error';
  }
}

describe('compiled = json-rules-engine on the Lạng Sơn pack', () => {
  it('for generated candidates: the same tracks, reasons, priority and cost bearing', async () => {
    await fc.assert(
      fc.asyncProperty(candidate, async (c) => {
        expect(await decideCore(compiled, c)).toEqual(await decideCore(jre, c));
      }),
      { numRuns: RUNS },
    );
  });

  it('for broken inputs that bypass the schema: numeric strings, nulls, missing fields', async () => {
    const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.string({ maxLength: 4 }), fc.constantFrom('1985', '35', '2020', 'NaN', ''), fc.integer(), fc.boolean(), fc.constant([]));
    const raw = fc.record({
      role: fc.oneof(fc.constantFrom(...roleCodes), junk),
      gender: fc.oneof(fc.constantFrom('female', 'male'), junk),
      ethnicity: fc.oneof(fc.constantFrom('01', '07'), junk),
      birthYear: fc.oneof(year, junk),
      commune: fc.record({ code: fc.constant('05998'), p135: fc.record({ listed: fc.oneof(fc.boolean(), junk), struckOff: fc.oneof(fc.boolean(), junk) }) }),
      provinceTrainingYears: fc.array(fc.oneof(year, junk), { maxLength: 3 }),
      planYearClasses: fc.array(fc.oneof(fc.constantFrom('province', 'district'), junk), { maxLength: 2 }),
    });
    const jreE = createJreEvaluator(jre.params);
    const compE = createCompiledEvaluator(compiled.params);
    const group = compiled.group('candidate');
    await fc.assert(
      fc.asyncProperty(raw, async (c) => {
        expect(await verdicts(compE, group, { candidate: c })).toEqual(await verdicts(jreE, group, { candidate: c }));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('compiled = json-rules-engine on generated packs', () => {
  const facts = FACTS.candidate.filter((f) => !f.args);
  const params: Record<string, unknown> = {
    'plan.year': 2020,
    'prior_training.from_year': 2017,
    'p.list': ['committee_chair', 'citizen', '07', 'female'],
    'p.num': 35,
    'p.str': 'female',
  };
  const literal = fc.oneof(
    fc.constantFrom('committee_chair', 'citizen', 'female', '07', '01', '35', '', 'province'),
    fc.integer({ min: 0, max: 2100 }),
    fc.constantFrom(35, 1985, 2020, 0, -1),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.constantFrom('committee_chair', 'female', '07', 2020, 'province'), { maxLength: 3 }),
    fc.constantFrom(...Object.keys(params)).map((id) => ({ fact: `param:${id}` })),
    fc.constantFrom(...facts.map((f) => f.name)).map((fact) => ({ fact })),
  );
  const operator = fc.constantFrom(
    'equal',
    'notEqual',
    'in',
    'notIn',
    'contains',
    'doesNotContain',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
    'decimalEqual',
    'decimalLessThanInclusive',
    'decimalGreaterThan',
    'dateOnOrAfter',
    'dateOnOrBefore',
  );
  const leaf = fc.record({ fact: fc.constantFrom(...facts.map((f) => f.name), ...Object.keys(params).map((id) => `param:${id}`)), operator, value: literal });
  const { tree } = fc.letrec<{ tree: Condition }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf as fc.Arbitrary<Condition>,
      fc.record({ all: fc.array(tie('tree'), { maxLength: 3 }) }),
      fc.record({ any: fc.array(tie('tree'), { maxLength: 3 }) }),
      fc.record({ not: tie('tree') }),
    ),
  }));
  const top = fc.oneof(fc.record({ all: fc.array(tree, { maxLength: 4 }) }), fc.record({ any: fc.array(tree, { maxLength: 4 }) }), fc.record({ not: tree }));
  const rules = fc
    .array(top, { minLength: 1, maxLength: 6 })
    .map((cs) =>
      cs.map(
        (conditions, i): Rule =>
          ({ id: `g.r${i}`, kind: 'eligibility', clause: 'KH.II.1', tracks: ['province_cadre'], conditions, message: { pass: { vi: 'x', en: 'x' }, fail: { vi: 'x', en: 'x' } } }) as Rule,
      ),
    );

  it('every rule gets the same verdict (or both evaluators refuse the input)', async () => {
    await fc.assert(
      fc.asyncProperty(rules, candidate, async (rs, c) => {
        const group: RuleGroup = { key: `gen:${Math.random()}`, scope: 'candidate', rules: rs };
        const a = await verdicts(createJreEvaluator(params as never), group, { candidate: c });
        const b = await verdicts(createCompiledEvaluator(params as never), group, { candidate: c });
        expect(b).toEqual(a);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('compiled = json-rules-engine on plans', () => {
  it('the same findings for generated small plans', async () => {
    const people = fc.array(candidate, { minLength: 1, maxLength: 8 });
    await fc.assert(
      fc.asyncProperty(people, fc.integer({ min: 0, max: 3 }), fc.constantFrom('2', '3.5', '4'), fc.constantFrom('2020-06-30', '2020-07-01', '2020-10-31'), async (ps, nTours, days, start) => {
        const unique = [...new Map(ps.map((p) => [p.id, p])).values()];
        const ids = unique.map((p) => p.id);
        const plan = parsePlan({
          classes: [
            { id: 'C1', track: 'province_cadre', district: '178', start, end: '2020-10-31', days, trainees: ids.slice(0, 3) },
            { id: 'C2', track: 'commune_community', district: '180', commune: '05998', start, end: '2020-10-31', days, trainees: [...ids.slice(2), 'ghost'] },
          ],
          studyTours: Array.from({ length: nTours }, (_, i) => ({ id: `T${i}`, start: '2020-08-01', end: '2020-08-03', members: ids.slice(i, i + 2) })),
          budget: [{ id: 'B1', category: 'study_tour', amount: String(804_000_000 + nTours - 1) }],
          candidates: unique,
        }).value;
        if (!plan) throw new Error('generated plan should be valid');
        const a = await checkPlan(jre, plan);
        const b = await checkPlan(compiled, plan);
        expect(b.findings).toEqual(a.findings);
      }),
      { numRuns: Math.max(20, Math.floor(RUNS / 10)) },
    );
  });
});

describe('the compiled evaluator is safe with packs from elsewhere', () => {
  // Skipped under mutation testing only: Stryker's instrumented copy of the source has its own `new Function`.
  itOutsideMutationRuns('runs no code: a pack’s strings never become functions (no eval, no new Function in the source)', async () => {
    const { readFileSync } = await import('node:fs');
    const src = readFileSync(new URL('../src/evaluate/compiled.ts', import.meta.url), 'utf8');
    expect(src).not.toMatch(/\beval\s*\(|new\s+Function\s*\(|Function\s*\(/);
  });
  it('explanations still come from json-rules-engine', async () => {
    const e = createCompiledEvaluator(compiled.params);
    const [o] = await e.evaluate(
      compiled.group('candidate'),
      {
        candidate: CandidateSchema.parse({
          id: 'a',
          name: 'a',
          gender: 'male',
          birthYear: 1980,
          ethnicity: '01',
          role: 'citizen',
          district: { code: '180' },
          commune: { code: '05998', p135: { listed: true } },
        }),
      },
      { explain: true },
    );
    expect(o?.trace).toBeDefined();
  });
  it('is the default evaluator', () => {
    expect(createRulebook(pack as Pack).evaluator.name).toBe('compiled');
  });
});
