/**
 * Deciding people: the three public entry points. The work is done by the rulebook's own decider
 * (`decide/decider.ts`): the rules laid out (`decide/plan.ts`), their words (`decide/words.ts`)
 * and the bounded cache of shared decisions (`decide/cache.ts`).
 *
 * Every Decision, and everything in it, is frozen. People whose rules came out alike (and whose
 * reasons name the same values) may share objects: the `tracks` list, a track's decision, a reason.
 */
import type { RuleOutcome } from './evaluate/types.js';
import { deciderOf, type Rulebook } from './rulebook.js';
import type { Candidate } from './schemas/candidate.js';
import type { CostDecision, Decision, Reason, TrackDecision } from './schemas/results.js';
import type { DecisionCore } from './decide/plan.js';
import { coreFrom } from './decide/plan.js';

export type { DecisionCore, RuleRef, TrackCore } from './decide/plan.js';
export type { CostDecision, Decision, Reason, TrackDecision };

export interface DecideOptions {
  /** Record how each condition came out on every reason. */
  readonly explain?: boolean;
}

/** A full decision, synchronously: on the compiled evaluator (the default); throws a TypeError on an asynchronous one. */
export function decideSync(book: Rulebook, candidate: Candidate): Decision {
  return deciderOf(book).decideSync(candidate);
}

/** Decides one person: for each track, eligible or not and why, priority, and who pays what. */
export async function decide(book: Rulebook, candidate: Candidate, options: DecideOptions = {}): Promise<Decision> {
  const decider = deciderOf(book);
  if (!options.explain && decider.synchronous) return decider.decideSync(candidate);
  const outcomes = await book.evaluator.evaluate(book.group('candidate'), { candidate }, { explain: options.explain === true });
  return decider.fromOutcomes(candidate, outcomes);
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
  const decider = deciderOf(book);
  const sync = !options.explain && decider.synchronous;
  for (let i = 0; i < candidates.length; i++) {
    out[i] = sync ? decider.decideSync(candidates[i] as Candidate) : await decide(book, candidates[i] as Candidate, options);
    if (chunk > 0 && (i + 1) % chunk === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(i + 1, candidates.length);
      await yieldToLoop();
    }
  }
  options.onProgress?.(candidates.length, candidates.length);
  return out;
}

// Evaluator plumbing, for comparing evaluators (`@p135/rules/evaluate`).

/** The core of a decision from which rules of the candidate group held (in the group's order). */
export function assembleCore(book: Rulebook, candidateId: string, passed: ArrayLike<boolean | number>): DecisionCore {
  return coreFrom(deciderOf(book).plan, candidateId, passed);
}

/** Turns any evaluator's outcomes for one person into a decision per track. */
export function assembleDecision(book: Rulebook, candidate: Candidate, outcomes: readonly RuleOutcome[]): Decision {
  return deciderOf(book).fromOutcomes(candidate, outcomes);
}

/** The core decision, synchronously, on an evaluator that can (the compiled one): the fast path. */
export function decideCoreSync(book: Rulebook, candidate: Candidate): DecisionCore {
  return deciderOf(book).coreSync(candidate);
}

/** The core decision through any evaluator (for comparing evaluators). */
export async function decideCore(book: Rulebook, candidate: Candidate): Promise<DecisionCore> {
  const decider = deciderOf(book);
  if (decider.synchronous) return decider.coreSync(candidate);
  const outcomes = await book.evaluator.evaluate(book.group('candidate'), { candidate });
  return coreFrom(decider.plan, candidate.id, decider.passedOf(outcomes).passed);
}
