import type Decimal from 'decimal.js';
import { decide, type Reason } from './decide.js';
import type { RuleOutcome } from './evaluate/types.js';
import { FACTS, PARAM_FACT_PREFIX } from './facts/index.js';
import { indexPlan, type PlanIndex } from './facts/plan-index.js';
import type { FactDef } from './facts/types.js';
import { formatDecimalText, type Localized, localize, placeholders } from './i18n.js';
import { Dec, moneyToString, toDecimal } from './money.js';
import type { Rulebook } from './rulebook.js';
import type { BudgetSummary, CategoryCap, Finding, PlanReport, Where } from './schemas/results.js';
import type { Candidate } from './schemas/candidate.js';
import type { CheckRule, CheckScope, Condition } from './schemas/pack.js';
import { MAX_FINDINGS_PER_RULE, type Plan } from './schemas/plan.js';

function collectArgs(c: Condition, name: string, into: Set<string>) {
  if ('all' in c) for (const x of c.all) collectArgs(x, name, into);
  else if ('any' in c) for (const x of c.any) collectArgs(x, name, into);
  else if ('not' in c) collectArgs(c.not, name, into);
  else {
    const v = c.params?.[name];
    if (v) into.add(v);
  }
}

function usesFact(c: Condition, fact: string): boolean {
  if ('all' in c) return c.all.some((x) => usesFact(x, fact));
  if ('any' in c) return c.any.some((x) => usesFact(x, fact));
  if ('not' in c) return usesFact(c.not, fact);
  return c.fact === fact;
}

/** Budget lines a plan-level rule is about: those of the categories it names, or all for the total. */
function budgetLinesOf(rule: CheckRule, plan: Plan): string[] | undefined {
  const categories = new Set<string>();
  collectArgs(rule.conditions, 'category', categories);
  if (categories.size) return plan.budget.filter((l) => categories.has(l.category)).map((l) => l.id);
  if (usesFact(rule.conditions, 'budgetTotal')) return plan.budget.map((l) => l.id);
  return undefined;
}

interface Subject {
  scope: CheckScope;
  track?: string;
  ctx: unknown;
  context: Record<string, unknown>;
  where: Where;
  reasons?: Reason[];
}

export interface CheckPlanOptions {
  /** The roster the plan's trainee ids refer to; default: the plan's own `candidates`. */
  readonly candidates?: readonly Candidate[];
  /** Yield to the event loop after every `chunkSize` subjects checked (0: never, the default). */
  readonly chunkSize?: number;
  /** Stops the check (the promise rejects) between chunks. */
  readonly signal?: AbortSignal;
  /** Called after each chunk with the subjects checked so far and their total (classes, tours, places, trainees). */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Findings listed per rule (default `MAX_FINDINGS_PER_RULE`): past it, the rest of that rule's
   * findings are counted, not listed, and one summary finding of the rule says how many more
   * there are ("and 16,200 more"). `errors` and `warnings` count every finding, listed or not.
   * `Infinity`: list all.
   */
  readonly findingsPerRule?: number;
}

/** A rule's findings met so far: how many are listed and how many more were only counted. */
interface RuleTally {
  readonly rule: CheckRule;
  listed: number;
  more: number;
}

/** The finding that stands for the `more` findings of a rule that are not listed. */
function summaryFinding(t: RuleTally): Finding {
  const more = (lang: 'vi' | 'en') => formatDecimalText(String(t.more), lang);
  const listed = (lang: 'vi' | 'en') => formatDecimalText(String(t.listed), lang);
  const message: Localized = {
    vi: `Quy tắc ${t.rule.id}: và ${more('vi')} trường hợp khác không được liệt kê (chỉ liệt kê ${listed('vi')} trường hợp đầu tiên)`,
    en: `Rule ${t.rule.id}: and ${more('en')} more not listed (only the first ${listed('en')} are)`,
  };
  return { ruleId: t.rule.id, clause: t.rule.clause, severity: t.rule.severity, message, where: {} };
}

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Checks a plan against the pack's check rules: per class, study tour, district, commune,
 * trainee, and the plan as a whole (class counts, budget ceiling and caps). Returns every
 * finding, each with its severity, clause, message in vi and en, and where it is.
 */
