import { parseCsv } from '../csv-read.js';
import type { ReadLimits } from '../limits.js';
import { type InputError, inputError } from '../place.js';
import { isBlankRow } from '../table.js';
import { partOfName, type RawRow, type ResultsParts, resultsFromParts, type WorkbookResults } from './from-workbook.js';

/** The one text of a row whose other cells are empty (a section title), else undefined. */
function titleOf(cells: readonly string[]): string | undefined {
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length === 1 && (cells[0] ?? '').trim() !== '' ? (cells[0] as string).trim() : undefined;
}

/**
 * The results CSV (`p135 report template -o ket-qua.csv`, or `resultsCsv`): the sheets of the results
 * workbook one after another in one CSV, each under a line holding only its name ("Báo cáo",
 * "Lớp đã tổ chức", "Học viên", "Đoàn tham quan", "Kinh phí", or the English names), then its header
 * line and its rows, with an empty line between sections — the layout `p135 report … --format csv`
 * writes its tables in. A section of another name after an empty line (the track list) is skipped.
 * Problems are placed at their CSV row and section, as the workbook's at their sheet row.
 */
export function resultsFromCsv(text: string, limits: ReadLimits): WorkbookResults {
  const read = parseCsv(text, limits);
  if (read.errors.length) return { places: new Map(), errors: read.errors };
  const parts: ResultsParts = {};
  const errors: InputError[] = [];
  let current: { name: string; rows: RawRow[] } | undefined;
  let skipping = false;
  let afterBlank = true;
  for (const r of read.rows) {
    const row = r.place.row ?? 0;
    if (isBlankRow(r.cells)) {
      afterBlank = true;
      continue;
    }
    const title = titleOf(r.cells);
    const key = title === undefined ? undefined : partOfName(title);
    if (title !== undefined && (key !== undefined || afterBlank)) {
      afterBlank = false;
      if (key && !parts[key]) {
        current = { name: title, rows: [] };
        parts[key] = current;
        skipping = false;
      } else if (key) {
        errors.push(inputError({ row }, 'input.duplicate_id', `phần "${title}" đã có ở trên; mỗi phần ghi một lần`, `the section "${title}" appears twice; give each section once`));
        skipping = true;
      } else skipping = true;
      continue;
    }
    afterBlank = false;
    if (skipping) continue;
    if (!current) {
      errors.push(
        inputError(
          { row },
          'csv.missing_section',
          'dòng đầu của tệp CSV kết quả phải là tên phần "Báo cáo" (rồi dòng tiêu đề cột); hãy dùng mẫu CSV của "p135 report template"',
          'the results CSV must start with a line holding the section name "Report" ("Báo cáo"), then its header line; start from the CSV of "p135 report template"',
        ),
      );
      return { places: new Map(), errors };
    }
    current.rows.push({ row, cells: r.cells });
  }
  if (errors.length) return { places: new Map(), errors };
  return resultsFromParts(parts, 'csv');
}
