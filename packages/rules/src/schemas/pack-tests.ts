import { z } from 'zod';
import { CandidateSchema } from './candidate.js';
import { CodeSchema, IsoDateSchema, PackIdSchema } from './common.js';
import { DottedIdSchema, PAYERS } from './pack.js';
import { PlanSchema } from './plan.js';

/** What a case expects of one track; fields left out are not checked. */
export const TrackExpectationSchema = z.strictObject({
  eligible: z.boolean(),
  /** Exactly the eligibility rules that fail (any order). */
  because: z.array(DottedIdSchema).max(50).optional(),
  points: z.int().min(0).max(1000).optional(),
  payer: z.strictObject({ meals: z.enum(PAYERS), lodging: z.enum(PAYERS), travel: z.enum(PAYERS) }).optional(),
});

const CaseBase = {
  /** What the case shows, in the plan's words. */
  name: z.string().min(1).max(500),
  /** Decide as of this date (YYYY-MM-DD); default: the end of the pack's plan year. */
  asOf: IsoDateSchema.optional(),
};

/** A person and what the pack must decide for them, track by track. */
export const CandidateCaseSchema = z.strictObject({
  ...CaseBase,
  input: CandidateSchema,
  expected: z.record(CodeSchema, TrackExpectationSchema),
});

/** People a plan case may list as its roster: enough to pin every rule at its edge, small enough to read. */
export const MAX_CASE_CANDIDATES = 1000;

/**
 * A plan and the check rules it must fail: `findings` exactly (any order; [] for a clean plan),
 * or rules it must (`includes`) and must not (`excludes`) fail. `candidates` is the roster the
 * plan's trainee ids refer to (as `p135 plan check --roster`): without it the rules about people
 * (on the roster, eligible, trainees per commune) have no one to check. A trainee id a class
 * names and `candidates` lacks is allowed: it is what `roster.trainee_known` finds.
 */
export const PlanCaseSchema = z.strictObject({
  ...CaseBase,
  plan: PlanSchema,
  candidates: z.array(CandidateSchema).max(MAX_CASE_CANDIDATES).optional(),
  expected: z
    .strictObject({
      findings: z.array(DottedIdSchema).max(1000).optional(),
      includes: z.array(DottedIdSchema).max(1000).optional(),
      excludes: z.array(DottedIdSchema).max(1000).optional(),
    })
    .refine((e) => e.findings !== undefined || e.includes !== undefined || e.excludes !== undefined, { message: 'say which findings: "findings", "includes" or "excludes"' }),
});

/** Test vectors a pack ships: cases that read like the plan. */
export const PackTestSuiteSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  pack: PackIdSchema,
  cases: z
    .array(z.union([CandidateCaseSchema, PlanCaseSchema]))
    .min(1)
    .max(5000),
});

export type TrackExpectation = z.output<typeof TrackExpectationSchema>;
export type CandidateCase = z.output<typeof CandidateCaseSchema>;
export type PlanCase = z.output<typeof PlanCaseSchema>;
export type PackTestSuite = z.output<typeof PackTestSuiteSchema>;
export type PackTestSuiteInput = z.input<typeof PackTestSuiteSchema>;
