import type { Lang, Localized, ProblemCode } from '@p135/rules';

/**
 * Where something is in an input, as a person would find it: the file, the spreadsheet row
 * (header = row 1) or the text line, a JSON path inside a document, and the column header as
 * the file writes it.
 */
export interface Place {
  readonly file?: string;
  /** The sheet of a workbook (or the part of a plan a CSV file holds): `Dự toán`. */
  readonly sheet?: string;
  /** Spreadsheet row, 1-based, the header being row 1 (CSV record, XLSX row). */
  readonly row?: number;
  /** Line of a text file (JSON, JSON Lines), 1-based. */
  readonly line?: number;
  /** Character on that line, 1-based. */
  readonly char?: number;
  /** JSON path inside a document or a JSON Lines line: `$[3].role`. */
  readonly path?: string;
  /** The column header as written in the file. */
  readonly column?: string;
  /** The id the row itself carries (a budget line's `NS-17`, a class's `PC-1`), so a person finds it by name. */
  readonly record?: string;
}

/** One thing that stops an input from being read, where it is, and what to do, in vi and en. */
export interface InputError {
  readonly place: Place;
  /** One of @p135/rules' `PROBLEM_CODES` (see docs/error-codes.md). */
  readonly code: ProblemCode;
  readonly message: Localized;
}

export function inputError(place: Place, code: ProblemCode, vi: string, en: string): InputError {
  return { place, code, message: { vi, en } };
}

const WORDS = {
  vi: { sheet: 'trang', row: 'dòng', line: 'dòng', char: 'ký tự', column: 'cột' },
  en: { sheet: 'sheet', row: 'row', line: 'line', char: 'char', column: 'column' },
} as const;

/**
 * `candidates.csv dòng 14, cột "Chức vụ"` (vi) or `candidates.csv row 14, column "Chức vụ"` (en);
 * in a workbook, `ke-hoach.xlsx trang "Dự toán", dòng 18 (NS-17), cột "Số tiền (đồng)"`.
 */
export function formatPlace(place: Place, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  const record = place.record !== undefined ? ` (${place.record})` : '';
  if (place.sheet !== undefined) parts.push(`${w.sheet} ${JSON.stringify(place.sheet)}${place.row === undefined ? record : ''}`);
  if (place.row !== undefined) parts.push(`${w.row} ${place.row}${record}`);
  if (place.line !== undefined) parts.push(`${w.line} ${place.line}`);
  if (place.char !== undefined) parts.push(`${w.char} ${place.char}`);
  if (place.path !== undefined) parts.push(place.path);
  if (place.column !== undefined) parts.push(`${w.column} ${JSON.stringify(place.column)}`);
  const where = parts.join(', ');
  if (place.file === undefined) return where;
  return where ? `${place.file} ${where}` : place.file;
}

/** One line: `candidates.csv dòng 14, cột "Chức vụ": chức vụ "Trưởng thôn" không có; chấp nhận: …`. */
export function formatInputError(error: InputError, lang: Lang): string {
  const where = formatPlace(error.place, lang);
  const text = error.message[lang].replace(/\s*[\r\n]+\s*/g, ' ');
  return where ? `${where}: ${text}` : text;
}

/** The same errors, each placed in `file`. */
export function inFile(errors: readonly InputError[], file: string): InputError[] {
  return errors.map((e) => ({ ...e, place: { ...e.place, file } }));
}
