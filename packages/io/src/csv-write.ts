import { isWholeNumberText, neutraliseFormula } from './safety.js';
import { type Cell, isMoneyCell, type Sheet } from './table.js';

export interface CsvWriteOptions {
  /** Start with a UTF-8 byte order mark so Excel shows Vietnamese letters (default true). */
  readonly bom?: boolean;
  readonly delimiter?: ',' | ';';
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

/** One sheet as CSV: header row, then one line per row, CRLF line ends (RFC 4180). */
export function toCsv(sheet: Sheet, options: CsvWriteOptions = {}): string {
  const d = options.delimiter ?? ',';
  const lines = [sheet.columns.map((c) => field(neutraliseFormula(c.header))).join(d)];
  for (const row of sheet.rows) lines.push(sheet.columns.map((_, k) => field(csvCellText(row[k] ?? null))).join(d));
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