export async function checkPlan(book: Rulebook, plan: Plan, options: CheckPlanOptions = {}): Promise<PlanReport> {
  const candidates = options.candidates ?? plan.candidates ?? [];
  const index = indexPlan(plan, candidates, book.tracks);
  const findings: Finding[] = [];
  const perRule = Math.max(0, options.findingsPerRule ?? MAX_FINDINGS_PER_RULE);
  const tallies = new Map<string, RuleTally>();

  let done = 0;
  const chunk = options.chunkSize ?? 0;
  const total =
    1 + plan.classes.length + plan.studyTours.length + index.districts.length + index.communes.length + plan.classes.reduce((n, c) => n + new Set(c.trainees).size, 0) + plan.studyTours.reduce((n, t) => n + new Set(t.members).size, 0);
  const run = async (s: Subject) => {
    if (chunk > 0 && ++done % chunk === 0) {
      options.signal?.throwIfAborted();
      options.onProgress?.(done, total);
      await yieldToLoop();
    }
    const group = book.group(s.scope, s.track);
    if (group.rules.length === 0) return;
    const outcomes: RuleOutcome[] = await book.evaluator.evaluate(group, s.ctx);
    const failed = new Set(outcomes.filter((o) => !o.passed).map((o) => o.ruleId));
    for (const rule of group.rules as CheckRule[]) {
      if (!failed.has(rule.id)) continue;
      let tally = tallies.get(rule.id);
      if (!tally) tallies.set(rule.id, (tally = { rule, listed: 0, more: 0 }));
      if (tally.listed >= perRule) {
        tally.more++;
        continue;
      }
      tally.listed++;
      const where: Where = { ...s.where };
      if (s.scope === 'plan') {
        const lines = budgetLinesOf(rule, plan);
        if (lines) where.budgetLines = lines;
      }
      const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
        ruleId: rule.id,
        clause: rule.clause,
        severity: rule.severity,
        message: localize(rule.message.fail, valuesFor(book, rule, s)),
        where,
      };
      if (s.reasons && usesFact(rule.conditions, 'eligibleForTrack')) finding.reasons = s.reasons;
      findings.push(finding);
    }
  };

  await run({ scope: 'plan', ctx: { index }, context: {}, where: {} });
  for (const cls of plan.classes) {
    await run({ scope: 'class', track: cls.track, ctx: { index, cls }, context: { classId: cls.id, track: cls.track, trackLabel: book.track(cls.track)?.label }, where: { class: cls.id } });
  }
  for (const tour of plan.studyTours) await run({ scope: 'study_tour', track: studyTourTrack(book), ctx: { index, tour }, context: { tourId: tour.id }, where: { studyTour: tour.id } });
  for (const code of index.districts) await run({ scope: 'district', ctx: { index, code }, context: { district: code }, where: { district: code } });
  for (const code of index.communes) await run({ scope: 'commune', ctx: { index, code }, context: { commune: code }, where: { commune: code } });

  const asGiven = new Map<string, Awaited<ReturnType<typeof decide>>>();
  const decisionOf = async (c: Candidate) => {
    let d = asGiven.get(c.id);
    if (!d) asGiven.set(c.id, (d = await decide(book, c)));
    return d;
  };
  const membership = async (traineeId: string, track: string, groupId: string, where: Where, candidate: Candidate | undefined, alreadyDecided: boolean) => {
    let eligible: boolean | null = null;
    let reasons: Reason[] | undefined;
    if (candidate) {
      const d = alreadyDecided ? await decisionOf(candidate) : await decide(book, candidate);
      const t = d.tracks.find((x) => x.track === track);
      eligible = t?.eligible ?? false;
      reasons = t?.reasons;
    }
    await run({
      scope: 'membership',
      track,
      ctx: { index, traineeId, track, eligible },
      context: { traineeId, groupId, track, trackLabel: book.track(track)?.label },
      where,
      ...(reasons ? { reasons } : {}),
    });
  };
  for (const cls of plan.classes) {
    for (const id of new Set(cls.trainees)) await membership(id, cls.track, cls.id, { class: cls.id, trainee: id }, index.candidates.get(id), true);
  }
  const tourTrack = studyTourTrack(book);
  if (tourTrack) {
    for (const tour of plan.studyTours) {
      for (const id of new Set(tour.members)) {
        const c = index.candidates.get(id);
        // A study tour follows the plan year's classes (KH.II.3): count the plan's classes as attended.
        const levels = [...(index.levelsByTrainee.get(id) ?? [])] as Candidate['planYearClasses'];
        const withPlan = c ? { ...c, planYearClasses: [...new Set([...c.planYearClasses, ...levels])] } : undefined;
        await membership(id, tourTrack, tour.id, { studyTour: tour.id, trainee: id }, withPlan, false);
      }
    }
  }

  options.onProgress?.(total, total);
  const counted = { error: 0, warning: 0 };
  for (const t of tallies.values()) {
    counted[t.rule.severity] += t.listed + t.more;
    if (t.more > 0) findings.push(summaryFinding(t));
  }
  const classesByTrack: Record<string, number> = {};
  for (const [k, v] of index.classCountByTrack) classesByTrack[k] = v;
  const trainees = new Set(plan.classes.flatMap((c) => c.trainees)).size;
  return {
    findings,
    errors: counted.error,
    warnings: counted.warning,
    budget: summarizeBudget(book, index),
    counts: { classesByTrack, studyTours: plan.studyTours.length, trainees },
    pack: book.ref,
  };
}

