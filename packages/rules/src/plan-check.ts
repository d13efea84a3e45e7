import { decide, type Reason } from './decide.js';
import { type PlaceIndex, placesOf } from './places.js';
import type { RuleOutcome } from './evaluate/types.js';
import { FACTS, PARAM_FACT_PREFIX } from './facts/index.js';
import { indexPlan } from './facts/plan-index.js';
import type { FactDef } from './facts/types.js';
import { localize, placeholders } from './i18n.js';
import { budgetFindings, summarizeBudget } from './budget.js';
import type { Rulebook } from './rulebook.js';
import type { BudgetSummary, CategoryCap, Finding, PlanReport, RuleSummary, Where } from './schemas/results.js';
import type { Candidate } from './schemas/candidate.js';
import { conditionLeaves, someLeaf } from './pack/conditions.js';
import type { ContextValues } from './message-names.js';
import type { CheckRule, CheckScope } from './schemas/pack.js';
import { MAX_FINDINGS_PER_RULE, type Plan } from './schemas/plan.js';
import type { Localized } from './i18n.js';
import { FOREIGN_ROSTER_PARAM } from './pack/package-params.js';

/** Places a rule's summary names as its first examples. */
export const SUMMARY_EXAMPLES = 3;

/** The names of places (the pack's, else the roster's) and people, looked up by code and id (first record wins). */
interface Names {
  readonly district: ReadonlyMap<string, string>;
  readonly commune: ReadonlyMap<string, string>;
  readonly person: ReadonlyMap<string, string>;
}

/** The pack's official names of places first (its `places`), then the roster's for codes the pack does not list. */
function namesOf(candidates: ReadonlyMap<string, Candidate>, places: PlaceIndex): Names {
  const district = new Map<string, string>(places.districts.map((d) => [d.code, d.name]));
  const commune = new Map<string, string>(places.districts.flatMap((d) => d.communes.map((c) => [c.code, c.name] as const)));
  const person = new Map<string, string>();
  for (const c of candidates.values()) {
    person.set(c.id, c.name);
    if (c.district.name && !district.has(c.district.code)) district.set(c.district.code, c.district.name);
    if (c.commune.name && !commune.has(c.commune.code)) commune.set(c.commune.code, c.commune.name);
  }
  return { district, commune, person };
}

/** `Xã Khánh Long (05998)`: the name as the roster writes it (its kind added when missing), and the code; `Xã 05998` without a name. */
function placeText(kind: Localized, pattern: RegExp, name: string | undefined, code: string): Localized {
  if (!name) return { vi: `${kind.vi} ${code}`, en: `${kind.en} ${code}` };
  const full = pattern.test(name) ? name : `${kind.vi} ${name}`;
  return { vi: `${full} (${code})`, en: `${full} (${code})` };
}
const COMMUNE_WORD = { vi: 'Xã', en: 'Commune' };
const COMMUNE_KINDS = /^(xã|phường|thị trấn)\s/iu;
const DISTRICT_WORD = { vi: 'Huyện', en: 'District' };
const DISTRICT_KINDS = /^(huyện|thành phố|thị xã|quận)\s/iu;

/** `Mã Đức Hùng (LS-000001)`, or the id alone when the person is not on the roster. */
const personText = (names: Names, id: string): string => {
  const name = names.person.get(id);
  return name ? `${name} (${id})` : id;
};

/** The where of a finding with the names of its trainee, district and commune, when the roster has them. */
function named(where: Where, names: Names): Where {
  const out: { -readonly [K in keyof Where]: Where[K] } = { ...where };
  const trainee = where.trainee !== undefined ? names.person.get(where.trainee) : undefined;
  const district = where.district !== undefined ? names.district.get(where.district) : undefined;
  const commune = where.commune !== undefined ? names.commune.get(where.commune) : undefined;
  if (trainee) out.traineeName = trainee;
  if (district) out.districtName = district;
  if (commune) out.communeName = commune;
  return out;
}

/** Budget lines a plan-level rule is about: those of the categories it names, or all for the total. */
function budgetLinesOf(rule: CheckRule, plan: Plan): string[] | undefined {
  const categories = new Set(conditionLeaves(rule.conditions).flatMap(({ leaf }) => (leaf.params?.category ? [leaf.params.category] : [])));
  if (categories.size) return plan.budget.filter((l) => categories.has(l.category)).map((l) => l.id);
  if (someLeaf(rule.conditions, (leaf) => leaf.fact === 'budgetTotal')) return plan.budget.map((l) => l.id);
  return undefined;
}

