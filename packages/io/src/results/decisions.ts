import type { Decision, Lang, Rulebook } from '@p135/rules';
import { wordFor, YES_NO } from '../roster/vocabulary.js';
import type { Cell, Column, Sheet } from '../table.js';
import { COST_CATEGORY_ORDER, COST_WORDS, PAYER_WORDS, reasonsText } from './words.js';

/** Columns of the decisions table: id, name, the tracks open to the person, then six per track. */
export function decisionColumns(book: Rulebook, lang: Lang): Column[] {
  const vi = lang === 'vi';
  const columns: Column[] = [
    { key: 'id', header: vi ? 'Mã' : 'id' },
    { key: 'full_name', header: vi ? 'Họ và tên' : 'full_name' },
    { key: 'eligible_tracks', header: vi ? 'Được dự' : 'eligible_tracks' },
  ];
  for (const t of book.tracks) {
    const label = t.label.vi;
    columns.push(
      { key: `${t.code}_eligible`, header: vi ? `${label}: được dự` : `${t.code}_eligible` },
      { key: `${t.code}_reasons`, header: vi ? `${label}: lý do không được dự` : `${t.code}_reasons` },
      { key: `${t.code}_priority`, header: vi ? `${label}: điểm ưu tiên` : `${t.code}_priority` },
      ...COST_CATEGORY_ORDER.map((k) => ({ key: `${t.code}_${k}`, header: vi ? `${label}: ${COST_WORDS[k].vi} do ai trả` : `${t.code}_${k}_paid_by` })),
    );
  }
  return columns;
}

/** One row: eligible yes/no per track, the failed reasons with their clauses, priority points and who pays what. */
export function decisionRow(d: Decision, book: Rulebook, lang: Lang): Cell[] {
  const eligible = d.eligibleTracks.map((code) => (lang === 'vi' ? (book.track(code)?.label.vi ?? code) : code)).join('; ');
  const row: Cell[] = [d.candidateId, d.name, eligible];
  for (const t of book.tracks) {
    const td = d.tracks.find((x) => x.track === t.code);
    if (!td) {
      row.push(null, null, null, null, null, null);
      continue;
    }
    const payer = td.eligible ? td.cost.payer : null;
    row.push(
      wordFor(YES_NO, td.eligible, lang),
      td.eligible ? null : reasonsText(td.reasons, lang),
      td.eligible ? td.priority.points : null,
      ...COST_CATEGORY_ORDER.map((k) => (payer ? PAYER_WORDS[payer[k]][lang] : null)),
    );
  }
  return row;
}

/** Decisions as a table, one row per person, headers in `lang`. */
export function decisionsSheet(decisions: readonly Decision[], book: Rulebook, lang: Lang): Sheet {
  return {
    name: lang === 'vi' ? 'Kết quả xét' : 'Decisions',
    columns: decisionColumns(book, lang),
    rows: decisions.map((d) => decisionRow(d, book, lang)),
  };
}
