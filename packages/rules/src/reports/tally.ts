import type Decimal from 'decimal.js';
import type { PlaceIndex } from '../places.js';
import { type Localized, localize } from '../i18n.js';
import { Dec, moneyToString, parseMoney } from '../money.js';
import { ETHNIC_GROUPS } from '../reference/ethnic-groups.js';
import type { Rulebook } from '../rulebook.js';
import type { Candidate } from '../schemas/candidate.js';
import type { PriorityRule } from '../schemas/pack.js';
import type { BudgetLine, Plan, TrainingClass } from '../schemas/plan.js';
import type { PlaceClasses, PriorityCount, SpendingLine, SpendingTable, TraineeTally, TrackClasses } from '../schemas/report.js';
import type { HeldClass, HeldStudyTour, Spending } from '../schemas/report-input.js';
import type { Finding } from '../schemas/results.js';

/** Small, pure pieces shared by the district report and the provincial consolidation. */

const ETHNIC = new Map(ETHNIC_GROUPS.map((g) => [g.code, g] as const));

/** A message of the pack, filled in; a missing message shows its id, so it is visible, not silent. */
export function packText(book: Rulebook, id: string, values: Record<string, unknown> = {}): Localized {
  const messages = book.pack.messages;
  if (!Object.hasOwn(messages, id)) return { vi: `[${id}]`, en: `[${id}]` };
  return localize(messages[id] as Localized, values);
}

/** A finding of a report (not of a pack rule): its id is the message's, its clause given. */
export function reportFinding(book: Rulebook, id: string, clause: string, severity: Finding['severity'], where: Finding['where'], values: Record<string, unknown>): Finding {
  return { ruleId: id, clause, severity, message: packText(book, id, values), where };
}

/** Class tracks (not study tours), in the pack's order. */
export const classTracks = (book: Rulebook) => book.tracks.filter((t) => t.group !== 'study_tour');

/** A priority rule's words without its per-person details: "Ưu tiên: cán bộ trẻ". */
function criterionLabel(rule: PriorityRule): Localized {
  const strip = (s: string) => s.replace(/\s*\([^)]*\{[^)]*\)/g, '').trim();
  return { vi: strip(rule.message.pass.vi), en: strip(rule.message.pass.en) };
}

export const priorityRules = (book: Rulebook): PriorityRule[] => book.pack.rules.filter((r): r is PriorityRule => r.kind === 'priority');

interface Counter {
  people: Set<string>;
  attendances: number;
  female: number;
  male: number;
  minority: number;
  verySmall: number;
  priority: Map<string, number>;
  traineeDays: Decimal;
}
const counter = (): Counter => ({ people: new Set(), attendances: 0, female: 0, male: 0, minority: 0, verySmall: 0, priority: new Map(), traineeDays: new Dec(0) });

function countPerson(c: Counter, person: Candidate | undefined, criteria: readonly string[]) {
  if (!person) return;
  if (person.gender === 'female') c.female++;
  else c.male++;
  const group = ETHNIC.get(person.ethnicity);
  if (group?.minority) c.minority++;
  if (group?.verySmall) c.verySmall++;
  for (const id of criteria) c.priority.set(id, (c.priority.get(id) ?? 0) + 1);
}

function tallyRow(book: Rulebook, track: string, label: Localized, c: Counter, rules: readonly PriorityRule[]): TraineeTally {
  const priority: PriorityCount[] = rules.map((r) => ({ ruleId: r.id, clause: r.clause, label: criterionLabel(r), trainees: c.priority.get(r.id) ?? 0 }));
  return {
    track,
    label,
    trainees: c.people.size,
    attendances: c.attendances,
    female: c.female,
    male: c.male,
    minority: c.minority,
    verySmall: c.verySmall,
    priority,
    traineeDays: c.traineeDays.toFixed(),
  };
}

/**
 * Who attended, by track and in total: distinct people, places taken, gender, ethnic minority and
 * very-small groups, each priority criterion (as the pack's priority rules decided, through
 * `decide`), and trainee-days (Σ class size × days), exact.
 */
export function tallyTrainees(
  book: Rulebook,
  classes: readonly Pick<HeldClass, 'track' | 'days' | 'trainees'>[],
  roster: ReadonlyMap<string, Candidate>,
  criteriaOf: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>,
): { byTrack: TraineeTally[]; total: TraineeTally } {
  const rules = priorityRules(book);
  const byTrack = new Map<string, Counter>();
  const total = counter();
  const totalCriteria = new Map<string, Set<string>>();
  for (const cls of classes) {
    let c = byTrack.get(cls.track);
    if (!c) byTrack.set(cls.track, (c = counter()));
    const people = new Set(cls.trainees);
    c.attendances += people.size;
    total.attendances += people.size;
    const days = new Dec(cls.days).times(people.size);
    c.traineeDays = c.traineeDays.plus(days);
    total.traineeDays = total.traineeDays.plus(days);
    for (const id of people) {
      const criteria = criteriaOf.get(id)?.get(cls.track) ?? [];
      if (!c.people.has(id)) {
        c.people.add(id);
        countPerson(c, roster.get(id), criteria);
      }
      if (!total.people.has(id)) {
        total.people.add(id);
        countPerson(total, roster.get(id), []);
      }
      for (const r of criteria) {
        let s = totalCriteria.get(r);
        if (!s) totalCriteria.set(r, (s = new Set()));
        s.add(id);
      }
    }
  }
  for (const [r, s] of totalCriteria) total.priority.set(r, s.size);
  const rows = classTracks(book)
    .filter((t) => byTrack.has(t.code))
    .map((t) =>
      tallyRow(
        book,
        t.code,
        t.label,
        byTrack.get(t.code) as Counter,
        rules.filter((r) => r.tracks.includes(t.code)),
      ),
    );
  return { byTrack: rows, total: tallyRow(book, 'total', { vi: 'Tổng cộng', en: 'Total' }, total, rules) };
}