interface Subject {
  scope: CheckScope;
  track?: string;
  ctx: unknown;
  context: Record<string, unknown>;
  where: Where;
  reasons?: readonly Reason[];
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
  readonly first: Finding[];
}

/** The finding that stands for the `more` findings of a rule that are not listed (worded by the pack's `findings.more`). */
function summaryFinding(book: Rulebook, t: RuleTally): Finding {
  const message = localize(book.message('findings.more'), { ruleId: t.rule.id, more: String(t.more), listed: String(t.listed) });
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
  const names = namesOf(index.candidates, placesOf(book.pack));
  const findings: Finding[] = [];
  const perRule = Math.max(0, options.findingsPerRule ?? MAX_FINDINGS_PER_RULE);
  const tallies = new Map<string, RuleTally>();

  let done = 0;
  const chunk = options.chunkSize ?? 0;
  const total =
    1 +
    plan.classes.length +
    plan.studyTours.length +
    index.districts.length +
    index.communes.length +
    plan.classes.reduce((n, c) => n + new Set(c.trainees).size, 0) +
    plan.studyTours.reduce((n, t) => n + new Set(t.members).size, 0);
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
      if (!tally) tallies.set(rule.id, (tally = { rule, listed: 0, more: 0, first: [] }));
      if (tally.listed >= perRule && tally.first.length >= SUMMARY_EXAMPLES) {
        tally.more++;
        continue;
      }
      const lines = s.scope === 'plan' ? budgetLinesOf(rule, plan) : undefined;
      const where: Where = named(lines ? { ...s.where, budgetLines: lines } : { ...s.where }, names);
      const finding: { -readonly [K in keyof Finding]: Finding[K] } = {
        ruleId: rule.id,
        clause: rule.clause,
        severity: rule.severity,
        message: localize(rule.message.fail, valuesFor(book, rule, s)),
        where,
      };
      if (s.reasons && someLeaf(rule.conditions, (leaf) => leaf.fact === 'eligibleForTrack')) finding.reasons = s.reasons;
      if (tally.first.length < SUMMARY_EXAMPLES) tally.first.push(finding);
      if (tally.listed >= perRule) {
        tally.more++;
        continue;
      }
      tally.listed++;
      findings.push(finding);
    }
  };

  await run({ scope: 'plan', ctx: { index }, context: {} satisfies ContextValues<'plan'>, where: {} });
  for (const cls of plan.classes) {
    await run({
      scope: 'class',
      track: cls.track,
      ctx: { index, cls },
      context: { classId: cls.id, track: cls.track, trackLabel: book.track(cls.track)?.label } satisfies ContextValues<'class'>,
      where: { class: cls.id },
    });
  }
  for (const tour of plan.studyTours)
    await run({ scope: 'study_tour', track: studyTourTrack(book), ctx: { index, tour }, context: { tourId: tour.id } satisfies ContextValues<'study_tour'>, where: { studyTour: tour.id } });
  for (const code of index.districts) {
    const districtPlace = placeText(DISTRICT_WORD, DISTRICT_KINDS, names.district.get(code), code);
    await run({ scope: 'district', ctx: { index, code }, context: { district: code, districtPlace } satisfies ContextValues<'district'>, where: { district: code } });
  }
  for (const code of index.communes) {
    const communePlace = placeText(COMMUNE_WORD, COMMUNE_KINDS, names.commune.get(code), code);
    await run({ scope: 'commune', ctx: { index, code }, context: { commune: code, communePlace } satisfies ContextValues<'commune'>, where: { commune: code } });
  }

  const asGiven = new Map<string, Awaited<ReturnType<typeof decide>>>();
  const decisionOf = async (c: Candidate) => {
    let d = asGiven.get(c.id);
    if (!d) asGiven.set(c.id, (d = await decide(book, c)));
    return d;
  };
  const membership = async (traineeId: string, track: string, groupId: string, where: Where, candidate: Candidate | undefined, alreadyDecided: boolean) => {
    let eligible: boolean | null = null;
    let reasons: readonly Reason[] | undefined;
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
      context: { traineeId, trainee: personText(names, traineeId), groupId, track, trackLabel: book.track(track)?.label } satisfies ContextValues<'membership'>,
      where,
      ...(reasons ? { reasons } : {}),
    });
  };
  const foreign = foreignRoster(book, plan, index.candidates, names);
  if (foreign) findings.push(foreign);
  for (const cls of foreign ? [] : plan.classes) {
    for (const id of new Set(cls.trainees)) await membership(id, cls.track, cls.id, { class: cls.id, trainee: id }, index.candidates.get(id), true);
  }
  const tourTrack = studyTourTrack(book);
  if (tourTrack && !foreign) {
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
  const counted = { error: foreign ? 1 : 0, warning: 0 };
  for (const t of tallies.values()) {
    counted[t.rule.severity] += t.listed + t.more;
    if (t.more > 0) findings.push(summaryFinding(book, t));
  }
  const classesByTrack: Record<string, number> = {};
  for (const [k, v] of index.classCountByTrack) classesByTrack[k] = v;
  const trainees = new Set(plan.classes.flatMap((c) => c.trainees)).size;
  const budget = summarizeBudget(book, index);
  const overBudget = budgetFindings(book, plan, budget);
  findings.push(...overBudget);
  // Every finding counts, listed or only summarised; the budget's are errors.
  const errors = counted.error + overBudget.length;
  return {
    passed: errors === 0,
    findings,
    summary: summarize(tallies, [...(foreign ? [foreign] : []), ...overBudget]),
    errors,
    warnings: counted.warning,
    budget,
    counts: { classesByTrack, studyTours: plan.studyTours.length, trainees },
    pack: book.ref,
  };
}

