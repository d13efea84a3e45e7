import { inspectJson, type JsonLimits } from './pack/safe-json.js';
import { type Checked, type Problem, type PathPart, jsonPath, problem, zodProblems } from './problems.js';
import { ETHNIC_GROUPS } from './reference/ethnic-groups.js';
import type { Rulebook } from './rulebook.js';
import { acceptor } from './schemas/accept.js';
import { type Candidate, CandidateSchema } from './schemas/candidate.js';
import { type Plan, planRepeatProblems, PlanSchema } from './schemas/plan.js';

export const INPUT_LIMITS: JsonLimits = { maxChars: 200_000_000, maxDepth: 12, maxNodes: 20_000_000 };

const KNOWN_ETHNIC = new Set(ETHNIC_GROUPS.map((g) => g.code));

/**
 * The quick yes for a well-formed candidate (the schema's own checks as closures): it returns
 * exactly what the schema would. Anything it is not sure of goes the whole way (limits, schema,
 * pack), which finds and words the problems. An accepted candidate has objects 3 levels deep
 * at most and fewer than 100 values (every string and list is bounded by the schema), so within
 * limits at least that wide it need not be walked again for them.
 */
const acceptCandidate = acceptor(CandidateSchema);
const candidateFits = (limits: JsonLimits) => limits.maxDepth >= 3 && limits.maxNodes >= 100;

/** Checks that depend on the pack: a role the pack knows, an ethnic group that exists. */
function candidateAgainstPack(book: Rulebook | undefined, c: Candidate, at: readonly PathPart[]): Problem[] {
  const out: Problem[] = [];
  if (book && !book.role(c.role)) {
    out.push(
      problem(jsonPath([...at, 'role']), 'input.unknown_role', `Chức vụ "${c.role}" không có trong bộ quy tắc`, `unknown role "${c.role}"; accepted: ${book.pack.roles.map((r) => r.code).join(', ')}`),
    );
  }
  if (!KNOWN_ETHNIC.has(c.ethnicity)) {
    out.push(
      problem(
        jsonPath([...at, 'ethnicity']),
        'input.unknown_ethnicity',
        `Mã dân tộc "${c.ethnicity}" không có (01–54)`,
        `unknown ethnic group code "${c.ethnicity}"; codes run from "01" (Kinh) to "54"`,
      ),
    );
  }
  return out;
}

/** Validates one candidate (and, given a rulebook, its role against the pack). */
export function parseCandidate(input: unknown, book?: Rulebook, at: readonly PathPart[] = [], limits: JsonLimits = INPUT_LIMITS): Checked<Candidate> {
  const quick = candidateFits(limits) ? acceptCandidate?.(input) : undefined;
  if (quick && (!book || book.role(quick.role)) && KNOWN_ETHNIC.has(quick.ethnicity)) return { value: quick, errors: [], warnings: [] };
  const unsafe = inspectJson(input, limits, jsonPath(at));
  if (unsafe.length) return { value: undefined, errors: unsafe, warnings: [] };
  const r = CandidateSchema.safeParse(input);
  if (!r.success) return { value: undefined, errors: zodProblems(r.error, at, '$', input), warnings: [] };
  const errors = candidateAgainstPack(book, r.data, at);
  return { value: errors.length ? undefined : r.data, errors, warnings: [] };
}

/** Validates a list of candidates; every problem of every row, each with its path `$[row].field`. */
export function parseCandidates(input: unknown, book?: Rulebook, limits: JsonLimits = INPUT_LIMITS): Checked<Candidate[]> {
  if (!Array.isArray(input)) return { value: undefined, errors: [problem('$', 'input.not_a_list', 'Cần một danh sách học viên', 'expected a list (array) of candidates')], warnings: [] };
  const errors: Problem[] = [];
  const out: Candidate[] = [];
  const seen = new Map<string, number>();
  input.forEach((row, i) => {
    const r = parseCandidate(row, book, [i], limits);
    errors.push(...r.errors);
    if (r.value) {
      const first = seen.get(r.value.id);
      if (first !== undefined)
        errors.push(problem(jsonPath([i, 'id']), 'input.duplicate_id', `Mã "${r.value.id}" trùng với mã ở ${jsonPath([first])}`, `id "${r.value.id}" repeats the one at ${jsonPath([first])}`));
      else seen.set(r.value.id, i);
      out.push(r.value);
    }
  });
  return { value: errors.length ? undefined : out, errors, warnings: [] };
}

/** Validates a plan (schema, then track codes and roster ids against the pack). */
export function parsePlan(input: unknown, book?: Rulebook, limits: JsonLimits = INPUT_LIMITS): Checked<Plan> {
  const unsafe = inspectJson(input, limits);
  if (unsafe.length) return { value: undefined, errors: unsafe, warnings: [] };
  const r = PlanSchema.safeParse(input);
  if (!r.success) return { value: undefined, errors: zodProblems(r.error, [], '$', input), warnings: [] };
  const plan = r.data;
  const errors: Problem[] = [];
  if (book) {
    const tracks = new Set(book.tracks.filter((t) => t.group !== 'study_tour').map((t) => t.code));
    plan.classes.forEach((c, i) => {
      if (!tracks.has(c.track))
        errors.push(problem(jsonPath(['classes', i, 'track']), 'input.unknown_track', `Loại lớp "${c.track}" không có`, `unknown class track "${c.track}"; accepted: ${[...tracks].join(', ')}`));
    });
    plan.candidates?.forEach((c, i) => errors.push(...candidateAgainstPack(book, c, ['candidates', i])));
  }
  const ids = new Map<string, string>();
  const dup = (kind: string, id: string, path: PathPart[]) => {
    const prev = ids.get(`${kind}\u0000${id}`);
    if (prev) errors.push(problem(jsonPath(path), 'input.duplicate_id', `Mã "${id}" trùng với ${prev}`, `id "${id}" repeats ${prev}`));
    else ids.set(`${kind}\u0000${id}`, jsonPath(path));
  };
  plan.classes.forEach((c, i) => dup('class', c.id, ['classes', i, 'id']));
  plan.studyTours.forEach((t, i) => dup('tour', t.id, ['studyTours', i, 'id']));
  plan.budget.forEach((b, i) => dup('budget', b.id, ['budget', i, 'id']));
  // A person twice in a class, a tour or the roster would be merged silently, or make the verdict
  // depend on the roster's order: refused, naming where.
  errors.push(...planRepeatProblems(plan));
  return { value: errors.length ? undefined : plan, errors, warnings: [] };
}
