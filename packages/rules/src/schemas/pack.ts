import { z } from 'zod';
import { CLASS_LEVELS } from './candidate.js';
import { CodeSchema, IsoDateSchema, localizedOf, MoneySchema, PackIdSchema, VersionSchema } from './common.js';
import { PlacesSchema } from './places.js';

/** Text a pack gives in Vietnamese and English: neither empty, each at most 8,000 characters. */
export const LocalizedSchema = localizedOf(z.string().min(1).max(8000));

/** A clause id in the plan's own numbering: `KH.II.2.1.a`, `QD.1`. */
export const ClauseIdSchema = z.string().regex(/^[A-Z]{1,4}(\.[A-Za-z0-9]{1,6}){1,6}$/, {
  message: 'a clause id follows the plan\'s numbering, e.g. "KH.II.2.1.a"',
});

/** A rule, parameter, fact or message id: dotted snake_case (`province_cadre.role`). */
export const DottedIdSchema = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+){0,5}$/, {
  message: 'an id is dotted snake_case, e.g. "province_cadre.role"',
});

export const ClauseSchema = z.strictObject({
  id: ClauseIdSchema,
  title: LocalizedSchema,
  text: LocalizedSchema,
  corrections: z.array(z.string().min(1).max(1000)).max(20).optional(),
});

export const PARAMETER_UNITS = ['year', 'years_of_age', 'class', 'trainee', 'delegation', 'day', 'date', 'vnd', 'share', 'point', 'role_codes', 'ethnic_group_codes'] as const;

/** A parameter's value: a number (counts, years), a decimal or money string, a date, or a list of codes. */
export const ParameterValueSchema = z.union([
  // Any whole number here; what fits the parameter's unit (a count, or an amount written as text) is checked with the unit.
  z.int(),
  z.string().min(1).max(64),
  z.array(z.string().min(1).max(64)).max(500),
]);

const oneSource = (p: { clause?: string | undefined; assumption?: unknown }) => (p.clause === undefined) !== (p.assumption === undefined);
const ONE_SOURCE = { message: 'cite exactly one source: "clause" (an id of the plan) or "assumption" (why, in vi and en)' };

/** A value that takes effect on a date, for packs that carry several years in one lineage. */
export const DatedValueSchema = z
  .strictObject({
    from: IsoDateSchema,
    value: ParameterValueSchema,
    clause: ClauseIdSchema.optional(),
    assumption: LocalizedSchema.optional(),
  })
  .refine(oneSource, ONE_SOURCE);

/**
 * A parameter: value, unit, and its source: the clause it comes from, or why it is an assumption.
 * `values` may add values that take effect on later dates; a decision uses the latest value whose
 * `from` is on or before its as-of date, and `value` before the first of them.
 */
export const ParameterSchema = z
  .strictObject({
    label: LocalizedSchema,
    value: ParameterValueSchema,
    unit: z.enum(PARAMETER_UNITS),
    clause: ClauseIdSchema.optional(),
    assumption: LocalizedSchema.optional(),
    values: z
      .array(DatedValueSchema)
      .max(50)
      .refine((vs) => vs.every((v, i) => i === 0 || (vs[i - 1] as { from: string }).from < v.from), { message: 'dated values are in order of their "from" date, each date once' })
      .optional(),
  })
  .refine(oneSource, ONE_SOURCE);

export const TRACK_GROUPS = ['cadre', 'community', 'study_tour'] as const;
export const TRACK_LEVELS = [...CLASS_LEVELS, 'inter_province'] as const;

export const TrackSchema = z.strictObject({
  code: CodeSchema,
  clause: ClauseIdSchema,
  group: z.enum(TRACK_GROUPS),
  level: z.enum(TRACK_LEVELS),
  label: LocalizedSchema,
  /** The parameter holding the class's target size ("about N trainees"), used to rank a full class. */
  sizeParam: DottedIdSchema.optional(),
  /** The parameter holding how many classes (or delegations) the plan sets for the track. */
  countParam: DottedIdSchema.optional(),
});

export const ROLE_GROUPS = ['commune_cadre', 'commune_civil_servant', 'community', 'other'] as const;

export const RoleSchema = z.strictObject({
  code: CodeSchema,
  group: z.enum(ROLE_GROUPS),
  label: LocalizedSchema,
  /** Other ways people write this role in their spreadsheets (matched without case or diacritics). */
  aliases: z.array(z.string().min(1).max(200)).max(20).optional(),
});

/** The right-hand side of a comparison: a literal, or another fact (parameters are facts `param:<id>`). */
export const ConditionValueSchema = z.union([
  z.string().max(200),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string().max(200), z.number()])).max(500),
  z.strictObject({ fact: z.string().min(1).max(100) }),
]);

export const FactParamsSchema = z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,31}$/), z.string().max(100));

