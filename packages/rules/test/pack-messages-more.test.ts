/**
 * Messages of packs and test vectors an official acts on: an impossible day is said to be one,
 * wherever a pack or a test vector has a date; money is told with the money rules; "use replace"
 * and "use add" are said in Vietnamese as in English; a test case of neither shape says what is
 * wrong with it; a failing `excludes` names what was found.
 */
import { describe, expect, it } from 'vitest';
import { bundledPack, type Pack, parsePack, parsePackTests, runPackTests } from '../src/index.js';

const base = bundledPack('lang-son-2020') as Pack;
const whole = (edit: (x: any) => void) => {
  const x: any = structuredClone(base);
  edit(x);
  return parsePack(x);
};
const ext = (e: Record<string, unknown>) => parsePack({ format: 1, id: 'x-2021', version: '1.0.0', extends: { pack: 'lang-son-2020' }, ...e }, { resolveBase: () => base });
const at = (r: { errors: readonly { path: string; message: { vi: string; en: string } }[] }, path: string) => r.errors.find((p) => p.path === path)?.message;
const NO_SUCH_DAY = 'ngày không tồn tại';

describe('an impossible day (2021-02-30) is refused everywhere in packs with "ngày không tồn tại"', () => {
  it('a window parameter, in a whole pack and in an override', () => {
    expect(
      at(
        whole((x) => (x.parameters['province_cadre.window_start'].value = '2020-02-30')),
        '$.parameters["province_cadre.window_start"].value',
      )?.vi,
    ).toContain(NO_SUCH_DAY);
    const r = ext({ parameters: { override: { 'province_cadre.window_start': { value: '2021-02-30' } } } });
    expect(at(r, '$.parameters.override["province_cadre.window_start"].value')?.vi).toContain(NO_SUCH_DAY);
    expect(at(r, '$.parameters.override["province_cadre.window_start"].value')?.en).toContain('no such day');
  });
  it('the "from" day of a dated value', () => {
    const r = ext({ parameters: { override: { 'budget.total': { values: [{ from: '2021-02-30', value: '7000000000', clause: 'KH.II.5.1' }] } } } });
    expect(at(r, '$.parameters.override["budget.total"].values[0].from')?.vi).toContain(NO_SUCH_DAY);
  });
  it('the as-of day of a test case; a day written another way is told how to write it', () => {
    const suite = (asOf: string) => parsePackTests({ pack: 'lang-son-2020', cases: [{ name: 'x', asOf, plan: { classes: [] }, expected: { findings: [] } }] });
    expect(at(suite('2021-02-30'), '$.cases[0].asOf')?.vi).toContain(NO_SUCH_DAY);
    expect(at(suite('30/02/2021'), '$.cases[0].asOf')?.vi).toContain('YYYY-MM-DD');
    expect(at(suite('30/02/2021'), '$.cases[0].asOf')?.vi).not.toContain(NO_SUCH_DAY);
  });
});

describe('money in packs is checked with the money rules and told with the money message', () => {
  it('an amount with a fraction says amounts are whole đồng', () => {
    const r = ext({ parameters: { override: { 'budget.total': { value: '7000000000.5' } } } });
    expect(at(r, '$.parameters.override["budget.total"].value')).toEqual({
      vi: 'số tiền là số đồng nguyên, không có phần lẻ, ví dụ "8040000000"',
      en: 'amounts are whole đồng: no fraction, e.g. "8040000000"',
    });
  });
  it('a rate given as a JSON number is told an amount is a string of digits, not "wrong type"', () => {
    const r = whole((x) => (x.rates[0].amount = 150000));
    expect(at(r, '$.rates[0].amount')?.en).toBe('an amount is a string of digits, e.g. "8040000000" (150000)');
    expect(at(r, '$.rates[0].amount')?.vi).toBe('số tiền là một chuỗi chữ số, ví dụ "8040000000" (150000)');
  });
  it('a budget given as a JSON number never says "the largest value is 1000000"', () => {
    const r = ext({ parameters: { override: { 'budget.total': { value: 7000000000 } } } });
    const m = at(r, '$.parameters.override["budget.total"].value');
    expect(m?.en).toContain('write an amount as a string of digits in quotes: "7000000000"');
    expect(JSON.stringify(r.errors)).not.toContain('1000000');
  });
});

describe('extending a pack: what to do is said in Vietnamese as in English', () => {
  const rule = { ...structuredClone(base.rules[0]), id: 'new.rule' };
  it('adding what the base has: use replace; replacing what it does not: use add', () => {
    expect(at(ext({ rules: { add: [base.rules[0]] } }), '$.rules.add[0].id')?.vi).toContain('dùng "replace"');
    expect(at(ext({ rules: { replace: [rule] } }), '$.rules.replace[0].id')?.vi).toContain('dùng "add"');
  });
  it('the same rule twice in one add list is said to be twice in that list, with no "use replace"', () => {
    const m = at(ext({ rules: { add: [rule, rule] } }), '$.rules.add[1].id');
    expect(m?.vi).toContain('có hai lần trong chính danh sách "add" này');
    expect(m?.en).not.toContain('replace');
  });
  it('disabling a rule the base does not have does not say "use add"', () => {
    const m = at(ext({ rules: { disable: ['no.such_rule'] } }), '$.rules.disable[0]');
    expect(m?.en).not.toContain('add');
    expect(m?.vi).toContain('kiểm tra chính tả');
  });
});

describe('a test case of neither shape says what is wrong with it', () => {
  it('a person’s case with a text for "eligible", and a plan case without classes', () => {
    const r = parsePackTests({
      pack: 'lang-son-2020',
      cases: [{ name: 'x', input: { id: 'A' }, expected: { province_cadre: { eligible: 'yes' } } }, { name: 'y', plan: {}, expected: { findings: [] } }, 'not a case'],
    });
    const paths = r.errors.map((p) => p.path);
    expect(paths).toContain('$.cases[0].expected.province_cadre.eligible');
    expect(paths).toContain('$.cases[0].input.name');
    expect(paths).toContain('$.cases[1].plan.classes');
    expect(at(r, '$.cases[0].expected.province_cadre.eligible')?.en).toContain('expected true/false, received text ("yes")');
    expect(at(r, '$.cases[2]')?.vi).toContain('"input" (một người) hoặc "plan"');
    expect(r.errors.some((p) => p.code === 'schema.invalid_union')).toBe(false);
  });
});

describe('a failing excludes names the finding that should not be there', () => {
  it('says "found what should not be there", never "expected [x], got [x]"', async () => {
    const plan = (await import('../packs/lang-son-2020.tests.json')).default.cases.find((c: any) => c.plan && c.expected.includes?.includes('budget.ceiling')) as any;
    const suite = parsePackTests({ pack: 'lang-son-2020', cases: [{ name: 'x', plan: plan.plan, expected: { excludes: ['budget.ceiling'] } }] }).value;
    const r = await runPackTests(base, suite as NonNullable<typeof suite>);
    const d = r.cases[0]?.differences[0];
    expect(d?.message?.en).toBe('found what should not be there: budget.ceiling');
    expect(d?.message?.vi).toBe('có phát hiện lẽ ra không được có: budget.ceiling');
  });
});
