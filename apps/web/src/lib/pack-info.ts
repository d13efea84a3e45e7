import { conditionLeaves, type Pack, PARAM_FACT_PREFIX, type Parameter, placeholders, type Rule, type Rulebook, type Track } from '@p135/rules';

/**
 * Reading a pack for display: which parameters a rule names, which rules rest on a clause. This
 * only looks at the pack's structure; deciding is left to @p135/rules.
 */

/** Ids of the parameters a rule uses: in its conditions, its points, and its messages. */
export function paramsOfRule(rule: Rule): string[] {
  const ids = new Set<string>();
  const param = (name: string) => {
    if (name.startsWith(PARAM_FACT_PREFIX)) ids.add(name.slice(PARAM_FACT_PREFIX.length));
  };
  for (const { leaf } of conditionLeaves(rule.conditions)) {
    param(leaf.fact);
    const v = leaf.value;
    if (v && typeof v === 'object' && !Array.isArray(v)) param(v.fact);
  }
  if (rule.kind === 'priority') ids.add(rule.points);
  for (const side of [rule.message.pass, rule.message.fail]) for (const text of [side.vi, side.en]) for (const name of placeholders(text)) param(name);
  return [...ids];
}

/** Rules by the clause they rest on, in the pack's order. */
export function rulesByClause(pack: Pack): Map<string, Rule[]> {
  const map = new Map<string, Rule[]>();
  for (const r of pack.rules) {
    let list = map.get(r.clause);
    if (!list) map.set(r.clause, (list = []));
    list.push(r);
  }
  return map;
}

/** Tracks that have priority criteria (their decisions carry points worth showing). */
export function tracksWithPriority(pack: Pack): Set<string> {
  return new Set(pack.rules.flatMap((r) => (r.kind === 'priority' ? r.tracks : [])));
}

/** The number of classes (or delegations) the pack plans for a track: the parameter its `countParam` names. */
export function plannedCountParam(pack: Pack, track: Track): { id: string; param: Parameter } | undefined {
  const id = track.countParam;
  const param = id ? pack.parameters[id] : undefined;
  return id && param ? { id, param } : undefined;
}

/** The rulebook's parameter values keyed as messages name them (`param:budget.total`), to fill a message template. */
export function paramPlaceholderValues(book: Rulebook): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  for (const [id, v] of Object.entries(book.params)) values[`${PARAM_FACT_PREFIX}${id}`] = v;
  return values;
}
