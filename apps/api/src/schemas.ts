/**
 * The API's request and response shapes, built from the rules package's zod schemas and
 * constants. Request bodies are validated by the package's own parse functions; the envelopes
 * here only add the batch wrapper. The OpenAPI document is generated from these (openapi.ts).
 *
 * The package exports its results (Decision, PlanReport, Ranking) as TypeScript types, not zod
 * schemas, so their schemas are written here once and tied to those types at compile time:
 * if the package changes a result type, `tsc` fails on the assertions at the end of this file.
 */
import {
  type BudgetSummary,
  CandidateSchema,
  COST_CATEGORIES,
  type Decision,
  type Finding,
  LANGS,
  PackSchema,
  PAYERS,
  type Placement,
  type PackRef,
  type PlanReport,
  RULE_KINDS,
  type Ranking,
  type Reason,
  SEVERITIES,
} from '@p135/rules';
import { z } from 'zod';

export const PackIdSchema = PackSchema.shape.id;

// ---------- query strings ----------

export const LangSchema = z.enum(LANGS as unknown as ['vi', 'en']);

/** `?lang=vi|en`: the language of an error's title and detail (both languages stay in `errors`). */
export const LangQuerySchema = z.strictObject({ lang: LangSchema.default('vi') });

/** `?pack=ID&lang=vi|en` on the POST endpoints. */
export const EvaluateQuerySchema = z.strictObject({ pack: PackIdSchema.optional(), lang: LangSchema.default('vi') });

// ---------- request envelopes ----------

/** `{ candidates: [...] }`, at most `max` people; `item` is the package's CandidateSchema in the document. */
export function candidateBatchSchema<T extends z.ZodType>(item: T, max: number) {
  return z.strictObject({ candidates: z.array(item).min(1).max(max) });
}

export function rankRequestSchema<T extends z.ZodType>(item: T, max: number) {
  return z.strictObject({
    /** A track code of the pack, e.g. `commune_community`. */
    track: CandidateSchema.shape.role,
    /** Places in the class; default: the track's target size parameter. */
    capacity: z.int().min(0).max(1_000_000).optional(),
    candidates: z.array(item).min(1).max(max),
  });
}

// ---------- results ----------

const Text = z.strictObject({ vi: z.string(), en: z.string() }).meta({ description: 'Text in Vietnamese (vi) and English (en).' });
const DigitsMoney = z.string().regex(/^[0-9]+$/).meta({ description: 'Whole đồng as a string of digits, e.g. "8040000000".' });

export const PackRefSchema = z
  .strictObject({ id: z.string(), version: z.string(), hash: z.string().regex(/^[0-9a-f]{64}$/), asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) })
  .meta({ description: 'Which pack produced a result: id, version, the SHA-256 of its canonical JSON, and the date whose parameter values were used.' });

export const ReasonSchema = z.strictObject({
  ruleId: z.string(),
  clause: z.string(),
  kind: z.enum(RULE_KINDS),
  passed: z.boolean(),
  message: Text,
});

const Payer = z.enum(PAYERS);
const payerShape = Object.fromEntries(COST_CATEGORIES.map((c) => [c, Payer])) as Record<(typeof COST_CATEGORIES)[number], typeof Payer>;

export const TrackDecisionSchema = z.strictObject({
  track: z.string(),
  eligible: z.boolean(),
  reasons: z.array(ReasonSchema),
  satisfied: z.array(ReasonSchema),
  priority: z.strictObject({ points: z.number(), criteria: z.array(ReasonSchema) }),
  cost: z.strictObject({ payer: z.strictObject(payerShape).nullable(), reasons: z.array(ReasonSchema) }),
});

export const DecisionSchema = z.strictObject({
  candidateId: z.string(),
  name: z.string(),
  tracks: z.array(TrackDecisionSchema),
  eligibleTracks: z.array(z.string()),
  pack: PackRefSchema,
});

export const DecisionResponseSchema = z.strictObject({ pack: PackRefSchema, decision: DecisionSchema });
export const DecisionBatchResponseSchema = z.strictObject({ pack: PackRefSchema, count: z.int().min(0), decisions: z.array(DecisionSchema) });

export const FindingSchema = z.strictObject({
  ruleId: z.string(),
  clause: z.string(),
  severity: z.enum(SEVERITIES),
  message: Text,
  where: z.strictObject({
    class: z.string().optional(),
    studyTour: z.string().optional(),
    trainee: z.string().optional(),
    district: z.string().optional(),
    commune: z.string().optional(),
    budgetLines: z.array(z.string()).optional(),
  }),
  reasons: z.array(ReasonSchema).optional(),
});

