import type { RuleOutcome } from '../evaluate/types.js';
import { candidateFacts } from '../facts/candidate.js';
import { PARAM_FACT_PREFIX } from '../facts/index.js';
import { localize, placeholders } from '../i18n.js';
import type { ContextName } from '../message-names.js';
import type { Rulebook } from '../rulebook.js';
import type { Candidate } from '../schemas/candidate.js';
import type { Rule } from '../schemas/pack.js';
import type { Reason, TrackDecision } from '../schemas/results.js';
import { deepFreeze, freezeTrace } from './freeze.js';
import { type CandidatePlan, type DecisionCore, MAX_TRACK_BITS, maskOf, type TrackCore, type TrackPlan } from './plan.js';

const CANDIDATE_FACTS = new Map(candidateFacts.map((f) => [f.name, f] as const));

/**
 * How to read what a candidate rule's message may name besides facts and parameters: one getter
 * for each name of `MESSAGE_CONTEXT.candidate` (the type requires each, and no other).
 */
export const CANDIDATE_CONTEXT: Readonly<Record<ContextName<'candidate'>, (c: Candidate, track: string | undefined, book: Rulebook) => unknown>> = Object.freeze({
  candidateId: (c) => c.id,
  name: (c) => c.name,
  track: (_c, track) => track,
  trackLabel: (_c, track, book) => (track ? book.track(track)?.label : undefined),
});

/** Placeholders whose values do not depend on the person: a parameter, the track. */
const personFree = (name: string) => name.startsWith(PARAM_FACT_PREFIX) || name === 'track' || name === 'trackLabel';

type Getter = (candidate: Candidate) => unknown;

/**
 * The words of decisions for one rulebook: each reason's message in vi and en, built once and shared
 * when it says nothing about the person. Owned by the rulebook's decider; bounded by its limits.
 */
export class Wording {
  readonly #book: Rulebook;
  readonly #plan: CandidatePlan;
  readonly #maxByValues: number;
  /** By rule index: the placeholders its messages use, and whether one of them is about the person. */
  readonly #names: readonly (readonly string[])[];
  readonly #personal: readonly boolean[];
  /** Reasons already worded, by track index, at rule index × 2 (+1 when the rule held). */
  readonly #reasons: (Reason | undefined)[][];
  readonly #getters = new Map<string, readonly Getter[]>();

