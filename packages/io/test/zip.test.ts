import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateWithin, listZipEntries, looksLikeZip, withZipTimestamps, type ZipEntry, zipEntryData } from '../src/zip.js';
import { type CraftedEntry, craftZip, type ZipLayout } from './zips.js';
import { utf8 } from './helpers.js';

// The ZIP checks an XLSX file passes before it is unpacked: whole, not zip64, entries where the
// directory says, and no more bytes unpacked than the limit, however the headers lie.

const stored = (name: string, text: string): CraftedEntry => ({ name, data: utf8(text), method: 0, declared: utf8(text).length });
const deflated = (name: string, text: string): CraftedEntry => ({ name, data: new Uint8Array(deflateRawSync(Buffer.from(text))), method: 8, declared: utf8(text).length });
const TWO = [stored('[Content_Types].xml', '<Types/>'), deflated('xl/workbook.xml', '<workbook>Danh sách</workbook>')];

function entries(zip: Uint8Array): ZipEntry[] {
  const listed = listZipEntries(zip);
  if (!('entries' in listed)) throw new Error(`not listed: ${listed.problem}`);
  return listed.entries;
}

/** A copy of `zip` with the little-endian number at `at` (2 or 4 bytes) set to `value`. */
function patched(zip: Uint8Array, at: number, bytes: 2 | 4, value: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  if (bytes === 2) view.setUint16(at, value, true);
  else view.setUint32(at, value, true);
  return out;
}

const endRecord = (zip: Uint8Array, comment = 0) => zip.length - 22 - comment;
const text = (zip: Uint8Array, e: ZipEntry) => new TextDecoder().decode(zipEntryData(zip, e));

