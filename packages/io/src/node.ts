/**
 * Node-only helpers: files and standard input. `@p135/io/node`; the main entry stays browser-safe.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import type { Rulebook } from '@p135/rules';
import type { InputFormat } from './detect.js';
import { formatBytes, type ReadLimits, withLimits } from './limits.js';
import { type InputError, inputError } from './place.js';
import { readRoster, type ReadRosterOptions, type ReadRosterResult, type Source } from './read-roster.js';

/** The path that means standard input. */
export const STDIN_PATH = '-';

const tooLarge = (file: string, max: number) => inputError({ file }, 'input.too_large', `tệp lớn hơn giới hạn ${formatBytes(max)}`, `the file is larger than the limit of ${formatBytes(max)}`);

/** All of a stream, refusing more than `maxBytes`. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<Uint8Array | undefined> {
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
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return { error: inputError({ file: path }, 'file.not_found', 'không tìm thấy tệp', 'file not found') };
    if (code === 'EACCES' || code === 'EPERM') return { error: inputError({ file: path }, 'file.permission', 'không có quyền đọc tệp', 'permission denied') };
    return { error: inputError({ file: path }, 'file.unreadable', `không đọc được tệp (${code})`, `cannot read the file (${code})`) };
  }
}

/** Reads and validates a roster file (CSV, JSON, JSON Lines, XLSX) or standard input. */
export async function readRosterFile(path: string, book: Rulebook, options: ReadRosterOptions & ReadSourceOptions = {}): Promise<ReadRosterResult> {
  const read = await readSource(path, options);
  if ('error' in read) return { candidates: [], errors: [read.error] };
  return readRoster(read.source, book, options);
}

/** Writes text or bytes to a file; never throws: returns the error. */
export async function writeOutputFile(path: string, data: string | Uint8Array): Promise<InputError | undefined> {
  try {
    await writeFile(path, data);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    return inputError({ file: path }, 'file.unwritable', `không ghi được tệp (${code})`, `cannot write the file (${code})`);
  }
}

export type { Source } from './read-roster.js';