  constructor(book: Rulebook, plan: CandidatePlan, maxByValues: number) {
    this.#book = book;
    this.#plan = plan;
    this.#maxByValues = maxByValues;
    this.#names = plan.rules.map((r) => {
      const m = r.message;
      return Object.freeze([...new Set([...placeholders(m.pass.vi), ...placeholders(m.pass.en), ...placeholders(m.fail.vi), ...placeholders(m.fail.en)])]);
    });
    this.#personal = this.#names.map((names) => !names.every(personFree));
    this.#reasons = plan.tracks.map(() => []);
  }

  /** Values a rule's messages may name: its facts, parameters and the person's id, name and track. */
  #values(names: readonly string[], candidate: Candidate, track: string | undefined): Record<string, unknown> {
    const book = this.#book;
    const values: Record<string, unknown> = Object.create(null);
    for (const name of names) {
      if (name.startsWith(PARAM_FACT_PREFIX)) values[name] = book.params[name.slice(PARAM_FACT_PREFIX.length)];
      else if (Object.hasOwn(CANDIDATE_CONTEXT, name)) values[name] = CANDIDATE_CONTEXT[name as ContextName<'candidate'>](candidate, track, book);
      else {
        const def = CANDIDATE_FACTS.get(name);
        if (def) values[name] = def.compute({ candidate }, {}, book.params);
      }
    }
    return values;
  }

  /** A reason in words, with its trace when one was asked for. */
  #reason(i: number, outcome: RuleOutcome, candidate: Candidate, track: string): Reason {
    const rule = this.#plan.rules[i] as Rule;
    const names = this.#names[i] as readonly string[];
    const side = outcome.passed ? 'pass' : 'fail';
    const message = names.length ? localize(rule.message[side], this.#values(names, candidate, track)) : rule.message[side];
    const r: { -readonly [K in keyof Reason]: Reason[K] } = { ruleId: rule.id, clause: rule.clause, kind: rule.kind, passed: outcome.passed, message };
    if (outcome.trace) r.trace = freezeTrace(outcome.trace);
    return r;
  }

  /** A rule's reason for one track: shared when its words say nothing about the person (and no trace was asked). */
  #words(ti: number, i: number, held: boolean, candidate: Candidate, track: string, outcomes?: readonly (RuleOutcome | undefined)[]): Reason {
    const rule = this.#plan.rules[i] as Rule;
    const trace = outcomes?.[i]?.trace;
    if (trace) return this.#reason(i, { ruleId: rule.id, passed: held, trace }, candidate, track);
    const cache = this.#reasons[ti] as (Reason | undefined)[];
    const slot = held ? i * 2 + 1 : i * 2;
    const cached = cache[slot];
    if (cached) return cached;
    const r = this.#reason(i, { ruleId: rule.id, passed: held }, candidate, track);
    if (!this.#personal[i]) cache[slot] = deepFreeze(r);
    return r;
  }

  /**
   * Each track's decision in words. Without traces, a track's decision is built once per outcome and
   * shared: by the outcome alone when its reasons say nothing about the person, else by the outcome
   * and the values they name. `shareable` is false when one of them could not be kept.
   */
  tracks(candidate: Candidate, core: DecisionCore, passed: ArrayLike<boolean | number>, outcomes?: readonly (RuleOutcome | undefined)[]): { tracks: readonly TrackDecision[]; shareable: boolean } {
    const plan = this.#plan;
    const tracks = new Array<TrackDecision>(core.tracks.length);
    let shareable = true;
    for (let ti = 0; ti < core.tracks.length; ti++) {
      const t = core.tracks[ti] as TrackCore;
      const tp = plan.tracks[ti] as TrackPlan;
      const mask = !outcomes && tp.bits.length <= MAX_TRACK_BITS ? maskOf(tp, passed) : -1;
      const cached = mask >= 0 ? tp.decisions[mask] : undefined;
      if (cached) {
        tracks[ti] = cached;
        continue;
      }
      const names = mask >= 0 ? this.personalNames(tp, mask) : undefined;
      const key = names?.length ? this.valuesKey(names, candidate, mask) : undefined;
      const known = key === undefined ? undefined : tp.byValues.get(key);
      if (known) {
        tracks[ti] = known;
        continue;
      }
      const words = (i: number, held: boolean) => this.#words(ti, i, held, candidate, t.track, outcomes);
      const decision: TrackDecision = deepFreeze({
        track: t.track,
        eligible: t.eligible,
        reasons: tp.eligibility.filter((i) => !passed[i]).map((i) => words(i, false)),
        satisfied: tp.eligibility.filter((i) => passed[i]).map((i) => words(i, true)),
        priority: { points: t.points, criteria: tp.priority.filter((p) => passed[p.index]).map((p) => words(p.index, true)) },
        cost: { payer: t.payer, reasons: tp.cost.filter((c) => passed[c.index]).map((c) => words(c.index, true)) },
      });
      if (names && names.length === 0) tp.decisions[mask] = decision;
      else if (key !== undefined && tp.byValues.size < this.#maxByValues) tp.byValues.set(key, decision);
      else shareable = false;
      tracks[ti] = decision;
    }
    return { tracks: Object.freeze(tracks), shareable };
  }

  /**
   * The placeholders about the person named by the reasons a track shows for an outcome: every
   * eligibility rule (held or failed), and the priority and cost rules that held.
   */
  personalNames(t: TrackPlan, mask: number): readonly string[] {
    const known = t.personalNames[mask];
    if (known) return known;
    const found = new Set<string>();
    t.bits.forEach((i, b) => {
      const rule = this.#plan.rules[i] as Rule;
      const shown = rule.kind === 'eligibility' || (mask & (1 << b)) !== 0;
      if (shown && this.#personal[i]) for (const name of this.#names[i] as readonly string[]) if (!personFree(name)) found.add(name);
    });
    const names = Object.freeze([...found].sort());
    t.personalNames[mask] = names;
    return names;
  }

  /** How to read each value named about the person, made once per list of names. */
  #gettersOf(names: readonly string[]): readonly Getter[] {
    const id = names.join('\u0000');
    let list = this.#getters.get(id);
    if (!list) {
      const book = this.#book;
      list = names.map((name): Getter => {
        if (name === 'candidateId') return (c) => c.id;
        if (name === 'name') return (c) => c.name;
        const def = CANDIDATE_FACTS.get(name);
        // the other names (parameters, the track) say nothing about the person: as #values gives them
        return def ? (c) => def.compute({ candidate: c }, {}, book.params) : (c) => this.#values([name], c, undefined)[name];
      });
      this.#getters.set(id, list);
    }
    return list;
  }

  /** The outcome and the values its words name, as a key; undefined when a value is not plain (a list, an object). */
  valuesKey(names: readonly string[], candidate: Candidate, mask: number): string | undefined {
    const read = this.#gettersOf(names);
    let key = String(mask);
    for (let k = 0; k < read.length; k++) {
      const v = (read[k] as Getter)(candidate);
      if (v !== null && typeof v === 'object') return undefined;
      key += `\u0001${typeof v}:${String(v)}`;
    }
    return key;
  }

  /** The values the words name, as a key: one whole number as itself (an age), else as text (undefined when one is not plain). */
  valuesOf(names: readonly string[], candidate: Candidate): number | string | undefined {
    if (names.length === 1) {
      const v = (this.#gettersOf(names)[0] as Getter)(candidate);
      if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
    }
    return this.valuesKey(names, candidate, 0);
  }
}