/** Planned against held, per track: held classes that are planned, unplanned ones, planned ones not held. */
export function classesByTrack(book: Rulebook, planned: readonly TrainingClass[], held: readonly HeldClass[]): TrackClasses[] {
  const heldIds = new Set(held.map((c) => c.planClass).filter((x): x is string => x !== null));
  return classTracks(book)
    .map((t): TrackClasses => {
      const p = planned.filter((c) => c.track === t.code);
      const h = held.filter((c) => c.track === t.code);
      return {
        track: t.code,
        label: t.label,
        clause: t.clause,
        planned: p.length,
        held: h.length,
        heldPlanned: h.filter((c) => c.planClass !== null).length,
        unplanned: h.filter((c) => c.planClass === null).length,
        notHeld: p.filter((c) => !heldIds.has(c.id)).map((c) => c.id),
      };
    })
    .filter((r) => r.planned > 0 || r.held > 0);
}

/** Planned against held per place (commune or district) and track, with the trainees of the held classes. */
export function classesByPlace(
  book: Rulebook,
  planned: readonly TrainingClass[],
  held: readonly HeldClass[],
  placeOf: (c: { district?: string | undefined; commune?: string | undefined }) => string | undefined,
  names: ReadonlyMap<string, string>,
): PlaceClasses[] {
  const rows = new Map<string, { code: string; track: string; planned: number; held: number; people: Set<string> }>();
  const row = (code: string, track: string) => {
    const k = `${code}|${track}`;
    let r = rows.get(k);
    if (!r) rows.set(k, (r = { code, track, planned: 0, held: 0, people: new Set() }));
    return r;
  };
  for (const c of planned) {
    const code = placeOf(c);
    if (code) row(code, c.track).planned++;
  }
  for (const c of held) {
    const code = placeOf(c);
    if (!code) continue;
    const r = row(code, c.track);
    r.held++;
    for (const id of c.trainees) r.people.add(id);
  }
  return [...rows.values()]
    .sort((a, b) => (a.code === b.code ? (a.track < b.track ? -1 : 1) : a.code < b.code ? -1 : 1))
    .map((r) => {
      const name = names.get(r.code);
      return {
        code: r.code,
        ...(name ? { name } : {}),
        track: r.track,
        trackLabel: book.track(r.track)?.label ?? { vi: r.track, en: r.track },
        planned: r.planned,
        held: r.held,
        trainees: r.people.size,
      };
    });
}

/** Σ spending of classes and tours, by budget line. */
export function spendingByLine(items: readonly { spending: readonly Spending[] }[]): Map<string, Decimal> {
  const out = new Map<string, Decimal>();
  for (const item of items) for (const s of item.spending) out.set(s.line, (out.get(s.line) ?? new Dec(0)).plus(parseMoney(s.amount)));
  return out;
}

export const spentOf = (item: { spending: readonly Spending[] }): string => moneyToString(item.spending.reduce((sum: Decimal, s) => sum.plus(parseMoney(s.amount)), new Dec(0)));

/** Spending per line against the plan's estimate; `lines` chooses which lines (default: every line of the plan). */
export function spendingTable(budget: readonly BudgetLine[], spent: ReadonlyMap<string, Decimal>, only?: (line: BudgetLine) => boolean): SpendingTable {
  let estimate: Decimal = new Dec(0);
  let total: Decimal = new Dec(0);
  const lines = budget
    .filter((l) => (only ? only(l) : true))
    .map((l): SpendingLine => {
      const e = parseMoney(l.amount);
      const s = spent.get(l.id) ?? new Dec(0);
      estimate = estimate.plus(e);
      total = total.plus(s);
      return { line: l.id, category: l.category, ...(l.label ? { label: l.label } : {}), estimate: moneyToString(e), spent: moneyToString(s), remaining: e.minus(s).toFixed(0), within: s.lte(e) };
    });
  return { lines, total: { estimate: moneyToString(estimate), spent: moneyToString(total), remaining: estimate.minus(total).toFixed(0) } };
}

/** Days from one ISO date to another (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  const t = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}

/** Names of districts and communes: the pack's official ones (`places`), then the roster's records (first name seen). */
export function placeNames(roster: Iterable<Candidate>, places?: PlaceIndex): { districts: Map<string, string>; communes: Map<string, string> } {
  const districts = new Map<string, string>(places?.districts.map((d) => [d.code, d.name]));
  const communes = new Map<string, string>(places?.districts.flatMap((d) => d.communes.map((c) => [c.code, c.name] as const)));
  for (const c of roster) {
    if (c.district.name && !districts.has(c.district.code)) districts.set(c.district.code, c.district.name);
    if (c.commune.name && !communes.has(c.commune.code)) communes.set(c.commune.code, c.commune.name);
  }
  return { districts, communes };
}

/** Held classes as plan classes, so `checkPlan` can check what was held with the pack's own rules. */
export const asPlanClass = (c: HeldClass, district: string | null): TrainingClass => ({
  id: c.id,
  track: c.track,
  ...((c.district ?? district) ? { district: (c.district ?? district) as string } : {}),
  ...(c.commune ? { commune: c.commune } : {}),
  start: c.start,
  end: c.end,
  days: c.days,
  trainees: c.trainees,
});

export const asPlanTour = (t: HeldStudyTour) => ({ id: t.id, ...(t.destination ? { destination: t.destination } : {}), start: t.start, end: t.end, members: t.members });

export type { Plan };
