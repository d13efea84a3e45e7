/**
 * Node-only helpers: files and standard input. `@p135/io/node`; the main entry stays browser-safe.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Rulebook } from '@p135/rules';
import { detectFormat, type InputFormat } from './detect.js';
import { formatBytes, type ReadLimits, tooLargeError, withLimits, withStreamLimits } from './limits.js';
import { inFile, type InputError, inputError } from './place.js';
import { readRoster, type ReadRosterOptions, type ReadRosterResult, type Source } from './read-roster.js';
import { type RosterPiece, type StreamedFormat, streamRoster } from './roster-stream.js';

/** The path that means standard input. */
const STDIN_PATH = '-';

const tooLarge = (file: string, max: number) => tooLargeError(max, { file });

/** All of a stream, refusing more than `maxBytes`. */
async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    size += b.length;
    if (size > maxBytes) return undefined;
    chunks.push(b);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

export interface ReadSourceOptions {
  readonly limits?: Partial<ReadLimits>;
  readonly format?: InputFormat;
  /** Standard input, for the path `-` (default: process.stdin). */
  readonly stdin?: AsyncIterable<Uint8Array | string>;
}

/** A file (or `-` for standard input) as a Source. Never throws: a missing or unreadable file is an InputError. */
export async function readSource(path: string, options: ReadSourceOptions = {}): Promise<{ source: Source } | { error: InputError }> {
  const { maxBytes } = withLimits(options.limits);
  const format = options.format;
  if (path === STDIN_PATH) {
    const bytes = await readStream(options.stdin ?? process.stdin, maxBytes);
    if (!bytes) return { error: tooLarge('stdin', maxBytes) };
    return { source: { name: 'stdin', bytes, ...(format ? { format } : {}) } };
  }
  try {
    const info = await stat(path);
    if (info.isDirectory()) return { error: inputError({ file: path }, 'file.directory', 'là một thư mục, không phải tệp', 'is a directory, not a file') };
    if (info.size > maxBytes) return { error: tooLarge(path, maxBytes) };
    const bytes = new Uint8Array(await readFile(path));
    return { source: { name: path, bytes, ...(format ? { format } : {}) } };
  } catch (e) {
    return { error: unreadable(path, e) };
  }
}

/** A file that cannot be read, as an InputError. */
function unreadable(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  if (code === 'ENOENT') return inputError({ file: path }, 'file.not_found', 'không tìm thấy tệp', 'file not found');
  if (code === 'EACCES' || code === 'EPERM') return inputError({ file: path }, 'file.permission', 'không có quyền đọc tệp', 'permission denied');
  return inputError({ file: path }, 'file.unreadable', `không đọc được tệp (${code})`, `cannot read the file (${code})`);
}

/** Bytes at the start of an input that its format is told from (what `detectFormat` looks at). */
const HEAD_BYTES = 64 * 1024;

/**
 * Bytes read from a file at a time, when streaming. Smaller pieces keep fewer people alive at once:
 * with 64 KiB, the people of a piece outlive young-generation GCs and a long run's peak memory
 * grows by ~40 MB of promoted garbage; 32 KiB is as fast and keeps the peak flat.
 */
const CHUNK_BYTES = 32 * 1024;

/** An input opened for reading: its format, and its bytes from the start as a stream. */
export interface RosterInput {
  /** The path as given (`-` for standard input). */
  readonly path: string;
  /** The name to show in messages: the path, or `stdin`. */
  readonly name: string;
  /** From `--input-format`, else from the name and the first 64 KiB (as `detectFormat`). */
  readonly format: InputFormat;
  /** Size of a regular file, in bytes; undefined for standard input or a pipe. */
  readonly size?: number;
  /** A regular file can be read again from the start (a second pass); standard input or a pipe cannot. */
  readonly rereadable: boolean;
  /** The bytes from the start. A regular file is opened anew each time; otherwise this can be called once. */
  chunks(): AsyncIterable<Uint8Array>;
  /**
   * After a reading: has the file changed since it was opened (its size, time of change or inode)?
   * An InputError saying so (`file.changed`), or undefined when it is the same (always, for
   * standard input or a pipe, which are read once).
   */
  checkUnchanged(): Promise<InputError | undefined>;
}

