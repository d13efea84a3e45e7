import type { RuleGroup } from '../evaluate/types.js';
import type { Rulebook } from '../rulebook.js';
import type { CostCategory, Payer, Rule } from '../schemas/pack.js';
import type { TrackDecision } from '../schemas/results.js';

/** A rule's identity, shared (frozen) by every decision that cites it. */
export interface RuleRef {
  readonly ruleId: string;
  readonly clause: string;
}

/** The decision without words: what every evaluator must agree on. */
export interface TrackCore {
  readonly track: string;
  readonly eligible: boolean;
  /** Failed eligibility rules, in the pack's order. */
  readonly failed: readonly RuleRef[];
  readonly points: number;
  /** Priority rules that held, in the pack's order. */
  readonly criteria: readonly RuleRef[];
  readonly payer: Readonly<Record<CostCategory, Payer>> | null;
}

export interface DecisionCore {
  readonly candidateId: string;
  readonly tracks: readonly TrackCore[];
}

/** Where one track's rules sit in the candidate group, and what was built for it already. */
export interface TrackPlan {
  readonly track: string;
  readonly eligibility: readonly number[];
  readonly priority: readonly { index: number; points: number }[];
  readonly cost: readonly { index: number; payer: Readonly<Record<CostCategory, Payer>> }[];
  /** Indexes of every rule of the track, whose outcomes determine its result. */
  readonly bits: readonly number[];
  /** Results already built, by the mask of which of `bits` held. */
  readonly interned: (TrackCore | undefined)[];
  /** Whole track decisions (with words) already built, when they say nothing about the person. */
  readonly decisions: (TrackDecision | undefined)[];
  /**
   * By mask: the placeholders about the person that the reasons shown for that outcome name
   * (none: shared by mask alone), found once per mask.
   */
  readonly personalNames: (readonly string[] | undefined)[];
  /** Whole track decisions whose words name the person, shared by mask and those values (bounded). */
  readonly byValues: Map<string, TrackDecision>;
}

/** The candidate rules of a rulebook laid out for deciding: built once, owned by the rulebook's decider. */
export interface CandidatePlan {
  readonly group: RuleGroup;
  readonly rules: readonly Rule[];
  readonly refs: readonly RuleRef[];
  readonly index: ReadonlyMap<string, number>;
  readonly tracks: readonly TrackPlan[];
  /** Whole lists of track results already built, shared by everyone whose rules came out alike. */
  readonly combos: Combos;
}

/**
 * The lists of track results built so far, by which of the group's rules held (`outcomeKey`).
 * Bounded: past `limit` lists, new ones are built each time.
 */
interface Combos {
  readonly byOutcome: Map<number | string, readonly TrackCore[]>;
  readonly limit: number;
}

/** Which rules held, as one key: a number (one bit a rule) for up to 30 rules, else text (16 rules a character). */
export function outcomeKey(passed: ArrayLike<boolean | number>): number | string {
  if (passed.length <= 30) {
    let bits = 0;
    for (let k = 0; k < passed.length; k++) if (passed[k]) bits |= 1 << k;
    return bits;
  }
  let key = '';
  for (let i = 0; i < passed.length; i += 16) {
    let bits = 0;
    const end = Math.min(passed.length, i + 16);
    for (let k = i; k < end; k++) if (passed[k]) bits |= 1 << (k - i);
    key += String.fromCharCode(bits);
  }
  return key;
}

/** A track with more bits than this is built each time rather than interned by mask. */
export const MAX_TRACK_BITS = 16;

