/**
 * `checkPack`: what a valid pack's rules mean, beyond what validation refuses. Static findings
 * (conditions that never or always hold, shadowed rules, unused parameters, tracks no role can
 * enter, roles no track admits, clauses nothing cites) and, given its test vectors, the rules no
 * case exercises and the ids a case names that the pack does not have.
 */
import { type Problem, problem, jsonPath } from '../problems.js';
import { createRulebook } from '../rulebook.js';
import type { Pack } from '../schemas/pack.js';
import type { PackTestSuite } from '../schemas/pack-tests.js';
import { PACK_CHECKS } from './checks.js';
import { constantConditions, shadowedRules, uncitedClauses } from './checks/meaning.js';
import { roleTrackMatrix } from './matrix.js';
import { defaultAsOf } from './params.js';
import { runPackTests } from './vectors.js';
import { suggestion } from '../suggest.js';
import { ROSTER_NOT_THIS_PLAN } from '../plan-check.js';

export type PackFindingSeverity = 'error' | 'warning';

/** One finding of `checkPack`: a problem (code, JSON path, vi/en), how grave, and which file its path is in. */
export interface PackFinding extends Problem {
  readonly severity: PackFindingSeverity;
  /** `pack`: the path is in the pack; `tests`: in its test vectors. */
  readonly in: 'pack' | 'tests';
}

export interface PackCheckReport {
  readonly pack: { readonly id: string; readonly version: string };
  readonly asOf: string;
  /** Errors first, then warnings; each in the pack's order. */
  readonly findings: readonly PackFinding[];
  readonly errors: number;
  readonly warnings: number;
}

export interface CheckPackOptions {
  /** The pack's test vectors: without them, nothing is said about tests. */
  readonly tests?: PackTestSuite;
  /** The day parameters are read at; default the end of the pack's year. */
  readonly asOf?: string;
}

const finding = (p: Problem, severity: PackFindingSeverity, where: 'pack' | 'tests' = 'pack'): PackFinding => ({ ...p, severity, in: where });

/** Tracks whose every role is closed, and roles closed on every track, from the role × track matrix. */
function matrixFindings(pack: Pack, asOf: string): Problem[] {
  const matrix = roleTrackMatrix(createRulebook(pack, { asOf }));
  const out: Problem[] = [];
  matrix.tracks.forEach((track, t) => {
    if (!matrix.roles.every((r) => r.cells[t]?.status === 'closed')) return;
    const i = pack.tracks.findIndex((x) => x.code === track);
    out.push(
      problem(
        jsonPath(['tracks', i]),
        'pack.track_closed_to_all',
        `Không chức vụ nào được học loại lớp "${track}": quy tắc điều kiện loại mọi chức vụ (xem p135 pack matrix)`,
        `no role can enter track "${track}": its eligibility rules close it to every role (see p135 pack matrix)`,
      ),
    );
  });
  matrix.roles.forEach((r, i) => {
    if (!r.cells.every((c) => c.status === 'closed')) return;
    out.push(
      problem(
        jsonPath(['roles', i]),
        'pack.role_admitted_nowhere',
        `Không loại lớp nào nhận chức vụ "${r.role}" (${pack.roles[i]?.label.vi}): đúng nếu chức vụ này chỉ để ghi người không thuộc đối tượng`,
        `no track admits role "${r.role}" (${pack.roles[i]?.label.en}): right only if the role is there to record people outside the plan`,
      ),
    );
  });
  return out;
}

