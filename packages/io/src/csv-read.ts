import { type CsvLimits, CsvParser, scanDelimiter } from './csv-parser.js';
import type { InputError } from './place.js';
import type { TableRow } from './table.js';

/** `,` or `;`: whichever the header line uses more, outside quotes (Excel in a Vietnamese locale writes `;`). */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  return scanDelimiter(text).delimiter;
}

export interface CsvResult {
  readonly rows: TableRow[];
  readonly errors: InputError[];
  readonly delimiter: ',' | ';' | '\t';
}

/**
 * A whole CSV text as rows: the incremental `CsvParser` given all of it at once. RFC 4180 quotes,
 * CRLF, LF or CR line ends; each record is one spreadsheet row, numbered from 1 (blank lines count
 * as rows, as a spreadsheet shows them). Stops at the first structural error or limit.
 */
export function parseCsv(text: string, limits: CsvLimits): CsvResult {
  const parser = new CsvParser(limits);
  const first = parser.push(text);
  const last = first.error ? { rows: [] } : parser.end();
  const rows = first.rows;
  for (const row of last.rows) rows.push(row);
  const error = first.error ?? last.error;
  return { rows, errors: error ? [error] : [], delimiter: parser.delimiter ?? ',' };
}
