import { type Candidate, jsonPath, parseCandidate, type Rulebook } from '@p135/rules';
import { formatPlace, type InputError, inputError, type Place } from '../place.js';
import { isBlankRow, type RawTable, type TableRow } from '../table.js';
import { acceptedHeaders, columnByKey, columnForHeader, ROSTER_COLUMNS, type RosterColumn } from './columns.js';
import { IdIndex } from './id-index.js';
import { CellProblem, type CellValue, columnReader, EMPTY } from './values.js';

export interface RosterResult {
  /** The people whose rows are valid, in the file's order. */
  readonly candidates: Candidate[];
  /** Every problem found, each with its row and column. Empty when the whole file is valid. */
  readonly errors: InputError[];
}

export interface RosterOptions {
  /** Stop after this many errors (default 1000). */
  readonly maxErrors?: number;
}

const q = (text: string) => JSON.stringify(text);

/** JSON path of a candidate field (`$.commune.p135.listed`) → its column. */
const COLUMN_BY_PATH = new Map(ROSTER_COLUMNS.map((c) => [jsonPath(c.field), c] as const));

/** The column a problem's JSON path points into (`$.provinceTrainingYears[1]` → province_training_years). */
function columnOfPath(path: string): RosterColumn | undefined {
  let p = path.replace(/\[\d+\]$/, '');
  while (p.length > 1) {
    const col = COLUMN_BY_PATH.get(p);
    if (col) return col;
    const cut = p.lastIndexOf('.');
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return undefined;
}

/** Sets the value at a field's path (`["commune", "p135", "listed"]`), making the objects on the way. */
function setter(path: readonly string[]): (target: Record<string, unknown>, value: unknown) => void {
  const [a, b, c] = path as [string, string?, string?];
  type Obj = Record<string, unknown>;
  if (path.length === 1)
    return (o, v) => {
      o[a] = v;
    };
  if (path.length === 2)
    return (o, v) => {
      ((o[a] ??= {}) as Obj)[b as string] = v;
    };
  if (path.length === 3)
    return (o, v) => {
      const mid = (o[a] ??= {}) as Obj;
      ((mid[b as string] ??= {}) as Obj)[c as string] = v;
    };
  return (o, v) => {
    let at = o;
    for (let k = 0; k < path.length - 1; k++) at = (at[path[k] as string] ??= {}) as Obj;
    at[path[path.length - 1] as string] = v;
  };
}

interface Header {
  readonly row: TableRow;
  /** For each cell of the header row: its column, or undefined for an empty header cell. */
  readonly columns: readonly (RosterColumn | undefined)[];
  /** Column key → the header as the file writes it. */
  readonly written: ReadonlyMap<string, string>;
}

/** Matches the header row to the roster columns: every unknown, repeated or missing column is an error. */
function readHeader(row: TableRow): { header?: Header; errors: InputError[] } {
  const errors: InputError[] = [];
  const columns: (RosterColumn | undefined)[] = [];
  const written = new Map<string, string>();
  for (const cell of row.cells) {
    const text = cell.replace(/^\uFEFF/, '').trim();
    const col = text ? columnForHeader(text) : undefined;
    columns.push(col);
    if (!text) continue;
    const place: Place = { ...row.place, column: text };
    if (!col) {
      errors.push(inputError(place, 'roster.unknown_column', `cột ${q(text)} không có; chấp nhận: ${acceptedHeaders()}`, `unknown column ${q(text)}; accepted: ${acceptedHeaders()}`));
      continue;
    }
    const first = written.get(col.key);
    if (first !== undefined) {
      errors.push(inputError(place, 'roster.duplicate_column', `cột ${q(text)} trùng với cột ${q(first)}`, `column ${q(text)} repeats column ${q(first)}`));
      continue;
    }
    written.set(col.key, text);
  }
  const missing = ROSTER_COLUMNS.filter((col) => col.required && !written.has(col.key));
  const unknown = errors.findIndex((e) => e.code === 'roster.unknown_column');
  const first = errors[unknown];
  if (first && missing.length) {
    // A misspelt header is both unknown and missing: one line says both.
    const names = missing.map((c) => `${q(c.vi)} (${c.key})`).join(', ');
    errors[unknown] = { ...first, message: { vi: `${first.message.vi}; còn thiếu cột ${names}`, en: `${first.message.en}; missing: ${names}` } };
  } else {
    for (const col of missing) {
      errors.push(inputError(row.place, 'roster.missing_column', `thiếu cột ${q(col.vi)} (${col.key}): ${col.note.vi}`, `missing column ${q(col.vi)} (${col.key}): ${col.note.en}`));
    }
  }
  return errors.length ? { errors } : { header: { row, columns, written }, errors };
}

/** How a header's rows are read, made once: a reader and a setter per column, and the cells no column names. */
interface RowPlan {
  readonly header: Header;
  readonly columns: readonly { readonly k: number; readonly col: RosterColumn; readonly read: (text: string) => CellValue; readonly set: ReturnType<typeof setter> }[];
  /** Cells under an empty header cell (past the header's end, every cell is). */
  readonly headerless: readonly number[];
}

function rowPlan(header: Header, book: Rulebook): RowPlan {
  const columns: RowPlan['columns'][number][] = [];
  const headerless: number[] = [];
  header.columns.forEach((col, k) => {
    if (col) columns.push({ k, col, read: columnReader(col, book), set: setter(col.field) });
    else headerless.push(k);
  });
  return { header, columns, headerless };
}

const cellWithoutHeader = (row: TableRow, cell: string, k: number): InputError =>
  inputError(
    row.place,
    'roster.cell_without_header',
    `ô thứ ${k + 1} có dữ liệu (${q(cell.trim().slice(0, 40))}) nhưng cột này không có tiêu đề`,
    `cell ${k + 1} holds ${q(cell.trim().slice(0, 40))} but its column has no header`,
  );

/** Is this character plain ASCII, not space (so not one `trim` removes)? */
const solid = (c: number) => c > 32 && c < 127;

/** A cell's text without space at either end: `trim`, skipped when both ends are plain characters. */
const trimmed = (text: string) => (text.length && solid(text.charCodeAt(0)) && solid(text.charCodeAt(text.length - 1)) ? text : text.trim());

/** The place of a column's cell in a row: the column as the file writes it. */
const placeOf = (row: TableRow, header: Header, key: string): Place => ({ ...row.place, column: header.written.get(key) ?? columnByKey(key).vi });

/** The candidate input one row describes, or the problems of its cells. */
function readRow(row: TableRow, plan: RowPlan): { input?: Record<string, unknown>; errors: InputError[] } {
  const errors: InputError[] = [];
  const input: Record<string, unknown> = {};
  const { header, columns } = plan;
  const cells = row.cells;
  for (const k of plan.headerless) {
    const cell = cells[k];
    if (cell !== undefined && cell.trim() !== '') errors.push(cellWithoutHeader(row, cell, k));
  }
  for (let k = header.columns.length; k < cells.length; k++) {
    const cell = cells[k] as string;
    if (cell.trim() !== '') errors.push(cellWithoutHeader(row, cell, k));
  }
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as RowPlan['columns'][number];
    const v = c.read(trimmed(cells[c.k] ?? ''));
    if (v === EMPTY) {
      if (c.col.required) errors.push(inputError(placeOf(row, header, c.col.key), 'roster.required', `thiếu giá trị: ${c.col.note.vi}`, `a value is required: ${c.col.note.en}`));
    } else if (v instanceof CellProblem) errors.push({ place: placeOf(row, header, c.col.key), code: `roster.invalid_${c.col.kind}`, message: v.message });
    else c.set(input, v);
  }
  const village = input.village as { name?: string; p135?: { listed?: boolean } } | undefined;
  if (village && village.name === undefined) delete input.village;
  else if (village && village.p135?.listed === undefined) {
    const listed = columnByKey('village_listed');
    errors.push(
      inputError(
        header.written.has(listed.key) ? placeOf(row, header, listed.key) : placeOf(row, header, 'village'),
        'roster.village_listed_required',
        `có tên thôn thì cần cho biết thôn có thuộc CT135 không (cột ${q(listed.vi)}: Có/Không)`,
        `a named village needs to say whether it is on the Program 135 list (column ${q(listed.vi)} / ${listed.key}: yes/no)`,
      ),
    );
  }
  return errors.length ? { errors } : { input, errors };
}

