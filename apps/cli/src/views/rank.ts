import { STATUS_WORDS } from '@p135/io';
import type { Lang, Placement, Ranking, Rulebook } from '@p135/rules';
import { renderTable } from '../text/table.js';
import { wrap } from '../text/width.js';
import { count, say } from '../words.js';

function placements(list: readonly Placement[], lang: Lang, width: number, why: (p: Placement) => string): string[] {
  return renderTable(
    [
      { header: say(lang, 'Hạng', 'Rank'), width: 5, align: 'right' },
      { header: say(lang, 'Mã', 'Id'), width: 10 },
      { header: say(lang, 'Họ và tên', 'Name'), width: 22 },
      { header: say(lang, 'Điểm', 'Pts'), width: 4, align: 'right' },
      { header: say(lang, 'Tiêu chí / lý do', 'Criteria / reason') },
    ],
    list.map((p) => [p.rank === null ? '' : String(p.rank), p.candidateId, p.name, p.status === 'ineligible' ? '' : String(p.points), why(p)]),
    width,
  );
}

/** The readable report of `p135 rank`: who is admitted, who waits, who is passed over and why, who is not eligible and why. */
export function rankReport(ranking: Ranking, book: Rulebook, lang: Lang, width: number, classId?: string): string {
  const track = book.track(ranking.track);
  const criteria = (p: Placement) => p.criteria.map((c) => c.message[lang]).join('; ') || say(lang, '(không có tiêu chí ưu tiên)', '(no priority criterion)');
  const out: string[] = [];
  out.push(`${track?.label[lang] ?? ranking.track} (${ranking.track})${classId ? ` · ${say(lang, 'lớp', 'class')} ${classId}` : ''} · ${count(ranking.capacity, lang)} ${say(lang, 'chỗ', 'places')}`);
  out.push(...wrap(`${say(lang, 'Cách xếp', 'Order')}: ${ranking.tieBreak[lang]}`, width));
  for (const [status, list] of [
    ['admitted', ranking.admitted],
    ['waiting', ranking.waiting],
  ] as const) {
    out.push('', `${STATUS_WORDS[status][lang]} (${count(list.length, lang)}):`);
    if (list.length) out.push(...placements(list, lang, width, criteria));
  }
  if (ranking.passedOver.length) {
    out.push('', `${STATUS_WORDS.passed_over[lang]} (${count(ranking.passedOver.length, lang)}):`);
    out.push(...placements(ranking.passedOver, lang, width, (p) => p.message[lang]));
  }
  if (ranking.ineligible.length) {
    out.push('', `${STATUS_WORDS.ineligible[lang]} (${count(ranking.ineligible.length, lang)}):`);
    out.push(...placements(ranking.ineligible, lang, width, (p) => p.reasons.map((r) => `${r.clause}: ${r.message[lang]}`).join(' | ')));
  }
  out.push('');
  return out.join('\n');
}