/** What tells a file's content apart cheaply: size, last change, inode. */
const identity = (info: { size: number; mtimeMs: number; ctimeMs: number; ino: number; dev: number }) => `${info.dev}:${info.ino}:${info.size}:${info.mtimeMs}:${info.ctimeMs}`;

const changedWhileRead = (name: string) =>
  inputError(
    { file: name },
    'file.changed',
    'tệp đã thay đổi trong khi đang được đọc; không có kết quả nào được ghi — hãy chạy lại khi không còn chương trình nào ghi vào tệp',
    'the file changed while it was being read; no result was written — run again once nothing is writing to it',
  );

const toBytes = (chunk: Uint8Array | string): Uint8Array => (typeof chunk === 'string' ? new Uint8Array(Buffer.from(chunk)) : chunk);

/** A stream whose first bytes were already read (to tell the format): those, then the rest. */
function replayed(head: readonly Uint8Array[], rest: AsyncIterator<Uint8Array | string>): () => AsyncIterable<Uint8Array> {
  let used = false;
  return () => {
    if (used) throw new Error('this input can be read only once');
    used = true;
    return (async function* () {
      try {
        yield* head;
        for (let r = await rest.next(); !r.done; r = await rest.next()) yield toBytes(r.value);
      } finally {
        await rest.return?.(); // stopped early (an error): let go of the stream
      }
    })();
  };
}

/**
 * Opens a file (or `-` for standard input) to be read as a stream, and tells its format from its
 * first 64 KiB. Never throws: a missing, unreadable or unsupported file is an InputError.
 */
export async function openRosterInput(path: string, options: ReadSourceOptions = {}): Promise<{ input: RosterInput } | { error: InputError }> {
  const name = path === STDIN_PATH ? 'stdin' : path;
  let size: number | undefined;
  let opened = '';
  if (path !== STDIN_PATH) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) return { error: inputError({ file: path }, 'file.directory', 'là một thư mục, không phải tệp', 'is a directory, not a file') };
      if (info.isFile()) {
        size = info.size;
        opened = identity(info);
      }
    } catch (e) {
      return { error: unreadable(path, e) };
    }
  }
  const formatOf = (head: Uint8Array): InputFormat | InputError => options.format ?? detectFormat(name, head);
  if (size !== undefined) {
    let head: Uint8Array;
    try {
      const file = await open(path, 'r');
      try {
        const { bytesRead, buffer } = await file.read(new Uint8Array(Math.min(size, HEAD_BYTES)), 0, Math.min(size, HEAD_BYTES), 0);
        head = buffer.subarray(0, bytesRead);
      } finally {
        await file.close();
      }
    } catch (e) {
      return { error: unreadable(path, e) };
    }
    const format = formatOf(head);
    if (typeof format !== 'string') return { error: { ...format, place: { ...format.place, file: name } } };
    const chunks = () => createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Uint8Array>;
    const checkUnchanged = async () => {
      try {
        return identity(await stat(path)) === opened ? undefined : changedWhileRead(name);
      } catch {
        return changedWhileRead(name); // removed or replaced
      }
    };
    return { input: { path, name, format, size, rereadable: true, chunks, checkUnchanged } };
  }
  const source = path === STDIN_PATH ? (options.stdin ?? process.stdin) : createReadStream(path, { highWaterMark: CHUNK_BYTES });
  const rest = (source as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  try {
    while (headBytes < HEAD_BYTES) {
      const r = await rest.next();
      if (r.done) break;
      const bytes = toBytes(r.value);
      head.push(bytes);
      headBytes += bytes.length;
    }
  } catch (e) {
    return { error: unreadable(path, e) };
  }
  const format = formatOf(head.length === 1 ? (head[0] as Uint8Array) : new Uint8Array(Buffer.concat(head)));
  if (typeof format !== 'string') return { error: { ...format, place: { ...format.place, file: name } } };
  return { input: { path, name, format, rereadable: false, chunks: replayed(head, rest), checkUnchanged: async () => undefined } };
}

