/**
 * Rule packs other provinces adapt: extension and override, effective dates, test vectors as
 * data, diffs, scaffolding, and a JSON Schema kept in step with the zod schemas.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { bundledPack, bundledPackTests, createRulebook, decide, diffPacks, loadPack, type Pack, parsePack, type Problem, runPackTests, scaffoldPack } from '../src/index.js';
import { packJsonSchema, packTestsJsonSchema } from '../src/pack/json-schema.js';
import { packReferenceMarkdown } from '../src/pack/reference-doc.js';
import { extensionPack as extension, person } from './helpers.js';

const base = bundledPack('lang-son-2020') as Pack;
const example = bundledPack('example-2021') as Pack;
const resolveBase = (id: string) => bundledPack(id);
const at = (ps: readonly Problem[], code: string) => ps.filter((p) => p.code === code).map((p) => p.path);

/** A minimal extension of Lạng Sơn 2020, edited by `edit`. */
const load = (e: Record<string, any>) => parsePack(e, { resolveBase });

describe('a pack that extends another', () => {
  it('inherits everything it does not mention', () => {
    const r = load(extension());
    expect(r.errors).toEqual([]);
    expect(r.value?.rules.map((x) => x.id)).toEqual(base.rules.map((x) => x.id));
    expect(r.value?.parameters).toEqual(base.parameters);
    expect(r.value?.id).toBe('tinh-thu-2021');
  });

  it('overrides a parameter’s value, keeping its label and unit, and takes the new source', () => {
    const r = load(extension((e) => (e.parameters = { override: { 'commune_community.days': { value: '3', assumption: { vi: 'ví dụ', en: 'example' } } } })));
    const p = r.value?.parameters['commune_community.days'];
    expect(p).toMatchObject({ value: '3', unit: 'day', label: base.parameters['commune_community.days']?.label, assumption: { en: 'example' } });
    expect(p?.clause).toBeUndefined();
  });

  it('replaces and disables rules by id, and adds rules, clauses and roles', async () => {
    const r = load(
      extension((e) => {
        e.clauses = { add: [{ id: 'TT.1', title: { vi: 'Thử', en: 'Test' }, text: { vi: 'Trưởng thôn được dự lớp tại xã.', en: 'Village heads attend commune classes.' } }] };
        e.roles = { add: [{ code: 'village_head', group: 'community', label: { vi: 'Trưởng thôn', en: 'Village head' } }] };
        e.appendToLists = { 'roles.commune_community': ['village_head'] };
        e.rules = {
          disable: ['priority.woman'],
          add: [
            {
              ...structuredClone(base.rules.find((x) => x.id === 'priority.young_cadre')),
              id: 'priority.village_head',
              clause: 'TT.1',
              conditions: { all: [{ fact: 'role', operator: 'equal', value: 'village_head' }] },
              message: { pass: { vi: 'Ưu tiên trưởng thôn', en: 'Priority: village head' }, fail: { vi: 'Không', en: 'No' } },
            },
          ],
        };
      }),
    );
    expect(r.errors).toEqual([]);
    const book = createRulebook(r.value as Pack);
    const d = await decide(book, person({ role: 'village_head', gender: 'female', ethnicity: '01', birthYear: 1960 }));
    const cc = d.tracks.find((t) => t.track === 'commune_community');
    expect(cc?.eligible).toBe(true);
    expect(cc?.priority.criteria.map((c) => c.ruleId)).toEqual(['priority.village_head']); // woman disabled, village head added
  });

  it.each([
    ['an override of a parameter the base lacks', (e: any) => (e.parameters = { override: { 'no.such': { value: 1 } } }), 'pack.override_unknown', '$.parameters.override["no.such"]'],
    ['a replacement of a rule the base lacks', (e: any) => (e.rules = { replace: [{ ...structuredClone(base.rules[0]), id: 'no.such' }] }), 'pack.override_unknown', '$.rules.replace[0].id'],
    ['disabling a rule the base lacks', (e: any) => (e.rules = { disable: ['no.such'] }), 'pack.override_unknown', '$.rules.disable[0]'],
    ['adding a rule whose id exists', (e: any) => (e.rules = { add: [structuredClone(base.rules[0])] }), 'pack.duplicate_id', '$.rules.add[0].id'],
    ['adding a clause whose id exists', (e: any) => (e.clauses = { add: [structuredClone(base.clauses[0])] }), 'pack.duplicate_id', '$.clauses.add[0].id'],
    ['adding a parameter whose id exists', (e: any) => (e.parameters = { add: { 'plan.year': structuredClone(base.parameters['plan.year']) } }), 'pack.duplicate_id', '$.parameters.add["plan.year"]'],
    ['a base that does not exist', (e: any) => (e.extends = { pack: 'nowhere-2020' }), 'pack.unknown_base', '$.extends.pack'],
    ['a base of another version', (e: any) => (e.extends = { pack: 'lang-son-2020', version: '9.9.9' }), 'pack.base_version', '$.extends.version'],
    ['extending itself', (e: any) => (e.extends = { pack: 'tinh-thu-2021' }), 'pack.extends_itself', '$.extends.pack'],
  ])('%s is an error with its path in the extension', (_, edit, code, path) => {
    const r = load(extension(edit));
    expect(r.value).toBeUndefined();
    expect(at(r.errors, code)).toEqual([path]);
  });

  it('an added rule that cites a missing clause or parameter is reported where it was added', () => {
    const rule = { ...structuredClone(base.rules[1]), id: 'extra.rule', clause: 'TT.9', conditions: { all: [{ fact: 'role', operator: 'in', value: { fact: 'param:roles.nobody' } }] } };
    const r = load(extension((e) => (e.rules = { add: [rule] })));
    expect(at(r.errors, 'pack.unknown_clause')).toEqual(['$.rules.add[0].clause']);
    expect(at(r.errors, 'pack.unknown_parameter')).toEqual(['$.rules.add[0].conditions.all[0].value.fact']);
  });

  it('the extension itself is strict: unknown keys, __proto__ keys, wrong shapes', () => {
    expect(load(extension((e) => (e.rules = { remove: ['x'] }))).errors[0]?.code).toBe('schema.unrecognized_keys');
    const hostile = JSON.parse(`{"__proto__":{"x":1},${JSON.stringify(extension()).slice(1)}`);
    expect(parsePack(hostile, { resolveBase }).errors[0]?.code).toBe('json.forbidden_key');
    expect(load(extension((e) => (e.parameters = { override: { 'plan.year': {} } }))).errors[0]?.path).toBe('$.parameters.override["plan.year"]');
  });
});

