import { decide } from '../decide.js';
import type { Localized } from '../i18n.js';
import { checkPlan } from '../plan-check.js';
import { type Checked, jsonPath, type Problem, problem, zodProblems } from '../problems.js';
import { createRulebook, type Rulebook } from '../rulebook.js';
import type { Pack } from '../schemas/pack.js';
import { repeatedIdProblems } from '../schemas/plan.js';
import { type CandidateCase, CandidateCaseSchema, type PackTestSuite, PackTestSuiteSchema, type PlanCase, PlanCaseSchema } from '../schemas/pack-tests.js';
import { inspectJson, PACK_LIMITS } from './safe-json.js';

/** One way a case's answer differs from what it expects. */
export interface Difference {
  /** `province_cadre.eligible`, `province_cadre.because`, `findings`… */
  readonly field: string;
  readonly expected: unknown;
  readonly actual: unknown;
  /** The reasons the pack gave, for a person to compare. */
  readonly reasons?: readonly { ruleId: string; clause: string; message: Localized }[];
  /** What differs, in words (for the lists of findings: which ids are missing or should not be there). */
  readonly message?: Localized;
}

export interface CaseResult {
  readonly name: string;
  readonly passed: boolean;
  readonly differences: readonly Difference[];
}

export interface SuiteResult {
  readonly pack: string;
  readonly passed: number;
  readonly failed: number;
  readonly cases: readonly CaseResult[];
  /**
   * Rules of the pack no case shows at work, in the pack's order: an eligibility rule no case fails,
   * a priority or cost rule no case meets, a check no plan case finds. A change to one of them
   * would pass every case unnoticed.
   */
  readonly unexercised: readonly string[];
}

/**
 * A case that is neither shape, said as what is wrong with it: a case with `plan` is read as a plan
 * case, any other as a person's case (`input`), instead of "matches none of the allowed shapes".
 */
function caseProblems(problems: readonly Problem[], input: unknown): Problem[] {
  const cases = typeof input === 'object' && input !== null && Object.hasOwn(input, 'cases') ? (input as { cases: unknown }).cases : undefined;
  return problems.flatMap((p) => {
    const m = /^\$\.cases\[(\d+)\]$/.exec(p.path);
    if (p.code !== 'schema.invalid_union' || !m || !Array.isArray(cases)) return [p];
    const i = Number(m[1]);
    const c: unknown = cases[i];
    if (typeof c !== 'object' || c === null || Array.isArray(c))
      return [
        problem(
          p.path,
          'schema.invalid_type',
          'một trường hợp là một đối tượng có "name", "input" (một người) hoặc "plan", và "expected"',
          'a case is an object with "name", "input" (a person) or "plan", and "expected"',
        ),
      ];
    const schema = Object.hasOwn(c, 'plan') ? PlanCaseSchema : CandidateCaseSchema;
    const r = schema.safeParse(c);
    return r.success ? [p] : zodProblems(r.error, ['cases', i], '$', c);
  });
}

/**
 * What the schema cannot say of a plan case's roster: given twice (`candidates` beside the plan
 * and `plan.candidates`: which one the check reads would be a guess), or a person listed twice
 * (the check would read the first and ignore the other silently).
 */
function rosterProblems(suite: PackTestSuite): Problem[] {
  const out: Problem[] = [];
  suite.cases.forEach((c, i) => {
    if (!('plan' in c) || !c.candidates) return;
    if (c.plan.candidates)
      out.push(
        problem(
          jsonPath(['cases', i, 'candidates']),
          'tests.roster_twice',
          'Trường hợp ghi danh sách học viên hai lần: "candidates" bên cạnh "plan" và "plan.candidates"; hãy giữ một (nên dùng "candidates")',
          'the case gives its roster twice: "candidates" beside "plan" and "plan.candidates"; keep one (preferably "candidates")',
        ),
      );
    out.push(
      ...repeatedIdProblems(
        c.candidates.map((p) => p.id),
        ['cases', i, 'candidates'],
        { vi: 'Mã người', en: 'candidate id' },
        { vi: 'trong "candidates"', en: 'in "candidates"' },
        ['id'],
      ),
    );
  });
  return out;
}

