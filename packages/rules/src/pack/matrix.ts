import { OPERATOR_TESTS } from '../evaluate/compiled.js';
import { PARAM_FACT_PREFIX } from '../facts/index.js';
import { hasOwn } from '../own.js';
import type { Rulebook } from '../rulebook.js';
import type { Condition, LeafCondition, Rule } from '../schemas/pack.js';

/** What a role's own code says of a track: open whatever else is true, closed by a rule, or up to other facts. */
export type MatrixStatus = 'open' | 'closed' | 'depends';

export interface MatrixCell {
  readonly track: string;
  readonly status: MatrixStatus;
  /** `closed`: the eligibility rules the role alone fails (each with its clause). */
  readonly closedBy: readonly { readonly ruleId: string; readonly clause: string }[];
  /** `depends`: the facts about the person or place the answer still turns on, in the pack's order. */
  readonly dependsOn: readonly string[];
}

export interface RoleTrackMatrix {
  readonly tracks: readonly string[];
  readonly roles: readonly { readonly role: string; readonly cells: readonly MatrixCell[] }[];
}

/** Three-valued: true, false, or not known from the role alone (with the facts it turns on). */
type Truth = boolean | { readonly facts: ReadonlySet<string> };

const ROLE_FACT = 'role';

/** A comparison with the role known and every other fact of the person unknown. */
function leafTruth(book: Rulebook, leaf: LeafCondition, role: string): Truth {
  const known = (fact: string): { value: unknown } | undefined => {
    if (fact === ROLE_FACT) return { value: role };
    if (fact.startsWith(PARAM_FACT_PREFIX)) {
      const id = fact.slice(PARAM_FACT_PREFIX.length);
      return hasOwn(book.params, id) ? { value: book.params[id] } : undefined;
    }
    return undefined;
  };
  const left = known(leaf.fact);
  const v = leaf.value;
  const right = v !== null && typeof v === 'object' && !Array.isArray(v) ? known(v.fact) : { value: v };
  const unknown = [left ? undefined : leaf.fact, right ? undefined : (v as { fact: string }).fact].filter((f): f is string => f !== undefined);
  if (unknown.length > 0 || !left || !right) return { facts: new Set(unknown) };
  const test = hasOwn(OPERATOR_TESTS, leaf.operator) ? OPERATOR_TESTS[leaf.operator] : undefined;
  if (!test) return { facts: new Set() };
  try {
    return test(left.value, right.value);
  } catch {
    return false; // json-rules-engine fails a rule whose comparison throws
  }
}

const union = (xs: readonly Truth[]): Set<string> => new Set(xs.flatMap((x) => (typeof x === 'boolean' ? [] : [...x.facts])));

function truth(book: Rulebook, c: Condition, role: string): Truth {
  if ('all' in c) {
    const parts = c.all.map((x) => truth(book, x, role));
    if (parts.includes(false)) return false;
    return parts.every((p) => p === true) ? true : { facts: union(parts) };
  }
  if ('any' in c) {
    const parts = c.any.map((x) => truth(book, x, role));
    if (parts.length === 0 || parts.includes(true)) return true;
    return parts.every((p) => p === false) ? false : { facts: union(parts) };
  }
  if ('not' in c) {
    const inner = truth(book, c.not, role);
    return typeof inner === 'boolean' ? !inner : inner;
  }
  return leafTruth(book, c, role);
}

/**
 * For each role of the pack and each track: whether the role alone opens the track (every
 * eligibility rule of the track holds whatever else is true of the person), closes it (a rule fails
 * on the role alone: which), or leaves it to other facts (which ones). Found from the rules
 * themselves, by reading each condition with the role known and everything else unknown.
 */
export function roleTrackMatrix(book: Rulebook): RoleTrackMatrix {
  const eligibility = book.group('candidate').rules.filter((r): r is Extract<Rule, { kind: 'eligibility' }> => r.kind === 'eligibility');
  const tracks = book.tracks.map((t) => t.code);
  const roles = book.pack.roles.map(({ code }) => ({
    role: code,
    cells: tracks.map((track): MatrixCell => {
      const closedBy: { ruleId: string; clause: string }[] = [];
      const facts = new Set<string>();
      for (const rule of eligibility) {
        if (!rule.tracks.includes(track)) continue;
        const t = truth(book, rule.conditions, code);
        if (t === false) closedBy.push({ ruleId: rule.id, clause: rule.clause });
        else if (t !== true) for (const f of t.facts) facts.add(f);
      }
      if (closedBy.length > 0) return { track, status: 'closed', closedBy, dependsOn: [] };
      return { track, status: facts.size > 0 ? 'depends' : 'open', closedBy: [], dependsOn: [...facts] };
    }),
  }));
  return { tracks, roles };
}