describe('listing the entries of a ZIP file', () => {
  it('lists every entry with its name, method and sizes, whatever extra fields and comments the records carry', () => {
    const layouts: ZipLayout[] = [{}, { localExtra: 9 }, { centralExtra: 7 }, { centralComment: 5 }, { localExtra: 4, centralExtra: 6, centralComment: 3, comment: 11 }, { reversed: true }];
    for (const layout of layouts) {
      const zip = craftZip(TWO, [], layout);
      const listed = entries(zip);
      const names = listed.map((e) => e.name);
      expect(names, JSON.stringify(layout)).toEqual(layout.reversed ? ['xl/workbook.xml', '[Content_Types].xml'] : ['[Content_Types].xml', 'xl/workbook.xml']);
      const types = listed.find((e) => e.name === '[Content_Types].xml') as ZipEntry;
      expect(types).toMatchObject({ method: 0, compressedSize: 8, uncompressedSize: 8, localOffset: 0 });
      expect(text(zip, types), JSON.stringify(layout)).toBe('<Types/>');
    }
  });

  it('finds the end of the directory behind the longest comment a ZIP may carry (65,535 bytes), and lists an empty ZIP', () => {
    const zip = craftZip(TWO, [], { comment: 0xffff });
    expect(entries(zip).map((e) => e.name)).toEqual(['[Content_Types].xml', 'xl/workbook.xml']);
    // an empty ZIP is its end record alone, 22 bytes from offset 0
    expect(listZipEntries(craftZip([]))).toEqual({ entries: [] });
    expect(listZipEntries(craftZip([], [], { comment: 0xffff }))).toEqual({ entries: [] });
  });

  it('lists an entry with no name and no data, whose records end exactly where the next begins', () => {
    const zip = craftZip([{ name: '', data: new Uint8Array(), method: 0, declared: 0 }]);
    expect(zip.length).toBe(30 + 46 + 22);
    expect(entries(zip)).toEqual([{ name: '', method: 0, compressedSize: 0, uncompressedSize: 0, localOffset: 0, centralOffset: 30 }]);
  });

  it('tells a file that is not a ZIP from a ZIP cut off before its end record', () => {
    expect(listZipEntries(utf8('Mã,Họ và tên\nLS-1,Hoàng Văn A\n'))).toEqual({ problem: 'not_zip' });
    expect(listZipEntries(new Uint8Array())).toEqual({ problem: 'not_zip' });
    const zip = craftZip(TWO);
    expect(listZipEntries(zip.subarray(0, zip.length - 30))).toEqual({ problem: 'truncated' });
    // the 4 bytes of a local header's signature, and nothing more
    expect(looksLikeZip(zip.subarray(0, 4))).toBe(true);
    expect(looksLikeZip(zip.subarray(0, 3))).toBe(false);
    expect(listZipEntries(zip.subarray(0, 4))).toEqual({ problem: 'truncated' });
  });

  it('refuses zip64 (more than 65,534 entries or 4 GiB), told by any one of the three fields of the end record', () => {
    const zip = craftZip(TWO);
    const end = endRecord(zip);
    expect(listZipEntries(patched(zip, end + 10, 2, 0xffff))).toEqual({ problem: 'zip64' });
    expect(listZipEntries(patched(zip, end + 12, 4, 0xffffffff))).toEqual({ problem: 'zip64' });
    expect(listZipEntries(patched(zip, end + 16, 4, 0xffffffff))).toEqual({ problem: 'zip64' });
  });

  it('refuses as truncated a directory that runs past its end record, or lists more entries than it holds', () => {
    const zip = craftZip(TWO);
    const end = endRecord(zip);
    const size = new DataView(zip.buffer).getUint32(end + 12, true);
    expect(listZipEntries(patched(zip, end + 12, 4, size + 1))).toEqual({ problem: 'truncated' });
    expect(listZipEntries(patched(zip, end + 12, 4, size))).toEqual({ entries: entries(zip) });
    // the directory says 3 entries; the third would start at the end record
    expect(listZipEntries(patched(zip, end + 10, 2, 3))).toEqual({ problem: 'truncated' });
  });

  it('refuses a directory record that would run into the end record, even with a record signature where it begins', () => {
    const zip = craftZip([stored('big.xml', 'x'.repeat(2000)), stored('b.xml', 'y')], [], { centralComment: 8, comment: 16 });
    const end = endRecord(zip, 16);
    const second = entries(zip)[1] as ZipEntry;
    // the second record's comment is said to be empty: a third record would begin 8 bytes before the end record
    let bad = patched(zip, second.centralOffset + 32, 2, 0);
    bad = patched(bad, end + 10, 2, 3);
    bad = patched(bad, end - 8, 4, 0x02014b50);
    // where that record's local-header offset would be read (in the ZIP's comment): 0, a real local header
    bad = patched(bad, end + 22 + 12, 4, 0);
    expect(listZipEntries(bad)).toEqual({ problem: 'truncated' });
  });

  it('refuses as truncated a directory record without its signature, or an entry whose local header is not where it says', () => {
    const zip = craftZip(TWO);
    const [first, second] = entries(zip) as [ZipEntry, ZipEntry];
    expect(listZipEntries(patched(zip, second.centralOffset, 4, 0x12345678))).toEqual({ problem: 'truncated' });
    expect(listZipEntries(patched(zip, first.localOffset, 4, 0x12345678))).toEqual({ problem: 'truncated' });
    // a local header said to begin where the directory begins
    const dirStart = first.centralOffset;
    expect(listZipEntries(patched(zip, second.centralOffset + 42, 4, dirStart - 29))).toEqual({ problem: 'truncated' });
  });

  it('refuses as truncated an entry whose data, after the name and extra field of its local header, runs into the directory', () => {
    const zip = craftZip(TWO);
    const [first, second] = entries(zip) as [ZipEntry, ZipEntry];
    // the second entry's data ends exactly where the directory begins: its local name or extra field one byte longer runs past it
    expect(listZipEntries(patched(zip, second.localOffset + 26, 2, 'xl/workbook.xml'.length + 1))).toEqual({ problem: 'truncated' });
    expect(listZipEntries(patched(zip, second.localOffset + 28, 2, 1))).toEqual({ problem: 'truncated' });
    expect(listZipEntries(patched(zip, second.centralOffset + 20, 4, second.compressedSize + 1))).toEqual({ problem: 'truncated' });
    // a longer name in the first entry's local header only moves where its data is said to start
    expect(listZipEntries(patched(zip, first.localOffset + 26, 2, 40))).toEqual({ entries: entries(zip) });
  });
});

describe('the data of an entry', () => {
  it('starts after the local header, its name and its extra field', () => {
    const zip = craftZip(TWO, [], { localExtra: 12, centralExtra: 3 });
    const [types, book] = entries(zip) as [ZipEntry, ZipEntry];
    expect(text(zip, types)).toBe('<Types/>');
    expect(zipEntryData(zip, book)).toEqual(TWO[1]?.data);
  });
});

