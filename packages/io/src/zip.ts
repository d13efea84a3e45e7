/**
 * Just enough of the ZIP format (the container of an XLSX file) to check a file before it is
 * unpacked: that it is whole (not truncated), how many entries it has and how large they say
 * they unpack to; and to give written files fixed timestamps so the same content gives the
 * same bytes.
 */

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Offset of the entry's local header. */
  readonly localOffset: number;
  /** Offset of the entry's record in the central directory. */
  readonly centralOffset: number;
}

export type ZipProblem = 'not_zip' | 'truncated' | 'zip64';

const EOCD_SIG = 0x06054b50;
const CENTRAL_SIG = 0x02014b50;
const LOCAL_SIG = 0x04034b50;

const u16 = (b: Uint8Array, o: number) => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number) => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

export const looksLikeZip = (b: Uint8Array): boolean => b.length >= 4 && u32(b, 0) === LOCAL_SIG;

function findEndOfCentralDirectory(b: Uint8Array): number {
  const last = b.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let o = last; o >= first; o--) if (u32(b, o) === EOCD_SIG) return o;
  return -1;
}

/** The entries of a ZIP file as its central directory lists them, or why it cannot be read. */
export function listZipEntries(b: Uint8Array): { entries: ZipEntry[] } | { problem: ZipProblem } {
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) return { problem: looksLikeZip(b) ? 'truncated' : 'not_zip' };
  const count = u16(b, eocd + 10);
  const size = u32(b, eocd + 12);
  const start = u32(b, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) return { problem: 'zip64' };
  if (start + size > eocd) return { problem: 'truncated' };
  const entries: ZipEntry[] = [];
  let o = start;
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (o + 46 > eocd || u32(b, o) !== CENTRAL_SIG) return { problem: 'truncated' };
    const nameLength = u16(b, o + 28);
    const entry: ZipEntry = {
      name: decoder.decode(b.subarray(o + 46, o + 46 + nameLength)),
      method: u16(b, o + 10),
      compressedSize: u32(b, o + 20),
      uncompressedSize: u32(b, o + 24),
      localOffset: u32(b, o + 42),
      centralOffset: o,
    };
    if (entry.localOffset + 30 > start || u32(b, entry.localOffset) !== LOCAL_SIG) return { problem: 'truncated' };
    const dataStart = entry.localOffset + 30 + u16(b, entry.localOffset + 26) + u16(b, entry.localOffset + 28);
    if (dataStart + entry.compressedSize > start) return { problem: 'truncated' };
    entries.push(entry);
    o += 46 + nameLength + u16(b, o + 30) + u16(b, o + 32);
  }
  return { entries };
}

/** The data of a stored or deflated entry, still compressed (method 8: raw deflate). */
export function zipEntryData(b: Uint8Array, e: ZipEntry): Uint8Array {
  const dataStart = e.localOffset + 30 + u16(b, e.localOffset + 26) + u16(b, e.localOffset + 28);
  return b.subarray(dataStart, dataStart + e.compressedSize);
}

/** MS-DOS date and time of a moment (UTC), as ZIP headers carry them; 2-second resolution, 1980 at the earliest. */
function dosDateTime(date: Date): { date: number; time: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
  };
}

/** A copy of a ZIP file whose every entry carries the same timestamp, so equal content gives equal bytes. */
export function withZipTimestamps(b: Uint8Array, when: Date): Uint8Array {
  const listed = listZipEntries(b);
  if (!('entries' in listed)) return b;
  const out = b.slice();
  const { date, time } = dosDateTime(when);
  const put16 = (o: number, v: number) => {
    out[o] = v & 0xff;
    out[o + 1] = (v >> 8) & 0xff;
  };
  for (const e of listed.entries) {
    put16(e.centralOffset + 12, time);
    put16(e.centralOffset + 14, date);
    put16(e.localOffset + 10, time);
    put16(e.localOffset + 12, date);
  }
  return out;
}

/** What inflating a ZIP's entries really gave, counted as they come (never trusting the sizes declared). */
export type Inflated = { readonly bytes: number } | { readonly problem: 'too_large' | 'overlapping' | 'corrupt' | 'method' };

/** Bytes of an entry's data, inflated a chunk at a time, stopping as soon as the total would pass `budget`. */
async function inflatedBytes(data: Uint8Array, method: number, budget: number): Promise<number | 'too_large' | 'corrupt' | 'method'> {
  if (method === 0) return data.length > budget ? 'too_large' : data.length;
  if (method !== 8) return 'method';
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  const reader = stream.getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return total;
      total += value.byteLength;
      if (total > budget) return 'too_large';
    }
  } catch {
    return 'corrupt';
  } finally {
    reader.cancel().catch(() => {});
  }
}

/**
 * Inflates every entry of a ZIP (as listed) and counts the bytes it really gives, stopping past
 * `maxBytes` in all: a file whose headers declare small sizes but whose data unpacks to far more
 * (a zip bomb with lying headers) is refused after at most `maxBytes` of work. Entries whose data
 * overlap (many names for the same compressed bytes, another way to multiply them) are refused.
 */
export async function inflateWithin(b: Uint8Array, entries: readonly ZipEntry[], maxBytes: number): Promise<Inflated> {
  const spans = entries.map((e) => {
    const data = zipEntryData(b, e);
    return { e, start: data.byteOffset - b.byteOffset, end: data.byteOffset - b.byteOffset + data.length, data };
  });
  const sorted = [...spans].sort((x, y) => x.start - y.start);
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1] as (typeof sorted)[number];
    if ((sorted[k] as (typeof sorted)[number]).e.localOffset < prev.end) return { problem: 'overlapping' };
  }
  let total = 0;
  for (const { e, data } of spans) {
    const got = await inflatedBytes(data, e.method, maxBytes - total);
    if (typeof got !== 'number') return { problem: got };
    total += got;
  }
  return { bytes: total };
}
