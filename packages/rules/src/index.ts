/**
 * @p135/rules — Program 135 training plans as declarative, cited rules.
 * This file is the whole public surface: anything not exported here is internal. Evaluator plumbing
 * (evaluator factories, decision cores) is on `@p135/rules/evaluate`; files on `@p135/rules/node`.
 * `test/exports.test.ts` pins the list.
 */

// Packs: bundled, read and validated, compared, tested, scaffolded
export { bundledPack, bundledPackIds, bundledPackTests, DEFAULT_PACK_ID } from './bundled.js';
export { loadPack, PackError, type ParsePackOptions, parsePack } from './pack/load.js';
export { type Change, type ChangeKind, diffPacks } from './pack/diff.js';
export { type CaseResult, type Difference, parsePackTests, runPackTests, type SuiteResult } from './pack/vectors.js';
export { type ScaffoldOptions, scaffoldPack } from './pack/scaffold.js';
export { type JsonLimits, PACK_LIMITS, parseJsonText } from './pack/safe-json.js';
// What a pack's conditions may name
export { FACTS, PARAM_FACT_PREFIX } from './facts/index.js';
export type { FactDef, FactType, ParamValues } from './facts/types.js';
export { OPERATORS, type OperatorDef } from './evaluate/operators.js';
export { conditionLeaves, type LeafAt } from './pack/conditions.js';
export { type ImpactExample, type RosterImpact, type RosterImpactOptions, rosterImpact, type TrackAnswer, type TrackImpact } from './pack/impact.js';
export { type CheckPackOptions, checkPack, type PackCheckReport, type PackFinding, type PackFindingSeverity } from './pack/check.js';

// Deciding
export { createRulebook, type DecisionCacheLimits, type DecisionCacheStats, type Rulebook, type RulebookOptions } from './rulebook.js';
export { decide, type DecideManyOptions, decideMany, type DecideOptions, decideSync } from './decide.js';
export { checkPlan, type CheckPlanOptions, ROSTER_NOT_THIS_PLAN } from './plan-check.js';
export { type RankOptions, rankClass } from './rank.js';

// Inputs
export { INPUT_LIMITS, parseCandidate, parseCandidates, parsePlan } from './inputs.js';
export { type Checked, codeMeaning, jsonPath, PROBLEM_CODES, type Problem, type ProblemCode, SCHEMA_CODES } from './problems.js';
export { type Candidate, type CandidateInput, CandidateSchema, CLASS_LEVELS, GENDERS } from './schemas/candidate.js';
export { type FactChange, type WhatWouldChange, type WhatWouldChangeOptions, whatWouldChange, whatWouldChangeEach } from './counterfactual.js';
export { type MatrixCell, type MatrixStatus, type RoleTrackMatrix, roleTrackMatrix } from './pack/matrix.js';
export { IsoDateSchema, MoneySchema, PACK_ID, PackIdSchema } from './schemas/common.js';
export { type BudgetLine, BudgetLineSchema, ClassSchema, MAX_FINDINGS_PER_RULE, type Plan, type PlanInput, PlanSchema, type StudyTour, StudyTourSchema, type TrainingClass } from './schemas/plan.js';
export {
  type Clause,
  type Condition,
  ConditionSchema,
  type LeafCondition,
  COST_CATEGORIES,
  type CostCategory,
  type DisabledRule,
  DisabledRuleSchema,
  type Pack,
  type PackInput,
  PackSchema,
  type Parameter,
  type ParameterValue,
  type Payer,
  PAYERS,
  type Role,
  ROLE_GROUPS,
  type Rule,
  RULE_KINDS,
  type Scope,
  SEVERITIES,
  type Severity,
  type Track,
  TRACK_GROUPS,
  TRACK_LEVELS,
} from './schemas/pack.js';
export { type PackExtension, PackExtensionSchema } from './schemas/pack-extension.js';
export { type PlaceCommune, type PlaceDistrict, type Places, PlacesSchema } from './schemas/places.js';
export { type PlaceIndex, parsePlaces, placesOf } from './places.js';
export { type PackTestSuite, PackTestSuiteSchema } from './schemas/pack-tests.js';

// Results: frozen, typed read-only all the way down
export {
  type BudgetSummary,
  BudgetSummarySchema,
  type CategoryCap,
  CategoryCapSchema,
  type ConditionTrace,
  ConditionTraceSchema,
  type CostDecision,
  CostDecisionSchema,
  type Decision,
  DecisionSchema,
  type DeepReadonly,
  type Finding,
  FindingSchema,
  MoneyDigitsSchema,
  type PackRef,
  PackRefSchema,
  PayerTableSchema,
  type Placement,
  PlacementSchema,
  type PlanReport,
  PlanReportSchema,
  type Ranking,
  RankingSchema,
  type Reason,
  ReasonSchema,
  TextSchema,
  type TrackDecision,
  TrackDecisionSchema,
  type Where,
  WhereSchema,
} from './schemas/results.js';

// Results reports (KH.III.3, KH.III.1): what was held, a district's report, the province's consolidation
export {
  CONSOLIDATION_CLAUSE,
  type ConsolidateOptions,
  DEADLINE_PARAM,
  districtReport,
  expectedDistrictsOf,
  parseResults,
  type ParseResultsOptions,
  provinceReport,
  type ReportOptions,
} from './reports/index.js';
export { DistrictReportSchema, ProvinceReportSchema } from './schemas/report.js';
export type * from './schemas/report.js';
export { ResultsSchema } from './schemas/report-input.js';
export type * from './schemas/report-input.js';

// Money and words
export { Dec, formatMoney, MoneyError, moneyToString, parseMoney, toDecimal } from './money.js';
export { formatDateText, formatDecimalText, formatMoneyText, formatPercentText, interpolate, type Lang, LANGS, type Localized, placeholders } from './i18n.js';
export { type EthnicGroup, ETHNIC_GROUPS, findEthnicGroup, foldText } from './reference/ethnic-groups.js';
export { closest } from './suggest.js';
export { type KnownWord, packWords, type PackWords, ROSTER_COLUMN_KEYS, type RosterColumnKey, type VocabularyKind, type WordIndex, wordKey } from './vocabulary.js';
