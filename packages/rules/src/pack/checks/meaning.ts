/**
 * What a pack's rules mean, found statically (no person decided): comparisons that can never hold
 * or always hold, rules another rule shadows, clauses nothing cites. Each finding has its JSON path.
 * These are `pack check` findings (warnings): a pack with them is valid, but probably not what its
 * author meant.
 */
import { canonicalJson } from '../../hash.js';
import { type PathPart, type Problem, problem, jsonPath } from '../../problems.js';
import type { Condition, LeafCondition, Pack, Rule } from '../../schemas/pack.js';
import { conditionLeaves, type LeafAt } from '../conditions.js';
import { defaultAsOf } from '../params.js';
import { comparedValue, mustLeaves } from './reach.js';
import { scopeOf } from './common.js';

/** Every clause id the pack cites, with where: metadata, tracks, parameters (and their dated values), rules, caps, vocabulary. */
export function citations(pack: Pack): { id: string; path: PathPart[] }[] {
  const out: { id: string; path: PathPart[] }[] = [];
  const cite = (id: string | undefined, path: PathPart[]) => {
    if (id !== undefined) out.push({ id, path });
  };
  cite(pack.meta.clause, ['meta', 'clause']);
  pack.tracks.forEach((t, i) => cite(t.clause, ['tracks', i, 'clause']));
  for (const [id, p] of Object.entries(pack.parameters)) {
    cite(p.clause, ['parameters', id, 'clause']);
    p.values?.forEach((d, j) => cite(d.clause, ['parameters', id, 'values', j, 'clause']));
  }
  pack.rules.forEach((r, i) => {
    cite(r.clause, ['rules', i, 'clause']);
    r.see?.forEach((s, j) => cite(s, ['rules', i, 'see', j]));
  });
  pack.budget.caps.forEach((c, i) => cite(c.clause, ['budget', 'caps', i, 'clause']));
  pack.disabled?.forEach((d, i) => cite(d.clause, ['disabled', i, 'clause']));
  const v = pack.vocabulary;
  if (v) {
    for (const kind of ['roles', 'ethnicities', 'genders', 'yesNo'] as const) v[kind].forEach((w, i) => cite(w.clause, ['vocabulary', kind, i, 'clause']));
    cite(v.blankYesNo?.clause, ['vocabulary', 'blankYesNo', 'clause']);
  }
  return out;
}

/** Clauses nothing in the pack cites, neither itself nor a clause below it (`KH.II` is cited through `KH.II.2.1.a`). */
export function uncitedClauses(pack: Pack): Problem[] {
  const cited = citations(pack).map((c) => c.id);
  return pack.clauses.flatMap((c, i) =>
    cited.some((id) => id === c.id || id.startsWith(`${c.id}.`))
      ? []
      : [
          problem(
            jsonPath(['clauses', i]),
            'pack.clause_uncited',
            `Không quy tắc, tham số hay mục nào dẫn điều khoản "${c.id}" (${c.title.vi}): điều khoản này chưa thành quy tắc, hoặc đã bị bỏ`,
            `nothing in the pack cites clause "${c.id}" (${c.title.en}): the clause has no rule yet, or its rule was removed`,
          ),
        ],
  );
}

type Verdict = 'never' | 'always';

/** A comparison that holds for no value, or for every value, of its fact: `in []`, `notIn []`, a fact compared with itself. */
function leafVerdict(leaf: LeafCondition, pack: Pack, asOf: string): Verdict | undefined {
  const v = leaf.value;
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && v.fact === leaf.fact && !leaf.params) {
    if (['equal', 'greaterThanInclusive', 'lessThanInclusive'].includes(leaf.operator)) return 'always';
    if (['notEqual', 'greaterThan', 'lessThan'].includes(leaf.operator)) return 'never';
  }
  const compared = comparedValue(leaf, pack, asOf);
  if (compared && Array.isArray(compared.value) && compared.value.length === 0) {
    if (leaf.operator === 'in') return 'never';
    if (leaf.operator === 'notIn') return 'always';
  }
  return undefined;
}

/** The half-lines of numbers a numeric comparison admits (`age ≥ 18` → [18, ∞)). */
interface Side {
  readonly up: boolean;
  readonly at: number;
  readonly closed: boolean;
}
const SIDES: Readonly<Record<string, (at: number) => Side>> = {
  greaterThan: (at) => ({ up: true, at, closed: false }),
  greaterThanInclusive: (at) => ({ up: true, at, closed: true }),
  lessThan: (at) => ({ up: false, at, closed: false }),
  lessThanInclusive: (at) => ({ up: false, at, closed: true }),
};

