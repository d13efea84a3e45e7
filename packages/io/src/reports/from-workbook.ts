import type { CellValue, Worksheet } from 'exceljs';
import { loadExcel } from '../exceljs.js';
import type { ReadLimits } from '../limits.js';
import { type InputError, inputError, type Place } from '../place.js';
import { cellText, readXlsx } from '../xlsx-read.js';
import { RESULTS_COLUMNS } from './template.js';

type SheetKey = keyof typeof RESULTS_COLUMNS;

/** Sheet names accepted for each part of the results workbook (as the template writes them, vi or en). */
const SHEETS: Readonly<Record<SheetKey, readonly string[]>> = {
  report: ['báo cáo', 'report'],
  classes: ['lớp đã tổ chức', 'classes held'],
  attendance: ['học viên', 'attendance'],
  tours: ['đoàn tham quan', 'study tours'],
  spending: ['kinh phí', 'spending'],
};

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

interface Row {
  readonly place: Place;
  readonly get: (key: string) => string;
}

/** A row of a table as read (a sheet row, a CSV record): its number and its cells' text. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly string[];
}

/** The rows of one part of the results as records by column key; headers matched in Vietnamese or English. */
function keyedRows(name: string, key: SheetKey, raw: readonly RawRow[], errors: InputError[]): Row[] {
  const columns = RESULTS_COLUMNS[key];
  let index: Map<string, number> | undefined;
  const out: Row[] = [];
  for (const { row: rowNumber, cells: rawCells } of raw) {
    const cells = rawCells.map((c) => c.trim());
    if (!index) {
      if (cells.every((c) => c === '')) continue;
      index = new Map();
      for (const c of columns) {
        const k = cells.findIndex((h) => fold(h) === fold(c.header.vi) || fold(h) === fold(c.header.en) || fold(h) === c.key);
        if (k >= 0) index.set(c.key, k);
        else if (!('optional' in c))
          errors.push(
            inputError(
              { row: rowNumber, column: `${name}: ${c.header.vi}` },
              'input.missing_column',
              `trang "${name}" thiếu cột "${c.header.vi}"`,
              `sheet "${name}" lacks the column "${c.header.en}" ("${c.header.vi}")`,
            ),
          );
      }
      continue;
    }
    if (cells.every((c) => c === '')) continue;
    const at = index;
    out.push({ place: { row: rowNumber }, get: (k) => cells[at.get(k) ?? -1] ?? '' });
  }
  return out;
}

/** The rows of one worksheet as text; a cell holding an error or an uncomputed formula is an error at its row and column. */
function worksheetRows(ws: Worksheet, errors: InputError[], limits: ReadLimits): RawRow[] | undefined {
  if (ws.actualRowCount > limits.maxRows + 1) {
    errors.push(inputError({ column: ws.name }, 'input.too_many_rows', `trang "${ws.name}" có hơn ${limits.maxRows} dòng`, `sheet "${ws.name}" has more than ${limits.maxRows} rows`));
    return undefined;
  }
  const out: RawRow[] = [];
  let headers: string[] | undefined;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = (row.values as CellValue[]).slice(1, limits.maxColumns + 1);
    const cells = values.map((v, k) => {
      const c = cellText(v);
      if ('problem' in c) {
        errors.push(
          inputError(
            { row: rowNumber, column: `${ws.name}: ${headers?.[k] ?? k + 1}` },
            `xlsx.${c.problem}`,
            'ô có lỗi hoặc công thức chưa tính; hãy sửa trong bảng tính',
            'the cell holds an error or an uncomputed formula; fix it in the spreadsheet',
          ),
        );
        return '';
      }
      return c.text.trim();
    });
    if (!headers && cells.some((c) => c !== '')) headers = cells;
    out.push({ row: rowNumber, cells });
  });
  return out;
}

/** The parts of a results file, each a table of raw rows under its sheet (or CSV section) name. */
export type ResultsParts = Partial<Record<SheetKey, { readonly name: string; readonly rows: readonly RawRow[] }>>;

/** Which part of the results a sheet or section name is (as the template writes it, vi or en). */
export function partOfName(name: string): SheetKey | undefined {
  const n = fold(name);
  return (Object.keys(SHEETS) as SheetKey[]).find((k) => SHEETS[k].includes(n));
}

export interface WorkbookResults {
  readonly value?: unknown;
  /** Where each part of the value came from: `$.classes[3]` → sheet row. */
  readonly places: ReadonlyMap<string, Place>;
  readonly errors: InputError[];
}

const opt = (v: string) => (v === '' ? undefined : v);

/**
 * The results workbook (`p135 report template`, filled in) as a results value for `parseResults`:
 * the report row, the classes, attendance (one row per person and class or tour), the study tours
 * and the spending. Problems of the layout (a missing sheet or column, an attendance row naming no
 * class) are errors at their sheet, row and column; what the values mean is for `parseResults`.
 */
export async function resultsFromWorkbook(bytes: Uint8Array, limits: ReadLimits): Promise<WorkbookResults> {
  const first = await readXlsx(bytes, limits);
  if (first.errors.length) return { places: new Map(), errors: first.errors };
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const errors: InputError[] = [];
  const parts: ResultsParts = {};
  for (const ws of wb.worksheets) {
    const key = partOfName(ws.name);
    if (!key || parts[key]) continue;
    const rows = worksheetRows(ws, errors, limits);
    if (rows) parts[key] = { name: ws.name, rows };
  }
  if (errors.length) return { places: new Map(), errors };
  return resultsFromParts(parts, 'xlsx');
}

