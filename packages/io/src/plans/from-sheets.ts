import type { Rulebook } from '@p135/rules';
import type { CellValue } from 'exceljs';
import type { ReadLimits } from '../limits.js';
import { type InputError, inputError, type Place } from '../place.js';
import { cellText } from '../xlsx-read.js';
import { amountOf, codeOf, dateOf, daysOf } from './cells.js';
import { PLAN_COLUMNS, PLAN_SHEET_NAMES, type PlanColumn, type PlanSheetKey } from './template.js';

/** One sheet as read: its name (a workbook's sheet, or a CSV file), and its rows of raw cells with their spreadsheet row number. */
export interface RawSheet {
  readonly name: string;
  /** The file it came from (for CSV files, one sheet each). */
  readonly file?: string;
  readonly rows: readonly { readonly row: number; readonly cells: readonly unknown[] }[];
}

/** Folded for matching names and headers: no case, diacritics, đ, punctuation or extra spaces. */
const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const KEYS = Object.keys(PLAN_COLUMNS) as PlanSheetKey[];
/** Rows above the header a sheet may have (a title, a date line). */
const TITLE_ROWS = 10;
/** A row starting with one of these ends the sheet's data (a footer: totals, signatures). */
const FOOTER = /^(tong cong|tong so|cong|total|nguoi lap|thu truong)\b/;

type CellOut = { text: string } | { problem: InputError };

function textOf(raw: unknown, place: Place): CellOut {
  if (typeof raw === 'string') return { text: raw.trim() };
  const c = cellText(raw as CellValue);
  if ('problem' in c)
    return {
      problem: inputError(
        place,
        `xlsx.${c.problem}`,
        'ô có lỗi hoặc công thức chưa tính; hãy sửa trong bảng tính và lưu lại',
        'the cell holds an error or an uncomputed formula; fix it in the spreadsheet and save it again',
      ),
    };
  return { text: c.text.trim() };
}

const headerMatches = (cell: string, c: PlanColumn) => {
  const f = fold(cell);
  return f !== '' && (f === fold(c.header.vi) || f === fold(c.header.en) || f === fold(c.key));
};

/** The header row of a sheet of kind `key`: the first of its first rows that has every required column (for the plan sheet, its id). */
function findHeader(sheet: RawSheet, key: PlanSheetKey): number | undefined {
  const cols = PLAN_COLUMNS[key];
  const needed = cols.filter((c) => c.required);
  const must = needed.length ? needed : cols.slice(0, 1);
  for (let i = 0; i < Math.min(sheet.rows.length, TITLE_ROWS + 1); i++) {
    const cells = (sheet.rows[i]?.cells ?? []).map((v) => (typeof v === 'string' ? v : 'text' in cellText(v as CellValue) ? (cellText(v as CellValue) as { text: string }).text : ''));
    if (must.every((c) => cells.some((h) => headerMatches(h, c)))) return i;
  }
  return undefined;
}

/** What each sheet holds: by its name (as the template writes it, vi or en), else by its header. */
export function kindOf(sheet: RawSheet): PlanSheetKey | undefined {
  const named = KEYS.find((k) => fold(sheet.name) === fold(PLAN_SHEET_NAMES[k].vi) || fold(sheet.name) === fold(PLAN_SHEET_NAMES[k].en));
  if (named) return named;
  // a CSV file or a renamed sheet: the kind whose required columns its header has (the most specific first)
  return (['trainees', 'budget', 'tours', 'classes', 'plan'] as const).find((k) => findHeader(sheet, k) !== undefined);
}

/** A data row: its place (sheet and row), and its cells by column key as text, and raw. */
interface Row {
  readonly place: Place;
  readonly text: (key: string) => string;
  readonly raw: (key: string) => unknown;
  readonly header: (key: string) => string;
}

