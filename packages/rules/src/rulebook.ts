import { type DecisionCacheLimits, type DecisionCacheStats } from './decide/cache.js';
import { Decider } from './decide/decider.js';
import { createCompiledEvaluator } from './evaluate/compiled.js';
import type { Evaluator, EvaluatorFactory, RuleGroup } from './evaluate/types.js';
import type { ParamValues } from './facts/types.js';
import { canonicalJson, sha256Hex } from './hash.js';
import type { Localized } from './i18n.js';
import { own } from './own.js';
import { scopeOf } from './pack/checks.js';
import { defaultAsOf, resolveParams } from './pack/params.js';
import type { Clause, Pack, Role, Rule, Scope, Track } from './schemas/pack.js';
import type { PackRef } from './schemas/results.js';
import { IsoDateSchema } from './schemas/common.js';

export type { DecisionCacheLimits, DecisionCacheStats, PackRef };

/** SHA-256 of a pack's canonical JSON (a rulebook computes it once, in its `ref`). */
export function packHash(pack: Pack): string {
  return sha256Hex(canonicalJson(pack));
}

const DECIDER: unique symbol = Symbol('p135.decider');

/**
 * A pack made ready to evaluate: rules grouped by scope and track, parameters resolved, clauses
 * indexed. Built once per pack; everything that decides works from it, and everything built from
 * the pack (compiled rules, words, shared decisions, scratch space) belongs to it.
 */
export interface Rulebook {
  readonly pack: Pack;
  readonly ref: PackRef;
  readonly params: ParamValues;
  readonly evaluator: Evaluator;
  readonly tracks: readonly Track[];
  track(code: string): Track | undefined;
  role(code: string): Role | undefined;
  clause(id: string): Clause | undefined;
  rule(id: string): Rule | undefined;
  message(id: string): Localized;
  /** The rules of one scope (for class, study_tour and membership: those that concern `track`). */
  group(scope: Scope, track?: string): RuleGroup;
  /** The decisions this rulebook shares between people alike: its limits, what it holds, hits and misses. */
  readonly cache: DecisionCacheStats;
  /** @internal The rulebook's decider; use `decide`, `decideSync` or `decideMany`. */
  readonly [DECIDER]: Decider;
}

export interface RulebookOptions {
  /** Decide as of this date (YYYY-MM-DD): which dated parameter values apply. Default: the end of the plan year. */
  readonly asOf?: string;
  /**
   * Builds the evaluator: the compiled one by default (fast, synchronous, checked against the
   * reference); `createJreEvaluator` (from `@p135/rules/evaluate`) for json-rules-engine itself.
   */
  readonly evaluator?: EvaluatorFactory;
  /** How many shared decisions to keep (see `DecisionCacheLimits`; 0 turns a kind of sharing off). */
  readonly cache?: Partial<DecisionCacheLimits>;
}

/** The decider a rulebook built for itself. */
export function deciderOf(book: Rulebook): Decider {
  return book[DECIDER];
}

export function createRulebook(pack: Pack, options: RulebookOptions = {}): Rulebook {
  const asOf = options.asOf ?? defaultAsOf(pack);
  if (!IsoDateSchema.safeParse(asOf).success) throw new RangeError(`asOf must be a day of the calendar as YYYY-MM-DD, not "${asOf}"`);
  const params: ParamValues = resolveParams(pack, asOf);
  const ref: PackRef = Object.freeze({ id: pack.id, version: pack.version, hash: packHash(pack), asOf });
  const clauses = new Map(pack.clauses.map((c) => [c.id, c] as const));
  const rules = new Map(pack.rules.map((r) => [r.id, r] as const));
  const tracks = new Map(pack.tracks.map((t) => [t.code, t] as const));
  const roles = new Map(pack.roles.map((r) => [r.code, r] as const));
  const groups = new Map<string, RuleGroup>();
  const evaluator = (options.evaluator ?? createCompiledEvaluator)(params);
  let decider: Decider | undefined;

  const book: Rulebook = {
    pack,
    ref,
    params,
    evaluator,
    tracks: pack.tracks,
    track: (code) => tracks.get(code),
    role: (code) => roles.get(code),
    clause: (id) => clauses.get(id),
    rule: (id) => rules.get(id),
    message: (id) => own(pack.messages, id) ?? { vi: id, en: id },
    group(scope, track) {
      const filtered = scope === 'candidate' || scope === 'class' || scope === 'study_tour' || scope === 'membership';
      const key = `${scope}:${filtered && track ? track : '*'}`;
      let g = groups.get(key);
      if (!g) {
        const selected = pack.rules.filter((r) => scopeOf(r) === scope && (scope === 'candidate' || !filtered || !r.tracks || (track !== undefined && r.tracks.includes(track))));
        g = { key, scope, rules: selected };
        groups.set(key, g);
      }
      return g;
    },
    get cache() {
      return this[DECIDER].cache.stats();
    },
    get [DECIDER]() {
      decider ??= new Decider(book, options.cache);
      return decider;
    },
  };
  return book;
}
