import { SEVERITY_WORDS } from '@p135/io';
import { formatPercentText, type Lang, type Plan, type PlanReport, type Rulebook, type Where } from '@p135/rules';
import { indented, padEnd, truncate } from '../text/width.js';
import { count, say } from '../words.js';
import { money } from './money.js';
import { trackKey } from './tracks.js';

const WHERE_WORDS: Readonly<Record<keyof Where, [vi: string, en: string]>> = {
  class: ['lớp', 'class'],
  studyTour: ['đoàn', 'study tour'],
  trainee: ['học viên', 'trainee'],
  district: ['huyện', 'district'],
  commune: ['xã', 'commune'],
  budgetLines: ['dòng dự toán', 'budget lines'],
};

/** `lớp PC-1, học viên LS-000123`. */
export function whereText(where: Where, lang: Lang): string {
  return (Object.keys(WHERE_WORDS) as (keyof Where)[])
    .filter((k) => where[k] !== undefined)
    .map((k) => `${WHERE_WORDS[k][lang === 'vi' ? 0 : 1]} ${Array.isArray(where[k]) ? (where[k] as string[]).join(', ') : where[k]}`)
    .join(', ');
}

/** The budget against its ceiling and caps, in vi-VN money form (`8.040.000.000 đ`), within 80 columns. */
export function budgetLines(report: PlanReport, book: Rulebook, lang: Lang): string[] {
  const b = report.budget;
  const ok = (v: boolean) => (v ? say(lang, '✓ trong giới hạn', '✓ within') : say(lang, '✗ VƯỢT', '✗ OVER'));
  const label = (category: string) => (book.track(category) ? `${trackKey(book, category)} ${book.track(category)?.label[lang]}` : category);
  const row = (indent: number, text: string, digits: string, note = '') => `${' '.repeat(indent)}${padEnd(truncate(text, 44 - indent), 44 - indent)}${money(digits, lang)}${note ? `  ${note}` : ''}`;
  const ceilingClause = b.ceilingClause;
  const out = [say(lang, 'Kinh phí:', 'Budget:')];
  out.push(row(2, say(lang, 'Tổng dự toán', 'Budget lines total'), b.total));
  out.push(row(2, `${say(lang, 'Trần kinh phí', 'Ceiling')}${ceilingClause ? ` (${ceilingClause})` : ''}`, b.ceiling, ok(b.withinCeiling)));
  out.push(row(2, say(lang, 'Còn lại', 'Remaining'), b.remaining));
  out.push(`  ${say(lang, 'Theo hạng mục:', 'By category:')}`);
  for (const [category, amount] of Object.entries(b.byCategory)) out.push(row(4, label(category), amount));
  for (const c of b.caps) {
    out.push(row(2, label(c.category), c.total));
    out.push(row(2, `${say(lang, 'Giới hạn', 'Cap')} ${formatPercentText(c.share, lang)} (${c.clause})`, c.cap, ok(c.within)));
  }
  return out;
}

/** The readable report of `p135 plan check`: counts, every finding, then the budget summary. */
export function planReport(plan: Plan, report: PlanReport, book: Rulebook, lang: Lang, width: number): string {
  const out: string[] = [];
  out.push(`${say(lang, 'Kế hoạch', 'Plan')}: ${[plan.id, plan.title].filter(Boolean).join(' — ') || say(lang, '(không tên)', '(untitled)')}`);
  out.push(`${say(lang, 'Bộ quy tắc', 'Rule pack')}: ${book.ref.id} ${book.ref.version}`);
  for (const [track, n] of Object.entries(report.counts.classesByTrack)) {
    out.push(`  ${trackKey(book, track)} ${book.track(track)?.label[lang] ?? track}: ${count(n, lang)} ${say(lang, 'lớp', 'classes')}`);
  }
  out.push(`  ${say(lang, 'Đoàn trao đổi', 'Study tours')}: ${report.counts.studyTours} · ${say(lang, 'Học viên', 'Trainees')}: ${count(report.counts.trainees, lang)}`);
  out.push('');
  out.push(say(lang, `Phát hiện: ${report.errors} lỗi, ${report.warnings} cảnh báo`, `Findings: ${report.errors} error(s), ${report.warnings} warning(s)`));
  for (const f of report.findings) {
    const where = whereText(f.where, lang);
    out.push(...indented(`${f.severity === 'error' ? '✗' : '!'} ${SEVERITY_WORDS[f.severity][lang]} · ${f.clause} · ${f.ruleId}${where ? ` · ${where}` : ''}`, 2, width));
    out.push(...indented(f.message[lang], 6, width));
    for (const r of f.reasons ?? []) out.push(...indented(`${r.clause}: ${r.message[lang]}`, 8, width));
  }
  out.push('');
  out.push(...budgetLines(report, book, lang));
  out.push('');
  return out.join('\n');
}
