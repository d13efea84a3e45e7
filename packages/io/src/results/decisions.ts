import type { Decision, Lang, Rulebook, TrackDecision } from '@p135/rules';
import { csvField, type CsvWriteOptions, csvRows } from '../csv-write.js';
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

/** The cells of one track: eligible, why not, priority points, who pays meals, lodging, travel (none when the decision has no such track). */
function trackCells(td: TrackDecision | undefined, lang: Lang): Cell[] {
  if (!td) return [null, null, null, null, null, null];
  const payer = td.eligible ? td.cost.payer : null;
  return [
    wordFor(YES_NO, td.eligible, lang),
    td.eligible ? null : reasonsText(td.reasons, lang),
    td.eligible ? td.priority.points : null,
    ...COST_CATEGORY_ORDER.map((k) => (payer ? PAYER_WORDS[payer[k]][lang] : null)),
  ];
}

/** The names of the tracks open to the person: labels in Vietnamese, codes in English. */
const eligibleText = (d: Decision, book: Rulebook, lang: Lang) => d.eligibleTracks.map((code) => (lang === 'vi' ? (book.track(code)?.label.vi ?? code) : code)).join('; ');

/** One row: eligible yes/no per track, the failed reasons with their clauses, priority points and who pays what. */
export function decisionRow(d: Decision, book: Rulebook, lang: Lang): Cell[] {
  const row: Cell[] = [d.candidateId, d.name, eligibleText(d, book, lang)];
  for (const t of book.tracks)
    row.push(
      ...trackCells(
        d.tracks.find((x) => x.track === t.code),
        lang,
      ),
    );
  return row;
}

/**
 * Receives a row's text piece by piece. A piece shared by many rows comes with what it is shared
 * by (`sharedBy`, an object that stands for the very same text each time it recurs), so that a
 * writer can keep the bytes it made of it, found again by that object.
 */
export type CsvPieceSink = (piece: string, sharedBy?: object) => void;

export interface DecisionCsvWriter {
  /** The byte order mark (unless turned off) and the header line. */
  readonly start: string;
  /** One person's row, in pieces: their own cells (id, name), then the rest (shared when their tracks are). */
  row(d: Decision, out: CsvPieceSink): void;
}

/** Texts kept for the tracks open to people (a few combinations) and for shared track decisions. */
const MAX_KEPT = 4096;

/**
 * Decisions as CSV a row at a time, for long streams: the pieces of a row joined are exactly
 * `csvRows(decisionColumns(…)).row(decisionRow(…))`. Decisions are deeply frozen, and equal
 * outcomes may share objects (a list of tracks, a track decision: the `@p135/rules` contract), so
 * what many people share is turned into text once (kept by identity, weakly, in this writer), and
 * the rest of a row is handed on as the very same string each time it recurs, so a writer may
 * keep its bytes too.
 */
export function decisionCsvWriter(book: Rulebook, lang: Lang, options: CsvWriteOptions = {}): DecisionCsvWriter {
  const d = options.delimiter ?? ',';
  const tracks = book.tracks.map((t) => t.code);
  const texts = new WeakMap<TrackDecision, string>();
  const eligible = new Map<string, string>();
  const empty = d.repeat(6);
  const trackText = (td: TrackDecision | undefined): string => {
    if (!td) return empty;
    let text = texts.get(td);
    if (text === undefined) {
      text = d + trackCells(td, lang).map(csvField).join(d);
      texts.set(td, text);
    }
    return text;
  };
  const rests = new WeakMap<readonly TrackDecision[], string>();
  const openText = (decision: Decision): string => {
    const key = decision.eligibleTracks.join('\u0000');
    let open = eligible.get(key);
    if (open === undefined) {
      open = csvField(eligibleText(decision, book, lang));
      if (eligible.size < MAX_KEPT) eligible.set(key, open);
    }
    return open;
  };
  return {
    start: csvRows(decisionColumns(book, lang), options).start,
    row(decision, out) {
      out(`${csvField(decision.candidateId)}${d}${csvField(decision.name)}${d}`);
      // The rest of a row, by its list of tracks: equal outcomes may share that list (decisions are
      // deeply frozen, so the same object always reads the same), and it is then made once.
      let rest = rests.get(decision.tracks);
      if (rest === undefined) {
        rest = openText(decision);
        for (let k = 0; k < tracks.length; k++) {
          const at = decision.tracks[k];
          rest += trackText(at?.track === tracks[k] ? at : decision.tracks.find((x) => x.track === tracks[k]));
        }
        rest += '\r\n';
        rests.set(decision.tracks, rest);
      }
      out(rest, decision.tracks);
    },
  };
}

/** Decisions as a table, one row per person, headers in `lang`. */
export function decisionsSheet(decisions: readonly Decision[], book: Rulebook, lang: Lang): Sheet {
  return {
    name: lang === 'vi' ? 'Kết quả xét' : 'Decisions',
    columns: decisionColumns(book, lang),
    rows: decisions.map((d) => decisionRow(d, book, lang)),
  };
}
