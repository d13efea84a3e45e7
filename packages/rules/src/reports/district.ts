import { decideMany } from '../decide.js';
import { placesOf } from '../places.js';
import { Dec } from '../money.js';
import { checkPlan } from '../plan-check.js';
import type { Rulebook } from '../rulebook.js';
import type { Candidate } from '../schemas/candidate.js';
import type { CheckRule, Condition } from '../schemas/pack.js';
import type { Plan, TrainingClass } from '../schemas/plan.js';
import type { DistrictReport, HeldClassRow, HeldTourRow, ReportHeading, Timeliness } from '../schemas/report.js';
import type { HeldClass, Results } from '../schemas/report-input.js';
import type { Finding } from '../schemas/results.js';
import {
  asPlanClass,
  asPlanTour,
  classesByPlace,
  classesByTrack,
  classTracks,
  daysBetween,
  packText,
  placeNames,
  reportFinding,
  spendingByLine,
  spendingTable,
  spentOf,
  tallyTrainees,
} from './tally.js';

import { DEADLINE_PARAM } from '../pack/package-params.js';

export { DEADLINE_PARAM };

export interface ReportOptions {
  /** The roster the results' trainee ids refer to (a list, or a Map by id built once). */
  readonly roster: readonly Candidate[] | ReadonlyMap<string, Candidate>;
  /** Names of districts and communes; default: from the roster's records. */
  readonly names?: { readonly districts: ReadonlyMap<string, string>; readonly communes: ReadonlyMap<string, string> };
  /** Priority criteria already found (by person id), to reuse across reports; filled as people are decided. */
  readonly criteria?: PriorityCriteria;
  /** Yield to the event loop every `chunkSize` people decided or checked. Default 2000. */
  readonly chunkSize?: number;
}

export const rosterMap = (roster: readonly Candidate[] | ReadonlyMap<string, Candidate>): ReadonlyMap<string, Candidate> =>
  roster instanceof Map ? roster : new Map((roster as readonly Candidate[]).map((c) => [c.id, c] as const));

/** The report deadline (pack parameter `report.deadline`, KH.III.3) and whether `sentOn` meets it. */
export function timeliness(book: Rulebook, sentOn: string | null): Timeliness {
  const param = Object.hasOwn(book.pack.parameters, DEADLINE_PARAM) ? book.pack.parameters[DEADLINE_PARAM] : undefined;
  const deadline = typeof book.params[DEADLINE_PARAM] === 'string' ? (book.params[DEADLINE_PARAM] as string) : null;
  const clause = param?.clause ?? '';
  if (sentOn === null) return { deadline, deadlineClause: clause, sentOn: null, status: 'missing', daysLate: 0 };
  const late = deadline !== null && sentOn > deadline;
  return { deadline, deadlineClause: clause, sentOn, status: late ? 'late' : 'on_time', daysLate: late && deadline ? daysBetween(deadline, sentOn) : 0 };
}

/** Person id → track → ids of the priority rules the person meets for that track (as `decide` found them). */
export type PriorityCriteria = Map<string, ReadonlyMap<string, readonly string[]>>;

const DECIDE_BATCH = 10_000;

/**
 * Decides each person once (the package's own `decide`, through `decideMany`, a batch at a time)
 * and keeps only what the reports count: the priority criteria met per track. People with the
 * same criteria share one record, so a province of a million people holds a handful of them.
 */
export async function criteriaFor(book: Rulebook, ids: Iterable<string>, roster: ReadonlyMap<string, Candidate>, into: PriorityCriteria, chunkSize: number): Promise<PriorityCriteria> {
  const todo: Candidate[] = [];
  for (const id of ids) {
    const c = roster.get(id);
    if (c && !into.has(id)) todo.push(c);
  }
  const shared = new Map<string, ReadonlyMap<string, readonly string[]>>();
  for (let i = 0; i < todo.length; i += DECIDE_BATCH) {
    const batch = todo.slice(i, i + DECIDE_BATCH);
    const decided = await decideMany(book, batch, { chunkSize });
    decided.forEach((d, k) => {
      const met = d.tracks.filter((t) => t.priority.criteria.length > 0).map((t) => [t.track, t.priority.criteria.map((r) => r.ruleId)] as const);
      const key = met.map(([t, rs]) => `${t}:${rs.join(',')}`).join(';');
      let record = shared.get(key);
      if (!record) shared.set(key, (record = new Map(met)));
      into.set((batch[k] as Candidate).id, record);
    });
  }
  return into;
}

