import { z } from 'zod';
import { localizedOf } from './common.js';
import { COST_CATEGORIES, PAYERS, RULE_KINDS, SEVERITIES } from './pack.js';

/**
 * What the package answers, as zod schemas: the single source of the result types (inferred
 * below and used by the code that builds them) and of the API's response documentation.
 */

/** Text a person reads, in Vietnamese and English. */
export const TextSchema = localizedOf(z.string()).meta({ description: 'Text in Vietnamese (vi) and English (en).' });
const Text = TextSchema;
/** Whole đồng as a string of digits, as results carry money. */
export const MoneyDigitsSchema = z
  .string()
  .regex(/^[0-9]+$/)
  .meta({ description: 'Whole đồng as a string of digits, e.g. "8040000000".' });

export const PackRefSchema = z
  .strictObject({
    id: z.string(),
    version: z.string(),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .meta({ description: 'Which pack produced a result: id, version, the SHA-256 of its canonical JSON, and the date whose parameter values were used.' });

/** How one condition of a rule came out, for explanations. */
export interface ConditionTrace {
  fact?: string;
  operator?: string;
  params?: Record<string, string>;
  /** The fact's value */
  factValue?: unknown;
  /** The value it was compared to (a parameter's value when the condition names one) */
  value?: unknown;
  result?: boolean;
  all?: ConditionTrace[];
  any?: ConditionTrace[];
  not?: ConditionTrace;
}
export const ConditionTraceSchema: z.ZodType<ConditionTrace> = z.lazy(() =>
  z.strictObject({
    fact: z.string().optional(),
    operator: z.string().optional(),
    params: z.record(z.string(), z.string()).optional(),
    factValue: z.unknown().optional(),
    value: z.unknown().optional(),
    result: z.boolean().optional(),
    all: z.array(ConditionTraceSchema).optional(),
    any: z.array(ConditionTraceSchema).optional(),
    not: ConditionTraceSchema.optional(),
  }),
);

export const ReasonSchema = z
  .strictObject({
    ruleId: z.string(),
    clause: z.string(),
    kind: z.enum(RULE_KINDS),
    passed: z.boolean(),
    message: Text,
    /** How each condition came out; present when an explanation was asked for. */
    trace: ConditionTraceSchema.optional(),
  })
  .meta({ description: "One rule's verdict on one person, with the clause it rests on and what it means in words." });

const Payer = z.enum(PAYERS);
const payerShape = Object.fromEntries(COST_CATEGORIES.map((c) => [c, Payer])) as Record<(typeof COST_CATEGORIES)[number], typeof Payer>;
export const PayerTableSchema = z.strictObject(payerShape);

export const CostDecisionSchema = z.strictObject({
  /** Who pays each category; null if no cost rule of the pack covers the track. */
  payer: PayerTableSchema.nullable(),
  reasons: z.array(ReasonSchema),
});

export const TrackDecisionSchema = z.strictObject({
  track: z.string(),
  eligible: z.boolean(),
  /** Every eligibility rule that failed: all the reasons why not. Empty when eligible. */
  reasons: z.array(ReasonSchema),
  /** Eligibility rules that held. */
  satisfied: z.array(ReasonSchema),
  priority: z.strictObject({ points: z.number(), criteria: z.array(ReasonSchema) }),
  cost: CostDecisionSchema,
});

export const DecisionSchema = z.strictObject({
  candidateId: z.string(),
  name: z.string(),
  tracks: z.array(TrackDecisionSchema),
  /** Codes of the tracks the person may attend, in the pack's order. */
  eligibleTracks: z.array(z.string()),
  pack: PackRefSchema,
});

export const WhereSchema = z.strictObject({
  class: z.string().optional(),
  studyTour: z.string().optional(),
  trainee: z.string().optional(),
  district: z.string().optional(),
  commune: z.string().optional(),
  budgetLines: z.array(z.string()).optional(),
  /** The trainee's full name, from the roster, when the trainee is on it. */
  traineeName: z.string().optional(),
  /** The district's and commune's names as the roster writes them (`Huyện Tràng Định`, `Xã Khánh Long`). */
  districtName: z.string().optional(),
  communeName: z.string().optional(),
});

export const FindingSchema = z.strictObject({
  ruleId: z.string(),
  clause: z.string(),
  severity: z.enum(SEVERITIES),
  message: Text,
  where: WhereSchema,
  /** For a trainee who is not eligible: the eligibility reasons that failed. */
  reasons: z.array(ReasonSchema).optional(),
});

/** One rule's findings at a glance: its clause, how many there are (listed or not) and where the first are. */
export const RuleSummarySchema = z.strictObject({
  ruleId: z.string(),
  clause: z.string(),
  severity: z.enum(SEVERITIES),
  /** Every finding of the rule, listed or only counted. */
  count: z.int().min(0),
  /** The first findings' message (the rule's wording for its first case). */
  message: Text,
  /** Where the first few findings are (at most `SUMMARY_EXAMPLES`). */
  examples: z.array(WhereSchema),
});

export const CategoryCapSchema = z.strictObject({
  category: z.string(),
  clause: z.string(),
  total: MoneyDigitsSchema,
  /** The cap in đồng: share × base, exact (rounded down to the đồng). */
  cap: MoneyDigitsSchema,
  share: z.string(),
  /** The amount the share is taken of (the parameter `of`), in đồng. */
  base: MoneyDigitsSchema,
  /** total ≤ cap. */
  within: z.boolean(),
});

export const BudgetSummarySchema = z.strictObject({
  total: MoneyDigitsSchema,
  ceiling: MoneyDigitsSchema,
  /** The clause the ceiling's parameter cites. */
  ceilingClause: z.string().optional(),
  remaining: z
    .string()
    .regex(/^-?[0-9]+$/)
    .meta({ description: 'ceiling − total in whole đồng; negative when over the ceiling.' }),
  withinCeiling: z.boolean(),
  byCategory: z.record(z.string(), MoneyDigitsSchema),
  caps: z.array(CategoryCapSchema),
});

export const PlanReportSchema = z.strictObject({
  /** No error: what apps use for exit codes and headlines. */
  passed: z.boolean(),
  findings: z.array(FindingSchema),
  /** Per rule with a finding: clause, count and first examples; errors first, then by count. */
  summary: z.array(RuleSummarySchema),
  errors: z.int().min(0),
  warnings: z.int().min(0),
  budget: BudgetSummarySchema,
  counts: z.strictObject({ classesByTrack: z.record(z.string(), z.int().min(0)), studyTours: z.int().min(0), trainees: z.int().min(0) }),
  pack: PackRefSchema,
});

export const PlacementSchema = z.strictObject({
  /** 1-based place among the eligible; null for the ineligible. */
  rank: z.int().min(1).nullable(),
  candidateId: z.string(),
  name: z.string(),
  status: z.enum(['admitted', 'waiting', 'passed_over', 'ineligible']),
  points: z.number(),
  criteria: z.array(ReasonSchema),
  /** Why the person has this place, in words. */
  message: Text,
  /** For the ineligible: every eligibility rule that failed. */
  reasons: z.array(ReasonSchema),
});

export const RankingSchema = z.strictObject({
  track: z.string(),
  capacity: z.int().min(0),
  admitted: z.array(PlacementSchema),
  waiting: z.array(PlacementSchema),
  /** Eligible, but a plan check would reject them in this class (a membership rule, or their commune's limit): each says why. */
  passedOver: z.array(PlacementSchema),
  ineligible: z.array(PlacementSchema),
  tieBreak: Text,
  pack: PackRefSchema,
});

export type PackRef = z.output<typeof PackRefSchema>;
/** What the package returns frozen, typed as such: read-only all the way down. */
export type DeepReadonly<T> = T extends (infer U)[] ? readonly DeepReadonly<U>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/** Decisions are frozen, and people alike may share their parts (see `decide`). */
export type Reason = DeepReadonly<z.output<typeof ReasonSchema>>;
export type CostDecision = DeepReadonly<z.output<typeof CostDecisionSchema>>;
export type TrackDecision = DeepReadonly<z.output<typeof TrackDecisionSchema>>;
export type Decision = DeepReadonly<z.output<typeof DecisionSchema>>;
export type Where = DeepReadonly<z.output<typeof WhereSchema>>;
export type Finding = DeepReadonly<z.output<typeof FindingSchema>>;
export type RuleSummary = DeepReadonly<z.output<typeof RuleSummarySchema>>;
export type CategoryCap = DeepReadonly<z.output<typeof CategoryCapSchema>>;
export type BudgetSummary = DeepReadonly<z.output<typeof BudgetSummarySchema>>;
export type PlanReport = DeepReadonly<z.output<typeof PlanReportSchema>>;
export type Placement = DeepReadonly<z.output<typeof PlacementSchema>>;
export type Ranking = DeepReadonly<z.output<typeof RankingSchema>>;