describe('effective dates: a decision is taken as of a date', () => {
  const dated = loadPack(
    extension((e) => {
      e.meta = { year: 2021 };
      e.parameters = {
        override: { 'plan.year': { value: 2021 }, 'priority.young_max_age': { values: [{ from: '2021-07-01', value: 40, assumption: { vi: 'từ 1/7/2021', en: 'from 1 July 2021' } }] } },
      };
    }),
    { resolveBase },
  );
  const young = async (asOf?: string) => {
    const d = await decide(createRulebook(dated, asOf ? { asOf } : {}), person({ role: 'citizen', birthYear: 1983, ethnicity: '01' }));
    return d.tracks.find((t) => t.track === 'commune_community')?.priority.points;
  };
  it('before the change, the old value: a 38-year-old is not young', async () => {
    expect(await young('2021-06-30')).toBe(0);
  });
  it('from the change on, the new value', async () => {
    expect(await young('2021-07-01')).toBe(1);
  });
  it('by default, the values in force at the end of the plan year, recorded on the decision', async () => {
    expect(await young()).toBe(1);
    expect(createRulebook(dated).ref.asOf).toBe('2021-12-31');
  });
  it('dated values out of order are refused', () => {
    const r = load(
      extension(
        (e) =>
          (e.parameters = {
            override: {
              'plan.year': {
                values: [
                  { from: '2022-01-01', value: 2022, clause: 'QD.1' },
                  { from: '2021-01-01', value: 2021, clause: 'QD.1' },
                ],
              },
            },
          }),
      ),
    );
    expect(r.errors.map((x) => x.path)).toContain('$.parameters.override["plan.year"].values');
  });
});

