import { isWholeNumberText, neutraliseFormula } from './safety.js';
import { type Cell, type Column, isMoneyCell, type Sheet } from './table.js';

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte order mark so Excel shows Vietnamese letters (default true). */
  readonly bom?: boolean;
  readonly delimiter?: ',' | ';' | '\t';
}

/** Quoted when it holds either delimiter, a quote, a line break, or space at an end. */
const NEEDS_QUOTES = /[",;\r\n]|^\s|\s$/;

function field(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as CSV text: text is neutralised against formulas; whole numbers and money stay exact digits. */
export function csvCellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? String(cell) : neutraliseFormula(String(cell));
  if (isMoneyCell(cell)) return isWholeNumberText(cell.money) ? cell.money : neutraliseFormula(cell.money);
  return neutraliseFormula(cell);
}

/** Distinct texts per column whose CSV form a writer remembers. */
const MEMO_TEXTS = 512;

/** CSV made a row at a time: `start` (the BOM and the header line), then `row(cells)` for each row. */
/** A cell as it stands in a CSV row: its text, quoted when it must be. */
export function csvField(cell: Cell): string {
  return field(csvCellText(cell));
}

export interface CsvRows {
  readonly start: string;
  row(cells: readonly Cell[]): string;
}

/** The pieces of a CSV text, to write a table a row at a time; `toCsv` is all of them at once. */
export function csvRows(columns: readonly Column[], options: CsvWriteOptions = {}): CsvRows {
  const d = options.delimiter ?? ',';
  const width = columns.length;
  const start = `${options.bom === false ? '' : '\uFEFF'}${columns.map((c) => field(neutraliseFormula(c.header))).join(d)}\r\n`;
  // Result tables repeat the same texts row after row (Có/Không, who pays, the same reasons): each
  // is made CSV-safe once per column. Bounded, so a column of distinct texts (ids, names) cannot grow it.
  const known = columns.map(() => new Map<string, string>());
  const text = (cell: Cell, k: number): string => {
    if (typeof cell !== 'string') return field(csvCellText(cell));
    const memo = known[k] as Map<string, string>;
    let out = memo.get(cell);
    if (out === undefined) {
      out = field(csvCellText(cell));
      if (memo.size < MEMO_TEXTS) memo.set(cell, out);
    }
    return out;
  };
  return {
    start,
    row(cells) {
      let line = width ? text(cells[0] ?? null, 0) : '';
      for (let k = 1; k < width; k++) line += d + text(cells[k] ?? null, k);
      return `${line}\r\n`;
    },
  };
}

/** One sheet as CSV: header row, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(sheet: Sheet, options: CsvWriteOptions = {}): string {
  const rows = csvRows(sheet.columns, options);
  const lines = [rows.start];
  for (const row of sheet.rows) lines.push(rows.row(row));
  return lines.join('');
}