function rowsOf(sheet: RawSheet, key: PlanSheetKey, errors: InputError[], limits: ReadLimits): Row[] {
  const at = (row?: number): Place => ({ ...(sheet.file ? { file: sheet.file } : {}), sheet: sheet.name, ...(row !== undefined ? { row } : {}) });
  const h = findHeader(sheet, key);
  const cols = PLAN_COLUMNS[key];
  if (h === undefined) {
    const needed = cols.filter((c) => c.required).map((c) => `"${c.header.vi}"`);
    errors.push(
      inputError(
        at(),
        'input.missing_column',
        `không thấy dòng tiêu đề có các cột ${needed.join(', ')} trong ${TITLE_ROWS + 1} dòng đầu; hãy dùng mẫu của "p135 plan template"`,
        `no header row with the columns ${cols
          .filter((c) => c.required)
          .map((c) => `"${c.header.en}"`)
          .join(', ')} in the first ${TITLE_ROWS + 1} rows; start from "p135 plan template"`,
      ),
    );
    return [];
  }
  if (sheet.rows.length - h - 1 > limits.maxRows) {
    errors.push(inputError(at(), 'input.too_many_rows', `trang "${sheet.name}" có hơn ${limits.maxRows} dòng`, `sheet "${sheet.name}" has more than ${limits.maxRows} rows`));
    return [];
  }
  const headerRow = sheet.rows[h] as RawSheet['rows'][number];
  const headers = headerRow.cells.map((v) => (typeof v === 'string' ? v.trim() : ((cellText(v as CellValue) as { text?: string }).text ?? '').trim()));
  const index = new Map<string, number>();
  for (const c of cols) {
    const k = headers.findIndex((x) => headerMatches(x, c));
    if (k >= 0) index.set(c.key, k);
    else if (c.required)
      errors.push(
        inputError(
          { ...at(headerRow.row), column: c.header.vi },
          'input.missing_column',
          `trang "${sheet.name}" thiếu cột "${c.header.vi}"`,
          `sheet "${sheet.name}" lacks the column "${c.header.en}" ("${c.header.vi}")`,
        ),
      );
  }
  const out: Row[] = [];
  for (const r of sheet.rows.slice(h + 1)) {
    const first = r.cells.map((v) => (typeof v === 'string' ? v : ((cellText(v as CellValue) as { text?: string }).text ?? ''))).find((v) => v.trim() !== '');
    if (first !== undefined && FOOTER.test(fold(first))) break;
    const texts = new Map<string, string>();
    let bad = false;
    for (const [k, i] of index) {
      const t = textOf(r.cells[i], { ...at(r.row), column: headers[i] ?? k });
      if ('problem' in t) {
        errors.push(t.problem);
        bad = true;
      } else texts.set(k, t.text);
    }
    if (bad || [...texts.values()].every((v) => v === '')) continue;
    const id = texts.get('id');
    out.push({
      place: { ...at(r.row), ...(id ? { record: id } : {}) },
      text: (k) => texts.get(k) ?? '',
      raw: (k) => r.cells[index.get(k) ?? -1],
      header: (k) => headers[index.get(k) ?? -1] ?? cols.find((c) => c.key === k)?.header.vi ?? k,
    });
  }
  return out;
}

export interface PlanFromSheets {
  readonly value?: unknown;
  /** Where each part of the plan came from: `$.budget[16]`, `$.budget[16].amount` → sheet, row, id, column. */
  readonly places: ReadonlyMap<string, Place>;
  readonly errors: InputError[];
}

/** A track (or budget category) as written: its code, or its label in Vietnamese or English. */
function trackCode(book: Rulebook, written: string): string {
  if (book.track(written)) return written;
  const f = fold(written);
  return book.tracks.find((t) => fold(t.label.vi) === f || fold(t.label.en) === f || fold(t.code) === f)?.code ?? written;
}

const opt = (v: string) => (v === '' ? undefined : v);

/**
 * The plan's sheets (a workbook's, or CSV files' one each) as a plan value for `parsePlan`, and
 * where each part came from. Problems of the layout (a sheet nobody can tell, a missing column, a
 * person row naming no class or tour, an amount that is not one) are errors at their sheet, row,
 * id and column; what the values mean is for `parsePlan`.
 */
