import type { TrackDecision } from '../schemas/results.js';

/** How much a rulebook keeps of the decisions it shares; 0 turns a kind of sharing off. */
export interface DecisionCacheLimits {
  /** Ways the candidate rules came out (each with the tracks of everyone whose rules came out so). */
  readonly outcomes: number;
  /** Per way, people's values that the words name (an age, say), each with its tracks. */
  readonly valuesPerOutcome: number;
  /** Per track, its decisions whose words name the person, by outcome and values. */
  readonly valuesPerTrack: number;
}

/** Enough for a province, bounded for a nation. */
export const DEFAULT_CACHE_LIMITS: DecisionCacheLimits = Object.freeze({ outcomes: 16_384, valuesPerOutcome: 256, valuesPerTrack: 4_096 });

/** What the cache holds and how it has served: decisions shared (hits) and built (misses). */
export interface DecisionCacheStats {
  readonly limits: DecisionCacheLimits;
  readonly outcomes: number;
  readonly hits: number;
  readonly misses: number;
}

/** What every person whose rules came out one way shares: the tracks (and the open ones), by the values their words name. */
export interface SharedTracks {
  readonly tracks: readonly TrackDecision[];
  readonly eligibleTracks: readonly string[];
}

export interface Outcome {
  /** The placeholders about the person that the shown reasons of every track name, sorted. */
  readonly names: readonly string[];
  /** By the values of `names`: the value itself when it is one whole number (an age), else a text key. */
  readonly shared: Map<number | string, SharedTracks>;
  /** When no value is named: the one list of tracks for everyone. */
  plain?: SharedTracks;
}

/** Where the decisions of people alike are kept; one per rulebook, bounded by its limits. */
export class DecisionCache {
  readonly limits: DecisionCacheLimits;
  readonly #outcomes = new Map<number | string, Outcome>();
  #hits = 0;
  #misses = 0;

  constructor(limits: Partial<DecisionCacheLimits> = {}) {
    this.limits = Object.freeze({ ...DEFAULT_CACHE_LIMITS, ...limits });
  }

  /** The outcome kept under `key`, or a new one made by `make` while there is room (undefined when full). */
  outcome(key: number | string, make: () => Outcome | undefined): Outcome | undefined {
    const known = this.#outcomes.get(key);
    if (known || this.#outcomes.size >= this.limits.outcomes) return known;
    const made = make();
    if (made) this.#outcomes.set(key, made);
    return made;
  }

  /** The tracks kept for `values` (undefined: the outcome's plain ones). */
  get(outcome: Outcome, values: number | string | undefined): SharedTracks | undefined {
    const kept = values === undefined ? outcome.plain : outcome.shared.get(values);
    if (kept) this.#hits++;
    else this.#misses++;
    return kept;
  }

  keep(outcome: Outcome, values: number | string | undefined, shared: SharedTracks): void {
    if (values === undefined) outcome.plain = shared;
    else if (outcome.shared.size < this.limits.valuesPerOutcome) outcome.shared.set(values, shared);
  }

  /** A person decided without the cache (it was full, or their values are not plain). */
  bypassed(): void {
    this.#misses++;
  }

  stats(): DecisionCacheStats {
    return { limits: this.limits, outcomes: this.#outcomes.size, hits: this.#hits, misses: this.#misses };
  }
}
