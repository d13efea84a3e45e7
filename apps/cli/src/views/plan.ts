import { SEVERITY_WORDS } from '@p135/io';
import { type Finding, formatMoneyText, formatPercentText, type Lang, type Plan, type PlanReport, type Rulebook, type Where } from '@p135/rules';
import { displayWidth, indented, padEnd } from '../text/width.js';
import { count, say } from '../words.js';
import { money } from './money.js';
import { trackKey } from './tracks.js';

/** `Xã Khánh Long (05998)`: a name as the roster writes it, with its code; the kind word and the code when there is no name. */
const placeName = (name: string | undefined, code: string, kind: string) => (name ? `${name} (${code})` : `${kind} ${code}`);

/** Where a finding is, by name and code: `lớp PC-1 · Mã Đức Hùng (LS-000001) · Xã Khánh Long (05998)`. */
export function whereText(where: Where, lang: Lang): string {
  const parts: string[] = [];
  if (where.class !== undefined) parts.push(`${say(lang, 'lớp', 'class')} ${where.class}`);
  if (where.studyTour !== undefined) parts.push(`${say(lang, 'đoàn', 'study tour')} ${where.studyTour}`);
  if (where.trainee !== undefined) parts.push(where.traineeName ? `${where.traineeName} (${where.trainee})` : `${say(lang, 'học viên', 'trainee')} ${where.trainee}`);
  if (where.district !== undefined) parts.push(placeName(where.districtName, where.district, say(lang, 'huyện', 'district')));
  if (where.commune !== undefined) parts.push(placeName(where.communeName, where.commune, say(lang, 'xã', 'commune')));
  if (where.budgetLines?.length) parts.push(`${say(lang, 'dòng dự toán', 'budget lines')} ${where.budgetLines.join(', ')}`);
  return parts.join(' · ');
}

/** The parts of where a finding is that its message does not already say. */
function whereNotSaid(f: Finding, lang: Lang): string {
  const text = f.message[lang];
  const w = f.where;
  const left: { -readonly [K in keyof Where]: Where[K] } = {};
  if (w.class !== undefined && !text.includes(w.class)) left.class = w.class;
  if (w.studyTour !== undefined && !text.includes(w.studyTour)) left.studyTour = w.studyTour;
  if (w.trainee !== undefined && !text.includes(w.trainee)) {
    left.trainee = w.trainee;
    if (w.traineeName) left.traineeName = w.traineeName;
  }
  if (w.district !== undefined && !text.includes(w.district)) {
    left.district = w.district;
    if (w.districtName) left.districtName = w.districtName;
  }
  if (w.commune !== undefined && !text.includes(w.commune)) {
    left.commune = w.commune;
    if (w.communeName) left.communeName = w.communeName;
  }
  return whereText(left, lang);
}

/** A category's words: the track's label, else the label the plan's lines of it share (`Quản lý, kiểm tra…`), else the code. */
function categoryLabel(book: Rulebook, plan: Plan, category: string, lang: Lang): string {
  if (book.track(category)) return `${trackKey(book, category)} ${book.track(category)?.label[lang]}`;
  const labels = [...new Set(plan.budget.filter((l) => l.category === category && l.label).map((l) => l.label as string))];
  return labels.length === 1 ? (labels[0] as string) : category;
}

/** The budget against its ceiling and caps, in vi-VN money form (`8.040.000.000 đ`), within the width: labels are never cut short (a long one takes a line of its own). */
export function budgetLines(report: PlanReport, book: Rulebook, lang: Lang, plan: Plan, width = 80): string[] {
  const b = report.budget;
  const ok = (v: boolean) => (v ? say(lang, '✓ trong giới hạn', '✓ within') : say(lang, '✗ VƯỢT', '✗ OVER'));
  const rows: [indent: number, label: string, digits: string, note: string][] = [];
  rows.push([2, say(lang, 'Tổng dự toán', 'Budget lines total'), b.total, '']);
  rows.push([2, `${say(lang, 'Trần kinh phí', 'Ceiling')}${b.ceilingClause ? ` (${b.ceilingClause})` : ''}`, b.ceiling, ok(b.withinCeiling)]);
  rows.push([2, say(lang, 'Còn lại', 'Remaining'), b.remaining, '']);
  const byCategory = Object.entries(b.byCategory).map(([category, amount]): [number, string, string, string] => [4, categoryLabel(book, plan, category, lang), amount, '']);
  // The amounts' column: as far right as leaves room for the amount and the ceiling's note within the width.
  const amountWidth = 16;
  const column = Math.max(30, width - amountWidth - 2 - Math.max(displayWidth(ok(true)), displayWidth(ok(false))));
  const line = ([indent, text, digits, note]: [number, string, string, string]) => {
    const amount = `${money(digits, lang, amountWidth)}${note ? `  ${note}` : ''}`;
    const label = `${' '.repeat(indent)}${text}`;
    if (displayWidth(label) + 2 <= column) return [`${padEnd(label, column)}${amount}`];
    return [...indented(text, indent, width), `${' '.repeat(column)}${amount}`];
  };
  const out = [say(lang, 'Kinh phí:', 'Budget:')];
  for (const r of rows) out.push(...line(r));
  out.push(`  ${say(lang, 'Theo hạng mục:', 'By category:')}`);
  for (const r of byCategory) out.push(...line(r));
  for (const c of b.caps) {
    out.push(...indented(`${say(lang, 'Giới hạn', 'Cap')} ${formatPercentText(c.share, lang)} (${c.clause}): ${categoryLabel(book, plan, c.category, lang)}`, 2, width));
    out.push(...indented(`${formatMoneyText(c.total, lang)} / ${formatMoneyText(c.cap, lang)} (${formatPercentText(c.share, lang)})  ${ok(c.within)}`, 4, width));
  }
  return out;
}

