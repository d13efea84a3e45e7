import { foldText, type Localized } from '@p135/rules';

/** How a column's text becomes a candidate's value. */
export type ColumnKind = 'id' | 'text' | 'gender' | 'year' | 'ethnicity' | 'role' | 'district_code' | 'commune_code' | 'yes_no' | 'years' | 'class_levels';

export interface RosterColumn {
  /** The English header, snake_case: `full_name`. */
  readonly key: string;
  /** The Vietnamese header: `Họ và tên`. */
  readonly vi: string;
  /** Other headers accepted for the same column. */
  readonly aliases: readonly string[];
  /** Where the value goes in a candidate (`["commune", "p135", "listed"]`). */
  readonly field: readonly string[];
  readonly kind: ColumnKind;
  /** Must the file have this column? (Village columns are needed only when a row names a village.) */
  readonly required: boolean;
  /** What the column holds, for the documentation and for errors. */
  readonly note: Localized;
}

/**
 * The roster table format: one row per person, one column per field. Headers are matched without
 * regard to case, diacritics, spaces, punctuation or a byte order mark: `Họ và tên`, `HO VA TEN`,
 * `full_name` and `fullName` are the same column.
 */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { key: 'id', vi: 'Mã', aliases: ['Mã học viên', 'Mã người'], field: ['id'], kind: 'id', required: true, note: { vi: 'Mã của người, duy nhất trong tệp', en: "The person's id, unique in the file" } },
  { key: 'full_name', vi: 'Họ và tên', aliases: ['Họ tên', 'name'], field: ['name'], kind: 'text', required: true, note: { vi: 'Họ và tên', en: 'Full name' } },
  { key: 'gender', vi: 'Giới tính', aliases: [], field: ['gender'], kind: 'gender', required: true, note: { vi: 'Nữ hoặc Nam (female, male)', en: 'Nữ or Nam (female, male)' } },
  { key: 'birth_year', vi: 'Năm sinh', aliases: [], field: ['birthYear'], kind: 'year', required: true, note: { vi: 'Năm sinh, 4 chữ số: 1975', en: 'Year of birth, 4 digits: 1975' } },
  {
    key: 'ethnicity',
    vi: 'Dân tộc',
    aliases: ['Mã dân tộc'],
    field: ['ethnicity'],
    kind: 'ethnicity',
    required: true,
    note: { vi: 'Tên dân tộc (Tày, Nùng…) hoặc mã 01–54', en: 'Ethnic group name (Tày, Nùng…) or code 01–54' },
  },
  {
    key: 'role',
    vi: 'Chức vụ',
    aliases: ['Chức danh'],
    field: ['role'],
    kind: 'role',
    required: true,
    note: { vi: 'Chức danh theo bộ quy tắc (tên tiếng Việt, tên viết tắt hoặc mã)', en: "The pack's role: Vietnamese label, an alias, or the code" },
  },
  {
    key: 'district_code',
    vi: 'Mã huyện',
    aliases: [],
    field: ['district', 'code'],
    kind: 'district_code',
    required: true,
    note: { vi: 'Mã huyện 3 chữ số (danh mục hành chính): 180', en: 'District code, 3 digits (official list): 180' },
  },
  { key: 'district_name', vi: 'Huyện', aliases: ['Tên huyện'], field: ['district', 'name'], kind: 'text', required: false, note: { vi: 'Tên huyện', en: 'District name' } },
  { key: 'commune_code', vi: 'Mã xã', aliases: [], field: ['commune', 'code'], kind: 'commune_code', required: true, note: { vi: 'Mã xã 5 chữ số: 05998', en: 'Commune code, 5 digits: 05998' } },
  { key: 'commune_name', vi: 'Xã', aliases: ['Tên xã'], field: ['commune', 'name'], kind: 'text', required: false, note: { vi: 'Tên xã', en: 'Commune name' } },
  {
    key: 'commune_listed',
    vi: 'Xã thuộc CT135',
    aliases: [],
    field: ['commune', 'p135', 'listed'],
    kind: 'yes_no',
    required: true,
    note: { vi: 'Xã thuộc Chương trình 135 (QĐ 900/QĐ-TTg): Có/Không', en: 'Commune on the Program 135 list (Decision 900/QĐ-TTg): yes/no' },
  },
  {
    key: 'commune_struck_off',
    vi: 'Xã đã hoàn thành CT135',
    aliases: [],
    field: ['commune', 'p135', 'struckOff'],
    kind: 'yes_no',
    required: false,
    note: { vi: 'Xã đã được công nhận hoàn thành (QĐ 1747/QĐ-TTg): Có/Không; trống = Không', en: 'Commune recognised complete (Decision 1747/QĐ-TTg): yes/no; empty = no' },
  },
  {
    key: 'village',
    vi: 'Thôn',
    aliases: ['Tên thôn', 'village_name'],
    field: ['village', 'name'],
    kind: 'text',
    required: false,
    note: { vi: 'Tên thôn (để trống nếu không xét theo thôn)', en: 'Village name (leave empty when the village does not matter)' },
  },
  { key: 'village_code', vi: 'Mã thôn', aliases: [], field: ['village', 'code'], kind: 'text', required: false, note: { vi: 'Mã thôn, nếu có', en: 'Village code, if any' } },
  {
    key: 'village_listed',
    vi: 'Thôn thuộc CT135',
    aliases: [],
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
    vi: 'Thôn đã hoàn thành CT135',
    aliases: [],
    field: ['village', 'p135', 'struckOff'],
    kind: 'yes_no',
    required: false,
    note: { vi: 'Thôn đã được công nhận hoàn thành (QĐ 958/QĐ-UBDT): Có/Không; trống = Không', en: 'Village recognised complete (Decision 958/QĐ-UBDT): yes/no; empty = no' },
  },
  {
    key: 'province_training_years',
    vi: 'Năm đã dự lớp tỉnh',
    aliases: [],
    field: ['provinceTrainingYears'],
    kind: 'years',
    required: false,
    note: { vi: 'Các năm đã dự lớp cấp tỉnh của CT135, cách nhau bởi dấu ;: 2018; 2019', en: 'Years of province-level Program 135 classes attended, separated by ;: 2018; 2019' },
  },
  {
    key: 'plan_year_classes',
    vi: 'Lớp đã dự năm kế hoạch',
    aliases: [],
    field: ['planYearClasses'],
    kind: 'class_levels',
    required: false,
    note: { vi: 'Cấp các lớp đã dự trong năm kế hoạch: tỉnh; huyện; xã', en: 'Levels of the classes attended in the plan year: province; district; commune' },
  },
];

