import type { ProblemCode } from '@p135/rules';
import type { ReadLimits } from './limits.js';
import { type InputError, inputError } from './place.js';
import type { TableRow } from './table.js';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;
const SEMICOLON = 59;
const TAB = 9;

/**
 * Text before the header line has ended, past which the delimiter is decided from what was seen
 * (`,` unless `;` is more frequent). A header line is never this long; blank lines before it could
 * be, and a stream must not hold them all.
 */
const MAX_UNDECIDED_CHARS = 4 * 1024 * 1024;

export interface DelimiterScan {
  readonly delimiter: ',' | ';' | '\t';
  /** False while the first line that has a `,` or `;` has not ended yet: more text could change the answer. */
  readonly decided: boolean;
}

/** `,` or `;`: whichever the header line uses more, outside quotes (Excel in a Vietnamese locale writes `;`). */
export function scanDelimiter(text: string): DelimiterScan {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  let decided = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === CR || c === LF)) {
      if (commas + semicolons + tabs > 0) {
        decided = true;
        break;
      }
    } else if (!quoted && c === COMMA) commas++;
    else if (!quoted && c === SEMICOLON) semicolons++;
    else if (!quoted && c === TAB) tabs++;
  }
  // Excel's "Unicode Text" separates cells with tabs.
  const delimiter = tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
  return { delimiter, decided };
}

export type CsvLimits = Pick<ReadLimits, 'maxRows' | 'maxColumns' | 'maxCellChars'>;

/** What a piece of text gave: the records it completed and, once, the error that stopped the parser. */
export interface CsvBatch {
  readonly rows: TableRow[];
  readonly error?: InputError;
}

/** The record at the cursor needs text that has not come yet. */
const INCOMPLETE = 1;
/** The parser stopped on an error (in `#error`). */
const FAILED = 2;

/**
 * An incremental RFC 4180 CSV parser: give it text in pieces of any size (`push`), then `end()`.
 * Fields may be quoted (`"a, b"`, `"say ""hi"""`, line breaks inside quotes); CRLF, LF or CR
 * line ends, even when a piece ends between CR and LF; `,` or `;` detected from the header line.
 * Each record is one spreadsheet row, numbered from 1 (blank lines count, as a spreadsheet shows
 * them). Only the record not yet complete is held, so memory does not grow with the input. Stops
 * at the first structural error or limit, naming the row and, when known, the column.
 */
export class CsvParser {
  readonly #limits: CsvLimits;
  /** Text of the record not yet complete (or, before the delimiter is known, everything so far). */
  #pending = '';
  /** Number of the next record. */
  #row = 1;
  #delim = -1;
  #header: readonly string[] | undefined;
  #done = false;
  #error: InputError | undefined;
  /** Where the current record ends in the text being parsed (set by `#record`). */
  #next = 0;

  /**
   * `delimiter`: known already (a piece of a file whose header line was read elsewhere), so it is
   * not looked for; the first record is then read as a record like any other.
   */
  constructor(limits: CsvLimits, options: { readonly delimiter?: ',' | ';' | '\t' } = {}) {
    this.#limits = limits;
    if (options.delimiter) this.#delim = options.delimiter.charCodeAt(0);
  }

  /** Text given but not yet part of a complete record: the start of the next one. */
  get pending(): string {
    return this.#pending;
  }

  /** The delimiter, once the header line has been read. */
  get delimiter(): ',' | ';' | '\t' | undefined {
    return this.#delim < 0 ? undefined : this.#delim === SEMICOLON ? ';' : this.#delim === TAB ? '\t' : ',';
  }

  /** The records this text completes. */
  push(text: string): CsvBatch {
    return this.#parse(text, false);
  }

  /** The last record (a final line end is optional), or the error of a quote never closed. */
  end(): CsvBatch {
    const batch = this.#parse('', true);
    this.#done = true;
    return batch;
  }