export function planFromSheets(sheets: readonly RawSheet[], book: Rulebook, limits: ReadLimits): PlanFromSheets {
  const places = new Map<string, Place>();
  const errors: InputError[] = [];
  const byKind = new Map<PlanSheetKey, RawSheet[]>();
  for (const s of sheets) {
    const kind = kindOf(s);
    if (!kind) {
      if (s.file && !s.rows.length) continue;
      // Extra sheets of a workbook (the track list, notes) are left alone; a CSV file must be a part of the plan.
      if (s.file)
        errors.push(
          inputError(
            { file: s.file },
            'input.unknown_sheet',
            `không nhận ra tệp này là phần nào của kế hoạch (lớp, học viên, đoàn, dự toán): dòng tiêu đề phải có các cột như trong mẫu của "p135 plan template"`,
            `cannot tell which part of the plan this file is (classes, trainees, tours, budget): its header needs the columns of the "p135 plan template" sheets`,
          ),
        );
      continue;
    }
    byKind.set(kind, [...(byKind.get(kind) ?? []), s]);
  }
  if (!byKind.has('classes') && errors.length === 0)
    errors.push(
      inputError(
        {},
        'xlsx.missing_sheet',
        `thiếu trang "${PLAN_SHEET_NAMES.classes.vi}" (danh sách lớp); hãy dùng mẫu của "p135 plan template"`,
        `the "${PLAN_SHEET_NAMES.classes.en}" sheet (the classes) is missing; start from "p135 plan template"`,
      ),
    );
  if (errors.length) return { places, errors };
  const rows = (key: PlanSheetKey) => (byKind.get(key) ?? []).flatMap((s) => rowsOf(s, key, errors, limits));
  const planRows = rows('plan');
  const classRows = rows('classes');
  const personRows = rows('trainees');
  const tourRows = rows('tours');
  const budgetRows = rows('budget');
  if (errors.length) return { places, errors };

  const remember = (path: string, r: Row, fields: readonly string[]) => {
    places.set(path, r.place);
    for (const f of fields) places.set(`${path}.${f}`, { ...r.place, column: r.header(f) });
  };
  type Group = { trainees?: string[]; members?: string[] };
  const groups = new Map<string, { group: Group; path: string; field: 'trainees' | 'members' }>();
  const classes = classRows.map((r, i) => {
    const district = opt(r.text('district'));
    const commune = opt(r.text('commune'));
    const c = {
      id: r.text('id'),
      track: trackCode(book, r.text('track')),
      ...(district ? { district: codeOf(district, 3) } : {}),
      ...(commune ? { commune: codeOf(commune, 5) } : {}),
      start: dateOf(r.text('start')),
      end: dateOf(r.text('end')),
      days: daysOf(r.text('days')),
      trainees: [] as string[],
    };
    remember(`$.classes[${i}]`, r, ['id', 'track', 'district', 'commune', 'start', 'end', 'days']);
    if (!groups.has(c.id)) groups.set(c.id, { group: c, path: `$.classes[${i}]`, field: 'trainees' });
    return c;
  });
  const studyTours = tourRows.map((r, i) => {
    const destination = opt(r.text('destination'));
    const t = { id: r.text('id'), ...(destination ? { destination } : {}), start: dateOf(r.text('start')), end: dateOf(r.text('end')), members: [] as string[] };
    remember(`$.studyTours[${i}]`, r, ['id', 'destination', 'start', 'end']);
    if (!groups.has(t.id)) groups.set(t.id, { group: t, path: `$.studyTours[${i}]`, field: 'members' });
    return t;
  });
  for (const r of personRows) {
    const g = groups.get(r.text('group'));
    if (!g) {
      errors.push(
        inputError(
          { ...r.place, column: r.header('group') },
          'input.unknown_group',
          `không có lớp hay đoàn "${r.text('group')}" trong trang "${PLAN_SHEET_NAMES.classes.vi}" hay "${PLAN_SHEET_NAMES.tours.vi}"`,
          `no class or tour "${r.text('group')}" in the "${PLAN_SHEET_NAMES.classes.en}" or "${PLAN_SHEET_NAMES.tours.en}" sheet`,
        ),
      );
      continue;
    }
    const list = g.group[g.field] as string[];
    places.set(`${g.path}.${g.field}[${list.length}]`, { ...r.place, record: `${r.text('group')}: ${r.text('trainee')}`, column: r.header('trainee') });
    list.push(r.text('trainee'));
  }
  const budget = budgetRows.map((r, i) => {
    const amount = amountOf(r.raw('amount'), r.text('amount'));
    if ('problem' in amount) errors.push({ place: { ...r.place, column: r.header('amount') }, code: 'input.invalid_amount', message: amount.problem });
    const label = opt(r.text('label'));
    remember(`$.budget[${i}]`, r, ['id', 'category', 'label', 'amount']);
    return { id: r.text('id'), category: trackCode(book, r.text('category')), ...(label ? { label } : {}), amount: 'value' in amount ? amount.value : '' };
  });
  if (errors.length) return { places, errors };
  const head = planRows[0];
  const year = head ? head.raw('year') : undefined;
  const yearText = head?.text('year') ?? '';
  return {
    places,
    errors,
    value: {
      ...(head && opt(head.text('id')) ? { id: head.text('id') } : {}),
      ...(head && opt(head.text('title')) ? { title: head.text('title') } : {}),
      ...(yearText !== '' ? { year: typeof year === 'number' ? year : /^[0-9]{4}$/.test(yearText) ? Number(yearText) : yearText } : {}),
      ...(head && opt(head.text('note')) ? { note: head.text('note') } : {}),
      classes,
      studyTours,
      budget,
    },
  };
}

/** The sheet row a JSON path of the plan came from (the longest known prefix), or undefined. */
export function placeOfPlanPath(places: ReadonlyMap<string, Place>, path: string): Place | undefined {
  for (let p = path; p.length > 1; ) {
    const hit = places.get(p);
    if (hit) return hit;
    const shorter = p.replace(/(\.[^.[]+|\[[^\]]*\])$/, '');
    if (shorter === p) break;
    p = shorter;
  }
  return undefined;
}
