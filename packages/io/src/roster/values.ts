import { ETHNIC_GROUPS, type KnownWord, type Localized, type PackWords, type Rulebook, type WordIndex } from '@p135/rules';
import type { RosterColumn } from './columns.js';
import { acceptedWords, CLASS_LEVEL_WORDS, lookUp, splitList } from './vocabulary.js';

/** An empty cell. */
export const EMPTY: unique symbol = Symbol('empty cell');

/** What is wrong with a cell's text. */
export class CellProblem {
  constructor(readonly message: Localized) {}
}

/** A cell's value for a candidate (a string, number, boolean or list), `EMPTY`, or a `CellProblem`. */
export type CellValue = string | number | boolean | readonly (string | number)[] | typeof EMPTY | CellProblem;

const problem = (message: Localized) => new CellProblem(message);

const YEAR = /^\d{4}$/;
const q = (text: string) => JSON.stringify(text);

function notAYear(text: string, list: boolean): Localized {
  return list
    ? { vi: `${q(text)} không phải là năm; ghi các năm cách nhau bởi dấu ;, ví dụ: 2018; 2019`, en: `${q(text)} is not a year; write years separated by ;, e.g. 2018; 2019` }
    : { vi: `${q(text)} không phải là năm: cần 4 chữ số, ví dụ 1975`, en: `${q(text)} is not a year: expected 4 digits, e.g. 1975` };
}

/** `"7"` → `"007"`: codes that lost their leading zeros in a spreadsheet get them back. */
const padCode = (text: string, width: number) => (/^\d+$/.test(text) && text.length < width ? text.padStart(width, '0') : text);

const groupName = (code: string) => ETHNIC_GROUPS.find((g) => g.code === code)?.name ?? code;

/** `Có phải "Nùng" (07) hoặc …?` — the nearest known words (at most 3), each shown as `show` says; empty when none is near. */
function nearWords(index: WordIndex, text: string, show: (w: KnownWord) => string): Localized | undefined {
  const near = index.near(text, 3);
  if (!near.length) return undefined;
  const list = near.map(show);
  return { vi: `có phải ${list.join(' hoặc ')}?`, en: `did you mean ${list.join(' or ')}?` };
}

/** "unknown X": what is wrong, then the nearest known words, or else how to find every accepted one. */
function unknownWord(what: Localized, near: Localized | undefined, otherwise: Localized): CellProblem {
  const hint = near ?? otherwise;
  return problem({ vi: `${what.vi}; ${hint.vi}`, en: `${what.en}; ${hint.en}` });
}

/** Kinds whose value is a scalar that depends only on the text: a roster repeats them on every row, so they are read once per text. */
const MEMO_KINDS = new Set<RosterColumn['kind']>(['gender', 'yes_no', 'ethnicity', 'role', 'district_code', 'commune_code']);

/** Distinct texts remembered per scalar column. */
const MAX_MEMO = 10_000;

/** What a cell is read with: the pack's words (built once per reader) and its roles' labels. */
export interface CellWords {
  readonly words: PackWords;
  readonly book: Rulebook;
}

/** A reader for one column's cells; for a scalar column, it remembers what each distinct text means. */
export function columnReader(column: RosterColumn, words: CellWords): (text: string) => CellValue {
  const blank = column.kind === 'yes_no' && words.words.blankYesNo !== undefined ? words.words.blankYesNo === 'yes' : EMPTY;
  if (!MEMO_KINDS.has(column.kind)) return (text) => readCell(column, text, words);
  const byText = new Map<string, CellValue>();
  return (text) => {
    if (text === '') return blank;
    let v = byText.get(text);
    if (v === undefined) {
      v = readCell(column, text, words);
      if (byText.size < MAX_MEMO) byText.set(text, v);
    }
    return v;
  };
}

/** Reads one cell's text (already trimmed) as the value a candidate's field holds, with the pack's words. */
export function readCell(column: RosterColumn, text: string, { words, book }: CellWords): CellValue {
  if (text === '') return EMPTY;
  switch (column.kind) {
    case 'id':
    case 'text':
      return text;
    case 'district_code':
      return padCode(text, 3);
    case 'commune_code':
      return padCode(text, 5);
    case 'year':
      return YEAR.test(text) ? Number(text) : problem(notAYear(text, false));
    case 'gender': {
      const value = words.genders.find(text);
      if (value !== undefined) return value;
      return unknownWord({ vi: `giới tính ${q(text)} không hợp lệ`, en: `unknown gender ${q(text)}` }, undefined, { vi: 'ghi Nữ hoặc Nam', en: 'write Nữ or Nam (female, male)' });
    }
    case 'yes_no': {
      const value = words.yesNo.find(text);
      if (value !== undefined) return value === 'yes';
      return unknownWord({ vi: `${q(text)} không phải Có/Không`, en: `${q(text)} is not yes or no` }, undefined, {
        vi: 'ghi Có hoặc Không (hoặc x cho Có)',
        en: 'write Có or Không, yes or no (or x for yes)',
      });
    }
    case 'ethnicity': {
      const code = words.ethnicities.find(text);
      if (code !== undefined) return code;
      const near = nearWords(words.ethnicities, text, (w) => `${q(groupName(w.value))} (${w.value})`);
      return unknownWord({ vi: `dân tộc ${q(text)} không có trong danh mục 54 dân tộc`, en: `unknown ethnic group ${q(text)} (not one of the 54)` }, near, {
        vi: 'ghi tên dân tộc (Tày, Nùng, Dao, Mông…) hoặc mã 01–54',
        en: 'write the group’s name (Tày, Nùng, Dao, Mông…) or its code 01–54',
      });
    }
    case 'role': {
      const code = words.roles.find(text);
      if (code !== undefined) return code;
      const label = (c: string) => book.pack.roles.find((r) => r.code === c)?.label;
      const near = words.roles.near(text, 3);
      const n = book.pack.roles.length;
      return unknownWord(
        { vi: `chức vụ ${q(text)} không có trong bộ quy tắc`, en: `unknown role ${q(text)}` },
        near.length
          ? {
              vi: `có phải ${near.map((w) => `${q(label(w.value)?.vi ?? w.value)} (${w.value})`).join(' hoặc ')}?`,
              en: `did you mean ${near.map((w) => `${q(label(w.value)?.en ?? w.value)} (${w.value})`).join(' or ')}?`,
            }
          : undefined,
        {
          vi: `không có chức vụ nào gần giống; bộ quy tắc có ${n} chức vụ (xem bằng "p135 pack show"); một tỉnh thêm cách viết của mình trong mục vocabulary của bộ quy tắc`,
          en: `no role is near it; the pack has ${n} roles (see "p135 pack show"); a province adds its own spellings in the pack's vocabulary`,
        },
      );
    }
    case 'years': {
      const years: number[] = [];
      for (const item of splitList(text)) {
        if (!YEAR.test(item)) return problem(notAYear(item, true));
        years.push(Number(item));
      }
      return years;
    }
    case 'class_levels': {
      const levels: string[] = [];
      for (const item of splitList(text)) {
        const level = lookUp(CLASS_LEVEL_WORDS, item);
        const accepted = acceptedWords(CLASS_LEVEL_WORDS);
        if (level === undefined) return problem({ vi: `cấp lớp ${q(item)} không có; chấp nhận: ${accepted}`, en: `unknown class level ${q(item)}; accepted: ${accepted}` });
        levels.push(level);
      }
      return levels;
    }
  }
}