/**
 * The parts of a results file (the sheets of the workbook, or the sections of the results CSV) as
 * a results value for `parseResults`: the report row, the classes, attendance (one row per person
 * and class or tour), the study tours and the spending. Problems of the layout (a missing part or
 * column, an attendance row naming no class) are errors at their part, row and column.
 */
export function resultsFromParts(parts: ResultsParts, kind: 'xlsx' | 'csv'): WorkbookResults {
  const places = new Map<string, Place>();
  const errors: InputError[] = [];
  const rows = {} as Record<SheetKey, Row[]>;
  const names = {} as Record<SheetKey, string>;
  for (const key of Object.keys(SHEETS) as SheetKey[]) {
    const part = parts[key];
    names[key] = part?.name ?? (SHEETS[key][0] as string);
    if (!part) {
      if (key === 'report' || key === 'classes' || key === 'attendance')
        errors.push(
          kind === 'xlsx'
            ? inputError(
                {},
                'xlsx.missing_sheet',
                `thiếu trang "${SHEETS[key][0]}"; hãy dùng mẫu của "p135 report template"`,
                `the sheet "${SHEETS[key][1]}" is missing; start from "p135 report template"`,
              )
            : inputError(
                {},
                'csv.missing_section',
                `thiếu phần "${SHEETS[key][0]}": một dòng chỉ ghi "${SHEETS[key][0]}", rồi dòng tiêu đề cột, rồi các dòng; hãy dùng mẫu CSV của "p135 report template"`,
                `the section "${SHEETS[key][1]}" is missing: a line with only "${SHEETS[key][1]}", then the header line, then the rows; start from the CSV of "p135 report template"`,
              ),
        );
      rows[key] = [];
      continue;
    }
    rows[key] = keyedRows(part.name, key, part.rows, errors);
  }
  if (errors.length) return { places, errors };
  const report = rows.report[0];
  if (!report)
    return {
      places,
      errors: [
        inputError({ column: names.report }, 'input.empty', 'trang "Báo cáo" chưa có dòng nào: ghi mã huyện và ngày gửi', 'the "Report" sheet has no row: give the district code and the date sent'),
      ],
    };

  type Group = { trainees?: string[]; members?: string[]; spending: { line: string; amount: string }[] };
  const groups = new Map<string, { group: Group; path: string }>();
  const classes = rows.classes.map((r, i) => {
    const c = {
      id: r.get('id'),
      planClass: opt(r.get('plan_class')) ?? null,
      track: r.get('track'),
      ...(opt(r.get('district')) ? { district: r.get('district') } : {}),
      ...(opt(r.get('commune')) ? { commune: r.get('commune') } : {}),
      place: r.get('place'),
      start: r.get('start'),
      end: r.get('end'),
      days: r.get('days'),
      trainees: [] as string[],
      spending: [] as { line: string; amount: string }[],
    };
    places.set(`$.classes[${i}]`, { ...r.place, column: names.classes });
    groups.set(c.id, { group: c, path: `$.classes[${i}]` });
    return c;
  });
  const studyTours = rows.tours.map((r, i) => {
    const t = {
      id: r.get('id'),
      planTour: opt(r.get('plan_tour')) ?? null,
      ...(opt(r.get('destination')) ? { destination: r.get('destination') } : {}),
      start: r.get('start'),
      end: r.get('end'),
      members: [] as string[],
      spending: [] as { line: string; amount: string }[],
    };
    places.set(`$.studyTours[${i}]`, { ...r.place, column: names.tours });
    if (!groups.has(t.id)) groups.set(t.id, { group: t, path: `$.studyTours[${i}]` });
    return t;
  });
  const groupOf = (r: Row, sheetName: string) => {
    const g = groups.get(r.get('group'));
    if (!g)
      errors.push(
        inputError(
          { ...r.place, column: `${sheetName}: Mã lớp hoặc đoàn` },
          'input.unknown_group',
          `không có lớp hoặc đoàn "${r.get('group')}" trong trang lớp và đoàn`,
          `no class or tour "${r.get('group')}" in the classes and tours sheets`,
        ),
      );
    return g;
  };
  for (const r of rows.attendance) {
    const g = groupOf(r, names.attendance);
    if (!g) continue;
    const list = g.group.trainees ?? g.group.members ?? [];
    places.set(`${g.path}.${g.group.trainees ? 'trainees' : 'members'}[${list.length}]`, { ...r.place, column: names.attendance });
    list.push(r.get('trainee'));
  }
  for (const r of rows.spending) {
    if (r.get('amount') === '' && r.get('line') === '') continue;
    const g = groupOf(r, names.spending);
    if (!g) continue;
    places.set(`${g.path}.spending[${g.group.spending.length}]`, { ...r.place, column: names.spending });
    g.group.spending.push({ line: r.get('line'), amount: r.get('amount') });
  }
  if (errors.length) return { places, errors };
  const district = opt(report.get('district'));
  return {
    places,
    errors,
    value: {
      ...(opt(report.get('id')) ? { id: report.get('id') } : {}),
      district: district ?? null,
      ...(opt(report.get('district_name')) ? { districtName: report.get('district_name') } : {}),
      sentOn: report.get('sent_on'),
      ...(opt(report.get('note')) ? { note: report.get('note') } : {}),
      classes,
      studyTours,
    },
  };
}

/** The sheet row a JSON path of the workbook's results came from (the longest known prefix). */
export function placeOfPath(places: ReadonlyMap<string, Place>, path: string): Place | undefined {
  for (let p = path; p.length > 1; p = p.replace(/(\.[^.[]+|\[[^\]]*\])$/, '')) {
    const hit = places.get(p);
    if (hit) return hit;
    if (!/(\.[^.[]+|\[[^\]]*\])$/.test(p)) break;
  }
  return undefined;
}
