/**
 * A pack's test vectors (`p135 pack test`): what an author relies on when a case fails or a test
 * file is wrong. Each way a person's case can differ (eligible, because, points, payer, a track the
 * pack lacks) and each way a plan case can (findings, includes, excludes) is reported with its field,
 * what was expected and found, and the pack's reasons; a file that is not a test suite is refused
 * with a message that says what a case is, never a crash; and "unexercised" counts a rule as shown
 * only when a case checks what it decides.
 */
import { describe, expect, it } from 'vitest';
import { type PackTestSuite, parsePackTests, runPackTests } from '../src/index.js';
import { pack, person } from './helpers.js';

const suiteOf = (...cases: unknown[]): PackTestSuite => {
  const s = parsePackTests({ pack: 'lang-son-2020', cases });
  expect(s.errors).toEqual([]);
  return s.value as PackTestSuite;
};
const run = (...cases: unknown[]) => runPackTests(pack, suiteOf(...cases));
const reasonOf = (id: string, outcome: 'pass' | 'fail') => {
  const r = pack.rules.find((x) => x.id === id);
  return { ruleId: id, clause: r?.clause, message: r?.message[outcome] };
};

/** An empty plan: it fails exactly the five rules that count classes and delegations. */
const EMPTY_PLAN_FINDINGS = [
  'plan.province_cadre.class_count',
  'plan.province_community.class_count',
  'plan.district_cadre.class_count',
  'plan.commune_community.class_count',
  'plan.study_tour.delegations',
];
const planCase = (expected: Record<string, unknown>) => ({ name: 'một kế hoạch trống', plan: { classes: [] }, expected });

describe("a person's case that fails says how, with the pack's reasons", () => {
  it('a wrong "eligible" and a "because" naming another rule of the same count are two differences, each with the reasons', async () => {
    const r = await run({ name: 'người dân', input: person({ role: 'citizen' }), expected: { province_cadre: { eligible: true, because: ['province_cadre.not_trained_at_province'] } } });
    const reasons = [reasonOf('province_cadre.role', 'fail')];
    expect(r.cases).toEqual([
      {
        name: 'người dân',
        passed: false,
        differences: [
          { field: 'province_cadre.eligible', expected: true, actual: false, reasons },
          { field: 'province_cadre.because', expected: ['province_cadre.not_trained_at_province'], actual: ['province_cadre.role'], reasons },
        ],
      },
    ]);
    expect([r.passed, r.failed]).toEqual([0, 1]);
  });

  it('"because" in another order passes', async () => {
    const r = await run({
      name: 'chủ tịch xã',
      input: person(),
      expected: { commune_community: { eligible: false, because: ['commune_community.not_cadre_or_civil_servant', 'commune_community.role'] } },
    });
    expect(r.cases[0]).toEqual({ name: 'chủ tịch xã', passed: true, differences: [] });
  });

  it('wrong points name the priority criteria met', async () => {
    const r = await run({ name: 'phụ nữ', input: person({ role: 'poor_household_rep', gender: 'female' }), expected: { commune_community: { eligible: true, points: 0 } } });
    expect(r.cases[0]?.differences).toEqual([
      { field: 'commune_community.points', expected: 0, actual: 2, reasons: [reasonOf('priority.small_ethnic_minority', 'pass'), reasonOf('priority.woman', 'pass')] },
    ]);
  });

  it('a wrong payer shows who pays', async () => {
    const trainee = { meals: 'trainee', lodging: 'trainee', travel: 'trainee' };
    const r = await run({ name: 'phụ nữ', input: person({ role: 'poor_household_rep', gender: 'female' }), expected: { commune_community: { eligible: true, payer: trainee } } });
    expect(r.cases[0]?.differences).toEqual([{ field: 'commune_community.payer', expected: trainee, actual: { meals: 'programme', lodging: 'programme', travel: 'programme' } }]);
  });

  it('a track the pack does not have is named as such', async () => {
    const r = await run({ name: 'lớp lạ', input: person(), expected: { night_school: { eligible: true } } });
    expect(r.cases[0]?.differences).toEqual([{ field: 'night_school', expected: 'a track of the pack', actual: 'no such track' }]);
  });
});

