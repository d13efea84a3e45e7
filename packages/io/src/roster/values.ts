import { findEthnicGroup, ETHNIC_GROUPS, type Localized, type Rulebook } from '@p135/rules';
import type { RosterColumn } from './columns.js';
import { type RoleIndex, roleIndex } from './roles.js';
import { acceptedWords, CLASS_LEVEL_WORDS, GENDER_WORDS, lookUp, splitList, YES_NO } from './vocabulary.js';

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

const ethnicList = () => ETHNIC_GROUPS.map((g) => `${g.name} (${g.code})`).join(', ');

/** Kinds whose value is a scalar that depends only on the text: a roster repeats them on every row, so they are read once per text. */
const MEMO_KINDS = new Set<RosterColumn['kind']>(['gender', 'yes_no', 'ethnicity', 'role', 'district_code', 'commune_code']);

/** Distinct texts remembered per scalar column. */
const MAX_MEMO = 10_000;

/** A reader for one column's cells; for a scalar column, it remembers what each distinct text means. */
export function columnReader(column: RosterColumn, book: Rulebook): (text: string) => CellValue {
  const roles = column.kind === 'role' ? roleIndex(book) : undefined;
  if (!MEMO_KINDS.has(column.kind)) return (text) => readCell(column, text, roles);
  const byText = new Map<string, CellValue>();
  return (text) => {
    if (text === '') return EMPTY;
    let v = byText.get(text);
    if (v === undefined) {
      v = readCell(column, text, roles);
      if (byText.size < MAX_MEMO) byText.set(text, v);
    }
    return v;
  };
}

/** Reads one cell's text (already trimmed) as the value a candidate's field holds. */
/** One cell's value; `roles`: the pack's roles, for a role column. */
export function readCell(column: RosterColumn, text: string, roles: RoleIndex | undefined): CellValue {
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
      const value = lookUp(GENDER_WORDS, text);
      if (value !== undefined) return value;
      const accepted = acceptedWords(GENDER_WORDS);
      return problem({ vi: `giới tính ${q(text)} không hợp lệ; chấp nhận: ${accepted}`, en: `unknown gender ${q(text)}; accepted: ${accepted}` });
    }
    case 'yes_no': {
      const value = lookUp(YES_NO, text);
      if (value !== undefined) return value;
      const accepted = acceptedWords(YES_NO);
      return problem({ vi: `${q(text)} không hợp lệ; chấp nhận: ${accepted}`, en: `${q(text)} is not yes or no; accepted: ${accepted}` });
    }
    case 'ethnicity': {
      const group = findEthnicGroup(text);
      return group
        ? group.code
        : problem({ vi: `dân tộc ${q(text)} không có; chấp nhận tên hoặc mã: ${ethnicList()}`, en: `unknown ethnic group ${q(text)}; accepted, by name or code: ${ethnicList()}` });
    }
    case 'role': {
      if (!roles) throw new RangeError('a role column is read with the pack’s roles');
      const role = roles.find(text);
      return role ? role.code : problem({ vi: `chức vụ ${q(text)} không có; chấp nhận: ${roles.accepted('vi')}`, en: `unknown role ${q(text)}; accepted: ${roles.accepted('en')}` });
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
