/**
 * The impact of changing a pack on real people: the same roster decided by both packs, and how
 * many people's decisions change per track, with a few examples showing both sets of reasons.
 */
import { decideMany } from '../decide.js';
import type { Localized } from '../i18n.js';
import type { Rulebook } from '../rulebook.js';
import type { Candidate } from '../schemas/candidate.js';
import type { Decision, PackRef, TrackDecision } from '../schemas/results.js';

/** One person's answer for one track under one pack: eligible or not, and every reason why not. */
export interface TrackAnswer {
  /** false when the pack has no such track. */
  readonly offered: boolean;
  readonly eligible: boolean;
  readonly reasons: readonly { readonly ruleId: string; readonly clause: string; readonly message: Localized }[];
  readonly points: number;
}

export interface ImpactExample {
  /** How the person's answer changed. */
  readonly change: 'became_eligible' | 'became_ineligible' | 'otherwise';
  readonly candidateId: string;
  readonly name: string;
  readonly before: TrackAnswer;
  readonly after: TrackAnswer;
}

export interface TrackImpact {
  readonly track: string;
  /** People eligible under the pack after, not before. */
  readonly becameEligible: number;
  /** People eligible before, not after. */
  readonly becameIneligible: number;
  /** People whose eligibility stayed, but whose reasons, priority points or payer changed. */
  readonly otherwiseChanged: number;
  /** A few of the people whose answer changed: eligibility both ways first, then other changes (in the roster's order). */
  readonly examples: readonly ImpactExample[];
}

export interface RosterImpact {
  readonly before: PackRef;
  readonly after: PackRef;
  readonly people: number;
  /** People with at least one track whose eligibility changed. */
  readonly changedPeople: number;
  /** Each track of either pack: the after pack's order, then tracks only the before pack has. */
  readonly tracks: readonly TrackImpact[];
}

export interface RosterImpactOptions {
  /** How many examples per track (default 3). */
  readonly examples?: number;
  readonly signal?: AbortSignal;
}

const answer = (t: TrackDecision | undefined): TrackAnswer =>
  t
    ? { offered: true, eligible: t.eligible, reasons: t.reasons.map((r) => ({ ruleId: r.ruleId, clause: r.clause, message: r.message })), points: t.priority.points }
    : { offered: false, eligible: false, reasons: [], points: 0 };

const sameOtherwise = (a: TrackDecision | undefined, b: TrackDecision | undefined) =>
  JSON.stringify([a?.reasons.map((r) => r.ruleId), a?.priority.points, a?.cost.payer]) === JSON.stringify([b?.reasons.map((r) => r.ruleId), b?.priority.points, b?.cost.payer]);

/** Decides `people` by both rulebooks and says, per track, how many answers change and shows a few. */
export async function rosterImpact(before: Rulebook, after: Rulebook, people: readonly Candidate[], options: RosterImpactOptions = {}): Promise<RosterImpact> {
  const limit = options.examples ?? 3;
  const signal = options.signal ? { signal: options.signal } : {};
  const [a, b] = [await decideMany(before, people, signal), await decideMany(after, people, signal)];
  const codes = [...after.tracks.map((t) => t.code), ...before.tracks.map((t) => t.code).filter((c) => !after.tracks.some((t) => t.code === c))];
  const byTrack = (d: Decision, code: string) => d.tracks.find((t) => t.track === code);
  const changed = new Set<number>();
  const tracks = codes.map((code): TrackImpact => {
    let becameEligible = 0;
    let becameIneligible = 0;
    let otherwiseChanged = 0;
    const up: ImpactExample[] = [];
    const down: ImpactExample[] = [];
    const other: ImpactExample[] = [];
    people.forEach((person, i) => {
      const x = byTrack(a[i] as Decision, code);
      const y = byTrack(b[i] as Decision, code);
      const [was, is] = [x?.eligible ?? false, y?.eligible ?? false];
      const example = (change: ImpactExample['change']): ImpactExample => ({ change, candidateId: person.id, name: person.name, before: answer(x), after: answer(y) });
      if (was === is) {
        if (sameOtherwise(x, y)) return;
        otherwiseChanged++;
        if (other.length < limit) other.push(example('otherwise'));
        return;
      }
      changed.add(i);
      if (is) {
        becameEligible++;
        if (up.length < limit) up.push(example('became_eligible'));
      } else {
        becameIneligible++;
        if (down.length < limit) down.push(example('became_ineligible'));
      }
    });
    // Both ways shown when both happen (half the room for each), then other changes, within the limit.
    const half = Math.ceil(limit / 2);
    const ways = down.length && up.length ? [...down.slice(0, half), ...up.slice(0, limit - Math.min(half, down.length))] : [...down, ...up];
    const examples = [...ways, ...other].slice(0, limit);
    return { track: code, becameEligible, becameIneligible, otherwiseChanged, examples };
  });
  return { before: before.ref, after: after.ref, people: people.length, changedPeople: changed.size, tracks };
}
