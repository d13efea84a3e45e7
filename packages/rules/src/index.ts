/**
 * @p135/rules — Program 135 training plans as declarative, cited rules.
 * This file is the whole public surface: anything not exported here is internal.
 */

// Packs: load, validate, bundled
export { bundledPack, bundledPackIds, bundledPackTests, DEFAULT_PACK_ID } from './bundled.js';
export { loadPack, PackError, type ParsePackOptions, parsePack } from './pack/load.js';
export { applyExtension } from './pack/extend.js';
export { defaultAsOf, resolveParams, valueAsOf } from './pack/params.js';
export { type Change, type ChangeKind, diffPacks } from './pack/diff.js';
export { type CaseResult, type Difference, parsePackTests, runPackTests, type SuiteResult } from './pack/vectors.js';
export { type ScaffoldOptions, scaffoldPack } from './pack/scaffold.js';
export { packJsonSchema, packTestsJsonSchema } from './pack/json-schema.js';
export { PACK_CHECKS, type PackCheck, REQUIRED_MESSAGES } from './pack/checks.js';
export { FORBIDDEN_KEYS, type JsonLimits, PACK_LIMITS, parseJsonText } from './pack/safe-json.js';

// Evaluating
export { createRulebook, packHash, type Rulebook, type RulebookOptions } from './rulebook.js';
export {
  assembleCore,
  assembleDecision,
  decide,
  decideCore,
  decideCoreSync,
  type DecideManyOptions,
  decideMany,
  type DecideOptions,
  decideSync,
  type DecisionCore,
  type RuleRef,
  type TrackCore,
} from './decide.js';
export { checkPlan, type CheckPlanOptions } from './plan-check.js';
export { type RankOptions, rankClass } from './rank.js';
export { DEADLINE_PARAM, districtReport, expectedDistrictsOf, type ReportOptions } from './reports/index.js';
export { CONSOLIDATION_CLAUSE, type ConsolidateOptions, provinceReport } from './reports/index.js';
export { parseResults, type ParseResultsOptions } from './reports/index.js';
export { createJreEvaluator } from './evaluate/jre.js';
export { type CompiledEvaluator, createCompiledEvaluator } from './evaluate/compiled.js';
export type { Evaluator, EvaluatorFactory, RuleGroup, RuleOutcome } from './evaluate/types.js';
export { OPERATORS, type OperatorDef } from './evaluate/operators.js';
export { FACTS, PARAM_FACT_PREFIX } from './facts/index.js';
export type { FactDef, FactType, ParamValues } from './facts/types.js';

// Inputs
export { INPUT_LIMITS, parseCandidate, parseCandidates, parsePlan } from './inputs.js';
export { type Checked, jsonPath, type Problem, zodProblems } from './problems.js';
export * from './schemas/candidate.js';
export * from './schemas/common.js';
export * from './schemas/pack.js';
export * from './schemas/pack-extension.js';
export * from './schemas/pack-tests.js';
export * from './schemas/results.js';
export * from './schemas/report.js';
export * from './schemas/report-input.js';
export * from './schemas/plan.js';

// Money and words
export { Dec, formatMoney, isDecimalText, MONEY_MAX_DIGITS, MoneyError, type MoneyProblem, moneyProblem, moneyToString, parseMoney, sumMoney, toDecimal } from './money.js';
export { formatDateText, formatDecimalText, formatMoneyText, formatPercentText, interpolate, type Lang, LANGS, type Localized, localize } from './i18n.js';
export { type EthnicGroup, ETHNIC_GROUPS, ETHNIC_GROUPS_SOURCE, findEthnicGroup, foldText } from './reference/ethnic-groups.js';
export { canonicalJson, sha256Hex } from './hash.js';