/** `3 xã`, `16.190 học viên`, `1 lớp`: how many, counted in what the rule is about (told by where its first case is). */
function casesText(n: number, where: Where | undefined, lang: Lang): string {
  const w = where ?? {};
  const [vi, en] =
    w.trainee !== undefined
      ? ['học viên', 'trainee(s)']
      : w.commune !== undefined
        ? ['xã', 'commune(s)']
        : w.district !== undefined
          ? ['huyện', 'district(s)']
          : w.class !== undefined
            ? ['lớp', 'class(es)']
            : w.studyTour !== undefined
              ? ['đoàn', 'study tour(s)']
              : ['trường hợp', 'case(s)'];
  return `${count(n, lang)} ${say(lang, vi, en)}`;
}

/** Findings of the report by rule, in the order of its summary. */
function byRule(report: PlanReport): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>(report.summary.map((s) => [s.ruleId, []]));
  for (const f of report.findings) {
    if (!groups.has(f.ruleId)) groups.set(f.ruleId, []);
    groups.get(f.ruleId)?.push(f);
  }
  return groups;
}

/**
 * The readable report of `p135 plan check`: counts; the summary (per rule: severity, clause, how
 * many, the first places); the details (each finding once, by rule, at most `limit` a rule, with a
 * line saying how many more); then the budget. Places by name and code, people by name and id.
 */
export function planReport(plan: Plan, report: PlanReport, book: Rulebook, lang: Lang, width: number, limit?: number): string {
  const out: string[] = [];
  out.push(`${say(lang, 'Kế hoạch', 'Plan')}: ${[plan.id, plan.title].filter(Boolean).join(' — ') || say(lang, '(không tên)', '(untitled)')}`);
  out.push(`${say(lang, 'Bộ quy tắc', 'Rule pack')}: ${book.ref.id} ${book.ref.version}`);
  for (const [track, n] of Object.entries(report.counts.classesByTrack)) {
    out.push(...indented(`${trackKey(book, track)} ${book.track(track)?.label[lang] ?? track}: ${count(n, lang)} ${say(lang, 'lớp', 'classes')}`, 2, width));
  }
  out.push(`  ${say(lang, 'Đoàn trao đổi', 'Study tours')}: ${report.counts.studyTours} · ${say(lang, 'Học viên', 'Trainees')}: ${count(report.counts.trainees, lang)}`);
  out.push('');
  out.push(
    say(lang, `Phát hiện: ${count(report.errors, lang)} lỗi, ${count(report.warnings, lang)} cảnh báo`, `Findings: ${count(report.errors, lang)} error(s), ${count(report.warnings, lang)} warning(s)`),
  );
  const mark = (f: { severity: Finding['severity'] }) => (f.severity === 'error' ? '✗' : '!');
  /** Rules whose one finding (about the plan as a whole) the summary already says in full. */
  const said = new Set<string>();
  if (report.summary.length) {
    out.push('', say(lang, 'Tóm tắt theo quy tắc:', 'Summary by rule:'));
    const headers = report.summary.map((s) => {
      const title = book.clause(s.clause)?.title[lang];
      return `${mark(s)} ${SEVERITY_WORDS[s.severity][lang]} · ${s.clause}${title ? ` ${title}` : ''} · ${casesText(s.count, s.examples[0], lang)}`;
    });
    for (const [i, s] of report.summary.entries()) {
      const header = headers[i] as string;
      // two rules alike in clause and kind of place: the rule's id tells them apart
      out.push(...indented(headers.indexOf(header) !== headers.lastIndexOf(header) ? `${header} · ${s.ruleId}` : header, 2, width));
      const examples = s.examples.map((w) => whereText(w, lang)).filter((t) => t !== '');
      if (examples.length) out.push(...indented(`${say(lang, 'ví dụ', 'e.g.')}: ${examples.join('; ')}${s.count > examples.length ? '; …' : ''}`, 6, width));
      else if (s.count === 1) {
        out.push(...indented(s.message[lang], 6, width));
        said.add(s.ruleId);
      }
    }
    const details = [...byRule(report)].filter(([ruleId]) => !said.has(ruleId));
    if (details.length)
      out.push(
        '',
        limit !== undefined
          ? say(lang, `Chi tiết (tối đa ${limit} trường hợp mỗi quy tắc; đổi bằng --limit N):`, `Details (at most ${limit} per rule; change with --limit N):`)
          : say(lang, 'Chi tiết:', 'Details:'),
      );
    for (const [ruleId, list] of details) {
      const first = list[0];
      if (!first) continue;
      out.push(...indented(`${first.clause} · ${ruleId}`, 2, width));
      for (const f of list) {
        const where = whereNotSaid(f, lang);
        out.push(...indented(`${mark(f)} ${f.message[lang]}${where ? ` (${where})` : ''}`, 4, width));
        const seen = new Set<string>();
        for (const r of f.reasons ?? []) {
          const line = `${r.clause}: ${r.message[lang]}`;
          if (seen.has(line)) continue;
          seen.add(line);
          out.push(...indented(line, 8, width));
        }
      }
    }
  }
  out.push('');
  out.push(...budgetLines(report, book, lang, plan, width));
  out.push('');
  return out.join('\n');
}