/** Two alternatives on one fact that together admit every value: `age ≥ 18` or `age < 20`; `x = 1` or `x ≠ 1`. */
function coverEverything(a: LeafCondition, b: LeafCondition, pack: Pack, asOf: string): boolean {
  if (a.fact !== b.fact || canonicalJson(a.params) !== canonicalJson(b.params)) return false;
  const x = comparedValue(a, pack, asOf);
  const y = comparedValue(b, pack, asOf);
  if (!x || !y) return false;
  const ops = [a.operator, b.operator].sort().join(' ');
  if (ops === 'equal notEqual' && canonicalJson(x.value) === canonicalJson(y.value)) return true;
  const sa = Object.hasOwn(SIDES, a.operator) && typeof x.value === 'number' ? SIDES[a.operator]?.(x.value) : undefined;
  const sb = Object.hasOwn(SIDES, b.operator) && typeof y.value === 'number' ? SIDES[b.operator]?.(y.value) : undefined;
  if (!sa || !sb || sa.up === sb.up) return false;
  const [up, down] = sa.up ? [sa, sb] : [sb, sa];
  return up.at < down.at || (up.at === down.at && (up.closed || down.closed));
}

const same = (a: readonly PathPart[], b: readonly PathPart[]) => a.length === b.length && a.every((p, i) => p === b[i]);

/** Comparisons that can never hold or always hold, and `any` alternatives that together always hold, in each rule. */
export function constantConditions(pack: Pack, asOf: string = defaultAsOf(pack)): Problem[] {
  const out: Problem[] = [];
  pack.rules.forEach((rule, i) => {
    const root: PathPart[] = ['rules', i, 'conditions'];
    const musts = new Set(mustLeaves(rule.conditions, root).map((l) => jsonPath(l.path)));
    const leaves = conditionLeaves(rule.conditions, root);
    for (const { leaf, path } of leaves) {
      const verdict = leafVerdict(leaf, pack, asOf);
      if (!verdict) continue;
      const what = `"${leaf.fact} ${leaf.operator} ${JSON.stringify(leaf.value)}"`;
      const must = musts.has(jsonPath(path));
      if (verdict === 'never')
        out.push(
          problem(
            jsonPath(path),
            'pack.condition_never_holds',
            `Điều kiện ${what} của quy tắc "${rule.id}" không bao giờ đúng${must ? ', nên quy tắc không bao giờ đúng' : ''}: ${Array.isArray(leaf.value) || typeof leaf.value === 'object' ? 'danh sách rỗng hoặc so một fact với chính nó' : 'so một fact với chính nó'}`,
            `condition ${what} of rule "${rule.id}" can never hold${must ? ', so the rule never holds' : ''}: an empty list, or a fact compared with itself`,
          ),
        );
      else
        out.push(
          problem(
            jsonPath(path),
            'pack.condition_always_holds',
            `Điều kiện ${what} của quy tắc "${rule.id}" luôn đúng nên không quyết định điều gì: danh sách rỗng hoặc so một fact với chính nó`,
            `condition ${what} of rule "${rule.id}" always holds, so it decides nothing: an empty list, or a fact compared with itself`,
          ),
        );
    }
    // Alternatives under one `any` that together admit every value of their fact.
    const byParent = new Map<string, LeafAt[]>();
    for (const l of leaves) {
      const parent = l.path.slice(0, -1);
      if (parent[parent.length - 1] !== 'any') continue;
      const key = jsonPath(parent);
      byParent.set(key, [...(byParent.get(key) ?? []), l]);
    }
    for (const [key, siblings] of byParent) {
      const pair = siblings
        .flatMap((a, j) => siblings.slice(j + 1).map((b) => [a, b] as const))
        .find(([a, b]) => same(a.path.slice(0, -1), b.path.slice(0, -1)) && coverEverything(a.leaf, b.leaf, pack, asOf));
      if (!pair) continue;
      out.push(
        problem(
          key,
          'pack.condition_always_holds',
          `Các điều kiện "any" của quy tắc "${rule.id}" luôn đúng: "${pair[0].leaf.fact}" luôn thỏa một trong hai (${pair[0].leaf.operator} ${JSON.stringify(pair[0].leaf.value)} hoặc ${pair[1].leaf.operator} ${JSON.stringify(pair[1].leaf.value)})`,
          `the "any" alternatives of rule "${rule.id}" always hold: every "${pair[0].leaf.fact}" meets one of them (${pair[0].leaf.operator} ${JSON.stringify(pair[0].leaf.value)} or ${pair[1].leaf.operator} ${JSON.stringify(pair[1].leaf.value)})`,
        ),
      );
    }
  });
  return out;
}