describe('fixed timestamps', () => {
  it('writes one MS-DOS date and time (2-second steps) into every local header and directory record, leaving the input as it was', () => {
    const zip = craftZip(TWO);
    const before = zip.slice();
    const out = withZipTimestamps(zip, new Date(Date.UTC(2020, 10, 30, 13, 45, 59)));
    expect(zip).toEqual(before);
    const view = new DataView(out.buffer);
    const time = (13 << 11) | (45 << 5) | 29;
    const date = ((2020 - 1980) << 9) | (11 << 5) | 30;
    for (const e of entries(out)) {
      expect([view.getUint16(e.centralOffset + 12, true), view.getUint16(e.centralOffset + 14, true)]).toEqual([time, date]);
      expect([view.getUint16(e.localOffset + 10, true), view.getUint16(e.localOffset + 12, true)]).toEqual([time, date]);
    }
    expect(entries(out)).toEqual(entries(zip));
  });

  it('gives back bytes that are not a ZIP as they are', () => {
    const csv = utf8('Mã,Họ và tên\n');
    expect(withZipTimestamps(csv, new Date(0))).toBe(csv);
  });
});

describe('inflating within a limit', () => {
  it('counts stored entries by their length, up to exactly the limit', async () => {
    const zip = craftZip([stored('a.xml', '0123456789')]);
    expect(await inflateWithin(zip, entries(zip), 10)).toEqual({ bytes: 10 });
    expect(await inflateWithin(zip, entries(zip), 9)).toEqual({ problem: 'too_large' });
  });

  it('counts deflated entries by what they really give, up to exactly the limit, over all entries together', async () => {
    const content = 'Hoàng Văn A, '.repeat(500);
    const size = utf8(content).length;
    const zip = craftZip([{ ...deflated('xl/a.xml', content), declared: 1 }, stored('b.xml', 'xyz')]);
    expect(await inflateWithin(zip, entries(zip), size + 3)).toEqual({ bytes: size + 3 });
    expect(await inflateWithin(zip, entries(zip), size + 2)).toEqual({ problem: 'too_large' });
    expect(await inflateWithin(zip, entries(zip), size)).toEqual({ problem: 'too_large' });
    expect(await inflateWithin(zip, entries(zip), size - 1)).toEqual({ problem: 'too_large' });
    const alone = craftZip([deflated('xl/a.xml', content)]);
    expect(await inflateWithin(alone, entries(alone), size)).toEqual({ bytes: size });
    expect(await inflateWithin(alone, entries(alone), size - 1)).toEqual({ problem: 'too_large' });
  });

  it('refuses a method other than stored or deflate, and deflate data that is corrupt', async () => {
    const bzip2 = craftZip([{ ...stored('a.xml', 'abc'), method: 12 as 0 }]);
    expect(await inflateWithin(bzip2, entries(bzip2), 1000)).toEqual({ problem: 'method' });
    const corrupt = craftZip([{ name: 'a.xml', data: new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x12]), method: 8, declared: 5 }]);
    expect(await inflateWithin(corrupt, entries(corrupt), 1000)).toEqual({ problem: 'corrupt' });
  });

  it('finds overlapping entries whatever order the directory lists them in, and none in a ZIP read from the middle of a larger buffer', async () => {
    for (const reversed of [false, true]) {
      const zip = craftZip(TWO, [], { reversed });
      expect(await inflateWithin(zip, entries(zip), 1000), `reversed: ${reversed}`).toEqual({ bytes: 8 + utf8('<workbook>Danh sách</workbook>').length });
      const alias = craftZip(TWO, [{ name: 'copy.xml', of: 0 }], { reversed });
      expect(await inflateWithin(alias, entries(alias), 1000), `reversed: ${reversed}`).toEqual({ problem: 'overlapping' });
    }
    // a Buffer from Node's pool: the ZIP's bytes start part-way into a larger ArrayBuffer
    const zip = craftZip(TWO, [], { reversed: true });
    const holder = new Uint8Array(zip.length + 64);
    holder.set(zip, 37);
    const view = holder.subarray(37, 37 + zip.length);
    expect(await inflateWithin(view, entries(view), 1000)).toEqual({ bytes: 8 + utf8('<workbook>Danh sách</workbook>').length });
  });
});
