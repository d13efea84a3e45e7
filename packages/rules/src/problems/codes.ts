import type { Localized } from '../i18n.js';

/**
 * Every code a Problem of @p135/rules or @p135/io carries, with what it means in Vietnamese and
 * English: one typed table (after trpc's error codes). A problem's own message says what is wrong
 * where; this says what the code means, for documentation (`docs/error-codes.md` is written from it)
 * and for programs that branch on a code. `problem()` and io's `inputError()` accept no other code.
 */
export const PROBLEM_CODES = {
  // JSON documents (packs, plans, candidates, test vectors)
  'json.not_text': { vi: 'Không phải văn bản JSON', en: 'Not JSON text' },
  'json.malformed': { vi: 'JSON không hợp lệ (lỗi cú pháp)', en: 'Malformed JSON (a syntax error)' },
  'json.too_large': { vi: 'Tài liệu quá lớn', en: 'The document is too large' },
  'json.too_deep': { vi: 'Lồng nhau quá sâu', en: 'Nested too deeply' },
  'json.too_many_values': { vi: 'Quá nhiều giá trị', en: 'Too many values' },
  'json.forbidden_key': { vi: 'Khóa bị cấm (`__proto__`, `constructor`, `prototype`)', en: 'A forbidden key (`__proto__`, `constructor`, `prototype`)' },
  'json.not_a_list': { vi: 'Cần một danh sách', en: 'A list was expected' },
  'json.not_an_object': { vi: 'Cần một đối tượng', en: 'An object was expected' },
  'json.not_utf8': { vi: 'Nội dung không phải văn bản UTF-8', en: 'The body is not UTF-8 text' },
  'body.missing': { vi: 'Thiếu nội dung JSON', en: 'A JSON body is missing' },
  'json.not_a_cell': { vi: 'Giá trị không đặt được vào một ô', en: 'The value does not fit in a cell' },
  // Files
  'file.not_a_file': { vi: 'Đường dẫn không phải là tệp', en: 'The path is not a file' },
  'file.not_regular': { vi: 'Không phải tệp thường (liên kết tượng trưng…): không đọc', en: 'Not a regular file (a symbolic link…): not read' },
  'file.directory': { vi: 'Đường dẫn là thư mục', en: 'The path is a directory' },
  'file.not_found': { vi: 'Không tìm thấy tệp', en: 'File not found' },
  'file.permission': { vi: 'Không có quyền đọc hoặc ghi tệp', en: 'Permission denied' },
  'file.unreadable': { vi: 'Không đọc được tệp', en: 'The file cannot be read' },
  'file.changed': { vi: 'Tệp đã thay đổi trong khi đang đọc', en: 'The file changed while it was read' },
  'file.output_is_input': { vi: 'Tệp kết quả trùng với một tệp đầu vào', en: 'The output file is one of the inputs' },
  'file.unwritable': { vi: 'Không ghi được tệp', en: 'The file cannot be written' },
  // Inputs: candidates, rosters, plans
  'input.not_a_list': { vi: 'Cần một danh sách học viên', en: 'A list of candidates was expected' },
  'input.duplicate_id': { vi: 'Mã bị trùng', en: 'A duplicate id' },
  'input.too_many': { vi: 'Quá nhiều học viên trong một yêu cầu', en: 'Too many candidates in one request' },
  'input.other_district': { vi: 'Thuộc huyện khác với huyện báo cáo', en: 'Belongs to another district than the one reporting' },
  'input.unknown_plan_class': { vi: 'Mã lớp không có trong kế hoạch', en: 'A class id the plan does not have' },
  'input.unknown_plan_tour': { vi: 'Mã đoàn không có trong kế hoạch', en: 'A study tour id the plan does not have' },
  'input.track_mismatch': { vi: 'Loại lớp khác với lớp trong kế hoạch', en: 'A track other than the planned class’s' },
  'input.unknown_budget_line': { vi: 'Dòng dự toán không có trong kế hoạch', en: 'A budget line the plan does not have' },
  'input.unknown_trainee': { vi: 'Học viên không có trong danh sách', en: 'A trainee not on the roster' },
  'input.too_many_problems': { vi: 'Quá nhiều lỗi: chỉ liệt kê những lỗi đầu', en: 'Too many problems: only the first are listed' },
  'input.missing_column': { vi: 'Thiếu cột của mẫu', en: 'A column of the template is missing' },
  'input.unknown_group': { vi: 'Dòng thuộc một lớp hay đoàn không có trong trang chính', en: 'A row of a class or tour the main sheet does not have' },
  'input.unknown_role': { vi: 'Chức vụ không có trong bộ quy tắc', en: 'A role the pack does not know' },
  'input.unknown_ethnicity': { vi: 'Mã dân tộc không có (01–54)', en: 'An unknown ethnic group code (01–54)' },
  'input.unknown_track': { vi: 'Loại lớp không có trong bộ quy tắc', en: 'A track the pack does not know' },
  'input.empty': { vi: 'Tệp rỗng', en: 'The file is empty' },
  'input.binary': { vi: 'Tệp nhị phân, không phải văn bản hay bảng tính', en: 'A binary file, not text or a workbook' },
  'input.not_utf8': { vi: 'Văn bản không phải UTF-8', en: 'The text is not UTF-8' },
  'input.xls': { vi: 'Tệp .xls cũ: hãy lưu thành .xlsx', en: 'An old .xls file: save it as .xlsx' },
  'input.too_large': { vi: 'Tệp quá lớn', en: 'The file is too large' },
  'input.too_many_rows': { vi: 'Quá nhiều dòng', en: 'Too many rows' },
  'input.too_many_columns': { vi: 'Quá nhiều cột', en: 'Too many columns' },
  'input.too_many_errors': { vi: 'Quá nhiều lỗi: dừng đọc', en: 'Too many errors: reading stopped' },
  'input.line_too_long': { vi: 'Một dòng quá dài', en: 'A line is too long' },
  'input.cell_too_long': { vi: 'Một ô quá dài', en: 'A cell is too long' },
  // CSV and XLSX
  'csv.unclosed_quote': { vi: 'Dấu ngoặc kép không được đóng', en: 'A quote is not closed' },
  'csv.text_after_quote': { vi: 'Có chữ sau dấu ngoặc kép đóng', en: 'Text after a closing quote' },
  'xlsx.not_xlsx': { vi: 'Không phải tệp .xlsx', en: 'Not an .xlsx file' },
  'xlsx.corrupt': { vi: 'Tệp .xlsx bị hỏng', en: 'The .xlsx file is corrupt' },
  'xlsx.truncated': { vi: 'Tệp .xlsx bị cắt cụt', en: 'The .xlsx file is truncated' },
  'xlsx.zip64': { vi: 'Tệp .xlsx quá lớn (ZIP64)', en: 'The .xlsx file is too large (ZIP64)' },
  'xlsx.too_many_parts': { vi: 'Tệp .xlsx có quá nhiều phần', en: 'The .xlsx file has too many parts' },
  'xlsx.too_large_unpacked': { vi: 'Tệp .xlsx quá lớn khi giải nén', en: 'The .xlsx file is too large unpacked' },
  'xlsx.overlapping_parts': { vi: 'Các phần của tệp .xlsx chồng lên nhau (tệp giả mạo)', en: 'Parts of the .xlsx file overlap (a crafted file)' },
  'xlsx.unsupported_compression': { vi: 'Tệp .xlsx nén theo cách không hỗ trợ', en: 'The .xlsx file uses an unsupported compression' },
  'xlsx.error_value': { vi: 'Ô có giá trị lỗi', en: 'A cell holds an error value' },
  'xlsx.missing_sheet': { vi: 'Thiếu một trang tính của mẫu', en: 'A sheet of the template is missing' },
  'xlsx.no_sheet': { vi: 'Tệp .xlsx không có trang tính', en: 'The .xlsx file has no sheet' },
  'xlsx.error_cell': { vi: 'Ô có lỗi (#N/A, #REF!…)', en: 'A cell holds an error (#N/A, #REF!…)' },
  'xlsx.formula_without_result': { vi: 'Ô là công thức chưa có giá trị đã tính', en: 'A formula cell without a saved result' },
  // Rosters (columns and cells)
  'roster.missing_column': { vi: 'Thiếu cột bắt buộc', en: 'A required column is missing' },
  'roster.unknown_column': { vi: 'Cột không dùng được', en: 'A column the toolkit does not know' },
  'roster.duplicate_column': { vi: 'Cột bị trùng', en: 'A duplicate column' },
  'roster.duplicate_id': { vi: 'Mã người bị trùng', en: 'A duplicate person id' },
  'roster.required': { vi: 'Ô bắt buộc bị trống', en: 'A required cell is empty' },
  'roster.cell_without_header': { vi: 'Ô có giá trị nhưng cột không có tiêu đề', en: 'A cell with a value under no header' },
  'roster.village_listed_required': { vi: 'Có thôn thì phải ghi thôn có thuộc Chương trình 135 không', en: 'A village needs whether it is on the Program 135 list' },
  'roster.invalid_id': { vi: 'Mã không hợp lệ', en: 'An invalid id' },
  'roster.invalid_text': { vi: 'Chữ không hợp lệ', en: 'Invalid text' },
  'roster.invalid_gender': { vi: 'Giới tính không hợp lệ', en: 'An invalid gender' },
  'roster.invalid_year': { vi: 'Năm không hợp lệ', en: 'An invalid year' },
  'roster.invalid_ethnicity': { vi: 'Dân tộc không hợp lệ', en: 'An invalid ethnic group' },
  'roster.invalid_role': { vi: 'Chức vụ không hợp lệ', en: 'An invalid role' },
  'roster.invalid_district_code': { vi: 'Mã huyện không hợp lệ', en: 'An invalid district code' },
  'roster.invalid_commune_code': { vi: 'Mã xã không hợp lệ', en: 'An invalid commune code' },
  'roster.invalid_yes_no': { vi: 'Không phải có/không', en: 'Not a yes or no' },
  'roster.invalid_years': { vi: 'Danh sách năm không hợp lệ', en: 'An invalid list of years' },
  'roster.invalid_class_levels': { vi: 'Cấp lớp không hợp lệ', en: 'An invalid class level' },
  // Packs
  'pack.unknown': { vi: 'Không có bộ quy tắc này', en: 'No such pack' },
  'pack.duplicate_id': { vi: 'Mã bị trùng trong bộ quy tắc', en: 'A duplicate id in the pack' },
  'pack.unknown_clause': { vi: 'Điều khoản không có trong mục clauses', en: 'A clause that is not in "clauses"' },
  'pack.unknown_parameter': { vi: 'Tham số không có trong mục parameters', en: 'A parameter that is not in "parameters"' },
  'pack.unknown_track': { vi: 'Loại lớp không có trong mục tracks', en: 'A track that is not in "tracks"' },
  'pack.unknown_fact': { vi: 'Fact không dùng được trong phạm vi này', en: 'A fact not available in the scope' },
  'pack.unknown_fact_param': { vi: 'Fact không nhận params này', en: 'A param the fact does not take' },
  'pack.missing_fact_param': { vi: 'Fact thiếu params', en: 'A param the fact needs is missing' },
  'pack.params_on_parameter': { vi: 'Tham số không nhận params', en: 'A parameter takes no params' },
  'pack.bad_category': { vi: 'Mục dự toán không hợp lệ', en: 'Not a budget category code' },
  'pack.unknown_operator': { vi: 'Toán tử không được phép', en: 'An operator that is not allowed' },
  'pack.float_operator_on_decimal': { vi: 'Số thập phân chính xác so sánh bằng toán tử số thực', en: 'An exact decimal compared with a float operator' },
  'pack.operator_type': { vi: 'Toán tử không hợp với kiểu của fact', en: 'An operator that does not fit the fact’s type' },
  'pack.points_not_integer': { vi: 'Điểm ưu tiên phải là số nguyên', en: 'Priority points must be a whole number' },
  'pack.parameter_value': { vi: 'Giá trị tham số không hợp với đơn vị', en: 'A parameter value that does not fit its unit' },
  'pack.unknown_code': { vi: 'Mã không có (chức vụ, dân tộc)', en: 'An unknown code (role, ethnic group)' },
  'pack.unknown_placeholder': { vi: 'Thông điệp dùng một tên không có giá trị', en: 'A message names something with no value' },
  'pack.missing_message': { vi: 'Thiếu thông điệp bắt buộc', en: 'A required message is missing' },
  'pack.tracks_not_applicable': { vi: 'Quy tắc phạm vi này không lọc theo loại lớp', en: 'Rules of this scope are not filtered by track' },
  'pack.track_without_eligibility': { vi: 'Loại lớp không có quy tắc đối tượng', en: 'A track without an eligibility rule' },
  'pack.track_without_cost': { vi: 'Loại lớp không có quy tắc chi phí', en: 'A track without a cost rule' },
  'pack.unused_parameter': { vi: 'Tham số không được dùng ở đâu', en: 'A parameter nothing uses' },
  'pack.rule_never_holds': { vi: 'Quy tắc không bao giờ đúng (điều kiện mâu thuẫn)', en: 'A rule that can never hold (contradicting conditions)' },
  'pack.override_unknown': { vi: 'Thay thế một mục không có trong bộ gốc', en: 'An override of something the base does not have' },
  'pack.not_a_list': { vi: 'Tham số không phải danh sách', en: 'The parameter is not a list' },
  'pack.base_version': { vi: 'Bộ quy tắc gốc khác phiên bản', en: 'The base pack is another version' },
  'pack.unknown_base': { vi: 'Không tìm thấy bộ quy tắc gốc', en: 'The base pack was not found' },
  'pack.base_invalid': { vi: 'Bộ quy tắc gốc không hợp lệ', en: 'The base pack is invalid' },
  'pack.extends_itself': { vi: 'Bộ quy tắc kế thừa chính nó', en: 'A pack that extends itself' },
  'pack.extends_cycle': { vi: 'Các bộ quy tắc kế thừa nhau thành vòng tròn', en: 'Packs that extend each other in a ring' },
  'pack.extends_too_deep': { vi: 'Chuỗi kế thừa quá dài', en: 'The chain of bases is too long' },
} as const satisfies Readonly<Record<string, Localized>>;

