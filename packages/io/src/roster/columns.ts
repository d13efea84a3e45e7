import { closest, foldText, type Localized, type PackWords, type RosterColumnKey } from '@p135/rules';

/** How a column's text becomes a candidate's value. */
export type ColumnKind = 'id' | 'text' | 'gender' | 'year' | 'ethnicity' | 'role' | 'district_code' | 'commune_code' | 'yes_no' | 'years' | 'class_levels';

export interface RosterColumn {
  /** The English header, snake_case: `full_name` (the words officials write for it are the pack's `vocabulary.headers`). */
  readonly key: RosterColumnKey;
  /** Where the value goes in a candidate (`["commune", "p135", "listed"]`). */
  readonly field: readonly string[];
  readonly kind: ColumnKind;
  /** Must the file have this column? (Village columns are needed only when a row names a village.) */
  readonly required: boolean;
  /** What the column holds, for the documentation and for errors. */
  readonly note: Localized;
}

/**
 * The roster table format: one row per person, one column per field; which fact each column feeds
 * and how its cells are read. Headers are matched without regard to case, diacritics, spaces,
 * punctuation or a byte order mark: `Họ và tên` (a word of the pack), `HO VA TEN`, `full_name` and
 * `fullName` are the same column (see `rosterHeaders`).
 */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'id', field: ['id'], kind: 'id', required: true, note: { vi: 'Mã của người, duy nhất trong tệp', en: "The person's id, unique in the file" } },
  { key: 'full_name', field: ['name'], kind: 'text', required: true, note: { vi: 'Họ và tên', en: 'Full name' } },
  { key: 'gender', field: ['gender'], kind: 'gender', required: true, note: { vi: 'Nữ hoặc Nam (female, male)', en: 'Nữ or Nam (female, male)' } },
  { key: 'birth_year', field: ['birthYear'], kind: 'year', required: true, note: { vi: 'Năm sinh, 4 chữ số: 1975', en: 'Year of birth, 4 digits: 1975' } },
  {
    key: 'ethnicity',
    field: ['ethnicity'],
    kind: 'ethnicity',
    required: true,
    note: { vi: 'Tên dân tộc (Tày, Nùng…) hoặc mã 01–54', en: 'Ethnic group name (Tày, Nùng…) or code 01–54' },
  },
  {
    key: 'role',
    field: ['role'],
    kind: 'role',
    required: true,
    note: { vi: 'Chức danh theo bộ quy tắc (tên tiếng Việt, tên viết tắt hoặc mã)', en: "The pack's role: Vietnamese label, an alias, or the code" },
  },
  {
    key: 'district_code',
    field: ['district', 'code'],
    kind: 'district_code',
    required: true,
    note: { vi: 'Mã huyện 3 chữ số (danh mục hành chính): 180', en: 'District code, 3 digits (official list): 180' },
  },
  { key: 'district_name', field: ['district', 'name'], kind: 'text', required: false, note: { vi: 'Tên huyện', en: 'District name' } },
  { key: 'commune_code', field: ['commune', 'code'], kind: 'commune_code', required: true, note: { vi: 'Mã xã 5 chữ số: 05998', en: 'Commune code, 5 digits: 05998' } },
  { key: 'commune_name', field: ['commune', 'name'], kind: 'text', required: false, note: { vi: 'Tên xã', en: 'Commune name' } },
  {
    key: 'commune_listed',
    field: ['commune', 'p135', 'listed'],
    kind: 'yes_no',
    required: true,
    note: { vi: 'Xã thuộc Chương trình 135 (QĐ 900/QĐ-TTg): Có/Không', en: 'Commune on the Program 135 list (Decision 900/QĐ-TTg): yes/no' },
  },
  {
    key: 'commune_struck_off',
    field: ['commune', 'p135', 'struckOff'],
    kind: 'yes_no',
    required: false,
    note: { vi: 'Xã đã được công nhận hoàn thành (QĐ 1747/QĐ-TTg): Có/Không; trống = Không', en: 'Commune recognised complete (Decision 1747/QĐ-TTg): yes/no; empty = no' },
  },
  {
    key: 'village',
    field: ['village', 'name'],
    kind: 'text',
    required: false,
    note: { vi: 'Tên thôn (để trống nếu không xét theo thôn)', en: 'Village name (leave empty when the village does not matter)' },
  },
  { key: 'village_code', field: ['village', 'code'], kind: 'text', required: false, note: { vi: 'Mã thôn, nếu có', en: 'Village code, if any' } },
  {
    key: 'village_listed',
    field: ['village', 'p135', 'listed'],
    kind: 'yes_no',
    required: false,
    note: {
      vi: 'Thôn thuộc Chương trình 135 (QĐ 414/QĐ-UBDT): Có/Không; bắt buộc khi có tên thôn',
      en: 'Village on the Program 135 list (Decision 414/QĐ-UBDT): yes/no; required when a village is named',
    },
  },
  {
    key: 'village_struck_off',
    field: ['village', 'p135', 'struckOff'],
    kind: 'yes_no',
    required: false,
    note: { vi: 'Thôn đã được công nhận hoàn thành (QĐ 958/QĐ-UBDT): Có/Không; trống = Không', en: 'Village recognised complete (Decision 958/QĐ-UBDT): yes/no; empty = no' },
  },
  {
    key: 'province_training_years',
    field: ['provinceTrainingYears'],
    kind: 'years',
    required: false,
    note: { vi: 'Các năm đã dự lớp cấp tỉnh của CT135, cách nhau bởi dấu ;: 2018; 2019', en: 'Years of province-level Program 135 classes attended, separated by ;: 2018; 2019' },
  },
  {
    key: 'plan_year_classes',
    field: ['planYearClasses'],
    kind: 'class_levels',
    required: false,
    note: { vi: 'Cấp các lớp đã dự trong năm kế hoạch: tỉnh; huyện; xã', en: 'Levels of the classes attended in the plan year: province; district; commune' },
  },
];