export interface TableReaderOptions extends RosterOptions {
  /**
   * The place of the row numbered `n` (the number `read` was given), for "repeats the one at …"
   * (default: spreadsheet row n). Only numbers are kept for the ids seen, never places.
   */
  readonly placeOfRow?: (n: number) => Place;
  /**
   * Check that no id repeats (default true). Off only where the caller checks the ids itself,
   * e.g. across pieces of a file read apart.
   */
  readonly checkIds?: boolean;
}

/**
 * A roster table read one row at a time, so a stream of any length can be read with small memory:
 * the first row that is not blank is the header (matched once), then each row is read, checked
 * for a repeated id (exactly, in an `IdIndex`) and validated by `@p135/rules`. Every error names
 * the row and the column as the file writes them, and says what is accepted.
 */
export class RosterTableReader {
  /** Every problem so far; at most `maxErrors` (then one more saying there were too many). */
  readonly errors: InputError[] = [];
  readonly #book: Rulebook;
  readonly #maxErrors: number;
  readonly #placeOfRow: (n: number) => Place;

  readonly #ids: IdIndex | undefined;
  #plan: RowPlan | undefined;
  #stopped = false;

  constructor(book: Rulebook, options: TableReaderOptions = {}) {
    this.#book = book;
    this.#maxErrors = options.maxErrors ?? 1000;
    this.#placeOfRow = options.placeOfRow ?? ((row) => ({ row }));
    this.#ids = options.checkIds === false ? undefined : new IdIndex();
  }