  #parse(text: string, final: boolean): CsvBatch {
    if (this.#done) return { rows: [] };
    const buf = this.#pending === '' ? text : this.#pending + text;
    this.#pending = '';
    if (this.#delim < 0) {
      const scan = scanDelimiter(buf);
      if (!scan.decided && !final && buf.length < MAX_UNDECIDED_CHARS) {
        this.#pending = buf;
        return { rows: [] };
      }
      this.#delim = scan.delimiter.charCodeAt(0);
    }
    const rows: TableRow[] = [];
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const cells = this.#record(buf, i, final);
      if (cells === INCOMPLETE) break;
      if (cells === FAILED) {
        this.#done = true;
        return { rows, error: this.#error as InputError };
      }
      if (this.#row - 1 > this.#limits.maxRows) {
        this.#fail(-1, 'input.too_many_rows', `tệp có hơn ${this.#limits.maxRows} dòng dữ liệu`, `the file has more than ${this.#limits.maxRows} data rows`);
        this.#done = true;
        return { rows, error: this.#error as InputError };
      }
      rows.push({ place: { row: this.#row }, cells });
      if (!this.#header && cells.some((x) => x.trim() !== '')) this.#header = cells;
      this.#row++;
      i = this.#next;
    }
    if (i < n) this.#pending = buf.slice(i);
    return { rows };
  }

  /** The record that starts at `i`: its cells (and `#next`), or INCOMPLETE, or FAILED. */
  #record(buf: string, i: number, final: boolean): string[] | typeof INCOMPLETE | typeof FAILED {
    const n = buf.length;
    const delim = this.#delim;
    const { maxCellChars, maxColumns } = this.#limits;
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (buf.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        value = '';
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0) {
            if (!final) {
              // A quote still open: wait for more, unless the cell is already too long to be one.
              if (value.length + n - j <= maxCellChars) return INCOMPLETE;
              return this.#fail(
                cells.length,
                'input.cell_too_long',
                `ô dài hơn ${maxCellChars} ký tự (có thể do một dấu ngoặc kép (") mở mà không đóng)`,
                `a cell is longer than ${maxCellChars} characters (perhaps a quote (") is opened and never closed)`,
              );
            }
            return this.#fail(cells.length, 'csv.unclosed_quote', 'dấu ngoặc kép (") mở mà không đóng', 'a quote (") is opened and never closed');
          }
          if (q + 1 === n && !final) return INCOMPLETE; // `"` or `""`: the next piece says which
          value += buf.slice(j, q);
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        i = j;
        const c = buf.charCodeAt(i);
        if (i < n && c !== delim && c !== CR && c !== LF) {
          return this.#fail(
            cells.length,
            'csv.text_after_quote',
            `có ký tự sau dấu ngoặc kép đóng; một ô có dấu ngoặc kép phải được bao trọn, ví dụ "a ""b"" c"`,
            `text follows a closing quote; a quoted cell must be quoted whole, e.g. "a ""b"" c"`,
          );
        }
      } else {
        let j = i;
        while (j < n) {
          const c = buf.charCodeAt(j);
          if (c === delim || c === CR || c === LF) break;
          j++;
        }
        if (j === n && !final && j - i <= maxCellChars) return INCOMPLETE;
        value = buf.slice(i, j);
        i = j;
      }
      if (value.length > maxCellChars) {
        return this.#fail(cells.length, 'input.cell_too_long', `ô dài hơn ${maxCellChars} ký tự`, `a cell is longer than ${maxCellChars} characters`);
      }
      cells.push(value);
      if (cells.length > maxColumns) {
        return this.#fail(cells.length - 1, 'input.too_many_columns', `dòng có hơn ${maxColumns} cột`, `the row has more than ${maxColumns} columns`);
      }
      if (i >= n) break; // only when final: the last record needs no line end
      const c = buf.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      if (c === CR) {
        if (i + 1 === n && !final) return INCOMPLETE; // CR, or the CR of a CRLF split between pieces
        i += buf.charCodeAt(i + 1) === LF ? 2 : 1;
      } else i++;
      break;
    }
    this.#next = i;
    return cells;
  }

  #fail(column: number, code: ProblemCode, vi: string, en: string): typeof FAILED {
    const name = this.#header?.[column]?.trim();
    this.#error = inputError(name ? { row: this.#row, column: name } : { row: this.#row }, code, vi, en);
    return FAILED;
  }
}