/** A header as it is compared: no case, diacritics, spaces, punctuation or BOM. */
export const headerKey = (header: string): string => foldText(header.replace(/^\uFEFF/, ''));

function buildIndex(): ReadonlyMap<string, RosterColumn> {
  const index = new Map<string, RosterColumn>();
  for (const col of ROSTER_COLUMNS) {
    for (const name of [col.key, col.vi, ...col.aliases, col.field.join('_')]) {
      const k = headerKey(name);
      const prev = index.get(k);
      if (prev && prev !== col) throw new Error(`roster header "${name}" is ambiguous: ${prev.key} and ${col.key}`);
      index.set(k, col);
    }
  }
  return index;
}

const BY_HEADER = buildIndex();

/** The column a header names, or undefined. Never matches `__proto__`, `constructor` or other object keys. */
export function columnForHeader(header: string): RosterColumn | undefined {
  const k = headerKey(header);
  return k ? BY_HEADER.get(k) : undefined;
}

/** `Mã (id), Họ và tên (full_name), …`: every accepted column, for error messages. */
export function acceptedHeaders(): string {
  return ROSTER_COLUMNS.map((c) => `${c.vi} (${c.key})`).join(', ');
}

export function columnByKey(key: string): RosterColumn {
  const col = ROSTER_COLUMNS.find((c) => c.key === key);
  if (!col) throw new RangeError(`no roster column "${key}"`);
  return col;
}
