/**
 * What `p135 pack check` tells a province about its pack and its test file, word for word: a
 * track no role can enter (an error), a role no track admits (a warning), and each id a test
 * case names that the pack lacks or that can never be what the case says, with the ids it may
 * have meant taken only from the rules that could be there.
 */
import { describe, expect, it } from 'vitest';
import { bundledPack, bundledPackTests, checkPack, type Pack, type PackTestSuite, parsePack, parsePackTests } from '../src/index.js';
import { testVectorIds } from '../src/pack/check.js';
import { editedPack, eligibilityRule } from './helpers.js';

const base = bundledPack('lang-son-2020') as Pack;
const bundledCases = (bundledPackTests('lang-son-2020') as { cases: Record<string, unknown>[] }).cases;
const plan = bundledCases.find((c) => 'plan' in c)?.plan;
const input = bundledCases.find((c) => 'input' in c)?.input;

function suite(cases: unknown[]): PackTestSuite {
  const parsed = parsePackTests({ pack: 'lang-son-2020', cases });
  expect(parsed.errors).toEqual([]);
  return parsed.value as PackTestSuite;
}
const found = (cases: unknown[]) => testVectorIds(base, suite(cases)).map((p) => [p.path, p.code, p.message.vi, p.message.en]);

describe('the ids a plan case names', () => {
  it('a rule that is not a plan check is never a finding; an unknown one is suggested only among plan checks and the budget and roster findings', () => {
    expect(
      found([
        { name: 'p', plan, expected: { findings: ['province_cadre.role', 'province_cadre.rolee', 'budget.cap.study_tour', 'budget.ceiling', 'roster.not_this_plan', 'class.province_cadre.siz'] } },
      ]),
    ).toEqual([
      [
        '$.cases[0].expected.findings[0]',
        'tests.not_a_finding',
        '"province_cadre.role" là quy tắc loại "eligibility", không phải quy tắc kiểm tra kế hoạch: nó không bao giờ là một phát hiện, nên "findings" này không kiểm tra gì',
        '"province_cadre.role" is a rule of kind "eligibility", not a plan check: it is never a finding, so this "findings" tests nothing',
      ],
      ['$.cases[0].expected.findings[1]', 'tests.unknown_rule', 'Bộ quy tắc không có quy tắc "province_cadre.rolee".', 'the pack has no rule "province_cadre.rolee".'],
      [
        '$.cases[0].expected.findings[5]',
        'tests.unknown_rule',
        'Bộ quy tắc không có quy tắc "class.province_cadre.siz". Có phải ý bạn là "class.province_cadre.size" hoặc "class.province_cadre.days" hoặc "class.province_cadre.window"?',
        'the pack has no rule "class.province_cadre.siz". Did you mean "class.province_cadre.size" or "class.province_cadre.days" or "class.province_cadre.window"?',
      ],
    ]);
  });

  it('a budget finding is suggested for a misspelt one', () => {
    const [problem] = found([{ name: 'p', plan, expected: { includes: ['budget.ceilin'] } }]);
    expect(problem?.[3]).toBe('the pack has no rule "budget.ceilin". Did you mean "budget.ceiling"?');
  });
});

describe('the ids a person case names', () => {
  it('"because" names only eligibility rules of that track; an unknown one is suggested among them; an unknown track lists the known', () => {
    expect(
      found([
        {
          name: 'c',
          input,
          expected: {
            province_cadre: { eligible: false, because: ['province_cadre.rolee', 'district_cadre.role', 'priority.woman'] },
            district_cadre: { eligible: false, because: ['province_cadre.rolee'] },
            provincial: { eligible: true },
          },
        },
      ]),
    ).toEqual([
      [
        '$.cases[0].expected.province_cadre.because[0]',
        'tests.unknown_rule',
        'Bộ quy tắc không có quy tắc "province_cadre.rolee". Có phải ý bạn là "province_cadre.role"?',
        'the pack has no rule "province_cadre.rolee". Did you mean "province_cadre.role"?',
      ],
      [
        '$.cases[0].expected.province_cadre.because[1]',
        'tests.not_a_finding',
        '"district_cadre.role" không phải quy tắc điều kiện của loại lớp "province_cadre": nó không bao giờ là một lý do ở đây',
        '"district_cadre.role" is not an eligibility rule of track "province_cadre": it is never a reason there',
      ],
      [
        '$.cases[0].expected.province_cadre.because[2]',
        'tests.not_a_finding',
        '"priority.woman" không phải quy tắc điều kiện của loại lớp "province_cadre": nó không bao giờ là một lý do ở đây',
        '"priority.woman" is not an eligibility rule of track "province_cadre": it is never a reason there',
      ],
      // suggested only among district_cadre's rules: province_cadre.role is not one of them
      ['$.cases[0].expected.district_cadre.because[0]', 'tests.unknown_rule', 'Bộ quy tắc không có quy tắc "province_cadre.rolee".', 'the pack has no rule "province_cadre.rolee".'],
      [
        '$.cases[0].expected.provincial',
        'tests.unknown_track',
        'Bộ quy tắc không có loại lớp "provincial". Có: province_cadre, province_community, district_cadre, commune_community, study_tour.',
        'the pack has no track "provincial". Known: province_cadre, province_community, district_cadre, commune_community, study_tour.',
      ],
    ]);
  });

  it('the bundled test file names nothing the pack lacks', () => {
    expect(testVectorIds(base, parsePackTests(bundledPackTests('lang-son-2020')).value as PackTestSuite)).toEqual([]);
  });
});

