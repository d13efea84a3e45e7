/**
 * The API's request and response shapes, built from the rules package's zod schemas and
 * constants. Request bodies are validated by the package's own parse functions; the envelopes
 * here only add the batch wrapper. The OpenAPI document is generated from these (openapi.ts).
 *
 * The results (Decision, PlanReport, Ranking…) are the package's own zod schemas, re-exported.
 */
import {
  BudgetSummarySchema,
  CandidateSchema,
  DecisionSchema,
  FindingSchema,
  IsoDateSchema,
  LANGS,
  PackRefSchema,
  PackSchema,
  PlacementSchema,
  PlanReportSchema,
  PlanSchema,
  RankingSchema,
  ReasonSchema,
  TextSchema,
  TrackDecisionSchema,
} from '@p135/rules';

export { BudgetSummarySchema, DecisionSchema, FindingSchema, PackRefSchema, PlacementSchema, PlanReportSchema, RankingSchema, ReasonSchema, TrackDecisionSchema };
import { z } from 'zod';

export const PackIdSchema = PackSchema.shape.id;

// ---------- query strings ----------

export const LangSchema = z.enum(LANGS as unknown as ['vi', 'en']);

/** `?lang=vi|en`: the language of an error's title and detail (both languages stay in `errors`). */
export const LangQuerySchema = z.strictObject({ lang: LangSchema.default('vi') });

/** `?pack=ID&lang=vi|en` on the POST endpoints. */
export const EvaluateQuerySchema = z.strictObject({
  pack: PackIdSchema.optional(),
  asOf: IsoDateSchema.optional().meta({ description: "The day the pack's dated parameters are read at (YYYY-MM-DD); default: the last day of the pack's plan year." }),
  lang: LangSchema.default('vi'),
});

/** `?asOf=YYYY-MM-DD&lang=vi|en` on what a pack's rules mean (`GET /v1/packs/{id}/matrix`, `…/check`). */
export const PackReadQuerySchema = EvaluateQuerySchema.omit({ pack: true });

/** `POST /v1/decisions`: `?whatWouldChange=true` adds, for one person, what would change each "no". */
export const DecisionsQuerySchema = EvaluateQuerySchema.extend({
  whatWouldChange: z.enum(['true', 'false']).optional().meta({
    description: 'For one candidate: for each track they are not eligible for, the smallest changes of the facts a person or place can change that make them eligible (found from the rules).',
  }),
});

/** `?pack=ID&lang=vi|en&format=json|xlsx|csv|html&table=KEY` on the report endpoints: `lang` is also the language of the report's words. */
export const ReportQuerySchema = EvaluateQuerySchema.extend({
  format: z.enum(['json', 'xlsx', 'csv', 'html']).optional(),
  table: z
    .string()
    .regex(/^[a-z_]{1,40}$/)
    .optional(),
});

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

/** The package's plan, with the roster (`candidates`) limited to what the server takes in one request. */
export function planRequestSchema(max: number) {
  return PlanSchema.extend({ candidates: z.array(CandidateSchema).max(max).optional() });
}

// ---------- results: the package's own schemas ----------

const Text = TextSchema;

export const DecisionResponseSchema = z.strictObject({ pack: PackRefSchema, decision: DecisionSchema });
export const DecisionBatchResponseSchema = z.strictObject({
  pack: PackRefSchema,
  count: z.int().min(0),
  notices: z
    .array(z.strictObject({ in: z.literal('body'), path: z.string(), code: z.string(), message: Text }))
    .optional()
    .meta({ description: 'For a roster sent as CSV or XLSX: what the reader noticed and did (a title row skipped, columns left out, text read in another encoding), each with its row and column.' }),
  decisions: z.array(DecisionSchema),
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

/** A file of the packs directory that is not served, and why (its first problems). */
export const InvalidPackSchema = z
  .strictObject({
    file: z.string().meta({ description: 'The file name in the packs directory (never its path).' }),
    problemCount: z.int().min(1),
    problems: z.array(z.strictObject({ path: z.string(), code: z.string(), message: Text })).max(20),
  })
  .meta({ description: 'A pack file of the packs directory that was refused at start-up: it is not served until fixed (the server log has the same).' });

export const PackListSchema = z.strictObject({
  default: z.string(),
  packs: z.array(PackSummarySchema),
  invalid: z.array(InvalidPackSchema).meta({ description: 'Files of the packs directory refused at start-up, for operators: a pack missing here is not missing, it is invalid.' }),
});

export const PackDetailSchema = z.strictObject({ ref: PackRefSchema, source: z.enum(['bundled', 'directory']), pack: PackSchema });

/** One cell of the role × track matrix: open whatever else is true, closed by which rules, or depending on which facts. */
export const MatrixCellSchema = z.strictObject({
  track: z.string(),
  status: z.enum(['open', 'closed', 'depends']),
  closedBy: z.array(z.strictObject({ ruleId: z.string(), clause: z.string() })),
  dependsOn: z.array(z.string()),
});

export const MatrixResponseSchema = z
  .strictObject({ pack: PackRefSchema, tracks: z.array(z.string()), roles: z.array(z.strictObject({ role: z.string(), cells: z.array(MatrixCellSchema) })) })
  .meta({ description: "Which roles may enter which track, read from the pack's eligibility rules (`roleTrackMatrix`)." });

/** One finding of `checkPack`. */
export const PackFindingSchema = z.strictObject({
  path: z.string().meta({ description: 'A JSON path in the pack (`in: "pack"`, the pack as extended) or in its test vectors (`in: "tests"`).' }),
  code: z.string(),
  message: Text,
  severity: z.enum(['error', 'warning']),
  in: z.enum(['pack', 'tests']),
});

export const PackCheckResponseSchema = z
  .strictObject({
    pack: PackRefSchema,
    asOf: IsoDateSchema,
    tests: z.boolean().meta({ description: 'Whether the pack’s test vectors were run (bundled packs have theirs): without them, nothing is said of untested rules.' }),
    findings: z.array(PackFindingSchema),
    errors: z.int().min(0),
    warnings: z.int().min(0),
  })
  .meta({
    description:
      "What the pack's rules mean (`checkPack`): conditions that never or always hold, shadowed rules, unused parameters, closed tracks, roles no track admits, uncited clauses, untested rules.",
  });

/** What would make a "no" a "yes", for one track (`whatWouldChange`). */
export const WhatWouldChangeSchema = z.strictObject({
  track: z.string(),
  options: z.array(z.array(z.strictObject({ fact: z.string(), to: z.boolean(), message: Text }))),
});

export const DecisionExplainedResponseSchema = DecisionResponseSchema.extend({
  whatWouldChange: z.array(WhatWouldChangeSchema).meta({
    description:
      'With `?whatWouldChange=true`: for each track the person is not eligible for, the smallest sets of changes that make them eligible (empty options: none among the facts that can change).',
  }),
});

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
