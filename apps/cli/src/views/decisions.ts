import type { Decision, Lang, Rulebook } from '@p135/rules';
import { renderTable } from '../text/table.js';
import { wrap } from '../text/width.js';
import { count, say } from '../words.js';
import { payersText, trackKey, trackLegend } from './tracks.js';

/** One row per person and track: eligible or not, priority points, and who pays or why not. */
export function decisionsTable(decisions: readonly Decision[], book: Rulebook, lang: Lang, width: number): string[] {
  const rows: string[][] = [];
  for (const d of decisions) {
    d.tracks.forEach((t, i) => {
      const why = t.eligible ? payersText(t.cost, lang) : `${t.reasons[0]?.clause}: ${t.reasons[0]?.message[lang]}${t.reasons.length > 1 ? ` (+${t.reasons.length - 1})` : ''}`;
      rows.push([i === 0 ? d.candidateId : '', i === 0 ? d.name : '', trackKey(book, t.track), t.eligible ? '✓' : '✗', t.eligible ? String(t.priority.points) : '', why]);
    });
  }
  return renderTable(
    [
      { header: say(lang, 'Mã', 'Id'), width: 10 },
      { header: say(lang, 'Họ và tên', 'Name'), width: 22 },
      { header: say(lang, 'Lớp', 'Trk'), width: 3 },
      { header: say(lang, 'Dự', 'OK'), width: 2 },
      { header: say(lang, 'Điểm', 'Pts'), width: 4, align: 'right' },
      { header: say(lang, 'Ai trả / lý do không được dự', 'Who pays / why not'), maxLines: 2 },
    ],
    rows,
    width,
  );
}

/** How many people each track is open to, and how many none is. */
export function decisionsSummary(decisions: readonly Decision[], book: Rulebook, lang: Lang): string[] {
  const lines = [say(lang, `Tổng kết (${count(decisions.length, lang)} người):`, `Summary (${count(decisions.length, lang)} people):`)];
  for (const t of book.tracks) {
    const n = decisions.filter((d) => d.eligibleTracks.includes(t.code)).length;
    lines.push(`  ${trackKey(book, t.code)} ${t.label[lang]}: ${say(lang, `${count(n, lang)} người được dự`, `${count(n, lang)} eligible`)}`);
  }
  const none = decisions.filter((d) => d.eligibleTracks.length === 0).length;
  lines.push(`  ${say(lang, `Không được dự lớp nào: ${count(none, lang)} người`, `Eligible for nothing: ${count(none, lang)}`)}`);
  return lines;
}

/** The whole readable report of `p135 decide`. */
export function decisionsReport(decisions: readonly Decision[], book: Rulebook, lang: Lang, width: number, source: string): string {
  const pack = `${book.ref.id} ${book.ref.version}`;
  return [
    ...wrap(say(lang, `Bộ quy tắc ${pack} · ${source}`, `Rule pack ${pack} · ${source}`), width),
    ...trackLegend(book, lang),
    '',
    ...decisionsTable(decisions, book, lang, width),
    '',
    ...decisionsSummary(decisions, book, lang),
    ...wrap(say(lang, `Xem lý do từng người: p135 explain ${source} --id MÃ`, `Every reason for one person: p135 explain ${source} --id ID`), width),
    '',
  ].join('\n');
}
