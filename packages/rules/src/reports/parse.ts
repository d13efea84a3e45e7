import { INPUT_LIMITS } from '../inputs.js';
import { inspectJson, type JsonLimits } from '../pack/safe-json.js';
import { type Checked, jsonPath, type PathPart, type Problem, problem, zodProblems } from '../problems.js';
import type { Rulebook } from '../rulebook.js';
import type { Candidate } from '../schemas/candidate.js';
import type { Plan } from '../schemas/plan.js';
import { type Results, ResultsSchema } from '../schemas/report-input.js';

export interface ParseResultsOptions {
  /** The plan the results answer: plan class ids, study tour ids and budget lines are checked against it. */
  readonly plan?: Plan;
  /** The roster trainee ids are resolved against (a list, or a Map by id built once for many reports). */
  readonly roster?: readonly Candidate[] | ReadonlyMap<string, Candidate>;
  readonly limits?: JsonLimits;
  /** Most problems listed (the rest are counted in one last problem). Default 1000. */
  readonly maxProblems?: number;
}

const asMap = (roster: readonly Candidate[] | ReadonlyMap<string, Candidate>): ReadonlyMap<string, Candidate> =>
  roster instanceof Map ? roster : new Map((roster as readonly Candidate[]).map((c) => [c.id, c] as const));

/**
 * Validates one results report: the schema, then, given a rulebook, plan and roster, that every
 * track, planned class, study tour, budget line and trainee it names exists. Never throws: every
 * problem has its JSON path (`$.classes[3].trainees[12]`) and a message in Vietnamese and English.
 */
export function parseResults(input: unknown, book?: Rulebook, options: ParseResultsOptions = {}): Checked<Results> {
  const unsafe = inspectJson(input, options.limits ?? INPUT_LIMITS);
  if (unsafe.length) return { value: undefined, errors: unsafe, warnings: [] };
  const r = ResultsSchema.safeParse(input);
  if (!r.success) return { value: undefined, errors: zodProblems(r.error), warnings: [] };
  const results = r.data;
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const at = (...parts: PathPart[]) => jsonPath(parts);

  if (book) {
    const tracks = new Set(book.tracks.filter((t) => t.group !== 'study_tour').map((t) => t.code));
    results.classes.forEach((c, i) => {
      if (!tracks.has(c.track))
        errors.push(
          problem(
            at('classes', i, 'track'),
            'input.unknown_track',
            `Loại lớp "${c.track}" không có; dùng một trong: ${[...tracks].join(', ')}`,
            `unknown class track "${c.track}"; accepted: ${[...tracks].join(', ')}`,
          ),
        );
    });
  }

  const seen = new Map<string, string>();
  const once = (kind: string, id: string, path: string) => {
    const prev = seen.get(`${kind}\u0000${id}`);
    if (prev) errors.push(problem(path, 'input.duplicate_id', `Mã "${id}" trùng với ${prev}; mỗi lớp, đoàn ghi một lần`, `id "${id}" repeats ${prev}; report each class or tour once`));
    else seen.set(`${kind}\u0000${id}`, path);
  };
  results.classes.forEach((c, i) => once('class', c.id, at('classes', i, 'id')));
  results.studyTours.forEach((t, i) => once('tour', t.id, at('studyTours', i, 'id')));
  results.classes.forEach((c, i) => {
    if (results.district !== null && c.district !== undefined && c.district !== results.district) {
      errors.push(
        problem(
          at('classes', i, 'district'),
          'input.other_district',
          `Lớp mở tại huyện ${c.district} nhưng báo cáo là của huyện ${results.district}; mỗi huyện báo cáo lớp của mình`,
          `the class is held in district ${c.district} but the report is district ${results.district}'s; each district reports its own classes`,
        ),
      );
    }
  });

  const plan = options.plan;
  if (plan) {
    const planClasses = new Map(plan.classes.map((c) => [c.id, c] as const));
    const planTours = new Set(plan.studyTours.map((t) => t.id));
    const lines = new Set(plan.budget.map((b) => b.id));
    results.classes.forEach((c, i) => {
      if (c.planClass === null) return;
      const planned = planClasses.get(c.planClass);
      if (!planned)
        errors.push(
          problem(
            at('classes', i, 'planClass'),
            'input.unknown_plan_class',
            `Lớp "${c.planClass}" không có trong kế hoạch; ghi mã lớp của kế hoạch, hoặc để trống nếu lớp không có trong kế hoạch`,
            `class "${c.planClass}" is not in the plan; give the plan's class id, or leave it empty for a class the plan did not have`,
          ),
        );
      else if (planned.track !== c.track)
        errors.push(
          problem(
            at('classes', i, 'track'),
            'input.track_mismatch',
            `Lớp "${c.planClass}" của kế hoạch là loại "${planned.track}", không phải "${c.track}"`,
            `plan class "${c.planClass}" is a "${planned.track}" class, not "${c.track}"`,
          ),
        );
    });
    results.studyTours.forEach((t, i) => {
      if (t.planTour !== null && !planTours.has(t.planTour))
        errors.push(problem(at('studyTours', i, 'planTour'), 'input.unknown_plan_tour', `Đoàn "${t.planTour}" không có trong kế hoạch`, `study tour "${t.planTour}" is not in the plan`));
    });
    const lineProblem = (path: string, id: string) =>
      errors.push(
        problem(
          path,
          'input.unknown_budget_line',
          `Dòng dự toán "${id}" không có trong kế hoạch; dùng một trong: ${[...lines].join(', ')}`,
          `budget line "${id}" is not in the plan; accepted: ${[...lines].join(', ')}`,
        ),
      );
    results.classes.forEach((c, i) => c.spending.forEach((s, j) => lines.has(s.line) || lineProblem(at('classes', i, 'spending', j, 'line'), s.line)));
    results.studyTours.forEach((t, i) => t.spending.forEach((s, j) => lines.has(s.line) || lineProblem(at('studyTours', i, 'spending', j, 'line'), s.line)));
  }

  if (options.roster) {
    const roster = asMap(options.roster);
    const max = options.maxProblems ?? 1000;
    let unknown = 0;
    const check = (ids: readonly string[], ...path: PathPart[]) =>
      ids.forEach((id, k) => {
        if (roster.has(id)) return;
        if (++unknown <= max)
          errors.push(
            problem(
              at(...path, k),
              'input.unknown_trainee',
              `Học viên "${id}" không có trong danh sách học viên; thêm người này vào danh sách hoặc sửa mã`,
              `trainee "${id}" is not on the roster; add the person to the roster or correct the id`,
            ),
          );
      });
    results.classes.forEach((c, i) => check(c.trainees, 'classes', i, 'trainees'));
    results.studyTours.forEach((t, i) => check(t.members, 'studyTours', i, 'members'));
    if (unknown > max)
      errors.push(problem('$', 'input.too_many_problems', `Còn ${unknown - max} mã học viên khác không có trong danh sách`, `${unknown - max} more trainee ids are not on the roster`));
  }
  return { value: errors.length ? undefined : results, errors, warnings };
}