/** Held classes checked against their planned classes: shorter than planned, not in the plan, planned and not held. */
export function heldClassFindings(book: Rulebook, planned: readonly TrainingClass[], held: readonly HeldClass[], planById: ReadonlyMap<string, TrainingClass>): Finding[] {
  const out: Finding[] = [];
  const label = (track: string) => book.track(track)?.label;
  const clauseOf = (track: string) => book.track(track)?.clause ?? '';
  for (const c of held) {
    const where = { class: c.id, ...(c.district ? { district: c.district } : {}), ...(c.commune ? { commune: c.commune } : {}) };
    if (c.planClass === null) {
      out.push(reportFinding(book, 'report.finding.unplanned_class', clauseOf(c.track), 'warning', where, { classId: c.id, trackLabel: label(c.track) }));
      continue;
    }
    const p = planById.get(c.planClass);
    if (p && new Dec(c.days).lt(new Dec(p.days))) {
      out.push(reportFinding(book, 'report.finding.shorter_than_planned', clauseOf(c.track), 'error', where, { classId: c.id, days: c.days, plannedDays: p.days, planClass: p.id }));
    }
  }
  const heldIds = new Set(held.map((c) => c.planClass));
  for (const p of planned) {
    if (heldIds.has(p.id)) continue;
    out.push(
      reportFinding(
        book,
        'report.finding.not_held',
        clauseOf(p.track),
        'warning',
        { class: p.id, ...(p.district ? { district: p.district } : {}), ...(p.commune ? { commune: p.commune } : {}) },
        { planClass: p.id, trackLabel: label(p.track) },
      ),
    );
  }
  return out;
}

/** Lines spent over their estimate (the budget ceiling's clause). */
export function overspentFindings(book: Rulebook, lines: DistrictReport['spending']['lines']): Finding[] {
  const clause = book.pack.parameters[book.pack.budget.ceiling]?.clause ?? '';
  return lines
    .filter((l) => !l.within)
    .map((l) => reportFinding(book, 'report.finding.line_overspent', clause, 'error', { budgetLines: [l.line] }, { line: l.line, spent: l.spent, estimate: l.estimate }));
}

function tracksNamed(c: Condition, into: Set<string>): Set<string> {
  if ('all' in c) for (const x of c.all) tracksNamed(x, into);
  else if ('any' in c) for (const x of c.any) tracksNamed(x, into);
  else if ('not' in c) tracksNamed(c.not, into);
  else if (c.params?.track) into.add(c.params.track);
  return into;
}

/**
 * Which of `checkPlan`'s findings belong in one unit's report: not the plan-wide ones (counts and
 * budget are the consolidation's), and not those about another level's classes (a district does
 * not hold the province's classes, so "no trainee of this commune in the province cadre classes"
 * is for the consolidation to say).
 */
function belongsToUnit(book: Rulebook, district: string | null): (f: Finding) => boolean {
  const keep = new Map<string, boolean>();
  for (const r of book.pack.rules) {
    if (r.kind !== 'check') continue;
    const rule = r as CheckRule;
    const levels = [...tracksNamed(rule.conditions, new Set())].map((t) => book.track(t)?.level);
    const otherLevel = levels.some((l) => (district === null ? l !== 'province' : l === 'province'));
    keep.set(rule.id, rule.scope !== 'plan' && !otherLevel);
  }
  return (f) => keep.get(f.ruleId) ?? true;
}

/** The heading of a printed report, every word from the pack's messages. */
export function heading(book: Rulebook, level: 'district' | 'province', unitName: string, date: string, note: string | undefined): ReportHeading {
  const year = book.params['plan.year'];
  const province = book.pack.meta.province.name.replace(/^Tỉnh\s+/i, '');
  const issuer = level === 'district' ? packText(book, 'report.district.issuer', { districtName: unitName.toUpperCase() }) : packText(book, 'report.province.issuer');
  return {
    issuer,
    motto: packText(book, 'report.motto'),
    title: packText(book, `report.${level}.title`, { year }),
    recipient: packText(book, `report.${level}.recipient`),
    dateline: packText(book, 'report.dateline', { placeName: level === 'district' ? unitName : province, day: date.slice(8, 10), month: date.slice(5, 7), yearOfDate: date.slice(0, 4), date }),
    signatures: [packText(book, 'report.signature.preparer'), packText(book, 'report.signature.head')],
    ...(note ? { note } : {}),
  };
}

export const heldClassRow = (c: HeldClass, district: string | null, planById: ReadonlyMap<string, TrainingClass>): HeldClassRow => {
  const d = c.district ?? district;
  return {
    id: c.id,
    planClass: c.planClass,
    track: c.track,
    ...(d ? { district: d } : {}),
    ...(c.commune ? { commune: c.commune } : {}),
    place: c.place,
    start: c.start,
    end: c.end,
    days: c.days,
    plannedDays: c.planClass ? (planById.get(c.planClass)?.days ?? null) : null,
    trainees: new Set(c.trainees).size,
    spent: spentOf(c),
  };
};