/** A roster input as people, a piece at a time (`streamRoster`), for CSV and JSON Lines. */
export async function* streamRosterInput(input: RosterInput & { readonly format: StreamedFormat }, book: Rulebook, options: ReadRosterOptions = {}): AsyncGenerator<RosterPiece> {
  const { maxBytes } = withStreamLimits(options.limits);
  if (input.size !== undefined && input.size > maxBytes) {
    yield { candidates: [], errors: [tooLarge(input.name, maxBytes)], warnings: [], rows: 0, bytes: 0 };
    return;
  }
  try {
    yield* streamRoster(input.chunks(), book, { name: input.name, format: input.format, ...options });
  } catch (e) {
    // A read error in the middle (EIO, a file removed on a network drive…): one line, like any other.
    if (!(e as NodeJS.ErrnoException).code) throw e;
    yield { candidates: [], errors: inFile([unreadable(input.path, e)], input.name), warnings: [], rows: 0, bytes: 0 };
  }
}

/** A roster input read whole and validated (`readRoster`): for XLSX and JSON, or results that need everyone at once. */
export async function readRosterInput(input: RosterInput, book: Rulebook, options: ReadRosterOptions = {}): Promise<ReadRosterResult> {
  if (input.rereadable) return readRosterFile(input.path, book, { ...options, format: input.format });
  const { maxBytes } = withLimits(options.limits);
  const bytes = await readStream(input.chunks(), maxBytes);
  if (!bytes) return { candidates: [], errors: [tooLarge(input.name, maxBytes)], warnings: [] };
  return readRoster({ name: input.name, bytes, format: input.format }, book, options);
}

/** Reads and validates a roster file (CSV, JSON, JSON Lines, XLSX) or standard input. */
export async function readRosterFile(path: string, book: Rulebook, options: ReadRosterOptions & ReadSourceOptions = {}): Promise<ReadRosterResult> {
  const read = await readSource(path, options);
  if ('error' in read) return { candidates: [], errors: [read.error], warnings: [] };
  return readRoster(read.source, book, options);
}

/** Why a file cannot be written, in words, for the codes people meet. */
const WRITE_FAILURES: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  ENOSPC: ['ổ đĩa đã đầy', 'the disk is full'],
  EDQUOT: ['đã hết hạn mức dung lượng trên ổ đĩa', 'the disk quota is used up'],
  EACCES: ['không có quyền ghi', 'permission denied'],
  EPERM: ['không có quyền ghi', 'permission denied'],
  EROFS: ['ổ đĩa chỉ cho đọc', 'the disk is read-only'],
  ENOENT: ['thư mục không có', 'the folder does not exist'],
  EISDIR: ['là một thư mục', 'is a directory'],
};

/** A file that cannot be written, as an InputError (`không ghi được tệp: ổ đĩa đã đầy (ENOSPC); không có tệp nào được tạo`). */
export function unwritable(path: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
  const words = Object.hasOwn(WRITE_FAILURES, code) ? WRITE_FAILURES[code] : undefined;
  const [vi, en] = words ? [`${words[0]} (${code})`, `${words[1]} (${code})`] : [code, code];
  return inputError({ file: path }, 'file.unwritable', `không ghi được tệp: ${vi}; tệp không được tạo hay thay đổi`, `cannot write the file: ${en}; the file was not created or changed`);
}

/**
 * Writes text or bytes to a file, whole or not at all: beside it under a temporary name, then
 * renamed into place (a full disk leaves no partial file, nor a previous one half replaced).
 * Never throws: returns the error.
 */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<InputError | undefined> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, data);
    await rename(temp, path);
    return undefined;
  } catch (e) {
    await rm(temp, { force: true }).catch(() => {});
    return unwritable(path, e);
  }
}
