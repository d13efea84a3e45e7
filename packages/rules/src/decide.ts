import type { CompiledEvaluator } from './evaluate/compiled.js';
import type { RuleGroup, RuleOutcome } from './evaluate/types.js';
import type { CostDecision, Decision, Reason, TrackDecision } from './schemas/results.js';
import { candidateFacts } from './facts/candidate.js';
import { PARAM_FACT_PREFIX } from './facts/index.js';
import { localize, placeholders } from './i18n.js';
import type { Rulebook } from './rulebook.js';
import type { Candidate } from './schemas/candidate.js';
import type { CostCategory, Payer, Rule } from './schemas/pack.js';

export interface DecideOptions {
  /** Record how each condition came out on every reason. */
  readonly explain?: boolean;
}

const CANDIDATE_FACTS = new Map(candidateFacts.map((f) => [f.name, f] as const));

/** Values a rule's messages may name: its facts, parameters and the person's id, name and track. */
/** Placeholders of a rule's messages, found once per rule. */
const placeholderCache = new WeakMap<Rule, readonly string[]>();
function placeholdersOf(rule: Rule): readonly string[] {
  let names = placeholderCache.get(rule);
  if (!names) {
    const m = rule.message;
    names = [...new Set([...placeholders(m.pass.vi), ...placeholders(m.pass.en), ...placeholders(m.fail.vi), ...placeholders(m.fail.en)])];
    placeholderCache.set(rule, names);
  }
  return names;
}

/** Values a rule's messages may name: its facts, parameters and the person's id, name and track. */
function messageValues(book: Rulebook, names: readonly string[], candidate: Candidate, track: string | undefined): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  for (const name of names) {
    if (name.startsWith(PARAM_FACT_PREFIX)) values[name] = book.params[name.slice(PARAM_FACT_PREFIX.length)];
    else if (name === 'candidateId') values[name] = candidate.id;
    else if (name === 'name') values[name] = candidate.name;
    else if (name === 'track') values[name] = track;
    else if (name === 'trackLabel') values[name] = track ? book.track(track)?.label : undefined;
    else {
      const def = CANDIDATE_FACTS.get(name);
      if (def) values[name] = def.compute({ candidate }, {}, book.params);
    }
  }
  return values;
}

/** Placeholders whose values do not depend on the person: a parameter, the track. */
const personFree = (name: string) => name.startsWith(PARAM_FACT_PREFIX) || name === 'track' || name === 'trackLabel';

const personalCache = new WeakMap<Rule, boolean>();
/** Whether a rule's messages name anything about the person. */
function personal(rule: Rule): boolean {
  let p = personalCache.get(rule);
  if (p === undefined) personalCache.set(rule, (p = !placeholdersOf(rule).every(personFree)));
  return p;
}

/** A reason in words; its trace when one was asked for. Sharing is the caller's (see TrackPlan.reasons). */
function reason(book: Rulebook, rule: Rule, outcome: RuleOutcome, candidate: Candidate, track?: string): Reason {
  const names = placeholdersOf(rule);
  const side = outcome.passed ? 'pass' : 'fail';
  const message = names.length ? localize(rule.message[side], messageValues(book, names, candidate, track)) : rule.message[side];
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
  /** Whole track decisions whose words name the person, shared by mask and those values (at most `MAX_BY_VALUES`). */
  readonly byValues: Map<string, TrackDecision>;
  /** Reasons already worded for this track, at rule index × 2 (+1 when the rule held). */
  readonly reasons: (Reason | undefined)[];
}

interface CandidatePlan {
  readonly group: RuleGroup;
  readonly rules: readonly Rule[];
  readonly refs: readonly RuleRef[];
  readonly index: ReadonlyMap<string, number>;
  readonly tracks: readonly TrackPlan[];
  /** Whole decisions' tracks already built, by which rules held (see `decisionOf`): a number for up to 30 rules, else text. */
  readonly outcomes: Map<number | string, Outcome>;
}

/** What every person whose rules came out one way shares: the tracks (and the open ones), by the values their words name. */
interface Outcome {
  /** The placeholders about the person that the shown reasons of every track name, sorted. */
  readonly names: readonly string[];
  /** By the values of `names`: the value itself when it is one whole number (an age), else a text key. */
  readonly shared: Map<number | string, SharedTracks>;
  /** When no value is named: the one list of tracks for everyone. */
  plain?: SharedTracks;
}

interface SharedTracks {
  readonly tracks: readonly TrackDecision[];
  readonly eligibleTracks: readonly string[];
}

/** Ways the rules came out, kept per rulebook; and people's values kept per way. Enough for a province, bounded for a nation. */
const MAX_OUTCOMES = 16_384;
const MAX_SHARED_PER_OUTCOME = 256;

const plans = new WeakMap<Rulebook, CandidatePlan>();

