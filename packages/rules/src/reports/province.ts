import { Dec } from '../money.js';
import { placesOf } from '../places.js';
import { checkPlan } from '../plan-check.js';
import type { Rulebook } from '../rulebook.js';
import type { Plan } from '../schemas/plan.js';
import type { DistrictStatus, ProvinceReport, TargetRate } from '../schemas/report.js';
import type { HeldClass, Results } from '../schemas/report-input.js';
import type { Finding } from '../schemas/results.js';
import { criteriaFor, type PriorityCriteria, heading, heldClassFindings, heldTourRow, overspentFindings, type ReportOptions, rosterMap, timeliness } from './district.js';
import { asPlanClass, asPlanTour, classesByPlace, classesByTrack, classTracks, placeNames, reportFinding, spendingByLine, spendingTable, tallyTrainees } from './tally.js';

/** The clause of the consolidation (Ban Dân tộc consolidates and evaluates the results, KH.III.1). */
export const CONSOLIDATION_CLAUSE = 'KH.III.1';

export interface ConsolidateOptions extends ReportOptions {
  /** The date of the consolidation: a district with no report by then is missing. Default: the latest date a report was sent. */
  readonly asOf?: string;
}

/** Districts expected to report: those the plan gives district or commune classes. */
export function expectedDistricts(book: Rulebook, plan: Plan): string[] {
  const out = new Set<string>();
  for (const c of plan.classes) if (c.district && book.track(c.track)?.level !== 'province') out.add(c.district);
  return [...out].sort();
}

const ratio = (part: number, whole: number, places: number): string | null => (whole > 0 ? new Dec(part).div(whole).toFixed(places, Dec.ROUND_HALF_UP) : null);

/**
 * The provincial consolidation (KH.III.1): every district's report and the province's own
 * (results with district null); the checks across districts (one person reported by two
 * districts; the pack's rules on the whole province — 1–2 trainees per commune across the
 * province cadre classes, the budget ceiling and the study-tour cap); spending per line and
 * against the ceiling, exact; districts missing or late; and the plan's targets against what
 * was done, as rates. Pure: data in, a report out.
 */
