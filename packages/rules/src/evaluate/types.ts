import type { ParamValues } from '../facts/types.js';
import type { Rule, Scope } from '../schemas/pack.js';

import type { ConditionTrace } from '../schemas/results.js';

export type { ConditionTrace };

export interface RuleOutcome {
  readonly ruleId: string;
  readonly passed: boolean;
  readonly trace?: ConditionTrace;
}

/** A set of rules of one scope that are evaluated together against one subject. */
export interface RuleGroup {
  readonly key: string;
  readonly scope: Scope;
  readonly rules: readonly Rule[];
}

/**
 * Runs a rule group against one subject. json-rules-engine is the reference implementation;
 * another evaluator (a compiled one) must give the same outcomes for the same group and subject.
 */
export interface Evaluator {
  readonly name: string;
  evaluate<Ctx>(group: RuleGroup, ctx: Ctx, options?: { explain?: boolean }): Promise<RuleOutcome[]>;
}

export type EvaluatorFactory = (params: ParamValues) => Evaluator;
