import { type Decision, decideMany } from './decide.js';
import type { RuleOutcome } from './evaluate/types.js';
import { countIn, indexPlan, type PlanIndex } from './facts/plan-index.js';
import { PARAM_FACT_PREFIX } from './facts/index.js';
import { type Localized, localize } from './i18n.js';
import { conditionLeaves } from './pack/conditions.js';
import type { Rulebook } from './rulebook.js';
import type { Placement, Ranking } from './schemas/results.js';
import type { Candidate } from './schemas/candidate.js';
import type { CheckRule } from './schemas/pack.js';
import type { Plan } from './schemas/plan.js';

export interface RankOptions {
  readonly track: string;
  /** Places in the class; default: the track's target size parameter. */
  readonly capacity?: number;
  /**
   * The plan the class belongs to: the trainees of its other classes count towards the
   * per-commune limits, and its membership rules (those trained at the province are not in a
   * district or commune class…) apply to whom the class may take.
   */
  readonly plan?: Plan;
  /** The plan's class being filled: its own trainees are the ones ranked, not already placed. */
  readonly classId?: string;
  /** Yield to the event loop after every `chunkSize` people decided (0: never, the default). */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
  /** Called as people are decided, with how many are done and the total. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Orders ids by code point, the same way on every machine and in every locale. */
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A per-commune limit of a track, as a plan check enforces it: the rule and the most trainees a commune may send. */
export interface CommuneLimit {
  readonly rule: CheckRule;
  readonly max: number;
}

/**
 * The per-commune limits the pack's plan checks set on a track: every commune-scope rule that
 * bounds `communeTraineeCount` of the track from above by a number or a parameter
 * (KH.II.2.1.a: at most `province_cadre.trainees_per_commune_max` across the province cadre
 * classes). Read from the rules, so ranking and `checkPlan` cannot disagree.
 */
export function communeLimits(book: Rulebook, track: string): CommuneLimit[] {
  const out: CommuneLimit[] = [];
  for (const rule of book.group('commune').rules as CheckRule[]) {
    for (const { leaf } of conditionLeaves(rule.conditions)) {
      if (leaf.fact !== 'communeTraineeCount' || leaf.params?.track !== track) continue;
      const raw = leaf.value;
      const ref =
        raw !== null && typeof raw === 'object' && 'fact' in raw && typeof raw.fact === 'string' && raw.fact.startsWith(PARAM_FACT_PREFIX) ? raw.fact.slice(PARAM_FACT_PREFIX.length) : undefined;
      const value = ref !== undefined ? book.params[ref] : raw;
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) continue;
      if (leaf.operator === 'lessThanInclusive') out.push({ rule, max: value });
      else if (leaf.operator === 'lessThan') out.push({ rule, max: value - 1 });
    }
  }
  return out;
}

/** The plan without the class being filled (its trainees are the ones ranked), or an empty plan. */
function otherClasses(plan: Plan | undefined, classId: string | undefined): Plan {
  if (!plan) return { classes: [], studyTours: [], budget: [] };
  return { ...plan, classes: plan.classes.filter((c) => c.id !== classId) };
}

/**
 * Ranks the candidates for an over-subscribed class of one track: eligible people by priority
 * points (highest first), ties broken by id so the same roster always ranks the same way. Going
 * down that order, a person is passed over (and says why) when a plan check would reject them
 * in the class: a membership rule of the track fails (given the plan's other classes), or their
 * commune already has as many trainees in the track's classes as the pack allows. The next
 * `capacity` are admitted, the rest wait; the ineligible are listed with their reasons.
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
  const byId = new Map<string, Candidate>();
  for (const c of candidates) if (!byId.has(c.id)) byId.set(c.id, c);
  const rows = decisions.map((d: Decision) => ({ d, t: d.tracks.find((x) => x.track === track.code), c: byId.get(d.candidateId) }));
  const eligible = rows.filter((r) => r.t?.eligible).sort((a, b) => (b.t?.priority.points ?? 0) - (a.t?.priority.points ?? 0) || byCodePoint(a.d.candidateId, b.d.candidateId));
  const tieBreak = book.message('rank.tie_break');

  const others = otherClasses(options.plan, options.classId);
  const index = indexPlan(others, [...(options.plan?.candidates ?? []), ...candidates], book.tracks);
  const limits = communeLimits(book, track.code);
  const membership = book.group('membership', track.code);
  const groupId = options.classId ?? track.label.vi;
  const admittedFrom = new Map<string, number>();

  /** Why a plan check would reject the person in this class (the first failing error rule), if it would. */
  const excludedBy = async (r: (typeof rows)[number]): Promise<Localized | undefined> => {
    if (membership.rules.length === 0) return undefined;
    const ctx = { index, traineeId: r.d.candidateId, track: track.code, eligible: true };
    const outcomes: RuleOutcome[] = await book.evaluator.evaluate(membership, ctx);
    const failed = new Set(outcomes.filter((o) => !o.passed).map((o) => o.ruleId));
    const rule = (membership.rules as CheckRule[]).find((x) => x.severity === 'error' && failed.has(x.id));
    if (!rule) return undefined;
    const trainee = `${r.d.name} (${r.d.candidateId})`;
    return localize(rule.message.fail, { traineeId: r.d.candidateId, trainee, groupId, track: track.code, trackLabel: track.label });
  };
  /** Why the person's commune can take no one more in the track's classes, if it cannot. */
  const communeFull = (r: (typeof rows)[number]): Localized | undefined => {
    const commune = r.c?.commune;
    if (!commune) return undefined;
    const count = countIn(index.communeTraineeCount, track.code, commune.code) + (admittedFrom.get(commune.code) ?? 0);
    const limit = limits.find((l) => count >= l.max);
    if (!limit) return undefined;
    const communePlace = commune.name ? `${commune.name} (${commune.code})` : `${commune.code}`;
    return localize(book.message('rank.commune_limit'), { communePlace, count: String(count), max: String(limit.max), clause: limit.rule.clause, trackLabel: track.label });
  };

  const place = (r: (typeof rows)[number], rank: number | null, status: Placement['status'], why?: Localized): Placement => {
    const criteria = r.t?.priority.criteria ?? [];
    const values = {
      rank,
      capacity,
      points: r.t?.priority.points ?? 0,
      criteria: criteria.length ? { vi: criteria.map((c) => c.message.vi).join('; '), en: criteria.map((c) => c.message.en).join('; ') } : { vi: 'không có', en: 'none' },
      candidateId: r.d.candidateId,
      trackLabel: track.label,
      why: why ?? { vi: '', en: '' },
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
  const admitted: Placement[] = [];
  const waiting: Placement[] = [];
  const passedOver: Placement[] = [];
  let rank = 0;
  for (const r of eligible) {
    const why = (await excludedBy(r)) ?? communeFull(r);
    if (why) {
      passedOver.push(place(r, null, 'passed_over', why));
      continue;
    }
    rank++;
    if (admitted.length < capacity) {
      admitted.push(place(r, rank, 'admitted'));
      const commune = r.c?.commune.code;
      if (commune !== undefined) admittedFrom.set(commune, (admittedFrom.get(commune) ?? 0) + 1);
    } else waiting.push(place(r, rank, 'waiting'));
  }
  return {
    track: track.code,
    capacity,
    admitted,
    waiting,
    passedOver,
    ineligible: rows.filter((r) => !r.t?.eligible).map((r) => place(r, null, 'ineligible')),
    tieBreak,
    pack: book.ref,
  };
}

export type { Placement, Ranking };
