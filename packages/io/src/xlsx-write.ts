import { loadExcel } from './exceljs.js';
import { exactNumber } from './safety.js';
import { type Cell, isMoneyCell, type Sheet } from './table.js';
import { withZipTimestamps } from './zip.js';

export interface XlsxWriteOptions {
  /** The workbook's creation time, in its properties and its ZIP entries; fix it for byte-stable files. Default: now. */
  readonly date?: Date;
}

const MONEY_FORMAT = '#,##0';

/** Excel's rules for sheet names: at most 31 characters, none of `\ / ? * : [ ]`, unique. */
function sheetNames(sheets: readonly Sheet[]): string[] {
  const used = new Set<string>();
  return sheets.map((s, i) => {
    const base =
      s.name
        .replace(/[\\/?*:[\]]/g, ' ')
        .trim()
        .slice(0, 31) || `Sheet${i + 1}`;
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** Characters a cell shows: money gets its digit-group separators. */
function cellWidth(c: Cell): number {
  if (c === null) return 0;
  if (typeof c === 'string') return c.length;
  if (isMoneyCell(c)) return Math.ceil((c.money.length * 4) / 3);
  return String(c).length;
}

/**
 * Sheets as an XLSX workbook. Text is always a string cell (never a formula, whatever it starts
 * with); whole numbers are number cells; money is a number cell with digit grouping when it is
 * exact as a number (≤ 2^53 − 1), and text otherwise.
 */
export async function toXlsx(sheets: readonly Sheet[], options: XlsxWriteOptions = {}): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const when = options.date ?? new Date();
  const wb = new Excel.Workbook();
  wb.creator = 'p135';
  wb.created = when;
  wb.modified = when;
  const names = sheetNames(sheets);
  sheets.forEach((sheet, s) => {
    const ws = wb.addWorksheet(names[s], { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c, k) => {
      const longest = sheet.rows.reduce((w, r) => Math.max(w, cellWidth(r[k] ?? null)), c.header.length);
      return { key: c.key, width: c.width ?? Math.min(Math.max(longest + 2, 8), 60) };
    });
    const header = ws.getRow(1);
    sheet.columns.forEach((c, k) => {
      header.getCell(k + 1).value = c.header;
    });
    header.font = { bold: true };
    sheet.rows.forEach((row, r) => {
      const xr = ws.getRow(r + 2);
      sheet.columns.forEach((_, k) => {
        const cell = row[k] ?? null;
        if (cell === null) return;
        const target = xr.getCell(k + 1);
        if (typeof cell === 'string') target.value = cell;
        else if (typeof cell === 'number') target.value = Number.isSafeInteger(cell) ? cell : String(cell);
        else {
          const n = exactNumber(cell.money);
          if (n === undefined) target.value = cell.money;
          else {
            target.value = n;
            target.numFmt = MONEY_FORMAT;
          }
        }
      });
    });
  });
  const buffer = await wb.xlsx.writeBuffer();
  return withZipTimestamps(new Uint8Array(buffer as ArrayBuffer), when);
}