export const LeafConditionSchema = z.strictObject({
  fact: z.string().min(1).max(100),
  operator: z.string().min(1).max(64),
  value: ConditionValueSchema,
  params: FactParamsSchema.optional(),
});

/**
 * json-rules-engine's condition format, restricted: no `path` (its resolver runs jsonpath-plus),
 * no `priority` (a run's failures stop at the first failing priority set), no condition references.
 */
export type Condition = z.infer<typeof LeafConditionSchema> | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const ConditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([LeafConditionSchema, z.strictObject({ all: z.array(ConditionSchema).max(50) }), z.strictObject({ any: z.array(ConditionSchema).max(50) }), z.strictObject({ not: ConditionSchema })]),
);

export const TopConditionSchema = z.union([
  z.strictObject({ all: z.array(ConditionSchema).max(50) }),
  z.strictObject({ any: z.array(ConditionSchema).max(50) }),
  z.strictObject({ not: ConditionSchema }),
]);

export const RULE_KINDS = ['eligibility', 'priority', 'cost', 'check'] as const;
export const CHECK_SCOPES = ['class', 'study_tour', 'district', 'commune', 'membership', 'plan'] as const;
export const SCOPES = ['candidate', ...CHECK_SCOPES] as const;
export const PAYERS = ['trainee', 'programme'] as const;
export const COST_CATEGORIES = ['meals', 'lodging', 'travel'] as const;
export const SEVERITIES = ['error', 'warning'] as const;

const RuleBase = {
  id: DottedIdSchema,
  clause: ClauseIdSchema,
  /** Further clauses the rule rests on. */
  see: z.array(ClauseIdSchema).max(10).optional(),
  /** Tracks the rule concerns; for checks, the tracks of the class it looks at (absent: all). */
  tracks: z.array(CodeSchema).min(1).max(20).optional(),
  conditions: TopConditionSchema,
  /** What a person reads when the conditions hold (`pass`) and when they do not (`fail`). */
  message: z.strictObject({ pass: LocalizedSchema, fail: LocalizedSchema }),
  note: z.string().max(2000).optional(),
};

export const EligibilityRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('eligibility'),
  tracks: z.array(CodeSchema).min(1).max(20),
});

export const PriorityRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('priority'),
  tracks: z.array(CodeSchema).min(1).max(20),
  /** The parameter that gives the points this criterion is worth. */
  points: DottedIdSchema,
});

export const CostRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('cost'),
  tracks: z.array(CodeSchema).min(1).max(20),
  payer: z.strictObject({
    meals: z.enum(PAYERS),
    lodging: z.enum(PAYERS),
    travel: z.enum(PAYERS),
  }),
});

export const CheckRuleSchema = z.strictObject({
  ...RuleBase,
  kind: z.literal('check'),
  scope: z.enum(CHECK_SCOPES),
  severity: z.enum(SEVERITIES),
});

export const RuleSchema = z.discriminatedUnion('kind', [EligibilityRuleSchema, PriorityRuleSchema, CostRuleSchema, CheckRuleSchema]);

export const RATE_STATUSES = ['resolution', 'national_ceiling', 'example'] as const;

/** A line of the spending-rate table; every line names its source and how far to trust it. */
export const RateSchema = z.strictObject({
  id: DottedIdSchema,
  item: LocalizedSchema,
  amount: MoneySchema,
  unit: z.string().min(1).max(100),
  source: z.string().min(1).max(500),
  status: z.enum(RATE_STATUSES),
  note: LocalizedSchema.optional(),
});

export const PackMetaSchema = z.strictObject({
  title: LocalizedSchema,
  province: z.strictObject({ code: z.string().regex(/^[0-9]{2}$/), name: z.string().min(1).max(100) }),
  issuer: z.string().min(1).max(300),
  decision: z.string().min(1).max(300),
  decisionDate: z.string().max(40).optional(),
  year: z.int().min(1900).max(2100),
  clause: ClauseIdSchema,
  legalBases: z.array(z.string().min(1).max(500)).max(50),
  responsibleBodies: z.array(z.string().min(1).max(300)).max(50).optional(),
  status: z.enum(['official', 'example']),
  note: LocalizedSchema.optional(),
});

/** How the budget binds: a ceiling on the total and caps on categories' shares (parameter ids). */
export const BudgetRulesSchema = z.strictObject({
  ceiling: DottedIdSchema,
  caps: z
    .array(
      z.strictObject({
        category: CodeSchema,
        share: DottedIdSchema,
        of: DottedIdSchema,
        clause: ClauseIdSchema,
        /** The message (an id of `messages`) for spending over this cap; default "budget.over_cap". */
        message: DottedIdSchema.optional(),
      }),
    )
    .max(20)
    .default([]),
});