describe("a plan case that fails says how, with the pack's reasons", () => {
  const reasons = (ids: string[]) =>
    ids.map((id) => ({ ruleId: id, clause: pack.rules.find((x) => x.id === id)?.clause, message: expect.objectContaining({ vi: expect.any(String), en: expect.any(String) }) }));

  it('"findings" not exactly those found: expected, found, and every finding’s reason', async () => {
    const r = await run(planCase({ findings: ['plan.study_tour.delegations'] }));
    expect(r.cases[0]?.differences).toEqual([{ field: 'findings', expected: ['plan.study_tour.delegations'], actual: EMPTY_PLAN_FINDINGS, reasons: reasons(EMPTY_PLAN_FINDINGS) }]);
    expect(r.cases[0]?.differences[0]?.reasons?.[4]?.message.en).toBe('The plan sends 3 delegations; this plan has 0');
  });

  it('"findings" of the same number but other rules fails too', async () => {
    const others = [...EMPTY_PLAN_FINDINGS.slice(0, 4), 'budget.ceiling'];
    const r = await run(planCase({ findings: others }));
    expect(r.cases[0]?.differences.map((d) => d.field)).toEqual(['findings']);
  });

  it('"includes" lists the missing findings, comma-separated, in both languages', async () => {
    const r = await run(planCase({ includes: ['plan.study_tour.delegations', 'budget.ceiling', 'plan.unknown_rule'] }));
    expect(r.cases[0]?.differences).toEqual([
      {
        field: 'findings.includes',
        expected: ['plan.study_tour.delegations', 'budget.ceiling', 'plan.unknown_rule'],
        actual: EMPTY_PLAN_FINDINGS,
        reasons: reasons(EMPTY_PLAN_FINDINGS),
        message: { vi: 'thiếu phát hiện cần có: budget.ceiling, plan.unknown_rule', en: 'missing the expected finding(s): budget.ceiling, plan.unknown_rule' },
      },
    ]);
  });

  it('"excludes" lists what should not be there, with only those findings’ reasons', async () => {
    const r = await run(planCase({ excludes: ['plan.province_cadre.class_count', 'budget.ceiling', 'plan.study_tour.delegations'] }));
    const unwanted = ['plan.province_cadre.class_count', 'plan.study_tour.delegations'];
    expect(r.cases[0]?.differences).toEqual([
      {
        field: 'findings.excludes',
        expected: ['plan.province_cadre.class_count', 'budget.ceiling', 'plan.study_tour.delegations'],
        actual: unwanted,
        reasons: reasons(unwanted),
        message: {
          vi: 'có phát hiện lẽ ra không được có: plan.province_cadre.class_count, plan.study_tour.delegations',
          en: 'found what should not be there: plan.province_cadre.class_count, plan.study_tour.delegations',
        },
      },
    ]);
  });

  it('a plan case that holds passes, and counts its findings as exercised', async () => {
    const r = await run(planCase({ findings: [...EMPTY_PLAN_FINDINGS].reverse() }), planCase({ includes: ['plan.study_tour.delegations'], excludes: ['study_tour.window'] }));
    expect([r.passed, r.failed]).toEqual([2, 0]);
    for (const id of EMPTY_PLAN_FINDINGS) expect(r.unexercised).not.toContain(id);
    expect(r.unexercised).toContain('study_tour.window');
  });
});

describe('unexercised: a rule counts as shown only when a case checks what it decides', () => {
  const woman = person({ role: 'poor_household_rep', gender: 'female' });

  it('a priority criterion met by a case that checks only eligibility is still unexercised; checking points shows it', async () => {
    const only = await run({ name: 'chỉ đủ điều kiện', input: woman, expected: { commune_community: { eligible: true }, province_cadre: { eligible: false } } });
    expect(only.unexercised).toContain('priority.woman');
    expect(only.unexercised).toContain('cost.community_group_covered');
    expect(only.unexercised).not.toContain('province_cadre.role');
    const points = await run({ name: 'có điểm', input: woman, expected: { commune_community: { eligible: true, points: 1 } } });
    expect(points.unexercised).not.toContain('priority.woman');
    expect(points.unexercised).toContain('cost.community_group_covered');
  });
});

