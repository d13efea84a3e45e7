/**
 * The words officials write are data in the pack: every alias and vocabulary word of the bundled
 * pack, read through the real reader (`readRoster` on CSV bytes), gives its value; the same with
 * the words in NFD, in capitals, with other spacing, and (roles) with or without "xã". A province
 * adds its own words in an `extends` pack, without code; a word for two values is refused.
 */
import { bundledPack, createRulebook, packWords, parsePack, ROSTER_COLUMN_KEYS, type Rulebook } from '@p135/rules';
import { describe, expect, it } from 'vitest';
import { formatInputError, readRoster } from '../src/index.js';
import { columnByKey, ROSTER_COLUMNS, rosterHeaders } from '../src/roster/columns.js';
import { book, person, utf8, VI_HEADER } from './helpers.js';

const quote = (c: string) => (/[",;\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const csv = (rows: string[][]) => utf8([VI_HEADER, ...rows].map((r) => r.map(quote).join(',')).join('\r\n'));
const table = (rows: string[][]) => utf8(rows.map((r) => r.map(quote).join(',')).join('\r\n'));

function valueAt(c: unknown, path: readonly string[]): unknown {
  let v = c;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/**
 * For a column the default header (VI_HEADER) does not have: a cell for it, the value it reads as,
 * and the other columns it needs beside it (a village's values are read only for a named village).
 */
const EXTRA: Readonly<Record<string, { cell: string; value: unknown; with?: Record<string, string> }>> = {
  commune_struck_off: { cell: 'Có', value: true },
  village: { cell: 'Thôn Nà Lầu', value: 'Thôn Nà Lầu', with: { village_listed: 'Có' } },
  village_code: { cell: 'T-07', value: 'T-07', with: { village: 'Thôn Nà Lầu', village_listed: 'Có' } },
  village_listed: { cell: 'Có', value: true, with: { village: 'Thôn Nà Lầu' } },
  village_struck_off: { cell: 'Có', value: true, with: { village: 'Thôn Nà Lầu', village_listed: 'Có' } },
  province_training_years: { cell: '2018; 2019', value: [2018, 2019] },
  plan_year_classes: { cell: 'huyện', value: ['district'] },
};

/** Every word the pack writes for a value (role aliases and the vocabulary), with the column it goes in and what it must read as. */
function packWordsOf(b: Rulebook): { column: number; word: string; expected: string | boolean; field: (c: Record<string, unknown>) => unknown }[] {
  const p = b.pack;
  const role = (c: Record<string, unknown>) => c.role;
  const out: ReturnType<typeof packWordsOf> = [];
  for (const r of p.roles) for (const a of r.aliases ?? []) out.push({ column: 5, word: a, expected: r.code, field: role });
  for (const e of p.vocabulary?.roles ?? []) for (const w of e.words) out.push({ column: 5, word: w, expected: e.value, field: role });
  for (const e of p.vocabulary?.ethnicities ?? []) for (const w of e.words) out.push({ column: 4, word: w, expected: e.value, field: (c) => c.ethnicity });
  for (const e of p.vocabulary?.genders ?? []) for (const w of e.words) out.push({ column: 2, word: w, expected: e.value, field: (c) => c.gender });
  for (const e of p.vocabulary?.yesNo ?? [])
    for (const w of e.words) out.push({ column: 10, word: w, expected: e.value === 'yes', field: (c) => (c.commune as { p135: { listed: boolean } }).p135.listed });
  return out;
}

/** The same word as people also type it: decomposed accents (NFD), capitals, doubled spaces. */
const spellings = (w: string) => [w, w.normalize('NFD'), w.toLocaleUpperCase('vi'), w.replace(/ /g, '  ')];

describe("the column headers are the pack's words, through the real reader", () => {
  const names = rosterHeaders(packWords(book.pack));
  const plain = VI_HEADER.map((h) => names.columnFor(h)?.key);

  it('every header word of the bundled pack names its column, in NFC or NFD, any case and spacing', async () => {
    const entries = book.pack.vocabulary?.headers ?? [];
    expect(new Set(entries.map((e) => e.value))).toEqual(new Set(ROSTER_COLUMN_KEYS));
    let read = 0;
    for (const entry of entries) {
      const col = columnByKey(entry.value);
      for (const word of entry.words)
        for (const text of spellings(word)) {
          const at = plain.indexOf(col.key);
          let header = [...VI_HEADER];
          let row = person();
          let expected = valueAt((await readRoster({ name: 'a.csv', bytes: csv([row]) }, book)).candidates[0], col.field);
          if (at >= 0) header[at] = text;
          else {
            const extra = EXTRA[col.key];
            if (!extra) throw new Error(`no sample cell for ${col.key}`);
            const beside = Object.entries(extra.with ?? {});
            header = [...header, text, ...beside.map(([k]) => names.vi(columnByKey(k)))];
            row = [...row, extra.cell, ...beside.map(([, v]) => v)];
            expected = extra.value;
          }
          const r = await readRoster({ name: 'tieu-de.csv', bytes: table([header, row]) }, book);
          expect(
            r.errors.map((e) => formatInputError(e, 'vi')),
            text,
          ).toEqual([]);
          expect(r.warnings, text).toEqual([]);
          expect(valueAt(r.candidates[0], col.field), text).toEqual(expected);
          expect(expected, text).not.toBeUndefined();
          read++;
        }
    }
    expect(read).toBeGreaterThanOrEqual(4 * 26);
  });

  it("a file written by the toolkit uses the first word of each column (the pack's Vietnamese header)", () => {
    for (const c of ROSTER_COLUMNS) expect(names.vi(c)).toBe(book.pack.vocabulary?.headers.find((e) => e.value === c.key)?.words[0]);
    expect(names.vi(columnByKey('full_name'))).toBe('Họ và tên');
  });

  it('a province adds a header in an extends pack, without code: read, and suggested for a misspelt one', async () => {
    const ext = {
      format: 1,
      id: 'tinh-thu-2021',
      version: '0.1.0',
      extends: { pack: 'lang-son-2020' },
      vocabulary: {
        headers: [
          { value: 'full_name', words: ['Tên học viên'], assumption: { vi: 'Cách ghi của tỉnh.', en: 'The province’s way.' } },
          { value: 'commune_listed', words: ['Xã ĐBKK'], assumption: { vi: 'Cách ghi của tỉnh.', en: 'The province’s way.' } },
        ],
      },
    };
    const parsed = parsePack(ext, { resolveBase: () => book.pack });
    expect(parsed.errors).toEqual([]);
    const theirs = createRulebook(parsed.value as NonNullable<typeof parsed.value>);
    const header = VI_HEADER.map((h) => (h === 'Họ và tên' ? 'TÊN HỌC VIÊN' : h === 'Xã thuộc CT135' ? 'Xã ĐBKK' : h));
    const bytes = table([header, person({ 1: 'Nông Văn Dũng' })]);
    const r = await readRoster({ name: 'tinh-thu.csv', bytes }, theirs);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.candidates.map((c) => [c.name, c.commune.p135.listed])).toEqual([['Nông Văn Dũng', true]]);
    // the base's headers still read in the province's pack
    expect((await readRoster({ name: 'a.csv', bytes: csv([person()]) }, theirs)).errors).toEqual([]);
    // a misspelt header of the province is suggested from its pack
    const typo = await readRoster({ name: 'sai.csv', bytes: table([header.map((h) => (h === 'TÊN HỌC VIÊN' ? 'Tên học vien x' : h)), person()]) }, theirs);
    expect(typo.errors.map((e) => e.message.vi)).toEqual([expect.stringContaining('cột "Tên học vien x" có phải là cột này?')]);
    // the base pack does not know the province's headers
    const base = await readRoster({ name: 'tinh-thu.csv', bytes }, book);
    expect(base.errors.map((e) => e.code)).toEqual(['roster.missing_column', 'roster.missing_column']);
  });

  it('a header for two columns, or for a column that does not exist, is a problem of the pack, named where it is', () => {
    const ext = {
      format: 1,
      id: 'tinh-thu-2021',
      version: '0.1.0',
      extends: { pack: 'lang-son-2020' },
      vocabulary: {
        headers: [
          { value: 'commune_name', words: ['HỌ  TÊN'], assumption: { vi: 'thử', en: 'a test' } },
          { value: 'phone', words: ['Số điện thoại'], assumption: { vi: 'thử', en: 'a test' } },
        ],
      },
    };
    const parsed = parsePack(ext, { resolveBase: () => book.pack });
    expect(parsed.value).toBeUndefined();
    // the lists are appended to the base's: the province's entries follow the base's
    const n = book.pack.vocabulary?.headers.length ?? 0;
    expect(parsed.errors.map((e) => [e.code, e.path])).toEqual([
      ['pack.unknown_code', `$.vocabulary.headers[${n + 1}].value`],
      ['pack.ambiguous_word', `$.vocabulary.headers[${n}].words[0]`],
    ]);
    expect(parsed.errors[1]?.message.vi).toContain('"HỌ  TÊN" (cột danh sách / roster column) chỉ hai giá trị khác nhau: "full_name"');
  });
});

describe('the vocabulary of the pack, through the real reader', () => {
  it('every alias and vocabulary word of the bundled pack reads as its value, in NFC or NFD, any case and spacing', async () => {
    const words = packWordsOf(book);
    expect(words.length).toBeGreaterThan(150);
    const rows: string[][] = [];
    const expected: { id: string; expected: string | boolean; field: (c: Record<string, unknown>) => unknown; word: string }[] = [];
    words.forEach((w, i) =>
      spellings(w.word).forEach((text, j) => {
        const id = `W-${i}-${j}`;
        rows.push(person({ [w.column]: text }, id));
        expected.push({ id, expected: w.expected, field: w.field, word: text });
      }),
    );
    const r = await readRoster({ name: 'tu-vung.csv', bytes: csv(rows) }, book);
    expect(r.errors.map((e) => formatInputError(e, 'vi'))).toEqual([]);
    const byId = new Map(r.candidates.map((c) => [c.id, c as unknown as Record<string, unknown>]));
    for (const e of expected) expect(e.field(byId.get(e.id) ?? {}), e.word).toBe(e.expected);
  });

  it('a role written with or without "xã" is the same role', async () => {
    const rows = book.pack.roles.flatMap((r, i) => [r.label.vi, ...(r.aliases ?? [])].map((w, j) => person({ 5: /\sxã$/u.test(w) ? w.replace(/\sxã$/u, '') : `${w} xã` }, `X-${i}-${j}`)));
    const r = await readRoster({ name: 'xa.csv', bytes: csv(rows) }, book);
    expect(r.errors.map((e) => formatInputError(e, 'vi'))).toEqual([]);
    expect(r.candidates.map((c) => c.role)).toEqual(book.pack.roles.flatMap((role) => [role.label.vi, ...(role.aliases ?? [])].map(() => role.code)));
  });

  it('every footer word of the pack ends the list: the rows below are not read', async () => {
    for (const footer of book.pack.vocabulary?.footers ?? []) {
      const text = footer.replaceAll('…', ' 15 ');
      const r = await readRoster({ name: 'cuoi.csv', bytes: csv([person({}, 'A'), ['', text], person({}, 'B')]) }, book);
      expect(r.errors, footer).toEqual([]);
      expect(
        r.candidates.map((c) => c.id),
        footer,
      ).toEqual(['A']);
      expect(r.warnings.map((w) => [w.code, w.place.row])).toEqual([['roster.footer', 3]]);
    }
  });

  it('a province adds its own words in an extends pack, without code', async () => {
    const ext = {
      format: 1,
      id: 'tinh-thu-2021',
      version: '0.1.0',
      extends: { pack: 'lang-son-2020' },
      vocabulary: {
        roles: [
          {
            value: 'non_specialised_worker',
            words: ['Trưởng xóm', 'Trưởng tổ dân phố'],
            assumption: { vi: 'Tỉnh gọi trưởng thôn là trưởng xóm.', en: 'The province calls village heads trưởng xóm.' },
          },
        ],
        ethnicities: [{ value: '07', words: ['Nùng Khèn Lài'], assumption: { vi: 'Nhóm địa phương.', en: 'A local subgroup.' } }],
        yesNo: [{ value: 'yes', words: ['Đạt'], assumption: { vi: 'Cách ghi của tỉnh.', en: 'The province’s way.' } }],
      },
    };
    const parsed = parsePack(ext, { resolveBase: () => book.pack });
    expect(parsed.errors).toEqual([]);
    const theirs = createRulebook(parsed.value as NonNullable<typeof parsed.value>);
    const bytes = csv([person({ 5: 'Trưởng xóm', 4: 'Nùng Khèn Lài', 10: 'Đạt' }, 'P-1'), person({ 5: 'Trưởng thôn' }, 'P-2')]);
    const r = await readRoster({ name: 'tinh-thu.csv', bytes }, theirs);
    expect(r.errors).toEqual([]);
    expect(r.candidates.map((c) => [c.role, c.ethnicity, c.commune.p135.listed])).toEqual([
      ['non_specialised_worker', '07', true],
      ['non_specialised_worker', '02', true],
    ]);
    // the base pack does not know the province's words
    const base = await readRoster({ name: 'tinh-thu.csv', bytes }, book);
    expect(base.errors.map((e) => e.code)).toEqual(['roster.invalid_ethnicity', 'roster.invalid_role', 'roster.invalid_yes_no']);
  });

  it("a province's own role takes its name from the base's vocabulary: example-2021's village_head is \"Trưởng thôn\"", async () => {
    const example = createRulebook(bundledPack('example-2021') as NonNullable<ReturnType<typeof bundledPack>>);
    const bytes = csv([person({ 5: 'Trưởng thôn' }, 'P-1'), person({ 5: 'Trưởng bản' }, 'P-2'), person({ 5: 'Bí thư chi bộ thôn' }, 'P-3')]);
    const r = await readRoster({ name: 'vd.csv', bytes }, example);
    expect(r.errors).toEqual([]);
    expect(r.candidates.map((c) => c.role)).toEqual(['village_head', 'village_head', 'non_specialised_worker']);
  });

  it('a word that means two different values is a problem of the pack, named where it is', () => {
    const ext = {
      format: 1,
      id: 'tinh-thu-2021',
      version: '0.1.0',
      extends: { pack: 'lang-son-2020' },
      vocabulary: {
        roles: [{ value: 'committee_chair', words: ['Trưởng  THÔN'], assumption: { vi: 'thử', en: 'a test' } }],
        ethnicities: [{ value: '99', words: ['Ai đó'], assumption: { vi: 'thử', en: 'a test' } }],
      },
    };
    const parsed = parsePack(ext, { resolveBase: () => book.pack });
    expect(parsed.value).toBeUndefined();
    const codes = parsed.errors.map((e) => e.code);
    expect(codes).toContain('pack.ambiguous_word');
    expect(codes).toContain('pack.unknown_code');
    const ambiguous = parsed.errors.find((e) => e.code === 'pack.ambiguous_word');
    expect(ambiguous?.message.vi).toContain('"Trưởng  THÔN" (chức vụ / role) chỉ hai giá trị khác nhau: "non_specialised_worker"');
    expect(packWords(book.pack).problems).toEqual([]);
  });
});
