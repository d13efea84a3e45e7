import type { CellValue } from 'exceljs';
import { loadExcel } from './exceljs.js';
import { formatBytes, type ReadLimits, tooLargeError } from './limits.js';
import { type InputError, inputError, type Place } from './place.js';
import type { TableRow } from './table.js';
import { inflateWithin, listZipEntries } from './zip.js';

const MAX_ZIP_ENTRIES = 10_000;

/**
 * Checks the ZIP container before the workbook is unpacked: whole, not too many entries, not a zip
 * bomb — the sizes it declares first, then the bytes its entries really inflate to, counted as
 * they come and stopped past the limit (headers can lie), with no two entries sharing data.
 */
async function checkContainer(bytes: Uint8Array, limits: ReadLimits): Promise<InputError | undefined> {
  if (bytes.length > limits.maxBytes) {
    return tooLargeError(limits.maxBytes);
  }
  if (bytes.length === 0) return inputError({}, 'input.empty', 'tệp rỗng: không có dòng nào', 'the file is empty: it has no rows');
  const listed = listZipEntries(bytes);
  if ('problem' in listed) {
    if (listed.problem === 'not_zip') return inputError({}, 'xlsx.not_xlsx', 'không phải tệp XLSX (Excel 2007 trở lên)', 'not an XLSX file (Excel 2007 or later)');
    if (listed.problem === 'zip64') return inputError({}, 'xlsx.zip64', 'tệp XLSX quá lớn (định dạng ZIP64 không được hỗ trợ)', 'the XLSX file is too large (ZIP64 is not supported)');
    return inputError({}, 'xlsx.truncated', 'tệp XLSX bị cắt cụt hoặc hỏng; hãy lưu hoặc tải lại tệp', 'the XLSX file is truncated or corrupt; save or download it again');
  }
  if (listed.entries.length > MAX_ZIP_ENTRIES) {
    return inputError({}, 'xlsx.too_many_parts', `tệp XLSX có hơn ${MAX_ZIP_ENTRIES} phần`, `the XLSX file has more than ${MAX_ZIP_ENTRIES} parts`);
  }
  const tooLarge = () =>
    inputError({}, 'xlsx.too_large_unpacked', `tệp XLSX giải nén ra hơn ${formatBytes(limits.maxUnpackedBytes)}`, `the XLSX file unpacks to more than ${formatBytes(limits.maxUnpackedBytes)}`);
  const declared = listed.entries.reduce((n, e) => n + e.uncompressedSize, 0);
  if (declared > limits.maxUnpackedBytes) return tooLarge();
  const inflated = await inflateWithin(bytes, listed.entries, limits.maxUnpackedBytes);
  if ('bytes' in inflated) return undefined;
  if (inflated.problem === 'too_large') return tooLarge();
  if (inflated.problem === 'overlapping') {
    return inputError(
      {},
      'xlsx.overlapping_parts',
      'tệp XLSX có các phần dùng chung dữ liệu (dấu hiệu của tệp độc hại); hãy lưu lại tệp bằng Excel',
      'the XLSX file has parts that share their data (a sign of a hostile file); save it again from Excel',
    );
  }
  if (inflated.problem === 'method') {
    return inputError(
      {},
      'xlsx.unsupported_compression',
      'tệp XLSX dùng kiểu nén không được hỗ trợ; hãy lưu lại tệp bằng Excel',
      'the XLSX file uses an unsupported compression method; save it again from Excel',
    );
  }
  return inputError(
    {},
    'xlsx.corrupt',
    'tệp XLSX bị hỏng (dữ liệu nén không giải nén được); hãy lưu hoặc tải lại tệp',
    'the XLSX file is corrupt (its compressed data does not unpack); save or download it again',
  );
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date cell as text: `1972-05-01`, or `1972-05-01T08:30:00` when it has a time of day. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const h = d.getUTCHours();
  const m = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  return h || m || s ? `${day}T${pad(h)}:${pad(m)}:${pad(s)}` : day;
}

type CellText = { text: string } | { problem: 'formula_without_result' | 'error_value'; detail?: string };

/** What a person sees in a cell, as text: numbers and dates are not reinterpreted; formulas give their saved result. */
export function cellText(value: CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) return { text: dateText(value) };
  if ('richText' in value) return { text: value.richText.map((r) => r.text).join('') };
  if ('error' in value) return { problem: 'error_value', detail: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return { problem: 'formula_without_result' };
    return cellText(result as CellValue);
  }
  if ('hyperlink' in value) return cellText(value.text as CellValue);
  return { text: '' };
}

function cellProblem(place: Place, c: Exclude<CellText, { text: string }>): InputError {
  if (c.problem === 'error_value') {
    const what = c.detail ? ` ${c.detail}` : '';
    return inputError(place, 'xlsx.error_cell', `ô có lỗi${what}; hãy sửa ô trong bảng tính`, `the cell holds the error${what}; fix it in the spreadsheet`);
  }
  return inputError(
    place,
    'xlsx.formula_without_result',
    'ô là công thức chưa có giá trị đã tính; hãy mở tệp trong Excel và lưu lại',
    'the cell is a formula with no saved result; open the file in Excel and save it again',
  );
}

export interface XlsxResult {
  readonly rows: TableRow[];
  readonly errors: InputError[];
}

/** The first sheet of an XLSX file as rows of text, each with its spreadsheet row number. */
export async function readXlsx(bytes: Uint8Array, limits: ReadLimits): Promise<XlsxResult> {
  const bad = await checkContainer(bytes, limits);
  if (bad) return { rows: [], errors: [bad] };
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/\s+/g, ' ').slice(0, 160) : String(e);
    return { rows: [], errors: [inputError({}, 'xlsx.corrupt', `tệp XLSX bị hỏng (${why})`, `the XLSX file is corrupt (${why})`)] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], errors: [inputError({}, 'xlsx.no_sheet', 'tệp XLSX không có trang tính nào', 'the XLSX file has no worksheet')] };
  if (sheet.actualRowCount > limits.maxRows + 1) {
    return { rows: [], errors: [inputError({}, 'input.too_many_rows', `tệp có hơn ${limits.maxRows} dòng dữ liệu`, `the file has more than ${limits.maxRows} data rows`)] };
  }
  const rows: TableRow[] = [];
  const errors: InputError[] = [];
  let header: string[] | undefined;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (errors.length) return;
    const values = row.values as CellValue[];
    if (values.length - 1 > limits.maxColumns) {
      errors.push(inputError({ row: rowNumber }, 'input.too_many_columns', `dòng có hơn ${limits.maxColumns} cột`, `the row has more than ${limits.maxColumns} columns`));
      return;
    }
    const cells: string[] = [];
    for (let k = 1; k < values.length; k++) {
      const c = cellText(values[k]);
      const name = header?.[k - 1]?.trim();
      const place: Place = name ? { row: rowNumber, column: name } : { row: rowNumber };
      if ('problem' in c) {
        errors.push(cellProblem(place, c));
        return;
      }
      if (c.text.length > limits.maxCellChars) {
        errors.push(inputError(place, 'input.cell_too_long', `ô dài hơn ${limits.maxCellChars} ký tự`, `a cell is longer than ${limits.maxCellChars} characters`));
        return;
      }
      cells.push(c.text);
    }
    rows.push({ place: { row: rowNumber }, cells });
    if (!header && cells.some((x) => x.trim() !== '')) header = cells;
  });
  return { rows, errors };
}
