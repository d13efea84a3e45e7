import type { CompiledEvaluator } from '../evaluate/compiled.js';
import type { RuleOutcome } from '../evaluate/types.js';
import type { Rulebook } from '../rulebook.js';
import type { Candidate } from '../schemas/candidate.js';
import type { Decision } from '../schemas/results.js';
import { DecisionCache, type DecisionCacheLimits, type Outcome } from './cache.js';
import { type CandidatePlan, candidatePlan, coreFrom, type DecisionCore, MAX_TRACK_BITS, maskOf, outcomeKey } from './plan.js';
import { Wording } from './words.js';

/**
 * Decides people for one rulebook, which builds it and owns it: the candidate rules laid out once,
 * their words, the bounded cache of shared decisions, and the scratch space of the fast path (one
 * array and one context, reused: evaluation on it is synchronous).
 */
export class Decider {
  readonly #book: Rulebook;
  readonly plan: CandidatePlan;
  readonly cache: DecisionCache;
  readonly #words: Wording;
  readonly #fast: CompiledEvaluator['evaluateInto'] | undefined;
  readonly #scratch: Uint8Array;
  readonly #ctx: { candidate: Candidate | undefined } = { candidate: undefined };

  constructor(book: Rulebook, limits: Partial<DecisionCacheLimits> = {}) {
    this.#book = book;
    this.cache = new DecisionCache(limits);
    this.plan = candidatePlan(book, this.cache.limits.outcomes);
    this.#words = new Wording(book, this.plan, this.cache.limits.valuesPerTrack);
    const e = book.evaluator as Partial<CompiledEvaluator>;
    this.#fast = typeof e.evaluateInto === 'function' ? e.evaluateInto.bind(e) : undefined;
    this.#scratch = new Uint8Array(this.plan.rules.length);
  }

  /** Whether the evaluator decides synchronously (the compiled one does; json-rules-engine does not). */
  get synchronous(): boolean {
    return this.#fast !== undefined;
  }

  /** Which candidate rules held for one person, in the scratch array (valid until the next call). */
  #evaluate(candidate: Candidate): Uint8Array {
    if (!this.#fast) throw new TypeError(`the ${this.#book.evaluator.name} evaluator is asynchronous: use decide()`);
    this.#ctx.candidate = candidate;
    try {
      this.#fast(this.plan.group, this.#ctx, this.#scratch);
    } finally {
      this.#ctx.candidate = undefined;
    }
    return this.#scratch;
  }

  /** A decision, synchronously, on the fast path. */
  decideSync(candidate: Candidate): Decision {
    return this.#decisionOf(candidate, this.#evaluate(candidate));
  }

  /** The core of a decision, synchronously, on the fast path. */
  coreSync(candidate: Candidate): DecisionCore {
    return coreFrom(this.plan, candidate.id, this.#evaluate(candidate));
  }

  /** Which rules held, in the group's order, from an evaluator's outcomes (rules it did not report: false). */
  passedOf(outcomes: readonly RuleOutcome[]): { passed: boolean[]; byIndex: (RuleOutcome | undefined)[] } {
    const n = this.plan.rules.length;
    const passed = new Array<boolean>(n).fill(false);
    const byIndex = new Array<RuleOutcome | undefined>(n);
    for (const o of outcomes) {
      const i = this.plan.index.get(o.ruleId);
      if (i === undefined) continue;
      passed[i] = o.passed;
      byIndex[i] = o;
    }
    return { passed, byIndex };
  }

  /** A decision from an evaluator's outcomes (any evaluator; with traces when it gave them). */
  fromOutcomes(candidate: Candidate, outcomes: readonly RuleOutcome[]): Decision {
    const { passed, byIndex } = this.passedOf(outcomes);
    const traced = byIndex.some((o) => o?.trace !== undefined);
    const core = coreFrom(this.plan, candidate.id, passed);
    const { tracks } = this.#words.tracks(candidate, core, passed, traced ? byIndex : undefined);
    return this.#decision(candidate, tracks);
  }

  #decision(candidate: Candidate, tracks: Decision['tracks'], eligibleTracks?: Decision['eligibleTracks']): Decision {
    return Object.freeze({
      candidateId: candidate.id,
      name: candidate.name,
      tracks,
      eligibleTracks: eligibleTracks ?? Object.freeze(tracks.filter((t) => t.eligible).map((t) => t.track)),
      pack: this.#book.ref,
    });
  }

  /**
   * A person's decision is a function of which rules held and of the values the shown reasons name
   * (an age, say): people alike in both share one frozen `tracks` list (and list of open tracks), so
   * deciding them builds no words. The first of them has it built, and kept while there is room.
   */
  #decisionOf(candidate: Candidate, passed: Uint8Array): Decision {
    const place = this.#place(candidate, passed);
    const kept = place && this.cache.get(place.outcome, place.values);
    if (kept) return this.#decision(candidate, kept.tracks, kept.eligibleTracks);
    if (!place) this.cache.bypassed();
    const { tracks, shareable } = this.#words.tracks(candidate, coreFrom(this.plan, candidate.id, passed), passed);
    const d = this.#decision(candidate, tracks);
    if (place && shareable) this.cache.keep(place.outcome, place.values, { tracks: d.tracks, eligibleTracks: d.eligibleTracks });
    return d;
  }

  /**
   * Where the decision of people whose rules came out this way is kept: the outcome, and the key of
   * the values its words name (undefined when they name none). Undefined when it cannot be kept (the
   * cache is full, a track too large to intern, a value that is not plain).
   */
  #place(candidate: Candidate, passed: Uint8Array): { outcome: Outcome; values?: number | string } | undefined {
    const outcome = this.cache.outcome(outcomeKey(passed), () => {
      const names = new Set<string>();
      for (const t of this.plan.tracks) {
        if (t.bits.length > MAX_TRACK_BITS) return undefined;
        for (const name of this.#words.personalNames(t, maskOf(t, passed))) names.add(name);
      }
      return { names: [...names].sort(), shared: new Map() };
    });
    if (!outcome) return undefined;
    if (outcome.names.length === 0) return { outcome };
    const values = this.#words.valuesOf(outcome.names, candidate);
    return values === undefined ? undefined : { outcome, values };
  }
}