  /** True once nothing more will be read: the header is wrong, or there were too many errors. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** The person a row describes; undefined for the header, a blank row, or a row with errors (in `errors`). */
  read(row: TableRow, n: number = row.place.row ?? 0): Candidate | undefined {
    if (this.#stopped || isBlankRow(row.cells)) return undefined;
    if (!this.#plan) {
      const { header, errors } = readHeader(row);
      if (header) this.#plan = rowPlan(header, this.#book);
      else {
        this.errors.push(...errors);
        this.#stopped = true;
      }
      return undefined;
    }
    const candidate = this.#person(row, this.#plan, n);
    if (this.errors.length >= this.#maxErrors) {
      this.errors.push(inputError({}, 'input.too_many_errors', `quá nhiều lỗi; dừng sau ${this.#maxErrors} lỗi`, `too many errors; stopped after ${this.#maxErrors}`));
      this.#stopped = true;
    }
    return candidate;
  }

  /** After the last row: a table with no row holding data is an error. */
  end(): void {
    if (!this.#plan && !this.#stopped) {
      this.errors.push(inputError({}, 'input.empty', 'tệp không có dòng nào có dữ liệu', 'the file has no rows with data'));
      this.#stopped = true;
    }
  }

  #person(row: TableRow, plan: RowPlan, n: number): Candidate | undefined {
    const { header } = plan;
    const cells = readRow(row, plan);
    if (!cells.input) {
      this.errors.push(...cells.errors);
      return undefined;
    }
    const id = String(cells.input.id);
    const first = this.#ids?.firstOrAdd(id, n);
    if (first !== undefined) {
      const idPlace: Place = { ...row.place, column: header.written.get('id') as string };
      const at = this.#placeOfRow(first);
      this.errors.push(inputError(idPlace, 'roster.duplicate_id', `mã ${q(id)} trùng với ${formatPlace(at, 'vi')}`, `id ${q(id)} repeats the one at ${formatPlace(at, 'en')}`));
      return undefined;
    }
    const checked = parseCandidate(cells.input, this.#book);
    for (const p of checked.errors) {
      const col = columnOfPath(p.path);
      const place: Place = col ? { ...row.place, column: header.written.get(col.key) ?? col.vi } : row.place;
      this.errors.push({ place, code: p.code, message: p.message });
    }
    return checked.value;
  }
}

/**
 * A roster table (rows of strings, header first) as candidates: a `RosterTableReader` given every
 * row. Headers and values are read as documented (Vietnamese or English), then each person is
 * validated by `@p135/rules`; every error names the row and the column as the file writes them,
 * and says what is accepted.
 */
export function rosterFromTable(rows: RawTable, book: Rulebook, options: RosterOptions = {}): RosterResult {
  const reader = new RosterTableReader(book, { ...options, placeOfRow: (r) => (rows[r] as TableRow).place });
  const candidates: Candidate[] = [];
  for (let r = 0; r < rows.length && !reader.stopped; r++) {
    const candidate = reader.read(rows[r] as TableRow, r);
    if (candidate) candidates.push(candidate);
  }
  reader.end();
  return { candidates, errors: reader.errors };
}
