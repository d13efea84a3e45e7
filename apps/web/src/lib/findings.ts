import type { Finding, Lang, Rulebook, Where } from '@p135/rules';
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

/** Findings about people on the roster (a trainee or member) apart from those about the plan itself. */
export function splitFindings(findings: readonly Finding[]): { plan: Finding[]; roster: Finding[] } {
  const plan: Finding[] = [];
  const roster: Finding[] = [];
  for (const f of findings) (f.where.trainee !== undefined ? roster : plan).push(f);
  return { plan, roster };
}

/** Where a finding is, in words: `lớp X-05998-1, học viên LS-000123`. */
export function whereText(where: Where, lang: Lang): string {
  const parts: string[] = [];
  if (where.class) parts.push(translate(lang, 'plan.where.class', { id: where.class }));
  if (where.studyTour) parts.push(translate(lang, 'plan.where.studyTour', { id: where.studyTour }));
  if (where.trainee) parts.push(translate(lang, 'plan.where.trainee', { id: where.trainee }));
  if (where.district) parts.push(translate(lang, 'plan.where.district', { name: placeName(where.district) }));
  if (where.commune) parts.push(translate(lang, 'plan.where.commune', { name: placeName(where.commune) }));
  if (where.budgetLines?.length) parts.push(translate(lang, 'plan.where.budgetLines', { ids: where.budgetLines.join(', ') }));
  return parts.join(', ');
}

/** Findings about a district: its own, and those of its communes. */
export function findingsOfDistrict(findings: readonly Finding[], district: string, districtOfCommune: (code: string) => string | undefined): Finding[] {
  return findings.filter((f) => f.where.trainee === undefined && (f.where.district === district || (f.where.commune !== undefined && districtOfCommune(f.where.commune) === district)));
}

/** The label of a budget category: its track's label, else the plan's line label when one line has it, else the code. */
export function categoryLabel(book: Rulebook, category: string, lines: readonly { category: string; label?: string | undefined }[], lang: Lang): string {
  const track = book.track(category);
  if (track) return track.label[lang];
  const own = lines.filter((l) => l.category === category);
  return own.length === 1 && own[0]?.label ? own[0].label : category;
}