describe("the role × track findings and the report's shape", () => {
  /** Lạng Sơn's pack with a role of its own and a rule that shuts the study tour to every role. */
  function closedStudyTour(): Pack {
    const raw = editedPack((p) => {
      p.roles.push({ code: 'planted_role', group: 'other', label: { vi: 'Vai trò cài sẵn', en: 'A planted role' } });
      p.rules.push(eligibilityRule('planted.closes', ['study_tour'], { all: [{ fact: 'role', operator: 'equal', value: 'other' }] }));
    });
    const parsed = parsePack(raw);
    expect(parsed.errors).toEqual([]);
    return parsed.value as Pack;
  }

  it('a track no role can enter is an error at the track; each role no track admits is a warning naming its label', async () => {
    const r = await checkPack(closedStudyTour());
    const matrix = r.findings.filter((f) => f.code === 'pack.track_closed_to_all' || f.code === 'pack.role_admitted_nowhere');
    expect(matrix).toEqual([
      {
        path: '$.tracks[4]',
        code: 'pack.track_closed_to_all',
        message: {
          vi: 'Không chức vụ nào được học loại lớp "study_tour": quy tắc điều kiện loại mọi chức vụ (xem p135 pack matrix)',
          en: 'no role can enter track "study_tour": its eligibility rules close it to every role (see p135 pack matrix)',
        },
        severity: 'error',
        in: 'pack',
      },
      {
        path: '$.roles[30]',
        code: 'pack.role_admitted_nowhere',
        message: {
          vi: 'Không loại lớp nào nhận chức vụ "other" (Khác (không thuộc đối tượng của kế hoạch)): đúng nếu chức vụ này chỉ để ghi người không thuộc đối tượng',
          en: 'no track admits role "other" (Other (not a group the plan trains)): right only if the role is there to record people outside the plan',
        },
        severity: 'warning',
        in: 'pack',
      },
      {
        path: '$.roles[31]',
        code: 'pack.role_admitted_nowhere',
        message: {
          vi: 'Không loại lớp nào nhận chức vụ "planted_role" (Vai trò cài sẵn): đúng nếu chức vụ này chỉ để ghi người không thuộc đối tượng',
          en: 'no track admits role "planted_role" (A planted role): right only if the role is there to record people outside the plan',
        },
        severity: 'warning',
        in: 'pack',
      },
    ]);
  });

  it('names the pack and the day parameters were read at (the end of its year unless given), lists errors before warnings, and counts each', async () => {
    const pack = closedStudyTour();
    const r = await checkPack(pack);
    expect(r.pack).toEqual({ id: 'lang-son-2020', version: base.version });
    expect(r.asOf).toBe('2020-12-31');
    expect((await checkPack(pack, { asOf: '2020-06-30' })).asOf).toBe('2020-06-30');
    const severities = r.findings.map((f) => f.severity);
    expect(severities.indexOf('warning')).toBe(severities.lastIndexOf('error') + 1);
    expect([r.errors, r.warnings]).toEqual([severities.filter((s) => s === 'error').length, severities.filter((s) => s === 'warning').length]);
    expect(r.errors).toBe(1);
    expect(r.warnings).toBeGreaterThan(2);
  });

  it('a rule no test case exercises is a warning at the rule, saying what to add', async () => {
    const r = await checkPack(base, { tests: suite([{ name: 'one person', input, expected: { province_cadre: { eligible: false } } }]) });
    const untested = r.findings.filter((f) => f.code === 'pack.rule_untested');
    const i = base.rules.findIndex((x) => x.id === 'priority.woman');
    expect(untested).toContainEqual({
      path: `$.rules[${i}]`,
      code: 'pack.rule_untested',
      message: {
        vi: 'Chưa trường hợp kiểm thử nào cho thấy quy tắc "priority.woman" hoạt động: sửa nó cũng không làm trường hợp nào sai (thêm một trường hợp vào tệp kiểm thử)',
        en: 'no test vector shows rule "priority.woman" at work: changing it would fail no case (add a case to the test file)',
      },
      severity: 'warning',
      in: 'pack',
    });
    expect(untested.every((f) => f.severity === 'warning')).toBe(true);
  });
});
