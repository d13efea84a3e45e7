import { type Candidate, jsonPath, packWords, type PackWords, parseCandidate, type Rulebook } from '@p135/rules';
import { formatPlace, type InputError, inputError, type Place } from '../place.js';
import { isBlankRow, type RawTable, type TableRow } from '../table.js';
import { columnByKey, ROSTER_COLUMNS, type RosterColumn, type RosterHeaders, rosterHeaders } from './columns.js';
import { IdIndex } from './id-index.js';
import { CellProblem, type CellValue, columnReader, EMPTY } from './values.js';

export interface RosterResult {
  /** The people whose rows are valid, in the file's order. */
  readonly candidates: Candidate[];
  /** Every problem found, each with its row and column. Empty when the whole file is valid. */
  readonly errors: InputError[];
  /**
   * What was read differently from a plain table, to tell the person (nothing is wrong): the header
   * found below title rows, columns left out, the rows below a total or signature block not read.
   */
  readonly warnings: InputError[];
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

/** A column of the file that is left out (its header is not a roster column). */
const IGNORED = 'ignored' as const;

interface Header {
  readonly row: TableRow;
  /** For each cell of the header row: its column, `IGNORED`, or undefined for an empty header cell. */
  readonly columns: readonly (RosterColumn | typeof IGNORED | undefined)[];
  /** Column key → the header as the file writes it. */
  readonly written: ReadonlyMap<string, string>;
  /** The headers the pack knows, for naming a column the file does not have. */
  readonly names: RosterHeaders;
}

/** Non-blank rows looked at for the header (title, date and blank rows above it are skipped). */
export const MAX_ROWS_ABOVE_HEADER = 30;
/** Known column headers a row needs to be taken as the header. */
const MIN_HEADER_COLUMNS = 2;

/** How many distinct roster columns a row's cells name. */
function knownColumns(row: TableRow, names: RosterHeaders): number {
  const seen = new Set<string>();
  for (const cell of row.cells) {
    const col = cell.trim() ? names.columnFor(cell.trim()) : undefined;
    if (col) seen.add(col.key);
  }
  return seen.size;
}

/** `"Mã", "Họ và tên", …`: the required columns, for the header's errors. */
const requiredHeaders = (names: RosterHeaders) =>
  ROSTER_COLUMNS.filter((c) => c.required)
    .map((c) => q(names.vi(c)))
    .join(', ');

/**
 * Matches the header row to the roster columns: a column the toolkit does not use (STT, Ghi chú…)
 * is left out, all of them named in ONE warning (with "did you mean" for a misspelt one); a
 * repeated or missing column is an error.
 */
function readHeader(row: TableRow, names: RosterHeaders): { header?: Header; errors: InputError[]; warnings: InputError[] } {
  const errors: InputError[] = [];
  const columns: (RosterColumn | typeof IGNORED | undefined)[] = [];
  const written = new Map<string, string>();
  const ignored: { text: string; near?: string }[] = [];
  for (const cell of row.cells) {
    const text = cell.replace(/^\uFEFF/, '').trim();
    const col = text ? names.columnFor(text) : undefined;
    if (!text) {
      columns.push(undefined);
      continue;
    }
    const place: Place = { ...row.place, column: text };
    if (!col) {
      columns.push(IGNORED);
      ignored.push({ text, near: names.near(text) });
      continue;
    }
    const first = written.get(col.key);
    if (first !== undefined) {
      columns.push(IGNORED);
      errors.push(
        inputError(
          place,
          'roster.duplicate_column',
          `cột ${q(text)} trùng với cột ${q(first)}; hãy xóa hoặc đổi tên một cột`,
          `column ${q(text)} repeats column ${q(first)}; remove or rename one of them`,
        ),
      );
      continue;
    }
    columns.push(col);
    written.set(col.key, text);
  }
  const missing = ROSTER_COLUMNS.filter((col) => col.required && !written.has(col.key));
  for (const col of missing) {
    // A misspelt header is both left out and missing: one line says both.
    const like = ignored.find((c) => c.near !== undefined && names.columnFor(c.near) === col);
    const vi = names.vi(col);
    const hintVi = like ? `; cột ${q(like.text)} có phải là cột này? hãy sửa tiêu đề thành ${q(vi)}` : '';
    const hintEn = like ? `; is column ${q(like.text)} this one? rename it ${q(vi)}` : '';
    errors.push(
      inputError(
        like ? { ...row.place, column: like.text } : row.place,
        'roster.missing_column',
        `thiếu cột ${q(vi)} (${col.key}): ${col.note.vi}${hintVi}`,
        `missing column ${q(vi)} (${col.key}): ${col.note.en}${hintEn}`,
      ),
    );
  }
  const warnings: InputError[] = [];
  if (ignored.length) {
    const list = (lang: 'vi' | 'en') => ignored.map((c) => (c.near ? `${q(c.text)} (${lang === 'vi' ? 'có phải' : 'did you mean'} ${q(c.near)}?)` : q(c.text))).join(', ');
    warnings.push(
      inputError(
        row.place,
        'roster.ignored_columns',
        `bỏ qua ${ignored.length} cột không dùng đến: ${list('vi')}; nếu một cột trong số đó là cột cần đọc, hãy sửa tiêu đề của nó`,
        `${ignored.length} column(s) the toolkit does not use are left out: ${list('en')}; if one of them should be read, correct its header`,
      ),
    );
  }
  // A refused header says what to fix in its errors (a misspelt column is named there): no notice besides.
  return errors.length ? { errors, warnings: [] } : { header: { row, columns, written, names }, errors, warnings };
}

/** The one error of a table whose header row cannot be found. */
function noHeader(first: TableRow | undefined, looked: number, names: RosterHeaders): InputError {
  const near = first
    ? first.cells
        .map((c) => c.trim())
        .filter((c) => c && names.near(c))
        .map((c) => `${q(c)} → ${q(names.near(c) as string)}`)
        .slice(0, 5)
    : [];
  const nearVi = near.length ? ` Gần giống: ${near.join(', ')}.` : '';
  const nearEn = near.length ? ` Near ones: ${near.join(', ')}.` : '';
  return inputError(
    {},
    'roster.no_header',
    `không tìm thấy dòng tiêu đề: trong ${looked} dòng đầu có dữ liệu, không dòng nào có ít nhất ${MIN_HEADER_COLUMNS} tiêu đề cột của danh sách. Dòng tiêu đề cần các cột ${requiredHeaders(names)}.${nearVi}`,
    `the header row was not found: none of the first ${looked} rows with data has at least ${MIN_HEADER_COLUMNS} of the list's column headers. The header needs the columns ${requiredHeaders(names)}.${nearEn}`,
  );
}

/** How a header's rows are read, made once: a reader and a setter per column, and the cells no column names. */
interface RowPlan {
  readonly header: Header;
  readonly columns: readonly { readonly k: number; readonly col: RosterColumn; readonly read: (text: string) => CellValue; readonly set: ReturnType<typeof setter> }[];
  /** Cells under an empty header cell (past the header's end, every cell is). */
  readonly headerless: readonly number[];
}

function rowPlan(header: Header, book: Rulebook, words: PackWords): RowPlan {
  const columns: RowPlan['columns'][number][] = [];
  const headerless: number[] = [];
  header.columns.forEach((col, k) => {
    if (col === IGNORED) return;
    if (col) columns.push({ k, col, read: columnReader(col, { words, book }), set: setter(col.field) });
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
const placeOf = (row: TableRow, header: Header, key: string): Place => ({ ...row.place, column: header.written.get(key) ?? header.names.vi(columnByKey(key)) });

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
        `có tên thôn thì cần cho biết thôn có thuộc CT135 không (cột ${q(header.names.vi(listed))}: Có/Không)`,
        `a named village needs to say whether it is on the Program 135 list (column ${q(header.names.vi(listed))} / ${listed.key}: yes/no)`,
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
  /** What was read differently from a plain table (see `RosterResult.warnings`). */
  readonly warnings: InputError[] = [];
  readonly #book: Rulebook;
  readonly #words: PackWords;
  readonly #names: RosterHeaders;
  readonly #maxErrors: number;
  readonly #placeOfRow: (n: number) => Place;

  readonly #ids: IdIndex | undefined;
  #plan: RowPlan | undefined;
  /** Non-blank rows seen before the header (titles, dates): how many, and the first. */
  #above = 0;
  #firstAbove: TableRow | undefined;
  /** The row that ended the list (a total, a signature block): nothing below it is read. */
  #footer: TableRow | undefined;
  #stopped = false;

  constructor(book: Rulebook, options: TableReaderOptions = {}) {
    this.#book = book;
    this.#words = packWords(book.pack);
    this.#names = rosterHeaders(this.#words);
    this.#maxErrors = options.maxErrors ?? 1000;
    this.#placeOfRow = options.placeOfRow ?? ((row) => ({ row }));
    this.#ids = options.checkIds === false ? undefined : new IdIndex();
  }

  /** True once nothing more will be read: the header is wrong, or there were too many errors. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** The header row's cells, once found. */
  get headerCells(): readonly string[] | undefined {
    return this.#plan?.header.row.cells;
  }

  /**
   * The person a row describes; undefined for a row above the header (a title, a date), the header,
   * a blank row, a row below the list's end (a total, signatures), or a row with errors (in `errors`).
   */
  read(row: TableRow, n: number = row.place.row ?? 0): Candidate | undefined {
    if (this.#stopped || this.#footer || isBlankRow(row.cells)) return undefined;
    if (!this.#plan) {
      this.#findHeader(row);
      return undefined;
    }
    if (this.#endsList(row, this.#plan)) {
      this.#footer = row;
      const first =
        row.cells
          .find((c) => c.trim() !== '')
          ?.trim()
          .slice(0, 60) ?? '';
      this.warnings.push(
        inputError(
          row.place,
          'roster.footer',
          `dừng đọc ở dòng cuối bảng (${q(first)}): các dòng từ đây trở xuống (tổng cộng, chữ ký, ngày tháng) không được đọc là học viên`,
          `reading stopped at the end of the list (${q(first)}): this row and those below it (totals, signatures, the date) are not read as people`,
        ),
      );
      return undefined;
    }
    const candidate = this.#person(row, this.#plan, n);
    if (this.errors.length >= this.#maxErrors) {
      this.errors.push(inputError({}, 'input.too_many_errors', `quá nhiều lỗi; dừng sau ${this.#maxErrors} lỗi`, `too many errors; stopped after ${this.#maxErrors}`));
      this.#stopped = true;
    }
    return candidate;
  }

  /** After the last row: a table with no row holding data, or with no header, is an error. */
  end(): void {
    if (this.#plan || this.#stopped) return;
    this.errors.push(this.#above ? noHeader(this.#firstAbove, this.#above, this.#names) : inputError({}, 'input.empty', 'tệp không có dòng nào có dữ liệu', 'the file has no rows with data'));
    this.#stopped = true;
  }

  /** A row before the header: the header when it names enough columns, else a title or date row skipped. */
  #findHeader(row: TableRow): void {
    if (knownColumns(row, this.#names) < MIN_HEADER_COLUMNS) {
      this.#above++;
      this.#firstAbove ??= row;
      if (this.#above >= MAX_ROWS_ABOVE_HEADER) {
        this.errors.push(noHeader(this.#firstAbove, this.#above, this.#names));
        this.#stopped = true;
      }
      return;
    }
    const { header, errors, warnings } = readHeader(row, this.#names);
    if (this.#above && this.#firstAbove) {
      const title =
        this.#firstAbove.cells
          .find((c) => c.trim() !== '')
          ?.trim()
          .slice(0, 80) ?? '';
      const at = row.place.row ?? row.place.line;
      this.warnings.push(
        inputError(
          row.place,
          'roster.header_row',
          `dòng tiêu đề là dòng ${at}; bỏ qua ${this.#above} dòng có chữ phía trên (tên danh sách, ngày tháng: ${q(title)})`,
          `the header is row ${at}; ${this.#above} row(s) with text above it were skipped (the list's title, dates: ${q(title)})`,
        ),
      );
    }
    this.warnings.push(...warnings);
    if (header) this.#plan = rowPlan(header, this.#book, this.#words);
    else {
      this.errors.push(...errors);
      this.#stopped = true;
    }
  }

  /**
   * Does this row end the list? A cell starts a total, a signature block or the date line, and the
   * row does not describe a person (at most half of its required cells hold anything but footer
   * words — a merged footer cell repeats its text). A person's row costs one look: its first cell.
   */
  #endsList(row: TableRow, plan: RowPlan): boolean {
    const cells = row.cells;
    const isFooter = this.#words.isFooter;
    const count = (skipFooters: boolean) => {
      let filled = 0;
      let required = 0;
      for (const c of plan.columns) {
        if (!c.col.required) continue;
        required++;
        const text = cells[c.k];
        if (text !== undefined && text.trim() !== '' && !(skipFooters && isFooter(text))) filled++;
      }
      return filled * 2 > required;
    };
    if (count(false)) {
      const first = cells.find((c) => c.trim() !== '');
      if (first === undefined || !isFooter(first) || count(true)) return false;
    }
    return cells.some((c) => isFooter(c));
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
      const place: Place = col ? { ...row.place, column: header.written.get(col.key) ?? header.names.vi(col) } : row.place;
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
  return { candidates, errors: reader.errors, warnings: reader.warnings };
}
