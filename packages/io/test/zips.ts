/**
 * Hostile ZIP files for the tests: entries whose headers declare any sizes (lying), and central
 * directories whose entries point at the same data (overlapping). Nothing here checks anything.
 */
import { deflateRawSync } from 'node:zlib';

export interface CraftedEntry {
  readonly name: string;
  /** The data as stored (already deflated for method 8). */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** The uncompressed size the headers declare (the lie). */
  readonly declared: number;
}

/** Deflated bytes that inflate to `size` zero bytes, made a MiB at a time. */
export function deflatedZeros(size: number): Uint8Array {
  return new Uint8Array(deflateRawSync(Buffer.alloc(size), { level: 9 }));
}

/** How the records of a crafted ZIP are laid out (all optional: none of these by default). */
export interface ZipLayout {
  /** Bytes of extra field after the name in each local header. */
  readonly localExtra?: number;
  /** Bytes of extra field and of comment after the name in each central-directory record. */
  readonly centralExtra?: number;
  readonly centralComment?: number;
  /** Bytes of comment after the end-of-central-directory record (at most 65,535). */
  readonly comment?: number;
  /** The central directory lists the entries last first (the order ZIP leaves free). */
  readonly reversed?: boolean;
}

/**
 * A ZIP of `entries`; `alias`: extra central-directory names pointing at the local header of the
 * entry given (overlapping entries: one compressed stream counted many times).
 */
export function craftZip(entries: readonly CraftedEntry[], alias: readonly { name: string; of: number }[] = [], layout: ZipLayout = {}): Uint8Array {
  const { localExtra = 0, centralExtra = 0, centralComment = 0, comment = 0 } = layout;
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let at = 0;
  const centralRecord = (e: CraftedEntry, name: string, offset: number) => {
    const n = Buffer.from(name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.declared, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt16LE(centralExtra, 30);
    c.writeUInt16LE(centralComment, 32);
    c.writeUInt32LE(offset, 42);
    central.push(Buffer.concat([c, n, Buffer.alloc(centralExtra, 0x45), Buffer.alloc(centralComment, 0x43)]));
  };
  for (const e of entries) {
    const n = Buffer.from(e.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt32LE(e.data.length, 18);
    h.writeUInt32LE(e.declared, 22);
    h.writeUInt16LE(n.length, 26);
    h.writeUInt16LE(localExtra, 28);
    offsets.push(at);
    parts.push(h, n, Buffer.alloc(localExtra, 0x58), Buffer.from(e.data));
    at += 30 + n.length + localExtra + e.data.length;
    centralRecord(e, e.name, offsets[offsets.length - 1] as number);
  }
  for (const a of alias) centralRecord(entries[a.of] as CraftedEntry, a.name, offsets[a.of] as number);
  if (layout.reversed) central.reverse();
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length + alias.length, 8);
  end.writeUInt16LE(entries.length + alias.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(at, 16);
  end.writeUInt16LE(comment, 20);
  return new Uint8Array(Buffer.concat([...parts, dir, end, Buffer.alloc(comment, 0x20)]));
}