/** `maxLists`: at most this many distinct lists of track results are kept for sharing (the rulebook's cache limit on outcomes). */
export function candidatePlan(book: Rulebook, maxLists: number): CandidatePlan {
  const group = book.group('candidate');
  const rules = group.rules;
  const refs = rules.map((r) => Object.freeze({ ruleId: r.id, clause: r.clause }));
  const index = new Map(rules.map((r, i) => [r.id, i] as const));
  const tracks = book.tracks.map((t): TrackPlan => {
    const eligibility: number[] = [];
    const priority: { index: number; points: number }[] = [];
    const cost: { index: number; payer: Readonly<Record<CostCategory, Payer>> }[] = [];
    rules.forEach((r, i) => {
      if (!r.tracks?.includes(t.code)) return;
      if (r.kind === 'eligibility') eligibility.push(i);
      else if (r.kind === 'priority') priority.push({ index: i, points: book.params[r.points] as number });
      else if (r.kind === 'cost') cost.push({ index: i, payer: Object.freeze({ ...r.payer }) });
    });
    const bits = [...eligibility, ...priority.map((p) => p.index), ...cost.map((c) => c.index)];
    return { track: t.code, eligibility, priority, cost, bits, interned: [], decisions: [], personalNames: [], byValues: new Map() };
  });
  return { group, rules, refs, index, tracks, combos: { byOutcome: new Map(), limit: maxLists } };
}

/** Which of a track's rules held, one bit each (tracks of at most MAX_TRACK_BITS rules). */
export function maskOf(t: TrackPlan, passed: ArrayLike<boolean | number>): number {
  let mask = 0;
  for (let b = 0; b < t.bits.length; b++) if (passed[t.bits[b] as number]) mask |= 1 << b;
  return mask;
}

/** Shared by every decision with no failed rule or no criterion; never mutated. */
const NONE: readonly RuleRef[] = Object.freeze([]);

function buildTrackCore(plan: CandidatePlan, t: TrackPlan, passed: ArrayLike<boolean | number>): TrackCore {
  let failed: RuleRef[] | undefined;
  for (const i of t.eligibility) if (!passed[i]) (failed ??= []).push(plan.refs[i] as RuleRef);
  let points = 0;
  let criteria: RuleRef[] | undefined;
  for (const p of t.priority) {
    if (!passed[p.index]) continue;
    points += p.points;
    (criteria ??= []).push(plan.refs[p.index] as RuleRef);
  }
  let payer: Readonly<Record<CostCategory, Payer>> | null = null;
  for (const c of t.cost) if (passed[c.index]) payer = payer === null ? c.payer : Object.freeze({ ...(payer as Record<CostCategory, Payer>), ...c.payer });
  return Object.freeze({
    track: t.track,
    eligible: failed === undefined,
    failed: failed ? Object.freeze(failed) : NONE,
    points,
    criteria: criteria ? Object.freeze(criteria) : NONE,
    payer,
  });
}

/** A track's result for a mask, built the first time and kept. */
function internedTrack(plan: CandidatePlan, t: TrackPlan, mask: number, passed: ArrayLike<boolean | number>): TrackCore {
  let core = t.interned[mask];
  if (core === undefined) core = t.interned[mask] = buildTrackCore(plan, t, passed);
  return core;
}

/**
 * The core of a decision from which rules of the candidate group held (in the group's order). A
 * track's result depends only on which of its own rules held, so each combination is built once
 * and shared (frozen) by every decision with that combination; so is the whole list of track
 * results, kept by which rules held, for people whose rules all came out alike.
 */
export function coreFrom(plan: CandidatePlan, candidateId: string, passed: ArrayLike<boolean | number>): DecisionCore {
  const { byOutcome, limit } = plan.combos;
  const key = outcomeKey(passed);
  // The track results are shared and frozen; the per-person wrapper is plumbing (`@p135/rules/evaluate`), left plain.
  const kept = byOutcome.get(key);
  if (kept !== undefined) return { candidateId, tracks: kept };
  const n = plan.tracks.length;
  const tracks = new Array<TrackCore>(n);
  for (let ti = 0; ti < n; ti++) {
    const t = plan.tracks[ti] as TrackPlan;
    tracks[ti] = t.bits.length > MAX_TRACK_BITS ? buildTrackCore(plan, t, passed) : internedTrack(plan, t, maskOf(t, passed), passed);
  }
  Object.freeze(tracks);
  if (byOutcome.size < limit) byOutcome.set(key, tracks);
  return { candidateId, tracks };
}