/** A header as it is compared: no case, diacritics, spaces, punctuation or BOM. */
export const headerKey = (header: string): string => foldText(header.replace(/^\uFEFF/, ''));

export function columnByKey(key: string): RosterColumn {
  const col = ROSTER_COLUMNS.find((c) => c.key === key);
  if (!col) throw new RangeError(`no roster column "${key}"`);
  return col;
}

/**
 * The headers a pack's rosters may have: each column's English key and its field's path
 * (`full_name`, `name`: code, the same in every pack) and the words of the pack's
 * `vocabulary.headers` (`Họ và tên`, `Họ tên`: data, a province adds its own). Built once per reader.
 */
export interface RosterHeaders {
  /** The column a header names, or undefined. Never matches `__proto__`, `constructor` or other object keys. */
  columnFor(header: string): RosterColumn | undefined;
  /** The pack's header word nearest one that is not known (`Năm sihn` → `Năm sinh`), for "did you mean". */
  near(header: string): string | undefined;
  /** The header the toolkit writes for a column: the pack's first word for it (`Họ và tên`), or its key when the pack has none. */
  vi(col: RosterColumn): string;
}

export function rosterHeaders(words: PackWords): RosterHeaders {
  const byKey = new Map<string, RosterColumn>();
  for (const col of ROSTER_COLUMNS) for (const name of [col.key, col.field.join('_')]) byKey.set(headerKey(name), col);
  /** The pack's words, folded → as written; a word that is a key or a field's path stays that column's. */
  const spelt = new Map<string, string>();
  const firstWord = new Map<string, string>();
  for (const { word, value } of words.headers.words) {
    const k = headerKey(word);
    if (!k || byKey.has(k)) continue;
    const col = ROSTER_COLUMNS.find((c) => c.key === value);
    if (!col) continue;
    byKey.set(k, col);
    spelt.set(k, word);
    if (!firstWord.has(value)) firstWord.set(value, word);
  }
  return {
    columnFor: (header) => {
      const k = headerKey(header);
      return k ? byKey.get(k) : undefined;
    },
    near: (header) => {
      const k = closest(headerKey(header), spelt.keys(), 1)[0];
      return k === undefined ? undefined : spelt.get(k);
    },
    vi: (col) => firstWord.get(col.key) ?? col.key,
  };
}