/** Per rule: clause, count, the first case's message and where the first cases are; errors first, then the most frequent. */
function summarize(tallies: ReadonlyMap<string, RuleTally>, others: readonly Finding[]): RuleSummary[] {
  const out: RuleSummary[] = [...tallies.values()].map((t) => ({
    ruleId: t.rule.id,
    clause: t.rule.clause,
    severity: t.rule.severity,
    count: t.listed + t.more,
    message: (t.first[0] as Finding).message,
    examples: t.first.map((f) => f.where),
  }));
  for (const f of others) out.push({ ruleId: f.ruleId, clause: f.clause, severity: f.severity, count: 1, message: f.message, examples: [f.where] });
  const rank = (s: RuleSummary) => (s.severity === 'error' ? 0 : 1);
  return out.sort((a, b) => rank(a) - rank(b) || b.count - a.count || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

/** The id of the one finding that says the roster is of another plan (it stands for every "not on the roster"). */
export const ROSTER_NOT_THIS_PLAN = 'roster.not_this_plan';

/**
 * One finding when most of the plan's trainees are not on the roster (more than the pack's
 * `roster.foreign_share`): the roster is of another plan, and checking each trainee against it
 * would only list thousands of "not on the roster". Cites the clause of the pack's rule that a
 * trainee be on the roster; undefined when the roster fits (or the pack sets no share).
 */
function foreignRoster(book: Rulebook, plan: Plan, roster: ReadonlyMap<string, Candidate>, names: Names): Finding | undefined {
  const share = book.params[FOREIGN_ROSTER_PARAM];
  const known = book.group('membership').rules.find((r) => someLeaf(r.conditions, (leaf) => leaf.fact === 'traineeKnown' && leaf.value === true));
  if (typeof share !== 'string' || !known) return undefined;
  const ids = new Set([...plan.classes.flatMap((c) => c.trainees), ...plan.studyTours.flatMap((t) => t.members)]);
  const missing = [...ids].filter((id) => !roster.has(id));
  if (ids.size === 0 || missing.length <= Number(share) * ids.size) return undefined;
  const examples = missing.slice(0, SUMMARY_EXAMPLES).map((id) => personText(names, id));
  const message = localize(book.message('findings.roster_not_this_plan'), {
    missing: String(missing.length),
    trainees: String(ids.size),
    examples: examples.join(', '),
    [`${PARAM_FACT_PREFIX}${FOREIGN_ROSTER_PARAM}`]: share,
  });
  return { ruleId: ROSTER_NOT_THIS_PLAN, clause: known.clause, severity: 'error', message, where: {} };
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

export type { BudgetSummary, CategoryCap, Finding, PlanReport, RuleSummary, Where };
