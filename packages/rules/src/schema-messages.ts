/**
 * Vietnamese for the English messages the schemas give, and for zod's own issues, so every
 * problem a person reads is Vietnamese first. Keyed by the English text the schema uses.
 */
export const SCHEMA_MESSAGES_VI: Readonly<Record<string, string>> = {
  'expected a code in snake_case, e.g. "committee_chair"': 'cần một mã viết thường nối bằng "_", ví dụ "committee_chair"',
  'an id is required': 'cần có mã',
  'an id has at most 64 characters': 'mã dài tối đa 64 ký tự',
  'an id has letters, digits and . _ - / only, and starts with a letter or digit': 'mã chỉ gồm chữ, số và . _ - /, bắt đầu bằng chữ hoặc số',
  'expected a date as YYYY-MM-DD, e.g. "2020-07-15"': 'cần ngày dạng YYYY-MM-DD, ví dụ "2020-07-15"',
  'no such day in the calendar (e.g. 30 February): write a day that exists, as YYYY-MM-DD': 'ngày không tồn tại trong lịch (ví dụ 30/02): hãy ghi một ngày có thật, dạng YYYY-MM-DD',
  'expected a decimal number such as "3.5"': 'cần một số thập phân như "3.5"',
  'a district code has 3 digits, e.g. "180"': 'mã huyện gồm 3 chữ số, ví dụ "180"',
  'a commune code has 5 digits, e.g. "05995"': 'mã xã gồm 5 chữ số, ví dụ "05995"',
  'a name is required': 'cần có họ và tên',
  'gender is "female" or "male"': 'giới tính là "female" (nữ) hoặc "male" (nam)',
  'an ethnic group code has 2 digits, "01" (Kinh) to "54"': 'mã dân tộc gồm 2 chữ số, từ "01" (Kinh) đến "54"',
  'the end date is before the start date': 'ngày kết thúc trước ngày bắt đầu',
  'a clause id follows the plan\'s numbering, e.g. "KH.II.2.1.a"': 'mã điều khoản theo cách đánh số của kế hoạch, ví dụ "KH.II.2.1.a"',
  'an id is dotted snake_case, e.g. "province_cadre.role"': 'mã viết thường, nối bằng "_" và ".", ví dụ "province_cadre.role"',
  'cite exactly one source: "clause" (an id of the plan) or "assumption" (why, in vi and en)':
    'ghi đúng một nguồn: "clause" (mã điều khoản) hoặc "assumption" (lý do giả định, tiếng Việt và tiếng Anh)',
  'a date as YYYY-MM-DD': 'ngày dạng YYYY-MM-DD',
  'dated values are in order of their "from" date, each date once': 'các giá trị theo ngày xếp theo ngày "from" tăng dần, mỗi ngày một lần',
  'a pack id is lower-case words joined by "-", e.g. "lang-son-2020"': 'mã bộ quy tắc là chữ thường nối bằng "-", ví dụ "lang-son-2020"',
  'a version is semver, e.g. "1.0.0"': 'phiên bản dạng semver, ví dụ "1.0.0"',
  'an override changes at least one field': 'phần ghi đè phải thay ít nhất một trường',
  'say which findings: "findings", "includes" or "excludes"': 'nêu các phát hiện: "findings", "includes" hoặc "excludes"',
  'an amount is required, e.g. "8040000000"': 'cần có số tiền, ví dụ "8040000000"',
  'an amount cannot be negative, e.g. "8040000000"': 'số tiền không được âm, ví dụ "8040000000"',
  'amounts are whole đồng: no fraction, e.g. "8040000000"': 'số tiền là số đồng nguyên, không có phần lẻ, ví dụ "8040000000"',
  'an amount is written with digits only (no NaN, Infinity, hex, exponent, separators or spaces), e.g. "8040000000"':
    'số tiền chỉ gồm chữ số (không NaN, Infinity, hệ 16, số mũ, dấu phân cách hay khoảng trắng), ví dụ "8040000000"',
  'an amount has at most 18 digits, e.g. "8040000000"': 'số tiền có tối đa 18 chữ số, ví dụ "8040000000"',
  'an amount is a string of digits, e.g. "8040000000"': 'số tiền là một chuỗi chữ số, ví dụ "8040000000"',
};

