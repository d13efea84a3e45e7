import { parseCandidate, type Rulebook } from '@p135/rules';
import { joinPath, type JsonItem } from '../json-read.js';
import { formatPlace, type InputError, inputError, type Place } from '../place.js';
import type { TableRow } from '../table.js';
import { type RosterOptions, type RosterResult, rosterFromTable } from './from-table.js';

/** Keys only a candidate object has (a flat row says `full_name`, `birth_year` and `district_code` instead). */
const CANDIDATE_KEYS = ['name', 'birthYear', 'provinceTrainingYears', 'planYearClasses'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Is this list made of candidate objects (the `@p135/rules` schema), rather than flat rows with roster headers? */
export function areCandidateObjects(items: readonly JsonItem[]): boolean {
  const first = items[0]?.value;
  if (!isRecord(first)) return false;
  return CANDIDATE_KEYS.some((k) => Object.hasOwn(first, k)) || isRecord(first.district) || isRecord(first.commune);
}

function candidatesFromObjects(items: readonly JsonItem[], book: Rulebook): RosterResult {
  const result: RosterResult = { candidates: [], errors: [] };
  const firstOfId = new Map<string, Place>();
  for (const item of items) {
    const id = isRecord(item.value) ? item.value.id : undefined;
    if (typeof id === 'string') {
      const first = firstOfId.get(id);
      const at: Place = { ...item.place, path: joinPath(item.place.path, '$.id') };
      if (first) {
        result.errors.push(inputError(at, 'roster.duplicate_id', `mã ${JSON.stringify(id)} trùng với ${formatPlace(first, 'vi')}`, `id ${JSON.stringify(id)} repeats the one at ${formatPlace(first, 'en')}`));
        continue;
      }
      firstOfId.set(id, item.place);
    }
    const checked = parseCandidate(item.value, book);
    if (checked.value) result.candidates.push(checked.value);
    for (const p of checked.errors) result.errors.push({ place: { ...item.place, path: joinPath(item.place.path, p.path) }, code: p.code, message: p.message });
  }
  return result;
}

/** A JSON value in a flat row, as the text a spreadsheet cell would hold. */
function cellText(v: unknown): string | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join('; ');
  return undefined;
}

/** Flat JSON rows (`{"Mã": "LS-1", "Họ và tên": …}`) as a table: the keys, in the order first seen, are the header. */
function tableFromRows(items: readonly JsonItem[]): { rows: TableRow[]; errors: InputError[] } {
  const keys = new Map<string, number>();
  const errors: InputError[] = [];
  for (const item of items) {
    if (!isRecord(item.value)) {
      errors.push(inputError(item.place, 'json.not_an_object', 'cần một đối tượng JSON cho mỗi người', 'expected a JSON object for each person'));
      continue;
    }
    for (const k of Object.keys(item.value)) if (!keys.has(k)) keys.set(k, keys.size);
  }
  if (errors.length) return { rows: [], errors };
  const header = [...keys.keys()];
  const rows: TableRow[] = [{ place: (items[0] as JsonItem).place, cells: header }];
  for (const item of items) {
    const obj = item.value as Record<string, unknown>;
    const cells = header.map((k) => {
      const text = Object.hasOwn(obj, k) ? cellText(obj[k]) : '';
      if (text === undefined) errors.push(inputError({ ...item.place, column: k }, 'json.not_a_cell', 'giá trị phải là chữ, số, đúng/sai hoặc danh sách', 'the value must be text, a number, true/false or a list'));
      return text ?? '';
    });
    rows.push({ place: item.place, cells });
  }
  return { rows, errors };
}

/** People from JSON or JSON Lines items: candidate objects as they are, or flat rows with roster headers. */
export function rosterFromJsonItems(items: readonly JsonItem[], book: Rulebook, options: RosterOptions = {}): RosterResult {
  if (items.length === 0) return { candidates: [], errors: [inputError({}, 'input.empty', 'danh sách rỗng: không có người nào', 'the list is empty: no people')] };
  if (areCandidateObjects(items)) return candidatesFromObjects(items, book);
  const table = tableFromRows(items);
  if (table.errors.length) return { candidates: [], errors: table.errors };
  return rosterFromTable(table.rows, book, options);
}
