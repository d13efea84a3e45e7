import { type Candidate, ETHNIC_GROUPS, type Lang, type Localized, packWords, type Rulebook } from '@p135/rules';
import type { Cell, Sheet } from '../table.js';
import { ROSTER_COLUMNS, type RosterColumn, rosterHeaders } from './columns.js';
import { CLASS_LEVEL_WORDS, GENDER_WORDS, LIST_SEPARATOR, wordFor, YES_NO } from './vocabulary.js';

const ETHNIC_NAME = new Map(ETHNIC_GROUPS.map((g) => [g.code, g.name] as const));

function valueAt(c: Candidate, path: readonly string[]): unknown {
  let v: unknown = c;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

function cellOf(col: RosterColumn, c: Candidate, roles: ReadonlyMap<string, Localized>, lang: Lang): Cell {
  const v = valueAt(c, col.field);
  if (v === undefined || v === null) return null;
  switch (col.kind) {
    case 'gender':
      return wordFor(GENDER_WORDS, v as Candidate['gender'], lang);
    case 'year':
      return v as number;
    case 'ethnicity':
      return ETHNIC_NAME.get(v as string) ?? (v as string);
    case 'role':
      return roles.get(v as string)?.[lang] ?? (v as string);
    case 'yes_no':
      return wordFor(YES_NO, v as boolean, lang);
    case 'years':
      return (v as number[]).join(LIST_SEPARATOR);
    case 'class_levels':
      return (v as Candidate['planYearClasses']).map((l) => wordFor(CLASS_LEVEL_WORDS, l, lang)).join(LIST_SEPARATOR);
    default:
      return String(v);
  }
}

/**
 * Candidates as a roster table in the documented format (the inverse of `rosterFromTable`):
 * Vietnamese headers and words (role labels, Có/Không, Nữ/Nam) for `vi`, English ones for `en`.
 */
export function rosterSheet(candidates: readonly Candidate[], book: Rulebook, lang: Lang, name = lang === 'vi' ? 'Danh sách' : 'Roster'): Sheet {
  const roles = new Map(book.pack.roles.map((r) => [r.code, r.label] as const));
  const names = rosterHeaders(packWords(book.pack));
  return {
    name,
    columns: ROSTER_COLUMNS.map((col) => ({ key: col.key, header: lang === 'vi' ? names.vi(col) : col.key })),
    rows: candidates.map((c) => ROSTER_COLUMNS.map((col) => cellOf(col, c, roles, lang))),
  };
}
