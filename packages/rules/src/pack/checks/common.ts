import { type Problem, problem, jsonPath, type PathPart } from '../../problems.js';
import type { LeafCondition, Pack, Rule, Scope } from '../../schemas/pack.js';
import { conditionLeaves } from '../conditions.js';
import type { Localized } from '../../i18n.js';
import { suggestion } from '../../suggest.js';

/**
 * Checks of a pack that its schema cannot express, one small named function each (after
 * changesets' config rules). Each returns the problems it finds; none throws.
 */
export interface PackCheck {
  readonly name: string;
  readonly severity: 'error' | 'warning';
  run(pack: Pack): Problem[];
}

export const scopeOf = (rule: Rule): Scope => (rule.kind === 'check' ? rule.scope : 'candidate');

/** Message ids the package itself uses (ranking, the budget's findings); every pack must define them. */
export const REQUIRED_MESSAGES = [
  'rank.admitted',
  'rank.waiting',
  'rank.ineligible',
  'rank.passed_over',
  'rank.commune_limit',
  'rank.tie_break',
  'budget.over_ceiling',
  'budget.over_cap',
  'findings.more',
  'findings.roster_not_this_plan',
] as const;

export const forEachLeaf = (pack: Pack, visit: (leaf: LeafCondition, path: PathPart[], rule: Rule) => void) =>
  pack.rules.forEach((rule, i) => {
    for (const { leaf, path } of conditionLeaves(rule.conditions, ['rules', i, 'conditions'])) visit(leaf, [...path], rule);
  });

/** `what` names the kind of item in both languages, e.g. `{ vi: 'Điều khoản', en: 'clause' }`. */
export function duplicates<T>(items: readonly T[], key: (t: T) => string, where: (i: number) => PathPart[], what: Localized): Problem[] {
  const seen = new Set<string>();
  const out: Problem[] = [];
  items.forEach((item, i) => {
    const k = key(item);
    if (seen.has(k)) out.push(problem(jsonPath(where(i)), 'pack.duplicate_id', `${what.vi} "${k}" bị trùng`, `duplicate ${what.en} "${k}"`));
    seen.add(k);
  });
  return out;
}

export const clauseIds = (pack: Pack) => new Set(pack.clauses.map((c) => c.id));
export const missingClause = (path: PathPart[], id: string, pack: Pack) => {
  const hint = suggestion(
    id,
    pack.clauses.map((c) => c.id),
    0,
  );
  return problem(
    jsonPath(path),
    'pack.unknown_clause',
    `Điều khoản "${id}" không có trong mục clauses: thêm văn bản của nó vào "clauses" hoặc dẫn một mã đã có.${hint.vi}`,
    `clause "${id}" is not in this pack's clauses: add its text to "clauses" or cite an existing id.${hint.en}`,
  );
};
export const missingParam = (path: PathPart[], id: string, pack: Pack) => {
  const hint = suggestion(id, Object.keys(pack.parameters), 0);
  return problem(jsonPath(path), 'pack.unknown_parameter', `Tham số "${id}" không có trong mục parameters.${hint.vi}`, `parameter "${id}" is not defined in "parameters".${hint.en}`);
};