/** Where each track's rules sit in the candidate group, computed once per rulebook. */
function candidatePlan(book: Rulebook): CandidatePlan {
  let plan = plans.get(book);
  if (plan) return plan;
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
    return { track: t.code, eligibility, priority, cost, bits, interned: [], decisions: [], reasons: [], personalNames: [], byValues: new Map() };
  });
  plan = { group, rules, refs, index, tracks, outcomes: new Map() };
  plans.set(book, plan);
  return plan;
}

/** Shared by every decision with no failed rule or no criterion; never mutated. */
const NONE: RuleRef[] = Object.freeze([]) as unknown as RuleRef[];

/** The core of a decision from which rules of the candidate group held (in the group's order). */
export function assembleCore(book: Rulebook, candidateId: string, passed: ArrayLike<boolean | number>): DecisionCore {
  return coreFrom(candidatePlan(book), candidateId, passed);
}

function buildTrackCore(plan: CandidatePlan, t: TrackPlan, passed: ArrayLike<boolean | number>): TrackCore {
  let failed: RuleRef[] = NONE;
  for (const i of t.eligibility) {
    if (passed[i]) continue;
    if (failed === NONE) failed = [];
    failed.push(plan.refs[i] as RuleRef);
  }
  let points = 0;
  let criteria: RuleRef[] = NONE;
  for (const p of t.priority) {
    if (!passed[p.index]) continue;
    points += p.points;
    if (criteria === NONE) criteria = [];
    criteria.push(plan.refs[p.index] as RuleRef);
  }
  let payer: Readonly<Record<CostCategory, Payer>> | null = null;
  for (const c of t.cost) if (passed[c.index]) payer = payer === null ? c.payer : { ...(payer as Record<CostCategory, Payer>), ...c.payer };
  return Object.freeze({ track: t.track, eligible: failed.length === 0, failed: Object.freeze(failed) as RuleRef[], points, criteria: Object.freeze(criteria) as RuleRef[], payer });
}

/**
 * A track's result depends only on which of its own rules held, so each combination is built
 * once and shared (frozen) by every decision with that combination: deciding a person allocates
 * one array and one object. Tracks with more than 16 rules are built each time.
 */
function coreFrom(plan: CandidatePlan, candidateId: string, passed: ArrayLike<boolean | number>): DecisionCore {
  const tracks = new Array<TrackCore>(plan.tracks.length);
  for (let ti = 0; ti < plan.tracks.length; ti++) {
    const t = plan.tracks[ti] as TrackPlan;
    const bits = t.bits;
    if (bits.length > 16) {
      tracks[ti] = buildTrackCore(plan, t, passed);
      continue;
    }
    const mask = maskOf(t, passed);
    let core = t.interned[mask];
    if (core === undefined) t.interned[mask] = core = buildTrackCore(plan, t, passed);
    tracks[ti] = core;
  }
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
  const traced = byIndex.some((o) => o?.trace !== undefined);
  return decisionFromCore(book, candidate, assembleCore(book, candidate.id, passed), passed, traced ? byIndex : undefined);
}

/** Adds the words: each reason's message in vi and en (and its trace, when explained). */
function decisionFromCore(book: Rulebook, candidate: Candidate, core: DecisionCore, passed: ArrayLike<boolean | number>, outcomes?: readonly (RuleOutcome | undefined)[]): Decision {
  const plan = candidatePlan(book);
  const tracks = new Array<TrackDecision>(core.tracks.length);
  for (let ti = 0; ti < core.tracks.length; ti++) {
    const t = core.tracks[ti] as TrackCore;
    const tp = plan.tracks[ti] as TrackPlan;
    const words = (i: number, held: boolean, track: string): Reason => {
      const rule = plan.rules[i] as Rule;
      const trace = outcomes?.[i]?.trace;
      if (trace) return reason(book, rule, { ruleId: rule.id, passed: held, trace }, candidate, track);
      const slot = held ? i * 2 + 1 : i * 2;
      const cached = tp.reasons[slot];
      if (cached) return cached;
      const r = reason(book, rule, { ruleId: rule.id, passed: held }, candidate, track);
      // Words that say nothing about the person are built once per rule, side and track, and shared.
      if (!personal(rule)) tp.reasons[slot] = deepFreeze(r);
      return r;
    };
    // Without traces, a track's decision is built once per outcome and shared: by the outcome alone
    // when its reasons say nothing about the person, else by the outcome and the values they name.
    const mask = !outcomes && tp.bits.length <= 16 ? maskOf(tp, passed) : -1;
    const cached = mask >= 0 ? tp.decisions[mask] : undefined;
    if (cached) {
      tracks[ti] = cached;
      continue;
    }
    const names = mask >= 0 ? personalNamesOf(plan, tp, mask) : undefined;
    const key = names?.length ? valuesKey(book, names, candidate, mask) : undefined;
    const known = key === undefined ? undefined : tp.byValues.get(key);
    if (known) {
      tracks[ti] = known;
      continue;
    }
    const reasons = tp.eligibility.filter((i) => !passed[i]).map((i) => words(i, false, t.track));
    const satisfied = tp.eligibility.filter((i) => passed[i]).map((i) => words(i, true, t.track));
    const criteria = tp.priority.filter((p) => passed[p.index]).map((p) => words(p.index, true, t.track));
    const costReasons = tp.cost.filter((c) => passed[c.index]).map((c) => words(c.index, true, t.track));
    const decision: TrackDecision = {
      track: t.track,
      eligible: t.eligible,
      reasons,
      satisfied,
      priority: { points: t.points, criteria },
      cost: { payer: t.payer, reasons: costReasons },
    };
    if (names && names.length === 0) tp.decisions[mask] = deepFreeze(decision);
    else if (key !== undefined && tp.byValues.size < MAX_BY_VALUES) tp.byValues.set(key, deepFreeze(decision));
    tracks[ti] = decision;
  }
  return {
    candidateId: candidate.id,
    name: candidate.name,
    tracks,
    eligibleTracks: tracks.filter((t) => t.eligible).map((t) => t.track),
    pack: book.ref,
  };
}