function studyTourTrack(book: Rulebook): string | undefined {
  return book.tracks.find((t) => t.group === 'study_tour')?.code;
}

function valuesFor(book: Rulebook, rule: CheckRule, s: Subject): Record<string, unknown> {
  const values: Record<string, unknown> = Object.create(null);
  Object.assign(values, s.context);
  const names = new Set([...placeholders(rule.message.fail.vi), ...placeholders(rule.message.fail.en)]);
  const defs = FACTS[s.scope] as readonly FactDef<unknown>[];
  for (const name of names) {
    if (Object.hasOwn(values, name)) continue;
    if (name.startsWith(PARAM_FACT_PREFIX)) values[name] = book.params[name.slice(PARAM_FACT_PREFIX.length)];
    else {
      const def = defs.find((f) => f.name === name && !f.args);
      if (def) values[name] = def.compute(s.ctx, {}, book.params);
    }
  }
  return values;
}

export function summarizeBudget(book: Rulebook, index: PlanIndex): BudgetSummary {
  const ceiling = toDecimal(book.params[book.pack.budget.ceiling]) ?? new Dec(0);
  const byCategory: Record<string, string> = {};
  for (const [k, v] of index.budgetByCategory) byCategory[k] = moneyToString(v);
  const caps = book.pack.budget.caps.map((c): CategoryCap => {
    const total: Decimal = index.budgetByCategory.get(c.category) ?? new Dec(0);
    const share = toDecimal(book.params[c.share]) ?? new Dec(0);
    const base = toDecimal(book.params[c.of]) ?? new Dec(0);
    const cap = share.times(base);
    return {
      category: c.category,
      clause: c.clause,
      total: moneyToString(total),
      cap: cap.toFixed(0, Dec.ROUND_DOWN),
      share: share.toFixed(),
      within: total.lte(cap),
    };
  });
  const remaining = ceiling.minus(index.budgetTotal);
  return {
    total: moneyToString(index.budgetTotal),
    ceiling: moneyToString(ceiling),
    remaining: remaining.toFixed(0),
    withinCeiling: index.budgetTotal.lte(ceiling),
    byCategory,
    caps,
  };
}

export type { BudgetSummary, CategoryCap, Finding, PlanReport, Where };
