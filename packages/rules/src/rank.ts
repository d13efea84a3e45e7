import { type Decision, decideMany } from './decide.js';
import { localize } from './i18n.js';
import type { Rulebook } from './rulebook.js';
import type { Placement, Ranking } from './schemas/results.js';
import type { Candidate } from './schemas/candidate.js';

export interface RankOptions {
  readonly track: string;
  /** Places in the class; default: the track's target size parameter. */
  readonly capacity?: number;
  /** Yield to the event loop after every `chunkSize` people decided (0: never, the default). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Called as people are decided, with how many are done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Orders ids by code point, the same way on every machine and in every locale. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Ranks the candidates for an over-subscribed class of one track: eligible people by priority
 * points (highest first), ties broken by id so the same roster always ranks the same way;
 * the first `capacity` are admitted, the rest wait; the ineligible are listed with their reasons.
 */
export async function rankClass(book: Rulebook, candidates: readonly Candidate[], options: RankOptions): Promise<Ranking> {
  const track = book.track(options.track);
  if (!track) throw new RangeError(`unknown track "${options.track}"; known: ${book.tracks.map((t) => t.code).join(', ')}`);
  const sized = track.sizeParam ? book.params[track.sizeParam] : undefined;
  const capacity = options.capacity ?? (typeof sized === 'number' ? sized : candidates.length);
  if (!Number.isSafeInteger(capacity) || capacity < 0) throw new RangeError('capacity must be a whole number ≥ 0');

  const decisions = await decideMany(book, candidates, {
    chunkSize: options.chunkSize ?? 0,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const rows = decisions.map((d: Decision) => ({ d, t: d.tracks.find((x) => x.track === track.code) }));
  const eligible = rows.filter((r) => r.t?.eligible).sort((a, b) => (b.t?.priority.points ?? 0) - (a.t?.priority.points ?? 0) || byCodePoint(a.d.candidateId, b.d.candidateId));
  const tieBreak = book.message('rank.tie_break');

  const place = (r: (typeof rows)[number], rank: number | null, status: Placement['status']): Placement => {
    const criteria = r.t?.priority.criteria ?? [];
    const values = {
      rank,
      capacity,
      points: r.t?.priority.points ?? 0,
      criteria: criteria.length ? { vi: criteria.map((c) => c.message.vi).join('; '), en: criteria.map((c) => c.message.en).join('; ') } : { vi: 'không có', en: 'none' },
      candidateId: r.d.candidateId,
      trackLabel: track.label,
    };
    return {
      rank,
      candidateId: r.d.candidateId,
      name: r.d.name,
      status,
      points: r.t?.priority.points ?? 0,
      criteria,
      message: localize(book.message(`rank.${status}`), values),
      reasons: r.t?.reasons ?? [],
    };
  };
  const placed = eligible.map((r, i) => place(r, i + 1, i < capacity ? 'admitted' : 'waiting'));
  return {
    track: track.code,
    capacity,
    admitted: placed.filter((p) => p.status === 'admitted'),
    waiting: placed.filter((p) => p.status === 'waiting'),
    ineligible: rows.filter((r) => !r.t?.eligible).map((r) => place(r, null, 'ineligible')),
    tieBreak,
    pack: book.ref,
  };
}

export type { Placement, Ranking };
