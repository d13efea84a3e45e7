import { type Candidate, jsonPath, parseCandidate, type Rulebook } from '@p135/rules';
import { formatPlace, type InputError, inputError, type Place } from '../place.js';
import { isBlankRow, type RawTable, type TableRow } from '../table.js';
import { acceptedHeaders, columnByKey, columnForHeader, ROSTER_COLUMNS, type RosterColumn } from './columns.js';
import { cellReader } from './values.js';

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

function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let o = target;
  for (const key of path.slice(0, -1)) o = (o[key] ??= {}) as Record<string, unknown>;
  o[path[path.length - 1] as string] = value;
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

/** The candidate input one row describes, or the problems of its cells. */
function readRow(row: TableRow, header: Header, read: ReturnType<typeof cellReader>): { input?: Record<string, unknown>; errors: InputError[] } {
  const errors: InputError[] = [];
  const input: Record<string, unknown> = {};
  const at = (key: string): Place => ({ ...row.place, column: header.written.get(key) ?? columnByKey(key).vi });
  row.cells.forEach((cell, k) => {
    const col = header.columns[k];
    if (col || cell.trim() === '') return;
    errors.push(
      inputError(
        row.place,
        'roster.cell_without_header',
        `ô thứ ${k + 1} có dữ liệu (${q(cell.trim().slice(0, 40))}) nhưng cột này không có tiêu đề`,
        `cell ${k + 1} holds ${q(cell.trim().slice(0, 40))} but its column has no header`,
      ),
    );
  });
  header.columns.forEach((col, k) => {
    if (!col) return;
    const v = read(col, (row.cells[k] ?? '').trim());
    if ('problem' in v) errors.push({ place: at(col.key), code: `roster.invalid_${col.kind}`, message: v.problem });
    else if ('value' in v) put(input, col.field, v.value);
    else if (col.required) errors.push(inputError(at(col.key), 'roster.required', `thiếu giá trị: ${col.note.vi}`, `a value is required: ${col.note.en}`));
  });
  const village = input.village as { name?: string; p135?: { listed?: boolean } } | undefined;
  if (village && village.name === undefined) delete input.village;
  else if (village && village.p135?.listed === undefined) {
    const listed = columnByKey('village_listed');
    errors.push(
      inputError(
        header.written.has(listed.key) ? at(listed.key) : at('village'),
        'roster.village_listed_required',
        `có tên thôn thì cần cho biết thôn có thuộc CT135 không (cột ${q(listed.vi)}: Có/Không)`,
        `a named village needs to say whether it is on the Program 135 list (column ${q(listed.vi)} / ${listed.key}: yes/no)`,
      ),
    );
  }
  return errors.length ? { errors } : { input, errors };
}

/**
 * A roster table (rows of strings, header first) as candidates. Headers and values are read as
 * documented (Vietnamese or English), then each person is validated by `@p135/rules`; every error
 * names the row and the column as the file writes them, and says what is accepted.
 */
export function rosterFromTable(rows: RawTable, book: Rulebook, options: RosterOptions = {}): RosterResult {
  const maxErrors = options.maxErrors ?? 1000;
  const headerAt = rows.findIndex((r) => !isBlankRow(r.cells));
  const headerRow = rows[headerAt];
  if (!headerRow) return { candidates: [], errors: [inputError({}, 'input.empty', 'tệp không có dòng nào có dữ liệu', 'the file has no rows with data')] };
  const { header, errors } = readHeader(headerRow);
  if (!header) return { candidates: [], errors };
  const candidates: Candidate[] = [];
  const read = cellReader(book);
  const firstRowOfId = new Map<string, Place>();
  for (let r = headerAt + 1; r < rows.length && errors.length < maxErrors; r++) {
    const row = rows[r] as TableRow;
    if (isBlankRow(row.cells)) continue;
    const cells = readRow(row, header, read);
    if (!cells.input) {
      errors.push(...cells.errors);
      continue;
    }
    const id = String(cells.input.id);
    const idPlace: Place = { ...row.place, column: header.written.get('id') as string };
    const first = firstRowOfId.get(id);
    if (first) {
      errors.push(inputError(idPlace, 'roster.duplicate_id', `mã ${q(id)} trùng với ${formatPlace(first, 'vi')}`, `id ${q(id)} repeats the one at ${formatPlace(first, 'en')}`));
      continue;
    }
    firstRowOfId.set(id, row.place);
    const checked = parseCandidate(cells.input, book);
    if (checked.value) candidates.push(checked.value);
    for (const p of checked.errors) {
      const col = columnOfPath(p.path);
      const place: Place = col ? { ...row.place, column: header.written.get(col.key) ?? col.vi } : row.place;
      errors.push({ place, code: p.code, message: p.message });
    }
  }
  if (errors.length >= maxErrors) {
    errors.push(inputError({}, 'input.too_many_errors', `quá nhiều lỗi; dừng sau ${maxErrors} lỗi`, `too many errors; stopped after ${maxErrors}`));
  }
  return { candidates, errors };
}
