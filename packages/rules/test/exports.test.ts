import { describe, expect, it } from 'vitest';
import * as evaluateEntry from '../src/evaluate.js';
import * as mainEntry from '../src/index.js';
import * as nodeEntry from '../src/node.js';

/**
 * The public surface, pinned: a name added to or taken from an entry is a decision (and a
 * changeset), not an accident. Types are not listed (they vanish at run time).
 *
 * The entries are imported at the top, as every other test file does: a module first loaded
 * inside a test makes Stryker count every module-level constant as covered by that one test,
 * and report it as surviving (it only runs that test, with the module already loaded).
 */
describe('what @p135/rules exports', () => {
  it('the main entry: packs, deciding, inputs, results, money and words', () => {
    expect(Object.keys(mainEntry).sort()).toEqual([
      'BudgetLineSchema',
      'BudgetSummarySchema',
      'CLASS_LEVELS',
      'CONSOLIDATION_CLAUSE',
      'COST_CATEGORIES',
      'CandidateSchema',
      'CategoryCapSchema',
      'ClassSchema',
      'ConditionSchema',
      'ConditionTraceSchema',
      'CostDecisionSchema',
      'DEADLINE_PARAM',
      'DEFAULT_PACK_ID',
      'Dec',
      'DecisionSchema',
      'DisabledRuleSchema',
      'DistrictReportSchema',
      'ETHNIC_GROUPS',
      'FACTS',
      'FindingSchema',
      'GENDERS',
      'INPUT_LIMITS',
      'IsoDateSchema',
      'LANGS',
      'MAX_FINDINGS_PER_RULE',
      'MoneyDigitsSchema',
      'MoneyError',
      'MoneySchema',
      'OPERATORS',
      'PACK_ID',
      'PACK_LIMITS',
      'PARAM_FACT_PREFIX',
      'PAYERS',
      'PROBLEM_CODES',
      'PackError',
      'PackExtensionSchema',
      'PackIdSchema',
      'PackRefSchema',
      'PackSchema',
      'PackTestSuiteSchema',
      'PayerTableSchema',
      'PlacementSchema',
      'PlacesSchema',
      'PlanReportSchema',
      'PlanSchema',
      'ProvinceReportSchema',
      'ROLE_GROUPS',
      'ROSTER_COLUMN_KEYS',
      'ROSTER_NOT_THIS_PLAN',
      'RULE_KINDS',
      'RankingSchema',
      'ReasonSchema',
      'ResultsSchema',
      'SCHEMA_CODES',
      'SEVERITIES',
      'StudyTourSchema',
      'TRACK_GROUPS',
      'TRACK_LEVELS',
      'TextSchema',
      'TrackDecisionSchema',
      'WhereSchema',
      'bundledPack',
      'bundledPackIds',
      'bundledPackTests',
      'checkPack',
      'checkPlan',
      'closest',
      'codeMeaning',
      'conditionLeaves',
      'createRulebook',
      'decide',
      'decideMany',
      'decideSync',
      'diffPacks',
      'districtReport',
      'expectedDistrictsOf',
      'findEthnicGroup',
      'foldText',
      'formatDateText',
      'formatDecimalText',
      'formatMoney',
      'formatMoneyText',
      'formatPercentText',
      'interpolate',
      'jsonPath',
      'loadPack',
      'moneyToString',
      'packWords',
      'parseCandidate',
      'parseCandidates',
      'parseJsonText',
      'parseMoney',
      'parsePack',
      'parsePackTests',
      'parsePlaces',
      'parsePlan',
      'parseResults',
      'placeholders',
      'placesOf',
      'provinceReport',
      'rankClass',
      'roleTrackMatrix',
      'rosterImpact',
      'runPackTests',
      'scaffoldPack',
      'toDecimal',
      'whatWouldChange',
      'whatWouldChangeEach',
      'wordKey',
    ]);
  });

  it('three ways to decide, and no evaluator plumbing, on the main entry', () => {
    const names = Object.keys(mainEntry);
    expect(names.filter((n) => /^decide/.test(n)).sort()).toEqual(['decide', 'decideMany', 'decideSync']);
    for (const internal of ['assembleCore', 'assembleDecision', 'decideCore', 'decideCoreSync', 'createJreEvaluator', 'createCompiledEvaluator']) {
      expect(names).not.toContain(internal);
    }
  });

  it('@p135/rules/evaluate: the evaluator plumbing, for comparing evaluators', () => {
    expect(Object.keys(evaluateEntry).sort()).toEqual(['assembleCore', 'assembleDecision', 'createCompiledEvaluator', 'createJreEvaluator', 'decideCore', 'decideCoreSync']);
  });

  it('@p135/rules/node: packs from files', () => {
    expect(Object.keys(nodeEntry).sort()).toEqual(['readPackDirectory', 'readPackFile', 'resolvePack']);
  });
});