/** Validates a test suite (JSON already parsed, or an object), reporting problems with paths. */
export function parsePackTests(input: unknown): Checked<PackTestSuite> {
  const unsafe = inspectJson(input, PACK_LIMITS);
  if (unsafe.length) return { value: undefined, errors: unsafe, warnings: [] };
  const r = PackTestSuiteSchema.safeParse(input);
  if (!r.success) return { value: undefined, errors: caseProblems(zodProblems(r.error, [], '$', input), input), warnings: [] };
  const errors = rosterProblems(r.data);
  return errors.length ? { value: undefined, errors, warnings: [] } : { value: r.data, errors: [], warnings: [] };
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

async function runCandidateCase(book: Rulebook, c: CandidateCase, seen: Set<string>): Promise<Difference[]> {
  const d = await decide(book, c.input);
  // What the case checks of a track shows the rules behind it at work.
  for (const t of d.tracks) {
    const want = Object.hasOwn(c.expected, t.track) ? c.expected[t.track] : undefined;
    if (!want) continue;
    const shown = [...(want.eligible !== undefined || want.because ? t.reasons : []), ...(want.points !== undefined ? t.priority.criteria : []), ...(want.payer ? t.cost.reasons : [])];
    for (const r of shown) seen.add(r.ruleId);
  }
  const out: Difference[] = [];
  for (const [track, want] of Object.entries(c.expected)) {
    const got = d.tracks.find((t) => t.track === track);
    if (!got) {
      out.push({ field: `${track}`, expected: 'a track of the pack', actual: 'no such track' });
      continue;
    }
    const reasons = got.reasons.map((r) => ({ ruleId: r.ruleId, clause: r.clause, message: r.message }));
    if (got.eligible !== want.eligible) out.push({ field: `${track}.eligible`, expected: want.eligible, actual: got.eligible, reasons });
    const failed = got.reasons.map((r) => r.ruleId);
    if (want.because && !sameSet(want.because, failed)) out.push({ field: `${track}.because`, expected: want.because, actual: failed, reasons });
    if (want.points !== undefined && want.points !== got.priority.points) {
      out.push({
        field: `${track}.points`,
        expected: want.points,
        actual: got.priority.points,
        reasons: got.priority.criteria.map((r) => ({ ruleId: r.ruleId, clause: r.clause, message: r.message })),
      });
    }
    if (want.payer && JSON.stringify(want.payer) !== JSON.stringify(got.cost.payer ? { meals: got.cost.payer.meals, lodging: got.cost.payer.lodging, travel: got.cost.payer.travel } : null)) {
      out.push({ field: `${track}.payer`, expected: want.payer, actual: got.cost.payer });
    }
  }
  return out;
}

async function runPlanCase(book: Rulebook, c: PlanCase, seen: Set<string>): Promise<Difference[]> {
  // The case's people are the roster the plan's trainee ids refer to (else the plan's own, if any).
  const report = await checkPlan(book, c.plan, c.candidates ? { candidates: c.candidates } : {});
  const got = [...new Set(report.findings.map((f) => f.ruleId))];
  for (const id of got) seen.add(id);
  const reasons = report.findings.map((f) => ({ ruleId: f.ruleId, clause: f.clause, message: f.message }));
  const out: Difference[] = [];
  const e = c.expected;
  if (e.findings && !sameSet(e.findings, got)) out.push({ field: 'findings', expected: e.findings, actual: got, reasons });
  const missing = (e.includes ?? []).filter((id) => !got.includes(id));
  if (missing.length) {
    const list = missing.join(', ');
    out.push({ field: 'findings.includes', expected: e.includes, actual: got, reasons, message: { vi: `thiếu phát hiện cần có: ${list}`, en: `missing the expected finding(s): ${list}` } });
  }
  const unwanted = (e.excludes ?? []).filter((id) => got.includes(id));
  if (unwanted.length) {
    const list = unwanted.join(', ');
    out.push({
      field: 'findings.excludes',
      expected: e.excludes,
      actual: unwanted,
      reasons: reasons.filter((r) => unwanted.includes(r.ruleId)),
      message: { vi: `có phát hiện lẽ ra không được có: ${list}`, en: `found what should not be there: ${list}` },
    });
  }
  return out;
}

/** Runs a pack's test vectors; each case at its own as-of date. */
export async function runPackTests(pack: Pack, suite: PackTestSuite): Promise<SuiteResult> {
  const books = new Map<string, Rulebook>();
  const bookFor = (asOf: string | undefined) => {
    const key = asOf ?? '';
    let b = books.get(key);
    if (!b) books.set(key, (b = createRulebook(pack, asOf ? { asOf } : {})));
    return b;
  };
  const cases: CaseResult[] = [];
  const seen = new Set<string>();
  for (const c of suite.cases) {
    const differences = 'plan' in c ? await runPlanCase(bookFor(c.asOf), c, seen) : await runCandidateCase(bookFor(c.asOf), c, seen);
    cases.push({ name: c.name, passed: differences.length === 0, differences });
  }
  const passed = cases.filter((c) => c.passed).length;
  const unexercised = pack.rules.map((r) => r.id).filter((id) => !seen.has(id));
  return { pack: pack.id, passed, failed: cases.length - passed, cases, unexercised };
}