export async function provinceReport(book: Rulebook, plan: Plan, reports: readonly Results[], options: ConsolidateOptions): Promise<ProvinceReport> {
  const roster = rosterMap(options.roster);
  const names = options.names ?? placeNames(roster.values(), placesOf(book.pack));
  const criteria: PriorityCriteria = options.criteria ?? new Map();
  const chunkSize = options.chunkSize ?? 2000;
  const asOf = options.asOf ?? reports.reduce((d, r) => (r.sentOn > d ? r.sentOn : d), '0000-01-01');

  const allClasses: HeldClass[] = reports.flatMap((r) => r.classes.map((c) => (c.district || r.district === null ? c : { ...c, district: r.district })));
  const allTours = reports.flatMap((r) => r.studyTours.map((t) => ({ tour: t, district: r.district })));
  const byDistrict = new Map<string, Results>();
  for (const r of reports) if (r.district !== null && !byDistrict.has(r.district)) byDistrict.set(r.district, r);

  // The pack's check rules on everything held, as one province-wide plan whose budget is what was spent.
  const spent = spendingByLine([...allClasses, ...allTours.map((t) => t.tour)]);
  const spending = spendingTable(plan.budget, spent);
  const asHeld: Plan = {
    classes: allClasses.map((c) => asPlanClass(c, null)),
    studyTours: allTours.map((t) => asPlanTour(t.tour)),
    budget: plan.budget.map((l) => ({ ...l, amount: spent.get(l.id)?.toFixed(0) ?? '0' })),
  };
  const attendees = new Set<string>();
  for (const c of allClasses) for (const id of c.trainees) attendees.add(id);
  for (const t of allTours) for (const id of t.tour.members) attendees.add(id);
  const candidates = [...attendees].flatMap((id) => roster.get(id) ?? []);
  const checked = await checkPlan(book, asHeld, { candidates, chunkSize });
  const scopes = new Map(book.pack.rules.filter((r) => r.kind === 'check').map((r) => [r.id, r.scope] as const));
  const planById = new Map(plan.classes.map((c) => [c.id, c] as const));
  // Plan-level counts are the targets table below; of the plan-level rules only the money ones (with budget lines) are findings here.
  const ruleFindings = [...checked.findings.filter((f) => scopes.get(f.ruleId) !== 'plan' || f.where.budgetLines !== undefined), ...heldClassFindings(book, plan.classes, allClasses, planById)];

  // Districts: on time, late, missing; each with its classes, trainees, spending and findings.
  const districtOfClass = new Map<string, string>();
  for (const c of [...plan.classes, ...allClasses]) if (c.district && book.track(c.track)?.level !== 'province') districtOfClass.set(c.id, c.district);
  const districtOfCommune = new Map<string, string>();
  for (const c of candidates) districtOfCommune.set(c.commune.code, c.district.code);
  for (const c of allClasses) if (c.commune && c.district) districtOfCommune.set(c.commune, c.district);
  const districtOf = (f: Finding) => f.where.district ?? (f.where.class ? districtOfClass.get(f.where.class) : undefined) ?? (f.where.commune ? districtOfCommune.get(f.where.commune) : undefined);
  const tally = new Map<string, { errors: number; warnings: number }>();
  for (const f of ruleFindings) {
    const d = districtOf(f);
    if (!d) continue;
    const t = tally.get(d) ?? tally.set(d, { errors: 0, warnings: 0 }).get(d);
    if (t) t[f.severity === 'error' ? 'errors' : 'warnings']++;
  }
  const expected = new Set([...expectedDistricts(book, plan), ...byDistrict.keys()]);
  const districts: DistrictStatus[] = [...expected].sort().map((code) => {
    const r = byDistrict.get(code);
    const districtName = r?.districtName ?? names.districts.get(code) ?? code;
    if (!r) return { ...timeliness(book, null), district: code, districtName, held: 0, trainees: 0, spent: '0', errors: 0, warnings: 0 };
    const t = timeliness(book, r.sentOn);
    const late = t.status === 'late' ? 1 : 0;
    const people = new Set<string>();
    for (const c of r.classes) for (const id of c.trainees) people.add(id);
    const total = spendingTable(plan.budget, spendingByLine([...r.classes, ...r.studyTours])).total.spent;
    return { ...t, district: code, districtName, held: r.classes.length, trainees: people.size, spent: total, errors: (tally.get(code)?.errors ?? 0) + late, warnings: tally.get(code)?.warnings ?? 0 };
  });
  const missing = districts.filter((d) => d.status === 'missing');
  const late = districts.filter((d) => d.status === 'late');

  const findings: Finding[] = [];
  for (const d of late)
    findings.push(
      reportFinding(book, 'report.finding.late', d.deadlineClause, 'error', { district: d.district }, { districtName: d.districtName, sentOn: d.sentOn, daysLate: d.daysLate, deadline: d.deadline }),
    );
  for (const d of missing)
    findings.push(reportFinding(book, 'report.finding.missing', d.deadlineClause, 'error', { district: d.district }, { districtName: d.districtName, deadline: d.deadline, asOf }));

  // One person reported by two districts.
  const reportedBy = new Map<string, Set<string>>();
  for (const r of reports) {
    if (r.district === null) continue;
    for (const c of r.classes) for (const id of c.trainees) (reportedBy.get(id) ?? reportedBy.set(id, new Set()).get(id))?.add(r.district);
  }
  let reportedTwice = 0;
  for (const [id, ds] of reportedBy) {
    if (ds.size < 2) continue;
    reportedTwice++;
    const list = [...ds].sort();
    findings.push(
      reportFinding(
        book,
        'report.finding.reported_twice',
        CONSOLIDATION_CLAUSE,
        'error',
        { trainee: id, district: list[0] as string },
        { traineeId: id, districts: list.map((d) => names.districts.get(d) ?? d).join(', ') },
      ),
    );
  }

  findings.push(...ruleFindings);
  findings.push(...overspentFindings(book, spending.lines));

  await criteriaFor(book, attendees, roster, criteria, chunkSize);
  const trainees = tallyTrainees(book, allClasses, roster, criteria);
  const byTrack = classesByTrack(book, plan.classes, allClasses);

  const targets: TargetRate[] = classTracks(book).map((t) => {
    const target = t.countParam ? Number(book.params[t.countParam] ?? 0) : 0;
    const size = t.sizeParam ? Number(book.params[t.sizeParam]) : null;
    const held = allClasses.filter((c) => c.track === t.code);
    const attendances = trainees.byTrack.find((r) => r.track === t.code)?.attendances ?? 0;
    return {
      track: t.code,
      label: t.label,
      clause: t.clause,
      targetClasses: target,
      held: held.length,
      rate: ratio(held.length, target, 4),
      targetSize: size !== null && Number.isInteger(size) ? size : null,
      attendances,
      averageSize: ratio(attendances, held.length, 2),
    };
  });

  return {
    kind: 'province',
    heading: heading(book, 'province', book.pack.meta.province.name, asOf, reports.find((r) => r.district === null)?.note ?? reports[0]?.note),
    asOf,
    districts,
    missing: missing.map((d) => d.district),
    late: late.map((d) => d.district),
    targets,
    classes: { byTrack, byDistrict: classesByPlace(book, plan.classes, allClasses, (c) => c.district, names.districts) },
    trainees: { ...trainees, reportedTwice },
    studyTours: allTours.map((t) => heldTourRow(t.tour, t.district)),
    spending,
    budget: checked.budget,
    findings,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    pack: book.ref,
  };
}
