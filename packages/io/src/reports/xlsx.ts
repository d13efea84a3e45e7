import type { Lang } from '@p135/rules';
import { loadExcel } from '../exceljs.js';
import { exactNumber } from '../safety.js';
import type { Cell } from '../table.js';
import { withZipTimestamps } from '../zip.js';
import { type ReportTable, reportTables, type ResultsReport } from './tables.js';

export interface ReportXlsxOptions {
  /** The workbook's creation time; fix it for byte-stable files. Default: now. */
  readonly date?: Date;
}

const MONEY_FORMAT = '#,##0';
type Worksheet = import('exceljs').Worksheet;

/** Puts one typed cell in a worksheet cell: text stays text (never a formula), money a grouped number when exact. */
function put(ws: Worksheet, row: number, column: number, cell: Cell): void {
  if (cell === null) return;
  const target = ws.getCell(row, column);
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
}

const thin = { style: 'thin' as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };

/** One table under its title: header row, rows, totals row, bordered. Returns the next free row. */
function writeTable(ws: Worksheet, at: number, table: ReportTable, lang: Lang, numbered: number): number {
  let r = at;
  ws.getCell(r, 1).value = `${numbered}. ${table.title[lang]}`;
  ws.getCell(r, 1).font = { bold: true };
  r++;
  table.columns.forEach((c, k) => {
    const cell = ws.getCell(r, k + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.border = BORDER;
  });
  r++;
  const body = table.total ? [...table.rows, table.total] : table.rows;
  body.forEach((row, i) => {
    table.columns.forEach((_, k) => {
      put(ws, r, k + 1, row[k] ?? null);
      const cell = ws.getCell(r, k + 1);
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (table.total && i === body.length - 1) cell.font = { bold: true };
    });
    r++;
  });
  return r + 1;
}

/** A plain sheet of one table (header on row 1, totals last): for reading the figures back. */
function dataSheet(ws: Worksheet, table: ReportTable): void {
  table.columns.forEach((c, k) => {
    ws.getCell(1, k + 1).value = c.header;
    ws.getCell(1, k + 1).font = { bold: true };
  });
  const body = table.total ? [...table.rows, table.total] : table.rows;
  body.forEach((row, i) => table.columns.forEach((_, k) => put(ws, i + 2, k + 1, row[k] ?? null)));
  ws.columns.forEach((c, k) => {
    c.width = Math.min(Math.max(table.columns[k]?.header.length ?? 8, 10) + 2, 60);
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

/**
 * A results report as a workbook laid out the way such reports are printed: the first sheet has
 * the issuing body and the national motto, the date line, the title, to whom, then every table with
 * its totals, and the signature block; A4, fitted to the page width. Each table follows on its own
 * sheet too (header on row 1, totals on the last row) for reading the figures back.
 */
export async function reportXlsx(report: ResultsReport, lang: Lang, options: ReportXlsxOptions = {}): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const when = options.date ?? new Date();
  const wb = new Excel.Workbook();
  wb.creator = 'p135';
  wb.created = when;
  wb.modified = when;
  const tables = reportTables(report, lang);
  const width = Math.max(...tables.map((t) => t.columns.length), 6);
  const h = report.heading;
  const ws = wb.addWorksheet(lang === 'vi' ? 'Báo cáo' : 'Report', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 } },
  });
  ws.columns = Array.from({ length: width }, (_, k) => ({ width: k === 0 ? 34 : 16 }));
  const half = Math.max(2, Math.floor(width / 2));
  const block = (row: number, from: number, to: number, text: string, bold: boolean, height?: number) => {
    ws.mergeCells(row, from, row, to);
    const cell = ws.getCell(row, from);
    cell.value = text;
    cell.font = { bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    if (height) ws.getRow(row).height = height;
  };
  block(1, 1, half, h.issuer[lang], true, 32);
  block(1, half + 1, width, h.motto[lang], true, 32);
  block(2, half + 1, width, h.dateline[lang], false);
  ws.getCell(2, half + 1).font = { italic: true };
  block(4, 1, width, h.title[lang], true, 48);
  block(5, 1, width, h.recipient[lang], false);
  let row = 6;
  if (h.note) {
    block(row, 1, width, h.note, false, 30);
    ws.getCell(row, 1).font = { italic: true };
    row++;
  }
  row++;
  tables.forEach((t, i) => {
    row = writeTable(ws, row, t, lang, i + 1);
  });
  block(row, 1, half, h.signatures[0]?.[lang] ?? '', true, 36);
  block(row, half + 1, width, h.signatures[1]?.[lang] ?? '', true, 36);

  for (const t of tables)
    dataSheet(
      wb.addWorksheet(
        t.title[lang]
          .replace(/[\\/?*:[\]]/g, ' ')
          .slice(0, 28)
          .trim() || t.key,
      ),
      t,
    );
  const buffer = await wb.xlsx.writeBuffer();
  return withZipTimestamps(new Uint8Array(buffer as ArrayBuffer), when);
}
