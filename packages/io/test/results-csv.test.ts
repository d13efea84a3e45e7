import { readFileSync } from 'node:fs';
import { type Candidate, type Plan, parsePlan, parseResults, type Results } from '@p135/rules';
import { beforeAll, describe, expect, it } from 'vitest';
import { readResults, resultsSheets, resultsTemplate, sheetsCsv, toXlsx } from '../src/index.js';
import { book, EXAMPLES, exampleCandidates, itOutsideMutationRuns, utf8 } from './helpers.js';

let plan: Plan;
let roster: Map<string, Candidate>;
const example = (file: string): Results => parseResults(JSON.parse(readFileSync(`${EXAMPLES}results/${file}`, 'utf8')), book).value as Results;

beforeAll(() => {
  plan = parsePlan(JSON.parse(readFileSync(`${EXAMPLES}plan.json`, 'utf8')), book).value as Plan;
  roster = new Map(exampleCandidates().map((c) => [c.id, c] as const));
}, 60_000);

describe('the results CSV (the results workbook as one CSV, section by section)', () => {
  it.each(['district-183.json', 'province.json'])('reads back %s exactly as its JSON, in Vietnamese and English headers', async (file) => {
    const results = example(file);
    for (const lang of ['vi', 'en'] as const) {
      const csv = sheetsCsv(resultsSheets(results, lang));
      const read = await readResults({ name: 'ket-qua.csv', bytes: utf8(csv) }, book, { plan, roster });
      expect(read.errors).toEqual([]);
      expect(read.results).toEqual(results);
    }
  });

  itOutsideMutationRuns('reads the same value from the workbook and from the CSV', async () => {
    const results = example('district-180.json');
    const xlsx = await readResults({ name: 'ket-qua.xlsx', bytes: await toXlsx(resultsSheets(results, 'vi')) }, book, { plan, roster });
    const csv = await readResults({ name: 'ket-qua.csv', bytes: utf8(sheetsCsv(resultsSheets(results, 'vi'))) }, book, { plan, roster });
    expect(csv.results).toEqual(xlsx.results);
    expect(csv.results).toEqual(results);
  });

  it('is recognised without a .csv name, with ";" as Excel writes it in a Vietnamese locale, and skips the track list of the template', async () => {
    const results = example('district-181.json');
    const sheets = [...resultsSheets(results, 'vi'), resultsTemplate(book, plan, 'vi', '181').at(-1) as ReturnType<typeof resultsTemplate>[number]];
    const csv = sheetsCsv(sheets)
      .split('\r\n')
      .map((l) => l.replace(/,/g, ';'))
      .join('\r\n');
    const read = await readResults({ name: 'ket-qua', bytes: utf8(csv) }, book, { plan, roster });
    expect(read.errors).toEqual([]);
    expect(read.results?.classes.length).toBe(results.classes.length);
  });

  it('places each problem at its file, CSV row, section and JSON path', async () => {
    const results = example('district-183.json');
    const lines = sheetsCsv(resultsSheets(results, 'vi')).split('\r\n');
    const first = lines.indexOf('Học viên') + 2; // the first attendance row (0-based line)
    lines[first] = `${lines[first]?.split(',')[0]},HV-KHONG-CO`;
    const read = await readResults({ name: 'ket-qua.csv', bytes: utf8(lines.join('\r\n')) }, book, { plan, roster });
    expect(read.results).toBeUndefined();
    expect(read.errors).toHaveLength(1);
    expect(read.errors[0]?.code).toBe('input.unknown_trainee');
    expect(read.errors[0]?.place).toEqual({ file: 'ket-qua.csv', row: first + 1, column: 'Học viên', path: '$.classes[0].trainees[0]' });
  });

  it('says which section is missing, and what a results CSV looks like, when it has no title lines', async () => {
    const noAttendance = sheetsCsv(resultsSheets(example('district-180.json'), 'vi').filter((s) => s.name !== 'Học viên'));
    const a = await readResults({ name: 'kq.csv', bytes: utf8(noAttendance) }, book);
    expect(a.errors.map((e) => [e.code, e.message.vi])).toEqual([['csv.missing_section', expect.stringContaining('thiếu phần "học viên"')]]);
    const bare = await readResults({ name: 'kq.csv', bytes: utf8('Mã lớp,Mã học viên\r\nL1,HV1\r\n') }, book);
    expect(bare.errors).toHaveLength(1);
    expect(bare.errors[0]).toMatchObject({ code: 'csv.missing_section', place: { file: 'kq.csv', row: 1 } });
    expect(bare.errors[0]?.message.en).toContain('"Report"');
  });

  it('refuses a section given twice, an unknown column and a broken quote, never throwing', async () => {
    const csv = sheetsCsv(resultsSheets(example('district-180.json'), 'vi'));
    const twice = await readResults({ name: 'kq.csv', bytes: utf8(`${csv}\r\nKinh phí\r\nMã lớp hoặc đoàn,Dòng dự toán,Số tiền (đồng)\r\n`) }, book);
    expect(twice.errors[0]?.code).toBe('input.duplicate_id');
    const renamed = await readResults({ name: 'kq.csv', bytes: utf8(csv.replace('Mã học viên', 'Mã HV')) }, book);
    expect(renamed.errors[0]).toMatchObject({ code: 'input.missing_column', place: { column: 'Học viên: Mã học viên' } });
    const quote = await readResults({ name: 'kq.csv', bytes: utf8('Báo cáo\r\n"Mã huyện,Ngày gửi\r\n') }, book);
    expect(quote.errors[0]?.code).toBe('csv.unclosed_quote');
  });
});