/**
 * Words officials write in a roster's cells for one value: a role code, an ethnic group code
 * ("08"), a gender (`female`, `male`) or yes/no (`yes`, `no`). Matched without case, accents'
 * form (NFC/NFD), spaces or punctuation. A word the plan itself does not settle cites
 * `assumption` (why, in vi and en); one the plan names may cite its `clause`.
 */
export const WordsSchema = z.strictObject({
  value: z.string().min(1).max(64),
  words: z.array(z.string().min(1).max(200)).min(1).max(100),
  clause: ClauseIdSchema.optional(),
  assumption: LocalizedSchema.optional(),
});

/**
 * The vocabulary of the files officials make: the words for roles (besides each role's label and
 * `aliases`), ethnic groups (besides the 54 official names and codes), genders and yes/no; and the
 * first words of the rows that end a list (`Tổng cộng`, `Người lập biểu`…), where reading stops;
 * and the headers of a roster's columns (`headers`: value = the column's English key, `full_name`;
 * the first word of a column is the Vietnamese header the toolkit writes).
 * A word that maps to two different values of one kind is a problem of the pack.
 */
export const VocabularySchema = z.strictObject({
  headers: z.array(WordsSchema).max(200).default([]),
  roles: z.array(WordsSchema).max(500).default([]),
  ethnicities: z.array(WordsSchema).max(500).default([]),
  genders: z.array(WordsSchema).max(20).default([]),
  yesNo: z.array(WordsSchema).max(20).default([]),
  /** First words of the rows that end a list; `…` stands for any text (`… ngày … tháng … năm`). */
  footers: z.array(z.string().min(1).max(200)).max(100).default([]),
  /** What a blank cell of a yes/no column means (lists that mark `x` for yes leave the others blank); absent: a blank is a missing value. */
  blankYesNo: z
    .strictObject({ value: z.enum(['yes', 'no']), clause: ClauseIdSchema.optional(), assumption: LocalizedSchema.optional() })
    .refine(oneSource, ONE_SOURCE)
    .optional(),
});

/** A rule of the base an extension turned off, with why (in vi and en) and the clause of the province's plan that says so. */
export const DisabledRuleSchema = z.strictObject({
  id: DottedIdSchema,
  reason: LocalizedSchema.optional(),
  clause: ClauseIdSchema.optional(),
});

export const PACK_FORMAT = 1;

export const PackSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  format: z.literal(PACK_FORMAT),
  id: PackIdSchema,
  version: VersionSchema,
  meta: PackMetaSchema,
  clauses: z.array(ClauseSchema).min(1).max(500),
  tracks: z.array(TrackSchema).min(1).max(50),
  roles: z.array(RoleSchema).min(1).max(500),
  parameters: z.record(DottedIdSchema, ParameterSchema),
  rates: z.array(RateSchema).max(500).default([]),
  budget: BudgetRulesSchema,
  rules: z.array(RuleSchema).min(1).max(2000),
  messages: z.record(DottedIdSchema, LocalizedSchema).default({}),
  vocabulary: VocabularySchema.optional(),
  /** Rules of the base this pack turned off (written by `extends`… `rules.disable`), with their reasons: shown by `pack diff`. */
  disabled: z.array(DisabledRuleSchema).max(2000).optional(),
  /** The province's districts and communes (codes and names): what place pickers, readers and findings use. */
  places: PlacesSchema.optional(),
});

export type LocalizedText = z.infer<typeof LocalizedSchema>;
export type Clause = z.infer<typeof ClauseSchema>;
export type Parameter = z.infer<typeof ParameterSchema>;
export type DatedValue = z.infer<typeof DatedValueSchema>;
export type ParameterValue = z.infer<typeof ParameterValueSchema>;
export type Track = z.infer<typeof TrackSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Rule = z.infer<typeof RuleSchema>;
export type EligibilityRule = z.infer<typeof EligibilityRuleSchema>;
export type PriorityRule = z.infer<typeof PriorityRuleSchema>;
export type CostRule = z.infer<typeof CostRuleSchema>;
export type CheckRule = z.infer<typeof CheckRuleSchema>;
export type LeafCondition = z.infer<typeof LeafConditionSchema>;
export type BudgetRules = z.infer<typeof BudgetRulesSchema>;
export type Rate = z.infer<typeof RateSchema>;
export type Words = z.infer<typeof WordsSchema>;
export type DisabledRule = z.infer<typeof DisabledRuleSchema>;
export type Vocabulary = z.output<typeof VocabularySchema>;
export type Pack = z.output<typeof PackSchema>;
export type PackInput = z.input<typeof PackSchema>;
export type Scope = (typeof SCOPES)[number];
export type CheckScope = (typeof CHECK_SCOPES)[number];
export type Payer = (typeof PAYERS)[number];
export type CostCategory = (typeof COST_CATEGORIES)[number];
export type Severity = (typeof SEVERITIES)[number];