const TYPE_VI: Readonly<Record<string, string>> = {
  string: 'chuỗi văn bản',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true/false',
  object: 'đối tượng',
  array: 'danh sách',
  null: 'null',
  undefined: 'không có',
  nan: 'NaN',
};
const typeVi = (t: unknown) => TYPE_VI[String(t)] ?? String(t);
const TYPE_EN: Readonly<Record<string, string>> = { string: 'text', number: 'a number', int: 'a whole number', boolean: 'true/false', object: 'an object', array: 'a list', null: 'null' };
const typeEn = (t: string) => TYPE_EN[t] ?? t;

interface IssueLike {
  code: string;
  message: string;
  expected?: unknown;
  input?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  origin?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  format?: unknown;
}

const received = (input: unknown) => (input === undefined ? 'undefined' : input === null ? 'null' : Array.isArray(input) ? 'array' : typeof input);

/** One zod issue in Vietnamese and English. */
export function issueText(issue: IssueLike): { vi: string; en: string } {
  const known = SCHEMA_MESSAGES_VI[issue.message];
  if (known) {
    // A value of the wrong type is shown beside the field's own words (an amount given as a number).
    const v = issue.input;
    const shown = issue.code === 'invalid_type' && (typeof v === 'number' || typeof v === 'boolean') ? ` (${String(v).slice(0, 60)})` : '';
    return { vi: `${known}${shown}`, en: `${issue.message}${shown}` };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const got = received(issue.input);
      if (got === 'undefined') return { vi: `thiếu trường bắt buộc (cần ${typeVi(issue.expected)})`, en: `missing required field (expected ${String(issue.expected)})` };
      const v = issue.input;
      if (typeof v === 'number' && !Number.isFinite(v))
        return {
          vi: `số quá lớn hoặc không phải số (${String(v)}); cần ${typeVi(issue.expected)}`,
          en: `a number too large or not a number (${String(v)}); expected ${typeEn(String(issue.expected))}`,
        };
      const shown = typeof v === 'string' ? ` (${JSON.stringify(v).slice(0, 60)})` : typeof v === 'number' || typeof v === 'boolean' ? ` (${String(v).slice(0, 60)})` : '';
      const unquote = issue.expected === 'number' && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) && v.length <= 20;
      const hint = unquote ? { vi: `; hãy viết không có dấu ngoặc kép: ${v}`, en: `; write it without quotes: ${v}` } : { vi: '', en: '' };
      return {
        vi: `sai kiểu: cần ${typeVi(issue.expected)}, nhận ${typeVi(got)}${shown}${hint.vi}`,
        en: `wrong type: expected ${typeEn(String(issue.expected))}, received ${typeEn(got)}${shown}${hint.en}`,
      };
    }
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map((k) => JSON.stringify(k)).join(', ');
      return { vi: `trường không được phép: ${keys}; hãy bỏ đi hoặc kiểm tra chính tả`, en: `unknown field(s): ${keys}; remove them or check their spelling` };
    }
    case 'too_small':
      return issue.origin === 'array'
        ? { vi: `cần ít nhất ${String(issue.minimum)} phần tử`, en: `needs at least ${String(issue.minimum)} item(s)` }
        : issue.origin === 'string'
          ? { vi: `cần ít nhất ${String(issue.minimum)} ký tự`, en: `needs at least ${String(issue.minimum)} character(s)` }
          : { vi: `giá trị nhỏ nhất là ${String(issue.minimum)}`, en: `the smallest value is ${String(issue.minimum)}` };
    case 'too_big':
      return issue.origin === 'array'
        ? { vi: `tối đa ${String(issue.maximum)} phần tử`, en: `at most ${String(issue.maximum)} item(s)` }
        : issue.origin === 'string'
          ? { vi: `tối đa ${String(issue.maximum)} ký tự`, en: `at most ${String(issue.maximum)} character(s)` }
          : { vi: `giá trị lớn nhất là ${String(issue.maximum)}`, en: `the largest value is ${String(issue.maximum)}` };
    case 'invalid_value': {
      const vals = (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ');
      return { vi: `giá trị không hợp lệ; chấp nhận: ${vals}`, en: `invalid value; accepted: ${vals}` };
    }
    case 'invalid_union':
      return { vi: 'không khớp với dạng nào được phép', en: 'does not match any allowed form' };
    case 'invalid_format':
      return { vi: `sai định dạng (${String(issue.format)})`, en: `wrong format (${String(issue.format)})` };
    default:
      return { vi: `giá trị không hợp lệ: ${issue.message}`, en: issue.message };
  }
}