/** What zod reports, prefixed `schema.` (`schema.invalid_type`, `schema.too_big`…). */
export const SCHEMA_CODES = {
  'schema.invalid_type': { vi: 'Sai kiểu giá trị', en: 'A value of the wrong type' },
  'schema.invalid_value': { vi: 'Giá trị không nằm trong danh sách cho phép', en: 'A value outside the allowed list' },
  'schema.invalid_format': { vi: 'Sai định dạng', en: 'The wrong format' },
  'schema.invalid_union': { vi: 'Không khớp với dạng nào được phép', en: 'Matches none of the allowed shapes' },
  'schema.invalid_key': { vi: 'Khóa không hợp lệ', en: 'An invalid key' },
  'schema.invalid_element': { vi: 'Phần tử không hợp lệ', en: 'An invalid element' },
  'schema.too_big': { vi: 'Quá lớn hoặc quá dài', en: 'Too large or too long' },
  'schema.too_small': { vi: 'Quá nhỏ, quá ngắn hoặc bị thiếu', en: 'Too small, too short or missing' },
  'schema.not_multiple_of': { vi: 'Không phải bội số', en: 'Not a multiple' },
  'schema.unrecognized_keys': { vi: 'Trường không được biết', en: 'Fields that are not known' },
  'schema.custom': { vi: 'Không đúng quy định của trường', en: 'Breaks a rule of the field' },
} as const satisfies Readonly<Record<string, Localized>>;

export type ProblemCode = keyof typeof PROBLEM_CODES | keyof typeof SCHEMA_CODES;

/** What a code means, in vi and en; undefined for a code no table has. */
export function codeMeaning(code: string): Localized | undefined {
  if (Object.hasOwn(PROBLEM_CODES, code)) return PROBLEM_CODES[code as keyof typeof PROBLEM_CODES];
  if (Object.hasOwn(SCHEMA_CODES, code)) return SCHEMA_CODES[code as keyof typeof SCHEMA_CODES];
  return undefined;
}
