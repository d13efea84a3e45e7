import { type Plan, parsePlan, type Rulebook } from '@p135/rules';
import type { CellValue } from 'exceljs';
import { parseCsv } from './csv-read.js';
import { detectFormat } from './detect.js';
import { loadExcel } from './exceljs.js';
import { readJsonValue } from './json-read.js';
import { type ReadLimits, withLimits } from './limits.js';
import { inFile, type InputError, inputError, type Place } from './place.js';
import { moneyDigits } from './plans/cells.js';
import { placeOfPlanPath, planFromSheets, type RawSheet } from './plans/from-sheets.js';
import type { Source } from './read-roster.js';
import { decodeText } from './text.js';
import { readXlsx } from './xlsx-read.js';

export interface ReadPlanResult {
  readonly plan?: Plan;
  readonly errors: InputError[];
  /** What was read differently from plain UTF-8, to tell the person (nothing is wrong): a file decoded from Windows-1258. */
  readonly warnings: InputError[];
}

/** A JSON plan's budget amounts written the vi-VN way (`150.000.000`, `150.000.000 đ`) as digits; anything else as it is, for the schema to judge. */
function withPlainAmounts(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || !Array.isArray((value as { budget?: unknown }).budget)) return value;
  const budget = (value as { budget: unknown[] }).budget.map((line) => {
    if (line === null || typeof line !== 'object' || typeof (line as { amount?: unknown }).amount !== 'string') return line;
    const digits = moneyDigits((line as { amount: string }).amount);
    return digits === undefined ? line : { ...line, amount: digits };
  });
  return { ...value, budget };
}

/** A workbook's sheets, each with its rows of raw cells; or the errors of its container. */
async function workbookSheets(source: Source, limits: ReadLimits): Promise<{ sheets: RawSheet[]; notices?: undefined } | { errors: InputError[] }> {
  const checked = await readXlsx(source.bytes, limits);
  if (checked.errors.length) return { errors: checked.errors };
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  await wb.xlsx.load(source.bytes as unknown as ArrayBuffer);
  return {
    sheets: wb.worksheets.map((ws) => {
      const rows: { row: number; cells: unknown[] }[] = [];
      ws.eachRow({ includeEmpty: false }, (row, n) => {
        rows.push({ row: n, cells: (row.values as CellValue[]).slice(1, limits.maxColumns + 1) });
      });
      return { name: ws.name, rows };
    }),
  };
}

/** A CSV file as one sheet of the plan (which one is told from its header). */
function csvSheet(source: Source, limits: ReadLimits): { sheets: RawSheet[]; notices: InputError[] } | { errors: InputError[] } {
  const decoded = decodeText(source.bytes, limits);
  if ('error' in decoded) return { errors: [decoded.error] };
  const csv = parseCsv(decoded.text, limits);
  if (csv.errors.length) return { errors: csv.errors };
  const base = source.name.replace(/^.*[\\/]/, '');
  return { sheets: [{ name: base, file: source.name, rows: csv.rows.map((r) => ({ row: r.place.row ?? 0, cells: r.cells })) }], notices: decoded.notices };
}

/**
 * A plan from JSON, from the plan workbook `p135 plan template` writes (XLSX), or from CSV files
 * (one per sheet: classes, trainees, study tours, budget — each told by its header), validated
 * against the pack. Amounts may be number cells or vi-VN text (`150.000.000`, `150.000.000 đ`),
 * read exactly. Every error names the file and where in it: the JSON path, or the sheet, row,
 * the row's own id (`NS-17`) and column. Never throws on bad input.
 */
export async function readPlan(sources: Source | readonly Source[], book: Rulebook, limits: Partial<ReadLimits> = {}): Promise<ReadPlanResult> {
  const all = withLimits(limits);
  const list: readonly Source[] = Array.isArray(sources) ? sources : [sources as Source];
  const first = list[0];
  if (!first) return { errors: [inputError({}, 'input.empty', 'không có tệp kế hoạch nào', 'no plan file was given')], warnings: [] };
  const formats = list.map((s) => s.format ?? detectFormat(s.name, s.bytes));
  for (const [i, f] of formats.entries()) if (typeof f !== 'string') return { errors: inFile([f], (list[i] as Source).name), warnings: [] };
  if (formats.length === 1 && (formats[0] === 'json' || formats[0] === 'jsonl')) return readJsonPlan(first, book, all);
  const sheets: RawSheet[] = [];
  const warnings: InputError[] = [];
  for (const [i, source] of list.entries()) {
    const f = formats[i];
    if (f === 'json' || f === 'jsonl')
      return {
        errors: [
          inputError(
            { file: source.name },
            'input.unknown_sheet',
            'một kế hoạch JSON là một tệp riêng; không ghép được với bảng tính hay CSV',
            'a JSON plan is a file of its own; it cannot be combined with workbooks or CSV files',
          ),
        ],
        warnings: [],
      };
    const read = f === 'xlsx' ? await workbookSheets(source, all) : csvSheet(source, all);
    if ('errors' in read) return { errors: inFile(read.errors, source.name), warnings: [] };
    sheets.push(...read.sheets);
    if (read.notices) warnings.push(...inFile(read.notices, source.name));
  }
  const fileOf = (place: Place) => place.file ?? (list.length === 1 ? first.name : undefined);
  const placed = (errors: readonly InputError[]) => errors.map((e) => ({ ...e, place: { ...e.place, ...(fileOf(e.place) ? { file: fileOf(e.place) } : {}) } }));
  const built = planFromSheets(sheets, book, all);
  if (built.errors.length) return { errors: placed(built.errors), warnings };
  const checked = parsePlan(built.value, book);
  if (!checked.value)
    return {
      errors: placed(
        checked.errors.map((p) => {
          const at = placeOfPlanPath(built.places, p.path);
          return { place: at ?? { path: p.path }, code: p.code, message: p.message };
        }),
      ),
      warnings,
    };
  return { plan: checked.value, errors: [], warnings };
}

function readJsonPlan(source: Source, book: Rulebook, all: ReadLimits): ReadPlanResult {
  const decoded = decodeText(source.bytes, all);
  if ('error' in decoded) return { errors: inFile([decoded.error], source.name), warnings: [] };
  const warnings = inFile(decoded.notices, source.name);
  const json = readJsonValue(decoded.text, all);
  if (json.errors.length) return { errors: inFile(json.errors, source.name), warnings };
  const checked = parsePlan(withPlainAmounts(json.value), book);
  if (!checked.value)
    return {
      errors: inFile(
        checked.errors.map((p) => ({ place: { path: p.path }, code: p.code, message: p.message })),
        source.name,
      ),
      warnings,
    };
  return { plan: checked.value, errors: [], warnings };
}
