/**
 * `@p135/rules/evaluate`: the evaluator plumbing, for comparing evaluators and benchmarks. An
 * application needs none of it: `createRulebook` and `decide` choose and run the evaluator.
 */
export { type CompiledEvaluator, createCompiledEvaluator } from './evaluate/compiled.js';
export { createJreEvaluator } from './evaluate/jre.js';
export type { Evaluator, EvaluatorFactory, RuleGroup, RuleOutcome } from './evaluate/types.js';
export { assembleCore, assembleDecision, decideCore, decideCoreSync, type DecisionCore, type RuleRef, type TrackCore } from './decide.js';