describe('test vectors shipped with each pack', () => {
  it.each(['lang-son-2020', 'example-2021'])('%s passes its own vectors', async (id) => {
    const r = await runPackTests(bundledPack(id) as Pack, bundledPackTests(id) as NonNullable<ReturnType<typeof bundledPackTests>>);
    expect(r.cases.filter((c) => !c.passed)).toEqual([]);
    expect(r.passed).toBeGreaterThan(5);
  });
  it('a changed vector fails, with the reasons that differ', async () => {
    const suite = structuredClone(bundledPackTests('lang-son-2020') as NonNullable<ReturnType<typeof bundledPackTests>>);
    const c = suite.cases.find((x) => 'input' in x && x.input.role === 'police_chief');
    if (!c || !('input' in c)) throw new Error('vector missing');
    c.expected.district_cadre = { eligible: false, because: ['district_cadre.role'] };
    const r = await runPackTests(base, suite);
    expect(r.failed).toBe(1);
    const diff = r.cases.find((x) => !x.passed)?.differences;
    expect(diff?.map((d) => d.field)).toEqual(['district_cadre.eligible', 'district_cadre.because']);
    expect(diff?.[0]).toMatchObject({ expected: false, actual: true });
  });
});

describe('the second pack gives different answers where its data differ', () => {
  it('a village head: not a role in Lạng Sơn 2020, eligible for the commune class in the 2021 example', async () => {
    const c = person({ role: 'village_head' });
    const d = await decide(createRulebook(example), c);
    expect(d.tracks.find((t) => t.track === 'commune_community')?.eligible).toBe(true);
    expect(base.roles.some((r) => r.code === 'village_head')).toBe(false);
  });
  it('it is labelled an example, not a real decision', () => {
    expect(example.meta.status).toBe('example');
    expect(example.meta.title.vi).toMatch(/VÍ DỤ/);
  });
});

describe('diff: what changed, in words a person can review', () => {
  const changes = diffPacks(base, example);
  it('names changed parameters with old and new values in each language', () => {
    const days = changes.find((c) => c.kind === 'parameter' && c.id === 'commune_community.days');
    expect(days?.message.en).toContain('2 → 3');
    const cap = changes.find((c) => c.id === 'study_tour.cap_share');
    expect(cap?.message.vi).toContain('10% → 5%');
    const total = changes.find((c) => c.id === 'budget.total');
    expect(total?.message.vi).toContain('8.040.000.000 đ → 5.000.000.000 đ');
  });
  it('lists added roles and clauses and changed rules', () => {
    expect(changes.filter((c) => c.change === 'added').map((c) => `${c.kind}:${c.id}`)).toEqual(expect.arrayContaining(['role:village_head', 'clause:VD.2.2.b']));
    expect(changes.find((c) => c.kind === 'rule' && c.id === 'class.commune_community.days')?.message.en).toContain('clause KH.II.2.2.b → VD.2.2.b');
  });
  it('finds nothing between a pack and itself', () => {
    expect(diffPacks(base, structuredClone(base))).toEqual([]);
  });
  it('shows a dated value in full: the day it starts and the value from then on', () => {
    const later = structuredClone(base);
    const total = later.parameters['budget.total'];
    if (!total) throw new Error('no budget.total');
    total.values = [{ from: '2020-09-01', value: '9000000000', assumption: { vi: 'thử', en: 'a test' } }];
    const change = diffPacks(base, later).find((c) => c.id === 'budget.total');
    expect(change?.message.vi).toBe('Tham số "budget.total" (' + total.label.vi + '): giá trị theo ngày: không có → từ 2020-09-01: 9.000.000.000 đ');
    expect(change?.message.en).toContain('dated values: none → from 2020-09-01: 9,000,000,000');
  });
});

