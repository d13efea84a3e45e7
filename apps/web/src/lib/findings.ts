import { type Finding, type Lang, type Plan, type PlanReport, ROSTER_NOT_THIS_PLAN, type Rulebook, type Where } from '@p135/rules';
import { translate } from '../i18n/lang';
import { placeName } from './units';

/** Findings of one rule, in the order the plan check gave them. */
export interface FindingGroup {
  readonly ruleId: string;
  readonly clause: string;
  readonly severity: Finding['severity'];
  readonly findings: readonly Finding[];
}

/** Groups findings by rule, errors first, keeping the check's order otherwise. */
export function groupFindings(findings: readonly Finding[]): FindingGroup[] {
  const groups = new Map<string, { ruleId: string; clause: string; severity: Finding['severity']; findings: Finding[] }>();
  for (const f of findings) {
    let g = groups.get(f.ruleId);
    if (!g) groups.set(f.ruleId, (g = { ruleId: f.ruleId, clause: f.clause, severity: f.severity, findings: [] }));
    g.findings.push(f);
  }
  const list = [...groups.values()];
  return [...list.filter((g) => g.severity === 'error'), ...list.filter((g) => g.severity !== 'error')];
}

/**
 * Whether a finding is about the roster (a trainee or member of a class or delegation, as the
 * pack's rule for it says: its scope is `membership`) rather than about the plan itself.
 */
export function rosterFindingTest(book: Rulebook): (f: Finding) => boolean {
  const membership = new Set(book.pack.rules.filter((r) => r.kind === 'check' && r.scope === 'membership').map((r) => r.id));
  // The package's one finding for a roster of another plan stands for every "not on the roster".
  return (f) => f.where.trainee !== undefined || membership.has(f.ruleId) || f.ruleId === ROSTER_NOT_THIS_PLAN;
}

/** Findings about people on the roster apart from those about the plan itself. */
export function splitFindings(book: Rulebook, findings: readonly Finding[]): { plan: Finding[]; roster: Finding[] } {
  const isRoster = rosterFindingTest(book);
  const plan: Finding[] = [];
  const roster: Finding[] = [];
  for (const f of findings) (isRoster(f) ? roster : plan).push(f);
  return { plan, roster };
}

/** Errors and warnings among some findings. */
export function severityCounts(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

/** A report with what concerns the roster left out (no roster was chosen for the plan): its counts are the plan's own. */
export function withoutRosterFindings(book: Rulebook, report: PlanReport): PlanReport {
  const isRoster = rosterFindingTest(book);
  const findings = report.findings.filter((f) => !isRoster(f));
  const { errors, warnings } = severityCounts(findings);
  return { ...report, findings, errors, warnings, passed: errors === 0 };
}

/** Where a finding is, in words: `lớp X-05998-1, học viên LS-000123`. */
export function whereText(where: Where, lang: Lang): string {
  const parts: string[] = [];
  if (where.class) parts.push(translate(lang, 'plan.where.class', { id: where.class }));
  if (where.studyTour) parts.push(translate(lang, 'plan.where.studyTour', { id: where.studyTour }));
  if (where.trainee) parts.push(translate(lang, 'plan.where.trainee', { id: where.trainee }));
  // Official names carry their kind (`Xã Khánh Long`, `Huyện Tràng Định`): written once, with the code.
  if (where.district) parts.push(translate(lang, 'plan.where.place', { name: placeName(where.district), code: where.district }));
  if (where.commune) parts.push(translate(lang, 'plan.where.place', { name: placeName(where.commune), code: where.commune }));
  if (where.budgetLines?.length) parts.push(translate(lang, 'plan.where.budgetLines', { ids: where.budgetLines.join(', ') }));
  return parts.join(', ');
}

/** Findings about a district: its own, its communes', and its classes' (`districtOf` places a finding). */
export function findingsOfDistrict(findings: readonly Finding[], district: string, districtOf: (where: Where) => string | undefined): Finding[] {
  return findings.filter((f) => districtOf(f.where) === district);
}

/**
 * The district a finding is in: the one it names, else its commune's, else its class's (the class's
 * district, or its commune's district), as the plan places them.
 */
export function districtOfWhere(plan: Plan, districtOfCommune: (code: string) => string | undefined): (where: Where) => string | undefined {
  const classes = new Map(plan.classes.map((c) => [c.id, c] as const));
  return (where) => {
    if (where.district) return where.district;
    if (where.commune) return districtOfCommune(where.commune);
    const cls = where.class !== undefined ? classes.get(where.class) : undefined;
    if (!cls) return undefined;
    return cls.district ?? (cls.commune ? districtOfCommune(cls.commune) : undefined);
  };
}

/** The label of a budget category: its track's label, else the plan's line label when one line has it, else the code. */
export function categoryLabel(book: Rulebook, category: string, lines: readonly { category: string; label?: string | undefined }[], lang: Lang): string {
  const track = book.track(category);
  if (track) return track.label[lang];
  const own = lines.filter((l) => l.category === category);
  return own.length === 1 && own[0]?.label ? own[0].label : category;
}
