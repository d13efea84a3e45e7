import type { ReadLimits } from './limits.js';
import { type InputError, inputError } from './place.js';
import type { TableRow } from './table.js';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const COMMA = 44;
const SEMICOLON = 59;

/** `,` or `;`: whichever the header line uses more, outside quotes (Excel in a Vietnamese locale writes `;`). */
export function detectDelimiter(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === CR || c === LF)) {
      if (commas + semicolons > 0) break;
    } else if (!quoted && c === COMMA) commas++;
    else if (!quoted && c === SEMICOLON) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

export interface CsvResult {
  readonly rows: TableRow[];
  readonly errors: InputError[];
  readonly delimiter: ',' | ';';
}

/**
 * RFC 4180 CSV: fields may be quoted (`"a, b"`, `"say ""hi"""`, line breaks inside quotes);
 * CRLF, LF or CR line ends. Each record is one spreadsheet row, numbered from 1 (blank lines
 * count as rows, as a spreadsheet shows them). Stops at the first structural error or limit.
 */
export function parseCsv(text: string, limits: Pick<ReadLimits, 'maxRows' | 'maxColumns' | 'maxCellChars'>): CsvResult {
  const delimiter = detectDelimiter(text);
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const rows: TableRow[] = [];
  let header: readonly string[] | undefined;
  let i = 0;
  let row = 1;
  const fail = (column: number, code: string, vi: string, en: string): CsvResult => {
    const name = header?.[column]?.trim();
    const place = name ? { row, column: name } : { row };
    return { rows, errors: [inputError(place, code, vi, en)], delimiter };
  };

  while (i < n) {
    const cells: string[] = [];
    for (;;) {
      let value: string;
      if (text.charCodeAt(i) === QUOTE) {
        let j = i + 1;
        value = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            return fail(cells.length, 'csv.unclosed_quote', 'dấu ngoặc kép (") mở mà không đóng', 'a quote (") is opened and never closed');
          }
          value += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        i = j;
        const c = text.charCodeAt(i);
        if (i < n && c !== delim && c !== CR && c !== LF) {
          return fail(
            cells.length,
            'csv.text_after_quote',
            `có ký tự sau dấu ngoặc kép đóng; một ô có dấu ngoặc kép phải được bao trọn, ví dụ "a ""b"" c"`,
            `text follows a closing quote; a quoted cell must be quoted whole, e.g. "a ""b"" c"`,
          );
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === delim || c === CR || c === LF) break;
          j++;
        }
        value = text.slice(i, j);
        i = j;
      }
      if (value.length > limits.maxCellChars) {
        return fail(cells.length, 'input.cell_too_long', `ô dài hơn ${limits.maxCellChars} ký tự`, `a cell is longer than ${limits.maxCellChars} characters`);
      }
      cells.push(value);
      if (cells.length > limits.maxColumns) {
        return fail(cells.length - 1, 'input.too_many_columns', `dòng có hơn ${limits.maxColumns} cột`, `the row has more than ${limits.maxColumns} columns`);
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      break;
    }
    if (rows.length > limits.maxRows) {
      return fail(-1, 'input.too_many_rows', `tệp có hơn ${limits.maxRows} dòng dữ liệu`, `the file has more than ${limits.maxRows} data rows`);
    }
    rows.push({ place: { row }, cells });
    if (!header && cells.some((x) => x.trim() !== '')) header = cells;
    row++;
  }
  return { rows, errors: [], delimiter };
}
