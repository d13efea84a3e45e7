import { type Candidate, parseCandidate, type Rulebook } from '@p135/rules';
import { joinPath, type JsonItem } from '../json-read.js';
import { formatPlace, type InputError, inputError, type Place } from '../place.js';
import type { TableRow } from '../table.js';
import { IdIndex } from './id-index.js';
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

export interface ObjectReaderOptions {
  /** Stop after this many errors (default: never). */
  readonly maxErrors?: number;
  /** The place of the item numbered `n` (the number `read` was given), for "repeats the one at …" (default: line n). */
  readonly placeOfItem?: (n: number) => Place;
}

/**
 * Candidate objects (the `@p135/rules` schema) read one at a time: each checked for a repeated id
 * (exactly, in an `IdIndex`) and validated; each problem placed at the item's path or line.
 */
export class CandidateObjectReader {
  /** Every problem so far; at most `maxErrors` (then one more saying there were too many). */
  readonly errors: InputError[] = [];
  readonly #book: Rulebook;
  readonly #maxErrors: number;
  readonly #placeOfItem: (n: number) => Place;
  readonly #ids = new IdIndex();
  #stopped = false;

  constructor(book: Rulebook, options: ObjectReaderOptions = {}) {
    this.#book = book;
    this.#maxErrors = options.maxErrors ?? Number.POSITIVE_INFINITY;
    this.#placeOfItem = options.placeOfItem ?? ((line) => ({ line }));
  }

  /** True once there were too many errors. */
  get stopped(): boolean {
    return this.#stopped;
  }

  /** The person an item describes, or undefined when it has errors (in `errors`). */
  read(item: JsonItem, n: number): Candidate | undefined {
    if (this.#stopped) return undefined;
    const candidate = this.#person(item, n);
    if (this.errors.length >= this.#maxErrors) {
      this.errors.push(inputError({}, 'input.too_many_errors', `quá nhiều lỗi; dừng sau ${this.#maxErrors} lỗi`, `too many errors; stopped after ${this.#maxErrors}`));
      this.#stopped = true;
    }
    return candidate;
  }

  #person(item: JsonItem, n: number): Candidate | undefined {
    const id = isRecord(item.value) ? item.value.id : undefined;
    if (typeof id === 'string') {
      const first = this.#ids.firstOrAdd(id, n);
      if (first !== undefined) {
        const at: Place = { ...item.place, path: joinPath(item.place.path, '$.id') };
        const place = this.#placeOfItem(first);
        this.errors.push(
          inputError(at, 'roster.duplicate_id', `mã ${JSON.stringify(id)} trùng với ${formatPlace(place, 'vi')}`, `id ${JSON.stringify(id)} repeats the one at ${formatPlace(place, 'en')}`),
        );
        return undefined;
      }
    }
    const checked = parseCandidate(item.value, this.#book);
    for (const p of checked.errors) this.errors.push({ place: { ...item.place, path: joinPath(item.place.path, p.path) }, code: p.code, message: p.message });
    return checked.value;
  }
}

function candidatesFromObjects(items: readonly JsonItem[], book: Rulebook): RosterResult {
  const reader = new CandidateObjectReader(book, { placeOfItem: (i) => (items[i] as JsonItem).place });
  const candidates: Candidate[] = [];
  items.forEach((item, i) => {
    const candidate = reader.read(item, i);
    if (candidate) candidates.push(candidate);
  });
  return { candidates, errors: reader.errors, warnings: [] };
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
      if (text === undefined)
        errors.push(inputError({ ...item.place, column: k }, 'json.not_a_cell', 'giá trị phải là chữ, số, đúng/sai hoặc danh sách', 'the value must be text, a number, true/false or a list'));
      return text ?? '';
    });
    rows.push({ place: item.place, cells });
  }
  return { rows, errors };
}

/** People from JSON or JSON Lines items: candidate objects as they are, or flat rows with roster headers. */
export function rosterFromJsonItems(items: readonly JsonItem[], book: Rulebook, options: RosterOptions = {}): RosterResult {
  if (items.length === 0) return { candidates: [], errors: [inputError({}, 'input.empty', 'danh sách rỗng: không có người nào', 'the list is empty: no people')], warnings: [] };
  if (areCandidateObjects(items)) return candidatesFromObjects(items, book);
  const table = tableFromRows(items);
  if (table.errors.length) return { candidates: [], errors: table.errors, warnings: [] };
  return rosterFromTable(table.rows, book, options);
}
