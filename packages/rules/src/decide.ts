import type { ConditionTrace, RuleOutcome } from './evaluate/types.js';
import { candidateFacts } from './facts/candidate.js';
import { PARAM_FACT_PREFIX } from './facts/index.js';
import { type Localized, localize, placeholders } from './i18n.js';
import type { PackRef, Rulebook } from './rulebook.js';
import type { Candidate } from './schemas/candidate.js';
import type { CostCategory, Payer, Rule } from './schemas/pack.js';

/** One rule's verdict on one person, with the clause it rests on and what it means in words. */
export interface Reason {
  readonly ruleId: string;
  readonly clause: string;
  readonly kind: Rule['kind'];
  readonly passed: boolean;
  readonly message: Localized;
  /** How each condition came out; present when an explanation was asked for. */
  readonly trace?: ConditionTrace;
}

export interface CostDecision {
  /** Who pays each category; null if no cost rule of the pack covers the track. */
  readonly payer: Readonly<Record<CostCategory, Payer>> | null;
  readonly reasons: readonly Reason[];
}

export interface TrackDecision {
  readonly track: string;
  readonly eligible: boolean;
  /** Every eligibility rule that failed: all the reasons why not. Empty when eligible. */
  readonly reasons: readonly Reason[];
  /** Eligibility rules that held. */
  readonly satisfied: readonly Reason[];
  readonly priority: { readonly points: number; readonly criteria: readonly Reason[] };
  readonly cost: CostDecision;
}

export interface Decision {
  readonly candidateId: string;
  readonly name: string;
  readonly tracks: readonly TrackDecision[];
  /** Codes of the tracks the person may attend, in the pack's order. */
  readonly eligibleTracks: readonly string[];
  readonly pack: PackRef;
}

export interface DecideOptions {
  /** Record how each condition came out on every reason. */
  readonly explain?: boolean;
}

const CANDIDATE_FACTS = new Map(candidateFacts.map((f) => [f.name, f] as const));

/** Values a rule's messages may name: its facts, parameters and the person's id, name and track. */
function messageValues(book: Rulebook, rule: Rule, candidate: Candidate, track: string | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  const names = new Set([...placeholders(rule.message.pass.vi), ...placeholders(rule.message.pass.en), ...placeholders(rule.message.fail.vi), ...placeholders(rule.message.fail.en)]);
  for (const name of names) {
    if (name.startsWith(PARAM_FACT_PREFIX)) values[name] = book.params[name.slice(PARAM_FACT_PREFIX.length)];
    else if (name === 'candidateId') values[name] = candidate.id;
    else if (name === 'name') values[name] = candidate.name;
    else if (name === 'track') values[name] = track;
    else {
      const def = CANDIDATE_FACTS.get(name);
      if (def) values[name] = def.compute({ candidate }, {}, book.params);
    }
  }
  return values;
}

function reason(book: Rulebook, rule: Rule, outcome: RuleOutcome, candidate: Candidate, track?: string): Reason {
  const text = outcome.passed ? rule.message.pass : rule.message.fail;
  const values = messageValues(book, rule, candidate, track);
  if (track) values.trackLabel = book.track(track)?.label;
  const message = localize(text, values);
  const r: { -readonly [K in keyof Reason]: Reason[K] } = { ruleId: rule.id, clause: rule.clause, kind: rule.kind, passed: outcome.passed, message };
  if (outcome.trace) r.trace = outcome.trace;
  return r;
}

/**
 * Turns rule outcomes for one person into a decision per track. Shared by every evaluator:
 * an evaluator only says which rules held; what that means is decided here, once.
 */
export function assembleDecision(book: Rulebook, candidate: Candidate, outcomes: readonly RuleOutcome[]): Decision {
  const byId = new Map(outcomes.map((o) => [o.ruleId, o] as const));
  const tracks: TrackDecision[] = book.tracks.map((t) => {
    const reasons: Reason[] = [];
    const satisfied: Reason[] = [];
    const criteria: Reason[] = [];
    const costReasons: Reason[] = [];
    let points = 0;
    let payer: Record<CostCategory, Payer> | null = null;
    for (const rule of book.pack.rules) {
      if (rule.kind === 'check' || !rule.tracks?.includes(t.code)) continue;
      const outcome = byId.get(rule.id);
      if (!outcome) continue;
      if (rule.kind === 'eligibility') (outcome.passed ? satisfied : reasons).push(reason(book, rule, outcome, candidate, t.code));
      else if (rule.kind === 'priority') {
        if (outcome.passed) {
          criteria.push(reason(book, rule, outcome, candidate, t.code));
          points += book.params[rule.points] as number;
        }
      } else if (rule.kind === 'cost' && outcome.passed) {
        costReasons.push(reason(book, rule, outcome, candidate, t.code));
        payer = { ...(payer ?? {}), ...rule.payer };
      }
    }
    return {
      track: t.code,
      eligible: reasons.length === 0,
      reasons,
      satisfied,
      priority: { points, criteria },
      cost: { payer, reasons: costReasons },
    };
  });
  return {
    candidateId: candidate.id,
    name: candidate.name,
    tracks,
    eligibleTracks: tracks.filter((t) => t.eligible).map((t) => t.track),
    pack: book.ref,
  };
}

/** Decides one person: for each track, eligible or not and why, priority, and who pays what. */
export async function decide(book: Rulebook, candidate: Candidate, options: DecideOptions = {}): Promise<Decision> {
  const outcomes = await book.evaluator.evaluate(book.group('candidate'), { candidate }, { explain: options.explain === true });
  return assembleDecision(book, candidate, outcomes);
}

export interface DecideManyOptions extends DecideOptions {
  /** Called after each chunk with how many are done. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Yield to the event loop every `chunkSize` people (0: never). Default 500. */
  readonly chunkSize?: number;
  readonly signal?: AbortSignal;
}

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Decides many people, in order, one result each; one evaluation per person, never per rule. */
export async function decideMany(book: Rulebook, candidates: readonly Candidate[], options: DecideManyOptions = {}): Promise<Decision[]> {
  const out: Decision[] = new Array(candidates.length);
  const chunk = options.chunkSize ?? 500;
  for (let i = 0; i < candidates.length; i++) {
    out[i] = await decide(book, candidates[i] as Candidate, options);
    if (chunk > 0 && (i + 1) % chunk === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(i + 1, candidates.length);
      await yieldToLoop();
    }
  }
  options.onProgress?.(candidates.length, candidates.length);
  return out;
}
