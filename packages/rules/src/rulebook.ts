import { createCompiledEvaluator } from './evaluate/compiled.js';
import type { Evaluator, EvaluatorFactory, RuleGroup } from './evaluate/types.js';
import type { ParamValues } from './facts/types.js';
import { canonicalJson, sha256Hex } from './hash.js';
import type { Localized } from './i18n.js';
import type { Clause, Pack, Rule, Scope, Track } from './schemas/pack.js';
import type { PackRef } from './schemas/results.js';

export type { PackRef };
import { scopeOf } from './pack/checks.js';
import { defaultAsOf, resolveParams } from './pack/params.js';
import { own } from './own.js';

const hashes = new WeakMap<Pack, string>();
/** SHA-256 of a pack's canonical JSON, computed once per pack object. */
export function packHash(pack: Pack): string {
  let h = hashes.get(pack);
  if (!h) hashes.set(pack, (h = sha256Hex(canonicalJson(pack))));
  return h;
}

/**
 * A pack made ready to evaluate: rules grouped by scope and track, parameters resolved,
 * clauses indexed. Built once per pack; everything that decides works from it.
 */
export interface Rulebook {
  readonly pack: Pack;
  readonly ref: PackRef;
  readonly params: ParamValues;
  readonly evaluator: Evaluator;
  readonly tracks: readonly Track[];
  track(code: string): Track | undefined;
  clause(id: string): Clause | undefined;
  rule(id: string): Rule | undefined;
  message(id: string): Localized;
  /** The rules of one scope (for class, study_tour and membership: those that concern `track`). */
  group(scope: Scope, track?: string): RuleGroup;
}

export interface RulebookOptions {
  /** Decide as of this date (YYYY-MM-DD): which dated parameter values apply. Default: the end of the plan year. */
  readonly asOf?: string;
  /**
   * Builds the evaluator: the compiled one by default (fast, synchronous, checked against the
   * reference); `createJreEvaluator` for json-rules-engine itself.
   */
  readonly evaluator?: EvaluatorFactory;
}

export function createRulebook(pack: Pack, options: RulebookOptions = {}): Rulebook {
  const asOf = options.asOf ?? defaultAsOf(pack);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new RangeError(`asOf must be a date as YYYY-MM-DD, not "${asOf}"`);
  const params: ParamValues = resolveParams(pack, asOf);
  const ref: PackRef = Object.freeze({ id: pack.id, version: pack.version, hash: packHash(pack), asOf });
  const clauses = new Map(pack.clauses.map((c) => [c.id, c] as const));
  const rules = new Map(pack.rules.map((r) => [r.id, r] as const));
  const tracks = new Map(pack.tracks.map((t) => [t.code, t] as const));
  const groups = new Map<string, RuleGroup>();
  const evaluator = (options.evaluator ?? createCompiledEvaluator)(params);

  return {
    pack,
    ref,
    params,
    evaluator,
    tracks: pack.tracks,
    track: (code) => tracks.get(code),
    clause: (id) => clauses.get(id),
    rule: (id) => rules.get(id),
    message: (id) => own(pack.messages, id) ?? { vi: id, en: id },
    group(scope, track) {
      const filtered = scope === 'candidate' || scope === 'class' || scope === 'study_tour' || scope === 'membership';
      const key = `${scope}:${filtered && track ? track : '*'}`;
      let g = groups.get(key);
      if (!g) {
        const selected = pack.rules.filter(
          (r) => scopeOf(r) === scope && (scope === 'candidate' || !filtered || !r.tracks || (track !== undefined && r.tracks.includes(track))),
        );
        g = { key, scope, rules: selected };
        groups.set(key, g);
      }
      return g;
    },
  };
}