describe('pack init: a new pack that extends a base, with a first test that passes', () => {
  it('scaffolds a valid pack and a passing test file', async () => {
    const { pack, tests } = await scaffoldPack({ id: 'quang-tri-2021', base, year: 2021 });
    const loaded = loadPack(pack, { resolveBase });
    expect(loaded.meta.year).toBe(2021);
    expect(loaded.parameters['plan.year']?.value).toBe(2021);
    const r = await runPackTests(loaded, tests);
    expect(r.failed).toBe(0);
  });
  it('refuses an id that is not a pack id', async () => {
    await expect(scaffoldPack({ id: 'Quảng Trị', base })).rejects.toThrow(/pack id/);
  });
  it('for another province and year: every window moved into that year, the province and title set, each clause marked as inherited', async () => {
    const { pack } = await scaffoldPack({ id: 'cao-bang-2021', base, year: 2021, province: { code: '04', name: 'Cao Bằng' } });
    const loaded = loadPack(pack, { resolveBase });
    const dates = Object.entries(loaded.parameters).filter(([, p]) => p.unit === 'date');
    expect(dates.length).toBe(11);
    expect(loaded.parameters['report.deadline']?.value).toBe('2021-11-30');
    for (const [id, p] of dates) expect(p.value, id).toMatch(/^2021-/);
    expect(loaded.parameters['commune_community.window_end']?.value).toBe('2021-10-31');
    expect(loaded.meta.province).toEqual({ code: '04', name: 'Cao Bằng' });
    expect(loaded.meta.title.vi).toContain('Cao Bằng');
    expect(loaded.meta.title.vi).not.toContain('Lạng Sơn');
    for (const c of loaded.clauses) expect(c.text.vi, c.id).toMatch(/^\[Kế thừa từ lang-son-2020, hãy thay bằng văn bản của kế hoạch của tỉnh\]/);
    expect(parsePack(pack, { resolveBase }).errors).toEqual([]);
  });
});

describe('the JSON Schema of packs, generated from the zod schemas', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(packJsonSchema());
  const read = (name: string) => JSON.parse(readFileSync(new URL(`../${name}`, import.meta.url), 'utf8'));
  it('is committed as generated (run `pnpm --filter @p135/rules generate-schema` when it drifts)', () => {
    expect(read('schema/pack.schema.json')).toEqual(packJsonSchema());
    expect(read('schema/pack-tests.schema.json')).toEqual(packTestsJsonSchema());
  });
  it('accepts both bundled pack files as written', () => {
    expect(validate(read('packs/lang-son-2020.json')), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(read('packs/example-2021.json')), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
  it('rejects broken ones', () => {
    const broken = read('packs/lang-son-2020.json');
    broken.rules[0].kind = 'magic';
    expect(validate(broken)).toBe(false);
    expect(validate({ ...read('packs/lang-son-2020.json'), extra: true })).toBe(false);
    const money = read('packs/lang-son-2020.json');
    money.rates[0].amount = 200000;
    expect(validate(money)).toBe(false);
  });
  it('accepts the bundled test files', () => {
    const v = ajv.compile(packTestsJsonSchema());
    expect(v(read('packs/lang-son-2020.tests.json'))).toBe(true);
    expect(v(read('packs/example-2021.tests.json'))).toBe(true);
  });
});

describe('the pack reference in docs/, written from the code', () => {
  it('matches the facts and operators the validator allows (run `pnpm --filter @p135/rules generate-docs` when it drifts)', () => {
    expect(readFileSync(new URL('../../../docs/pack-reference.md', import.meta.url), 'utf8')).toBe(packReferenceMarkdown());
  });
});