/** Ids a case names (tracks, rules in `because`, `findings`, `includes`, `excludes`) that the pack does not have, or that cannot appear there. */
export function testVectorIds(pack: Pack, suite: PackTestSuite): Problem[] {
  const out: Problem[] = [];
  const rules = new Map(pack.rules.map((r) => [r.id, r] as const));
  const tracks = pack.tracks.map((t) => t.code);
  const unknownRule = (id: string, path: (string | number)[], known: readonly string[]) => {
    const hint = suggestion(id, known, 0);
    out.push(problem(jsonPath(path), 'tests.unknown_rule', `Bộ quy tắc không có quy tắc "${id}".${hint.vi}`, `the pack has no rule "${id}".${hint.en}`));
  };
  // What a plan check may find besides the pack's check rules: the budget's ceiling and caps, and a roster of another plan.
  const packageFindings = ['budget.ceiling', ...pack.budget.caps.map((c) => `budget.cap.${c.category}`), ROSTER_NOT_THIS_PLAN];
  suite.cases.forEach((c, i) => {
    if ('plan' in c) {
      for (const field of ['findings', 'includes', 'excludes'] as const)
        c.expected[field]?.forEach((id, j) => {
          const at = ['cases', i, 'expected', field, j];
          const rule = rules.get(id);
          if (packageFindings.includes(id)) return;
          if (!rule) unknownRule(id, at, [...pack.rules.filter((r) => r.kind === 'check').map((r) => r.id), ...packageFindings]);
          else if (rule.kind !== 'check')
            out.push(
              problem(
                jsonPath(at),
                'tests.not_a_finding',
                `"${id}" là quy tắc loại "${rule.kind}", không phải quy tắc kiểm tra kế hoạch: nó không bao giờ là một phát hiện, nên "${field}" này không kiểm tra gì`,
                `"${id}" is a rule of kind "${rule.kind}", not a plan check: it is never a finding, so this "${field}" tests nothing`,
              ),
            );
        });
      return;
    }
    for (const [track, want] of Object.entries(c.expected)) {
      if (!tracks.includes(track)) {
        const hint = suggestion(track, tracks);
        out.push(problem(jsonPath(['cases', i, 'expected', track]), 'tests.unknown_track', `Bộ quy tắc không có loại lớp "${track}".${hint.vi}`, `the pack has no track "${track}".${hint.en}`));
        continue;
      }
      want.because?.forEach((id, j) => {
        const at = ['cases', i, 'expected', track, 'because', j];
        const rule = rules.get(id);
        if (!rule)
          unknownRule(
            id,
            at,
            pack.rules.filter((r) => r.kind === 'eligibility' && r.tracks.includes(track)).map((r) => r.id),
          );
        else if (rule.kind !== 'eligibility' || !rule.tracks?.includes(track))
          out.push(
            problem(
              jsonPath(at),
              'tests.not_a_finding',
              `"${id}" không phải quy tắc điều kiện của loại lớp "${track}": nó không bao giờ là một lý do ở đây`,
              `"${id}" is not an eligibility rule of track "${track}": it is never a reason there`,
            ),
          );
      });
    }
  });
  return out;
}

/**
 * Every finding about what a (valid) pack's rules mean, each with its JSON path and severity:
 * errors (a track no one can enter, a test naming what the pack does not have) and warnings (the
 * rest). Runs the test vectors when given, to say which rules no case exercises.
 */
export async function checkPack(pack: Pack, options: CheckPackOptions = {}): Promise<PackCheckReport> {
  const asOf = options.asOf ?? defaultAsOf(pack);
  const validation = PACK_CHECKS.flatMap((c) => c.run(pack).map((p) => finding(p, c.severity)));
  const matrix = matrixFindings(pack, asOf);
  const errors: PackFinding[] = [...validation.filter((f) => f.severity === 'error'), ...matrix.filter((p) => p.code === 'pack.track_closed_to_all').map((p) => finding(p, 'error'))];
  const warnings: PackFinding[] = [
    ...validation.filter((f) => f.severity === 'warning'),
    ...constantConditions(pack, asOf).map((p) => finding(p, 'warning')),
    ...shadowedRules(pack, asOf).map((p) => finding(p, 'warning')),
    ...matrix.filter((p) => p.code === 'pack.role_admitted_nowhere').map((p) => finding(p, 'warning')),
    ...uncitedClauses(pack).map((p) => finding(p, 'warning')),
  ];
  if (options.tests) {
    errors.push(...testVectorIds(pack, options.tests).map((p) => finding(p, 'error', 'tests')));
    const run = await runPackTests(pack, options.tests);
    for (const id of run.unexercised) {
      const i = pack.rules.findIndex((r) => r.id === id);
      warnings.push(
        finding(
          problem(
            jsonPath(['rules', i]),
            'pack.rule_untested',
            `Chưa trường hợp kiểm thử nào cho thấy quy tắc "${id}" hoạt động: sửa nó cũng không làm trường hợp nào sai (thêm một trường hợp vào tệp kiểm thử)`,
            `no test vector shows rule "${id}" at work: changing it would fail no case (add a case to the test file)`,
          ),
          'warning',
        ),
      );
    }
  }
  return { pack: { id: pack.id, version: pack.version }, asOf, findings: [...errors, ...warnings], errors: errors.length, warnings: warnings.length };
}
