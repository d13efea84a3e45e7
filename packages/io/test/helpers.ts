import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledPack, type Candidate, createRulebook, parseCandidates } from '@p135/rules';
import { formatInputError, type InputError } from '../src/index.js';
import { type TableRow } from '../src/table.js';
import { it } from 'vitest';

/**
 * `it`, except in mutation runs (`P135_MUTATION=1`, set by stryker.shared.mjs), where the test is
 * skipped: the few tests that read or write the big example files (the 16,600-person roster, the
 * plan template as a workbook, a zip bomb inflated to its limit) take most of the suite's time, and
 * under Stryker every surviving mutant they cover would pay for them again. Smaller tests of the
 * same readers still run; these still run in `pnpm test`.
 */
export const itOutsideMutationRuns: ReturnType<typeof it.skipIf> = it.skipIf(process.env.P135_MUTATION === '1');

const pack = bundledPack();
if (!pack) throw new Error('no bundled pack');
export const book = createRulebook(pack);

export const EXAMPLES = fileURLToPath(new URL('../../../examples/lang-son-2020/', import.meta.url));

let example: Candidate[] | undefined;
/** The 16,600 people of examples/lang-son-2020/candidates.json, validated. */
export function exampleCandidates(): Candidate[] {
  if (!example) {
    const r = parseCandidates(JSON.parse(readFileSync(`${EXAMPLES}candidates.json`, 'utf8')), book);
    if (!r.value) throw new Error('example candidates do not validate');
    example = r.value;
  }
  return example;
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Rows of a CSV-like grid as read from a spreadsheet, header = row 1. */
export const grid = (...rows: string[][]): TableRow[] => rows.map((cells, i) => ({ place: { row: i + 1 }, cells }));

export const VI_HEADER = ['Mã', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Dân tộc', 'Chức vụ', 'Mã huyện', 'Huyện', 'Mã xã', 'Xã', 'Xã thuộc CT135'];
export const EN_HEADER = ['id', 'full_name', 'gender', 'birth_year', 'ethnicity', 'role', 'district_code', 'district_name', 'commune_code', 'commune_name', 'commune_listed'];

/** A valid row for VI_HEADER / EN_HEADER, with some cells replaced. */
export function person(over: Partial<Record<number, string>> = {}, id = 'LS-1'): string[] {
  const base = [id, 'Hoàng Thị Mai', 'Nữ', '1985', 'Tày', 'Chủ tịch UBND xã', '180', 'Huyện Tràng Định', '05998', 'Xã Khánh Long', 'Có'];
  return base.map((v, i) => over[i] ?? v);
}

export const lines = (errors: readonly InputError[], lang: 'vi' | 'en' = 'vi'): string[] => errors.map((e) => formatInputError(e, lang));

/** A workbook as Excel saves one: a sheet named "Danh sách" filled by `fill`, as the bytes of an XLSX file. */
export async function workbookBytes(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('Danh sách'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