/** Decisions kept per track for words that name the person: enough for every age, few enough to stay small. */
const MAX_BY_VALUES = 4096;

/**
 * The placeholders about the person named by the reasons a track shows for an outcome: every
 * eligibility rule (held or failed), and the priority and cost rules that held.
 */
function personalNamesOf(plan: CandidatePlan, t: TrackPlan, mask: number): readonly string[] {
  let names = t.personalNames[mask];
  if (names) return names;
  const found = new Set<string>();
  t.bits.forEach((i, b) => {
    const rule = plan.rules[i] as Rule;
    const shown = rule.kind === 'eligibility' || (mask & (1 << b)) !== 0;
    if (shown && personal(rule)) for (const name of placeholdersOf(rule)) if (!personFree(name)) found.add(name);
  });
  t.personalNames[mask] = names = Object.freeze([...found].sort());
  return names;
}

type Getter = (candidate: Candidate) => unknown;
/** How to read each value named about the person, made once per rulebook and list of names. */
const getters = new WeakMap<Rulebook, WeakMap<readonly string[], readonly Getter[]>>();
function gettersOf(book: Rulebook, names: readonly string[]): readonly Getter[] {
  let byNames = getters.get(book);
  if (!byNames) getters.set(book, (byNames = new WeakMap()));
  let list = byNames.get(names);
  if (!list) {
    list = names.map((name): Getter => {
      if (name === 'candidateId') return (c) => c.id;
      if (name === 'name') return (c) => c.name;
      const def = CANDIDATE_FACTS.get(name);
      // the other names (parameters, the track) say nothing about the person: as messageValues gives them
      return def ? (c) => def.compute({ candidate: c }, {}, book.params) : (c) => messageValues(book, [name], c, undefined)[name];
    });
    byNames.set(names, list);
  }
  return list;
}

/** The outcome and the values its words name, as a key; undefined when a value is not plain (a list, an object). */
function valuesKey(book: Rulebook, names: readonly string[], candidate: Candidate, mask: number): string | undefined {
  const read = gettersOf(book, names);
  let key = String(mask);
  for (let k = 0; k < read.length; k++) {
    const v = (read[k] as Getter)(candidate);
    if (v !== null && typeof v === 'object') return undefined;
    key += `\u0001${typeof v}:${String(v)}`;
  }
  return key;
}

