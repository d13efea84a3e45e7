import type { CompiledEvaluator } from './evaluate/compiled.js';
import type { ConditionTrace, RuleGroup, RuleOutcome } from './evaluate/types.js';
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

interface TrackPlan {
  readonly track: string;
  readonly eligibility: readonly number[];
  readonly priority: readonly { index: number; points: number }[];
  readonly cost: readonly { index: number; payer: Readonly<Record<CostCategory, Payer>> }[];
}

interface CandidatePlan {
  readonly rules: readonly Rule[];
  readonly refs: readonly RuleRef[];
  readonly index: ReadonlyMap<string, number>;
  readonly tracks: readonly TrackPlan[];
}

const plans = new WeakMap<Rulebook, CandidatePlan>();

/** Where each track's rules sit in the candidate group, computed once per rulebook. */
function candidatePlan(book: Rulebook): CandidatePlan {
  let plan = plans.get(book);
  if (plan) return plan;
  const rules = book.group('candidate').rules;
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
    return { track: t.code, eligibility, priority, cost };
  });
  plan = { rules, refs, index, tracks };
  plans.set(book, plan);
  return plan;
}

/** The core of a decision from which rules of the candidate group held (in the group's order). */
export function assembleCore(book: Rulebook, candidateId: string, passed: readonly boolean[]): DecisionCore {
  const plan = candidatePlan(book);
  const tracks = plan.tracks.map((t): TrackCore => {
    const failed: RuleRef[] = [];
    for (const i of t.eligibility) if (!passed[i]) failed.push(plan.refs[i] as RuleRef);
    let points = 0;
    const criteria: RuleRef[] = [];
    for (const p of t.priority) {
      if (passed[p.index]) {
        points += p.points;
        criteria.push(plan.refs[p.index] as RuleRef);
      }
    }
    let payer: Readonly<Record<CostCategory, Payer>> | null = null;
    for (const c of t.cost) if (passed[c.index]) payer = payer === null ? c.payer : { ...(payer as Record<CostCategory, Payer>), ...c.payer };
    return { track: t.track, eligible: failed.length === 0, failed, points, criteria, payer };
  });
  return { candidateId, tracks };
}

/**
 * Turns rule outcomes for one person into a decision per track. Shared by every evaluator:
 * an evaluator only says which rules held; what that means is decided here, once.
 */
export function assembleDecision(book: Rulebook, candidate: Candidate, outcomes: readonly RuleOutcome[]): Decision {
  const plan = candidatePlan(book);
  const passed = new Array<boolean>(plan.rules.length).fill(false);
  const byIndex = new Array<RuleOutcome | undefined>(plan.rules.length);
  for (const o of outcomes) {
    const i = plan.index.get(o.ruleId);
    if (i === undefined) continue;
    passed[i] = o.passed;
    byIndex[i] = o;
  }
  return decisionFromCore(book, candidate, assembleCore(book, candidate.id, passed), passed, byIndex);
}

/** Adds the words: each reason's message in vi and en (and its trace, when explained). */
function decisionFromCore(book: Rulebook, candidate: Candidate, core: DecisionCore, passed: readonly boolean[], outcomes?: readonly (RuleOutcome | undefined)[]): Decision {
  const plan = candidatePlan(book);
  const words = (ref: RuleRef, passed: boolean, track: string): Reason => {
    const i = plan.index.get(ref.ruleId) as number;
    const rule = plan.rules[i] as Rule;
    const trace = outcomes?.[i]?.trace;
    return reason(book, rule, trace ? { ruleId: rule.id, passed, trace } : { ruleId: rule.id, passed }, candidate, track);
  };
  const tracks = core.tracks.map((t, ti): TrackDecision => {
    const tp = plan.tracks[ti] as TrackPlan;
    const failedIds = new Set(t.failed.map((f) => f.ruleId));
    const satisfied = tp.eligibility.filter((i) => !failedIds.has((plan.refs[i] as RuleRef).ruleId)).map((i) => words(plan.refs[i] as RuleRef, true, t.track));
    const costReasons = tp.cost.filter((c) => passed[c.index]).map((c) => words(plan.refs[c.index] as RuleRef, true, t.track));
    return {
      track: t.track,
      eligible: t.eligible,
      reasons: t.failed.map((f) => words(f, false, t.track)),
      satisfied,
      priority: { points: t.points, criteria: t.criteria.map((c) => words(c, true, t.track)) },
      cost: { payer: t.payer, reasons: costReasons },
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

function evaluateSyncOf(book: Rulebook): ((group: RuleGroup, ctx: unknown) => boolean[]) | undefined {
  const e = book.evaluator as Partial<CompiledEvaluator>;
  return typeof e.evaluateSync === 'function' ? e.evaluateSync.bind(e) : undefined;
}

/** The core decision, synchronously, on an evaluator that can (the compiled one): the fast path. */
export function decideCoreSync(book: Rulebook, candidate: Candidate): DecisionCore {
  const sync = evaluateSyncOf(book);
  if (!sync) throw new TypeError(`the ${book.evaluator.name} evaluator is asynchronous: use decide()`);
  return assembleCore(book, candidate.id, sync(book.group('candidate'), { candidate }));
}

/** A full decision, synchronously (compiled evaluator only). */
export function decideSync(book: Rulebook, candidate: Candidate): Decision {
  const sync = evaluateSyncOf(book);
  if (!sync) throw new TypeError(`the ${book.evaluator.name} evaluator is asynchronous: use decide()`);
  const passed = sync(book.group('candidate'), { candidate });
  return decisionFromCore(book, candidate, assembleCore(book, candidate.id, passed), passed);
}

/** Decides one person: for each track, eligible or not and why, priority, and who pays what. */
export async function decide(book: Rulebook, candidate: Candidate, options: DecideOptions = {}): Promise<Decision> {
  if (!options.explain && evaluateSyncOf(book)) return decideSync(book, candidate);
  const outcomes = await book.evaluator.evaluate(book.group('candidate'), { candidate }, { explain: options.explain === true });
  return assembleDecision(book, candidate, outcomes);
}

/** The core decision through any evaluator (for comparing evaluators). */
export async function decideCore(book: Rulebook, candidate: Candidate): Promise<DecisionCore> {
  if (evaluateSyncOf(book)) return decideCoreSync(book, candidate);
  const plan = candidatePlan(book);
  const outcomes = await book.evaluator.evaluate(book.group('candidate'), { candidate });
  const passed = new Array<boolean>(plan.rules.length).fill(false);
  for (const o of outcomes) {
    const i = plan.index.get(o.ruleId);
    if (i !== undefined) passed[i] = o.passed;
  }
  return assembleCore(book, candidate.id, passed);
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
  const sync = !options.explain && evaluateSyncOf(book) !== undefined;
  for (let i = 0; i < candidates.length; i++) {
    out[i] = sync ? decideSync(book, candidates[i] as Candidate) : await decide(book, candidates[i] as Candidate, options);
    if (chunk > 0 && (i + 1) % chunk === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(i + 1, candidates.length);
      await yieldToLoop();
    }
  }
  options.onProgress?.(candidates.length, candidates.length);
  return out;
}
