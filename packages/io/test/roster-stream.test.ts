import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IdIndex } from '../src/roster/id-index.js';
import { LineSplitter } from '../src/lines.js';
import { readRoster, withStreamLimits } from '../src/index.js';
import { type RosterPiece, streamRoster } from '../src/roster-stream.js';
import { book, EXAMPLES, itOutsideMutationRuns, lines, person, utf8, VI_HEADER } from './helpers.js';

/** Bytes as a stream of pieces of `size`. */
async function* pieces(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(bytes: Uint8Array, size: number, format: 'csv' | 'jsonl', name = 'ds.csv'): Promise<RosterPiece[]> {
  const out: RosterPiece[] = [];
  for await (const piece of streamRoster(pieces(bytes, size), book, { name, format })) out.push(piece);
  return out;
}

const csv = (...rows: string[][]) => utf8(`${rows.map((r) => r.join(',')).join('\r\n')}\r\n`);

describe('IdIndex', () => {
  it('answers exactly as a Map of first rows would, for short, long, Vietnamese and emoji ids', () => {
    const index = new IdIndex();
    const map = new Map<string, number>();
    let seed = 1;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const letters = ['a', 'B', '7', 'Đ', 'ư', '😀', '-', '/'];
    for (let i = 0; i < 50_000; i++) {
      const length = random() < 0.01 ? 200 + Math.floor(random() * 300) : 1 + Math.floor(random() * 4);
      let id = '';
      for (let k = 0; k < length; k++) id += letters[Math.floor(random() * letters.length)];
      const first = map.get(id);
      if (first === undefined) map.set(id, i);
      expect(index.firstOrAdd(id, i)).toBe(first);
    }
    expect(index.size).toBe(map.size);
  });
});

describe('LineSplitter', () => {
  it('gives what split(/\\r?\\n|\\r/) gives, whatever the pieces, even with CR and LF apart', () => {
    const text = 'a\r\nb\rc\n\nd\r';
    for (const size of [1, 2, 3, text.length]) {
      const splitter = new LineSplitter();
      const got = [];
      for (let i = 0; i < text.length; i += size) got.push(...splitter.push(text.slice(i, i + size)));
      got.push(splitter.end());
      expect(
        got.map((l) => l.text),
        `pieces of ${size}`,
      ).toEqual(text.split(/\r?\n|\r/));
      expect(got.map((l) => l.line)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });
});

describe('streamRoster', () => {
  itOutsideMutationRuns('reads the 16,600-person example CSV in pieces into the same people as readRoster', async () => {
    const bytes = new Uint8Array(readFileSync(`${EXAMPLES}candidates.csv`));
    const whole = await readRoster({ name: 'candidates.csv', bytes }, book, { limits: { maxRows: 20_000 } });
    const got = await collect(bytes, 65_536, 'csv');
    expect(got.flatMap((p) => p.errors)).toEqual([]);
    expect(got.flatMap((p) => p.candidates)).toEqual(whole.candidates);
    expect(got.at(-1)).toMatchObject({ rows: 16_601, bytes: bytes.length });
  });

  it('stops giving people at the first bad row, and goes on reading to list every problem, with row and column', async () => {
    const rows = [VI_HEADER, person({}, 'LS-1'), person({}, 'LS-2'), person({ 2: 'X' }, 'LS-3'), person({}, 'LS-4'), person({}, 'LS-1'), person({ 3: '85' }, 'LS-6')];
    const got = await collect(csv(...rows), 7, 'csv');
    expect(got.flatMap((p) => p.candidates).map((c) => c.id)).toEqual(['LS-1', 'LS-2']);
    expect(lines(got.flatMap((p) => p.errors))).toEqual([
      expect.stringMatching(/^ds\.csv dòng 4, cột "Giới tính": giới tính "X" không hợp lệ/),
      'ds.csv dòng 6, cột "Mã": mã "LS-1" trùng với dòng 2',
      expect.stringMatching(/^ds\.csv dòng 7, cột "Năm sinh": "85" không phải là năm/),
    ]);
  });

  it('has no row or byte limit unless one is given', async () => {
    expect(withStreamLimits()).toMatchObject({ maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER, maxCellChars: 10_000 });
    const rows = [VI_HEADER, ...Array.from({ length: 5 }, (_, i) => person({}, `LS-${i}`))];
    const out: RosterPiece[] = [];
    for await (const p of streamRoster(pieces(csv(...rows), 16), book, { name: 'ds.csv', format: 'csv', limits: { maxRows: 3 } })) out.push(p);
    expect(lines(out.flatMap((p) => p.errors))).toEqual(['ds.csv dòng 5: tệp có hơn 3 dòng dữ liệu']);
    expect(out.flatMap((p) => p.candidates)).toHaveLength(3);
  });

  it('stops at once on bytes that cannot be read, naming the line', async () => {
    const bytes = new Uint8Array([...csv(VI_HEADER, person({}, 'LS-1')), 0xff, 0x0a]);
    const got = await collect(bytes, 5, 'csv');
    expect(lines(got.flatMap((p) => p.errors))).toEqual(['ds.csv dòng 3: tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng "CSV UTF-8" hoặc XLSX']);
  });

  it('reads JSON Lines of candidate objects a line at a time, and of flat rows whole', async () => {
    const people = JSON.parse(readFileSync(`${EXAMPLES}candidates.json`, 'utf8')).slice(0, 30) as { id: string }[];
    const objects = utf8(people.map((p) => JSON.stringify(p)).join('\r\n'));
    const got = await collect(objects, 100, 'jsonl', 'p.jsonl');
    expect(got.flatMap((p) => p.candidates).map((c) => c.id)).toEqual(people.map((p) => p.id));
    expect(got.length).toBeGreaterThan(10);

    const repeated = utf8([...people.slice(0, 3), people[1]].map((p) => JSON.stringify(p)).join('\n'));
    expect(lines((await collect(repeated, 50, 'jsonl', 'p.jsonl')).flatMap((p) => p.errors))).toEqual([`p.jsonl dòng 4, $.id: mã "${people[1]?.id}" trùng với dòng 2`]);

    const flat = utf8(
      [{ ...Object.fromEntries(VI_HEADER.map((h, k) => [h, person({}, 'LS-1')[k]])) }, { ...Object.fromEntries(VI_HEADER.map((h, k) => [h, person({}, 'LS-2')[k]])) }]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    expect((await collect(flat, 10, 'jsonl', 'f.jsonl')).flatMap((p) => p.candidates).map((c) => c.id)).toEqual(['LS-1', 'LS-2']);
  });
});