export const heldTourRow = (t: Results['studyTours'][number], district: string | null): HeldTourRow => ({
  id: t.id,
  planTour: t.planTour,
  reportedBy: district,
  ...(t.destination ? { destination: t.destination } : {}),
  start: t.start,
  end: t.end,
  members: new Set(t.members).size,
  spent: spentOf(t),
});

/** The plan's classes a report answers for: a district's district and commune classes, or (district null) the province's own. */
export function plannedFor(book: Rulebook, plan: Plan, district: string | null): TrainingClass[] {
  const level = (track: string) => book.track(track)?.level;
  return plan.classes.filter((c) => (district === null ? level(c.track) === 'province' : level(c.track) !== 'province' && c.district === district));
}

/**
 * A district's results report (KH.III.3): classes planned against held, per track and commune;
 * who attended (by track, gender, ethnic group, priority criteria) and trainee-days; spending per
 * line against the estimate; every finding on what was held — the pack's check rules run by
 * `checkPlan` on the held classes (eligibility through `decide`, windows, days, sizes, commune
 * quotas, province-trained people in district or commune classes), classes shorter than planned,
 * unplanned and not held; and whether it was sent by the deadline. Pure: data in, a report out.
 */
export async function districtReport(book: Rulebook, plan: Plan, results: Results, options: ReportOptions): Promise<DistrictReport> {
  const roster = rosterMap(options.roster);
  const chunkSize = options.chunkSize ?? 2000;
  const names = options.names ?? placeNames(roster.values(), placesOf(book.pack));
  const district = results.district;
  const districtName = results.districtName ?? (district ? (names.districts.get(district) ?? district) : (book.pack.meta.issuer ?? ''));
  const planById = new Map(plan.classes.map((c) => [c.id, c] as const));
  const planned = plannedFor(book, plan, district);

  const attendees = new Set<string>();
  for (const c of results.classes) for (const id of c.trainees) attendees.add(id);
  for (const t of results.studyTours) for (const id of t.members) attendees.add(id);
  const criteria = await criteriaFor(book, attendees, roster, options.criteria ?? new Map(), chunkSize);

  // The pack's check rules on what was held. A district does not hold the province's classes:
  // who the plan puts in them counts as trained at the province this year (KH.II.2.2).
  const levelsInPlan = new Map<string, Set<string>>();
  for (const c of plan.classes) {
    const level = book.track(c.track)?.level;
    if (level === 'province' || level === 'district' || level === 'commune') for (const id of c.trainees) (levelsInPlan.get(id) ?? levelsInPlan.set(id, new Set()).get(id))?.add(level);
  }
  const candidates: Candidate[] = [];
  for (const id of attendees) {
    const c = roster.get(id);
    if (!c) continue;
    const extra = levelsInPlan.get(id);
    candidates.push(extra ? { ...c, planYearClasses: [...new Set([...c.planYearClasses, ...extra])] as Candidate['planYearClasses'] } : c);
  }
  const held: Plan = { classes: results.classes.map((c) => asPlanClass(c, district)), studyTours: results.studyTours.map(asPlanTour), budget: [] };
  const checked = await checkPlan(book, held, { candidates, chunkSize });
  const spent = spendingByLine([...results.classes, ...results.studyTours]);
  const spending = spendingTable(plan.budget, spent, (l) => spent.has(l.id));
  const time = timeliness(book, results.sentOn);
  const findings: Finding[] = [
    ...(time.status === 'late' && district !== null
      ? [
          reportFinding(book, 'report.finding.late', time.deadlineClause, 'error', district ? { district } : {}, {
            districtName,
            sentOn: results.sentOn,
            daysLate: time.daysLate,
            deadline: time.deadline,
          }),
        ]
      : []),
    ...checked.findings.filter(belongsToUnit(book, district)),
    ...heldClassFindings(book, planned, results.classes, planById),
    ...overspentFindings(book, spending.lines),
  ];
  const trainees = tallyTrainees(book, results.classes, roster, criteria);
  return {
    kind: 'district',
    district,
    districtName,
    heading: heading(book, district === null ? 'province' : 'district', districtName, results.sentOn, results.note),
    timeliness: time,
    classes: {
      byTrack: classesByTrack(book, planned, results.classes),
      byCommune: classesByPlace(book, planned, results.classes, (c) => c.commune, names.communes),
      held: results.classes.map((c) => heldClassRow(c, district, planById)),
    },
    trainees,
    studyTours: results.studyTours.map((t) => heldTourRow(t, district)),
    spending,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    pack: book.ref,
  };
}

export { classTracks };
