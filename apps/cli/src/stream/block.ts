import { type CsvHeader, type CsvLimits, CsvRosterReader, type InputError, Utf8Decoder } from '@p135/io';
import { type Candidate, decideSync, type Rulebook } from '@p135/rules';
import { DecisionTally, type TallyCounts } from '../tally.js';
import { ByteBatch } from './batch.js';
import type { DecisionEncoder } from './encode.js';
import { hashId } from './id-hashes.js';

/**
 * One piece of a CSV roster, cut after a line break, decided apart from the others (in a worker
 * thread). Only the way without problems is taken here: the first sign of one (a row that does not
 * read, bytes that are not UTF-8, a header not found) gives up on the piece, and the caller reads
 * the file the usual way, which finds and words every problem.
 */
export interface BlockJob {
  /** The piece's bytes; for the first piece, from the start of the file. */
  readonly bytes: Uint8Array;
  /** The file's start: a byte order mark is dropped, and the first row that is not blank is the header. */
  readonly first: boolean;
  /** The file's end: the last record needs no line break. */
  readonly last: boolean;
  /** After the first piece: the header row's cells and the delimiter it was read with. */
  readonly header?: CsvHeader;
}

export type BlockResult =
  | {
      readonly ok: true;
      /** The decisions of the piece's people, encoded. */
      readonly out: Uint8Array;
      /** Two hashes of each person's id (see id-hashes.ts), for the duplicate check across pieces. */
      readonly ids: Uint32Array;
      readonly people: number;
      /** Records read (blank ones and the header too). */
      readonly rows: number;
      /** Bytes at the end that do not complete a record (a line break inside quotes): they start the next piece. */
      readonly tail: number;
      readonly tally: TallyCounts;
      /** From the first piece: the header row and its delimiter. */
      readonly header?: CsvHeader;
      /** From the first piece: how it was read (the header below title rows, columns left out). */
      readonly warnings?: InputError[];
    }
  | { readonly ok: false };

const NOT_OK: BlockResult = Object.freeze({ ok: false });

/** Bytes decoded at a time: small pieces make small strings, which are quicker to make and die young. */
const SLICE_BYTES = 32 * 1024;

/**
 * The text of a piece, a slice at a time (each slice ends where a character does: the decoders
 * keep an unfinished one for the next), or undefined when it is not plain UTF-8 text (a zero
 * byte is binary). The file's start goes through the same decoder as a file read whole (which
 * drops a byte order mark); a later piece keeps a U+FEFF at its start.
 */
function* textOf(job: BlockJob): Generator<string, boolean> {
  const bytes = job.bytes;
  if (bytes.indexOf(0) >= 0) return false;
  if (job.first) {
    const decoder = new Utf8Decoder({ maxBytes: Number.MAX_SAFE_INTEGER });
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
      const text = decoder.decode(bytes.subarray(at, at + SLICE_BYTES));
      if ('error' in text) return false;
      yield text.text;
    }
    if (job.last) {
      const rest = decoder.end();
      if ('error' in rest) return false;
      yield rest.text;
    }
    return true;
  }
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  try {
    for (let at = 0; at < bytes.length; at += SLICE_BYTES) yield decoder.decode(bytes.subarray(at, at + SLICE_BYTES), { stream: true });
    yield decoder.decode();
  } catch {
    return false;
  }
  return true;
}

export interface BlockDecider {
  decide(job: BlockJob): BlockResult;
  /** An output buffer given back after it was written, to be filled again. */
  reuse(buffer: ArrayBuffer): void;
}

/** Output buffers kept for reuse: enough for the pieces in flight. */
const MAX_SPARE = 4;

/** Decides pieces of a roster with one rulebook, encoder and tally options. */
export function blockDecider(book: Rulebook, encoder: DecisionEncoder, limits: CsvLimits, tally: { readonly check?: boolean; readonly require?: string[] }): BlockDecider {
  /** Bytes of output the next piece is likely to need (from the last one), allocated at once when no buffer was handed back. */
  let expected = 0;
  /** Output buffers handed back once written, filled again rather than new ones allocated. */
  const spare: ArrayBuffer[] = [];
  return {
    reuse(buffer) {
      if (spare.length < MAX_SPARE) spare.push(buffer);
    },
    decide(job) {
      if (!job.first && !job.header) return NOT_OK;
      // CSV text → people: the same reader as a file read on one thread, from this piece's first record.
      const reader = new CsvRosterReader(book, { limits, maxErrors: 1, checkIds: false, ...(job.header ? { header: job.header } : {}) });
      const batch = new ByteBatch(spare.pop() ?? expected);
      const counts = new DecisionTally(tally);
      let ids = new Uint32Array(2 * 1024);
      let people = 0;
      const out: Candidate[] = [];
      const decideAll = (): boolean => {
        if (reader.errors.length) return false;
        for (const candidate of out) {
          const decision = decideSync(book, candidate);
          counts.add(decision);
          encoder.row(decision, batch);
          if (2 * people + 2 > ids.length) {
            const more = new Uint32Array(ids.length * 2);
            more.set(ids);
            ids = more;
          }
          hashId(candidate.id, ids, 2 * people);
          people++;
        }
        out.length = 0;
        return true;
      };
      // A slice at a time, so that the rows of a slice die young (as when a file is read 32 KiB at a time).
      const texts = textOf(job);
      for (let text = texts.next(); ; text = texts.next()) {
        if (text.done) {
          if (!text.value) return NOT_OK;
          break;
        }
        reader.push(text.value, out);
        if (!decideAll()) return NOT_OK;
      }
      if (job.last) {
        reader.end(out);
        if (!decideAll()) return NOT_OK;
      }
      const header = reader.header;
      if (!header) return NOT_OK;
      // A later piece that ends the list (a total, signatures) would place it by the piece's rows: the usual way says it right.
      if (!job.first && reader.warnings.some((w) => w.code === 'roster.footer')) return NOT_OK;
      const tail = job.last ? 0 : Buffer.byteLength(reader.pending, 'utf8');
      expected = Math.ceil(batch.size * 1.25);
      return { ok: true, out: batch.take(0), ids: ids.subarray(0, 2 * people), people, rows: reader.rows, tail, tally: counts.counts(), ...(job.first ? { header, warnings: reader.warnings } : {}) };
    },
  };
}
