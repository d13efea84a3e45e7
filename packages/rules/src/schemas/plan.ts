import { z } from 'zod';
import { jsonPath, type PathPart, type Problem, problem } from '../problems.js';
import { CandidateSchema } from './candidate.js';
import { CodeSchema, CommuneCodeSchema, DecimalTextSchema, DistrictCodeSchema, IsoDateSchema, MoneySchema, RecordIdSchema } from './common.js';

export const MAX_CLASS_TRAINEES = 5_000;

/**
 * Findings a plan check lists per rule by default; past it, the rest of the rule's findings are
 * counted and summarised in one finding ("and 16,200 more"), so a report's size is bounded by
 * the pack's rules, not by the plan.
 */
export const MAX_FINDINGS_PER_RULE = 100;

const endNotBeforeStart = (v: { start: string; end: string }) => v.end >= v.start;
const endMessage = { message: 'the end date is before the start date', path: ['end'] };

/** A class of one track, with the ids of its trainees. */
export const ClassSchema = z
  .strictObject({
    id: RecordIdSchema,
    track: CodeSchema,
    district: DistrictCodeSchema.optional(),
    commune: CommuneCodeSchema.optional(),
    start: IsoDateSchema,
    end: IsoDateSchema,
    days: DecimalTextSchema,
    trainees: z.array(RecordIdSchema).max(MAX_CLASS_TRAINEES),
  })
  .refine(endNotBeforeStart, endMessage);

/** A study-tour delegation (KH.II.3). */
export const StudyTourSchema = z
  .strictObject({
    id: RecordIdSchema,
    destination: z.string().max(200).optional(),
    start: IsoDateSchema,
    end: IsoDateSchema,
    members: z.array(RecordIdSchema).max(MAX_CLASS_TRAINEES),
  })
  .refine(endNotBeforeStart, endMessage);

/** One line of the plan's estimate: what it pays for (a track code, or another code) and how much. */
export const BudgetLineSchema = z.strictObject({
  id: RecordIdSchema,
  category: CodeSchema,
  label: z.string().max(500).optional(),
  amount: MoneySchema,
});

/** A plan: its classes, study tours and budget lines, and optionally the roster they draw on. */
export const PlanSchema = z.strictObject({
  id: RecordIdSchema.optional(),
  title: z.string().max(500).optional(),
  year: z.int().min(1900).max(2100).optional(),
  note: z.string().max(2000).optional(),
  classes: z.array(ClassSchema).max(5_000),
  studyTours: z.array(StudyTourSchema).max(100).default([]),
  budget: z.array(BudgetLineSchema).max(10_000).default([]),
  candidates: z.array(CandidateSchema).max(200_000).optional(),
});

export type TrainingClass = z.output<typeof ClassSchema>;
export type StudyTour = z.output<typeof StudyTourSchema>;
export type BudgetLine = z.output<typeof BudgetLineSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type PlanInput = z.input<typeof PlanSchema>;

/** The first place of each id in `ids`, and a problem for each later place that repeats it. */
/** Each id that repeats an earlier one in `ids` (a list at path `at`), naming where it first was. */
export function repeatedIdProblems(ids: readonly string[], at: readonly PathPart[], what: { vi: string; en: string }, where: { vi: string; en: string }, field: readonly PathPart[] = []): Problem[] {
  const first = new Map<string, number>();
  const out: Problem[] = [];
  ids.forEach((id, i) => {
    const prev = first.get(id);
    if (prev === undefined) {
      first.set(id, i);
      return;
    }
    const path = jsonPath([...at, i, ...field]);
    const before = jsonPath([...at, prev, ...field]);
    out.push(
      problem(
        path,
        'input.duplicate_id',
        `${what.vi} "${id}" lặp lại ${where.vi} (đã có ở ${before}); mỗi người chỉ ghi một lần`,
        `${what.en} "${id}" repeats ${where.en} (already at ${before}); list each person once`,
      ),
    );
  });
  return out;
}

/**
 * Ids a plan repeats where each must be unique: a trainee twice in one class, a member twice in
 * one study tour, a person twice in the plan's roster (`candidates`). A repeated person would
 * otherwise be merged silently, or the check would depend on the order of the roster.
 */
export function planRepeatProblems(plan: Pick<Plan, 'classes' | 'studyTours'> & { readonly candidates?: readonly { readonly id: string }[] | undefined }): Problem[] {
  const out: Problem[] = [];
  plan.classes.forEach((c, i) => {
    out.push(...repeatedIdProblems(c.trainees, ['classes', i, 'trainees'], { vi: 'Học viên', en: 'trainee' }, { vi: `trong lớp "${c.id}"`, en: `in class "${c.id}"` }));
  });
  plan.studyTours.forEach((t, i) => {
    out.push(...repeatedIdProblems(t.members, ['studyTours', i, 'members'], { vi: 'Thành viên', en: 'member' }, { vi: `trong đoàn "${t.id}"`, en: `in study tour "${t.id}"` }));
  });
  if (plan.candidates) {
    out.push(
      ...repeatedIdProblems(
        plan.candidates.map((c) => c.id),
        ['candidates'],
        { vi: 'Mã người', en: 'candidate id' },
        { vi: 'trong danh sách candidates', en: 'in candidates' },
        ['id'],
      ),
    );
  }
  return out;
}