export const BudgetSummarySchema = z.strictObject({
  total: DigitsMoney,
  ceiling: DigitsMoney,
  remaining: z.string().regex(/^-?[0-9]+$/).meta({ description: 'ceiling − total in whole đồng; negative when over the ceiling.' }),
  withinCeiling: z.boolean(),
  byCategory: z.record(z.string(), DigitsMoney),
  caps: z.array(
    z.strictObject({ category: z.string(), clause: z.string(), total: DigitsMoney, cap: DigitsMoney, share: z.string(), within: z.boolean() }),
  ),
});

export const PlanReportSchema = z.strictObject({
  findings: z.array(FindingSchema),
  errors: z.int().min(0),
  warnings: z.int().min(0),
  budget: BudgetSummarySchema,
  counts: z.strictObject({ classesByTrack: z.record(z.string(), z.int().min(0)), studyTours: z.int().min(0), trainees: z.int().min(0) }),
  pack: PackRefSchema,
});

export const PlacementSchema = z.strictObject({
  rank: z.int().min(1).nullable(),
  candidateId: z.string(),
  name: z.string(),
  status: z.enum(['admitted', 'waiting', 'ineligible']),
  points: z.number(),
  criteria: z.array(ReasonSchema),
  message: Text,
  reasons: z.array(ReasonSchema),
});

export const RankingSchema = z.strictObject({
  track: z.string(),
  capacity: z.int().min(0),
  admitted: z.array(PlacementSchema),
  waiting: z.array(PlacementSchema),
  ineligible: z.array(PlacementSchema),
  tieBreak: Text,
  pack: PackRefSchema,
});

export const PackSummarySchema = PackRefSchema.extend({
  default: z.boolean(),
  source: z.enum(['bundled', 'directory']),
  title: Text,
  province: z.strictObject({ code: z.string(), name: z.string() }),
  year: z.int(),
  status: z.enum(['official', 'example']),
  counts: z.strictObject({ clauses: z.int(), parameters: z.int(), rules: z.int(), tracks: z.int() }),
});

export const PackListSchema = z.strictObject({ default: z.string(), packs: z.array(PackSummarySchema) });

export const PackDetailSchema = z.strictObject({ ref: PackRefSchema, source: z.enum(['bundled', 'directory']), pack: PackSchema });

export const HealthSchema = z.strictObject({ status: z.literal('ok'), packs: z.array(z.string()) });

export const ProblemErrorSchema = z.strictObject({
  in: z.enum(['body', 'query', 'path']),
  path: z.string().meta({ description: 'For the body, a JSON path such as `$.candidates[3].birthYear`; otherwise the parameter name.' }),
  code: z.string(),
  message: Text,
});

export const ProblemSchema = z
  .strictObject({
    type: z.string(),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string(),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(ProblemErrorSchema).max(100).optional(),
    errorCount: z.int().min(1).optional().meta({ description: 'How many errors there were; `errors` lists the first 100.' }),
  })
  .meta({ description: 'RFC 9457 problem details. `title` and `detail` are in the language of `?lang` (vi by default); `errors` keep vi and en.' });

export type ProblemBody = z.infer<typeof ProblemSchema>;
export type ProblemError = z.infer<typeof ProblemErrorSchema>;

// ---------- the package's result types and the schemas above must agree ----------

type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
type Same<A, B> = [DeepReadonly<A>] extends [DeepReadonly<B>] ? ([DeepReadonly<B>] extends [DeepReadonly<A>] ? true : false) : false;
type WithoutTrace<T> = T extends readonly (infer U)[] ? readonly WithoutTrace<U>[] : T extends object ? { [K in keyof T as K extends 'trace' ? never : K]: WithoutTrace<T[K]> } : T;

/** Compile-time only: each line fails `tsc` when a schema drifts from the package's type. */
export const RESULT_TYPES_MATCH: [
  Same<z.output<typeof PackRefSchema>, PackRef>,
  Same<z.output<typeof ReasonSchema>, WithoutTrace<Reason>>,
  Same<z.output<typeof DecisionSchema>, WithoutTrace<Decision>>,
  Same<z.output<typeof FindingSchema>, WithoutTrace<Finding>>,
  Same<z.output<typeof BudgetSummarySchema>, BudgetSummary>,
  Same<z.output<typeof PlanReportSchema>, WithoutTrace<PlanReport>>,
  Same<z.output<typeof PlacementSchema>, WithoutTrace<Placement>>,
  Same<z.output<typeof RankingSchema>, WithoutTrace<Ranking>>,
] = [true, true, true, true, true, true, true, true];