function maskOf(t: TrackPlan, passed: ArrayLike<boolean | number>): number {
  let mask = 0;
  for (let b = 0; b < t.bits.length; b++) if (passed[t.bits[b] as number]) mask |= 1 << b;
  return mask;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

interface FastPath {
  readonly plan: CandidatePlan;
  readonly into: CompiledEvaluator['evaluateInto'];
  readonly scratch: Uint8Array;
  readonly ctx: { candidate: Candidate | undefined };
}
const fastPaths = new WeakMap<Rulebook, FastPath | null>();
function fastPathOf(book: Rulebook): FastPath | null {
  let f = fastPaths.get(book);
  if (f === undefined) {
    const e = book.evaluator as Partial<CompiledEvaluator>;
    const plan = candidatePlan(book);
    f = typeof e.evaluateInto === 'function' ? { plan, into: e.evaluateInto.bind(e), scratch: new Uint8Array(plan.rules.length), ctx: { candidate: undefined } } : null;
    fastPaths.set(book, f);
  }
  return f;
}

/**
 * Evaluates the candidate rules for one person on the fast path and returns which held, in a
 * scratch array that is valid until the next call (one context and one array per rulebook are
 * reused: evaluation is synchronous).
 */
function evaluateFast(book: Rulebook, candidate: Candidate): FastPath {
  const f = fastPathOf(book);
  if (!f) throw new TypeError(`the ${book.evaluator.name} evaluator is asynchronous: use decide()`);
  f.ctx.candidate = candidate;
  try {
    f.into(f.plan.group, f.ctx, f.scratch);
  } finally {
    f.ctx.candidate = undefined;
  }
  return f;
}

/** The core decision, synchronously, on an evaluator that can (the compiled one): the fast path. */
export function decideCoreSync(book: Rulebook, candidate: Candidate): DecisionCore {
  const f = evaluateFast(book, candidate);
  return coreFrom(f.plan, candidate.id, f.scratch);
}

/** Which rules held: a number (one bit a rule) for up to 30 rules, else text (16 rules a character). */
function outcomeKey(passed: Uint8Array): number | string {
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

/**
 * Where the decision of people whose rules came out this way is kept: the outcome, and the key of
 * the values its words name (undefined when they name none). Undefined when it cannot be kept
 * (too many outcomes, a track too large to intern, a value that is not plain).
 */
function sharedPlace(book: Rulebook, plan: CandidatePlan, candidate: Candidate, passed: Uint8Array): { outcome: Outcome; values?: number | string } | undefined {
  const key = outcomeKey(passed);
  let outcome = plan.outcomes.get(key);
  if (!outcome) {
    if (plan.outcomes.size >= MAX_OUTCOMES) return undefined;
    const names = new Set<string>();
    for (const t of plan.tracks) {
      if (t.bits.length > 16) return undefined;
      for (const name of personalNamesOf(plan, t, maskOf(t, passed))) names.add(name);
    }
    outcome = { names: [...names].sort(), shared: new Map() };
    plan.outcomes.set(key, outcome);
  }
  if (outcome.names.length === 0) return { outcome };
  const values = valuesOf(book, outcome.names, candidate);
  return values === undefined ? undefined : { outcome, values };
}

/**
 * A person's decision is a function of which rules held and of the values the shown reasons name
 * (an age, say): people alike in both share one frozen `tracks` list (and list of open tracks),
 * so deciding them builds no words and a writer can keep the text it made for them. The first
 * of them has it built (and kept, when every track's words could be shared and there is room).
 */
function decisionOf(book: Rulebook, plan: CandidatePlan, candidate: Candidate, passed: Uint8Array): Decision {
  const place = sharedPlace(book, plan, candidate, passed);
  const kept = place && (place.values === undefined ? place.outcome.plain : place.outcome.shared.get(place.values));
  if (kept) return { candidateId: candidate.id, name: candidate.name, tracks: kept.tracks as TrackDecision[], eligibleTracks: kept.eligibleTracks as string[], pack: book.ref };
  const d = decisionFromCore(book, candidate, coreFrom(plan, candidate.id, passed), passed);
  if (place && d.tracks.every((t) => Object.isFrozen(t))) {
    const shared: SharedTracks = { tracks: Object.freeze(d.tracks), eligibleTracks: Object.freeze(d.eligibleTracks) };
    if (place.values === undefined) place.outcome.plain = shared;
    else if (place.outcome.shared.size < MAX_SHARED_PER_OUTCOME) place.outcome.shared.set(place.values, shared);
  }
  return d;
}

/** The values the words name, as a key: one whole number as itself (an age), else as text (undefined when one is not plain). */
function valuesOf(book: Rulebook, names: readonly string[], candidate: Candidate): number | string | undefined {
  if (names.length === 1) {
    const v = (gettersOf(book, names)[0] as Getter)(candidate);
    if (typeof v === 'number' && Number.isSafeInteger(v)) return v;
  }
  return valuesKey(book, names, candidate, 0);
}

/** A full decision, synchronously (compiled evaluator only). */
export function decideSync(book: Rulebook, candidate: Candidate): Decision {
  const f = evaluateFast(book, candidate);
  return decisionOf(book, f.plan, candidate, f.scratch);
}

/** Decides one person: for each track, eligible or not and why, priority, and who pays what. */
export async function decide(book: Rulebook, candidate: Candidate, options: DecideOptions = {}): Promise<Decision> {
  if (!options.explain && fastPathOf(book)) return decideSync(book, candidate);
  const outcomes = await book.evaluator.evaluate(book.group('candidate'), { candidate }, { explain: options.explain === true });
  return assembleDecision(book, candidate, outcomes);
}

/** The core decision through any evaluator (for comparing evaluators). */
export async function decideCore(book: Rulebook, candidate: Candidate): Promise<DecisionCore> {
  if (fastPathOf(book)) return decideCoreSync(book, candidate);
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
  const sync = !options.explain && fastPathOf(book) !== null;
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

export type { CostDecision, Decision, Reason, TrackDecision };