describe('a test file that is not a suite is refused, never a crash', () => {
  it('null or nothing: one problem at "$", and no warnings', () => {
    expect(parsePackTests(null)).toEqual({
      value: undefined,
      errors: [{ path: '$', code: 'schema.invalid_type', message: { vi: 'sai kiểu: cần đối tượng, nhận null', en: 'wrong type: expected an object, received null' } }],
      warnings: [],
    });
    expect(parsePackTests(undefined).errors.map((e) => [e.path, e.code])).toEqual([['$', 'schema.invalid_type']]);
  });

  it('a case that is not an object is told what a case is, in both languages', () => {
    const what = {
      vi: 'một trường hợp là một đối tượng có "name", "input" (một người) hoặc "plan", và "expected"',
      en: 'a case is an object with "name", "input" (a person) or "plan", and "expected"',
    };
    const r = parsePackTests({ pack: 'lang-son-2020', cases: [null, 5] });
    expect(r).toEqual({
      value: undefined,
      errors: [
        { path: '$.cases[0]', code: 'schema.invalid_type', message: what },
        { path: '$.cases[1]', code: 'schema.invalid_type', message: what },
      ],
      warnings: [],
    });
  });

  it('the eleventh case, neither shape, is read by what it has, like the first', () => {
    const good = { name: 'c', input: person(), expected: {} };
    const r = parsePackTests({ pack: 'lang-son-2020', cases: [...Array.from({ length: 10 }, () => good), { name: 'x', plan: { classes: 'none' }, expected: { findings: [] } }] });
    expect(r.errors.map((e) => e.path)).toEqual(['$.cases[10].plan.classes']);
  });

  it('a problem outside the cases (the pack id) is reported as it is', () => {
    const r = parsePackTests({ pack: 'Lạng Sơn', cases: [{ name: 'c', input: person(), expected: {} }] });
    expect(r.errors.map((e) => e.path)).toEqual(['$.pack']);
    expect(r.warnings).toEqual([]);
  });

  it('a forbidden key is refused before the schema is read', () => {
    const r = parsePackTests(JSON.parse('{"pack":"lang-son-2020","cases":[],"__proto__":{}}'));
    expect(r).toEqual({
      value: undefined,
      errors: [{ path: '$.__proto__', code: 'json.forbidden_key', message: { vi: 'Không được dùng khóa "__proto__"', en: 'the key "__proto__" is not allowed (it could change how objects behave)' } }],
      warnings: [],
    });
  });

  it('a person listed twice in a plan case’s candidates: the message names the id and where, in both languages', () => {
    const r = parsePackTests({ pack: 'lang-son-2020', cases: [{ name: 'x', plan: { classes: [] }, candidates: [person({ id: 'P-1' }), person({ id: 'P-1' })], expected: { findings: [] } }] });
    expect(r).toEqual({
      value: undefined,
      errors: [
        {
          path: '$.cases[0].candidates[1].id',
          code: 'input.duplicate_id',
          message: {
            vi: 'Mã người "P-1" lặp lại trong "candidates" (đã có ở $.cases[0].candidates[0].id); mỗi người chỉ ghi một lần',
            en: 'candidate id "P-1" repeats in "candidates" (already at $.cases[0].candidates[0].id); list each person once',
          },
        },
      ],
      warnings: [],
    });
  });

  it('a good suite is read with no errors and no warnings', () => {
    const r = parsePackTests({ pack: 'lang-son-2020', cases: [{ name: 'c', input: person(), expected: {} }] });
    expect([r.errors, r.warnings, r.value?.cases.length]).toEqual([[], [], 1]);
  });
});