/**
 * Whether `strong` holding makes `weak` hold, read from the conditions alone (conservatively):
 * the same conditions, or `weak` is comparisons that must all hold and each is one of `strong`'s
 * must-holds or follows from its numeric bounds (`age ≥ 20` makes `age ≥ 18` hold).
 */
function implies(strong: Condition, weak: Condition, pack: Pack, asOf: string): boolean {
  if (canonicalJson(strong) === canonicalJson(weak)) return true;
  const weakLeaves = conditionLeaves(weak);
  const weakMusts = mustLeaves(weak);
  if (weakLeaves.length === 0 || weakMusts.length !== weakLeaves.length) return false;
  const strongMusts = mustLeaves(strong).map((l) => l.leaf);
  return weakMusts.every(({ leaf }) => {
    if (strongMusts.some((s) => canonicalJson(s) === canonicalJson(leaf))) return true;
    const w = comparedValue(leaf, pack, asOf);
    const side = w && typeof w.value === 'number' && Object.hasOwn(SIDES, leaf.operator) ? SIDES[leaf.operator]?.(w.value) : undefined;
    if (!side || leaf.params) return false;
    return strongMusts.some((s) => {
      if (s.fact !== leaf.fact || s.params) return false;
      const v = comparedValue(s, pack, asOf);
      if (!v || typeof v.value !== 'number') return false;
      if (s.operator === 'equal') return side.up ? v.value > side.at || (side.closed && v.value === side.at) : v.value < side.at || (side.closed && v.value === side.at);
      const t = Object.hasOwn(SIDES, s.operator) ? SIDES[s.operator]?.(v.value) : undefined;
      if (!t || t.up !== side.up) return false;
      const inside = side.up ? t.at > side.at : t.at < side.at;
      return inside || (t.at === side.at && (side.closed || !t.closed));
    });
  });
}

const covers = (outer: readonly string[] | undefined, inner: readonly string[] | undefined) => outer === undefined || (inner?.every((t) => outer.includes(t)) ?? false);

/**
 * Rules another rule makes useless. An eligibility rule (or a check) whose failing always comes
 * with another's failing, on the tracks (scope) it covers, never changes an answer alone. A cost
 * rule that a later one always overrides (the later holds whenever it holds) never decides who pays.
 */
export function shadowedRules(pack: Pack, asOf: string = defaultAsOf(pack)): Problem[] {
  const out: Problem[] = [];
  const shadowed = new Set<number>();
  const say = (i: number, rule: Rule, by: Rule, why: { vi: string; en: string }) => {
    shadowed.add(i);
    out.push(problem(jsonPath(['rules', i]), 'pack.rule_shadowed', `Quy tắc "${rule.id}" bị quy tắc "${by.id}" che: ${why.vi}`, `rule "${rule.id}" is shadowed by rule "${by.id}": ${why.en}`));
  };
  pack.rules.forEach((b, i) => {
    pack.rules.forEach((a, j) => {
      if (i === j || shadowed.has(i) || shadowed.has(j) || a.kind !== b.kind || scopeOf(a) !== scopeOf(b)) return;
      if (a.kind === 'priority') return; // criteria add up: two alike are two criteria, not a shadow
      if (a.kind === 'cost') {
        if (j > i && covers(a.tracks, b.tracks) && implies(b.conditions, a.conditions, pack, asOf))
          say(i, b, a, {
            vi: `mỗi khi "${b.id}" đúng thì "${a.id}" (đứng sau) cũng đúng và quyết định ai trả thay nó`,
            en: `whenever "${b.id}" holds, "${a.id}" (later) holds too and decides who pays instead`,
          });
        return;
      }
      // eligibility and checks: b is shadowed by a when a holding makes b hold (b fails only where a fails)
      const identical = canonicalJson(a.conditions) === canonicalJson(b.conditions);
      if (identical && j > i) return; // of two alike, the later one is the shadowed one
      if (covers(a.tracks, b.tracks) && implies(a.conditions, b.conditions, pack, asOf))
        say(i, b, a, {
          vi: `mỗi khi "${b.id}" không đạt thì "${a.id}" cũng không đạt, nên "${b.id}" không bao giờ tự thay đổi kết quả`,
          en: `whenever "${b.id}" fails, "${a.id}" fails too, so "${b.id}" never changes an answer on its own`,
        });
    });
  });
  return out;
}
