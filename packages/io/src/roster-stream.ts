import type { Candidate, Rulebook } from '@p135/rules';
import type { InputFormat } from './detect.js';
import { type JsonItem, readJsonLine, tooManyRows } from './json-read.js';
import { type ReadLimits, withStreamLimits } from './limits.js';
import { LineSplitter, type Line } from './lines.js';
import { inFile, type InputError, inputError } from './place.js';
import { areCandidateObjects, CandidateObjectReader, rosterFromJsonItems } from './roster/from-json.js';
import { CsvRosterReader } from './roster/csv-roster.js';
import { TextInputDecoder } from './encoding.js';

/** The formats read as a stream, a row at a time: CSV and JSON Lines. */
export const STREAMED_FORMATS = ['csv', 'jsonl'] as const;
export type StreamedFormat = (typeof STREAMED_FORMATS)[number];

export const isStreamedFormat = (format: InputFormat): format is StreamedFormat => (STREAMED_FORMATS as readonly string[]).includes(format);

export interface RosterStreamOptions {
  /** The name to show in messages: a file name, or `stdin`. */
  readonly name: string;
  readonly format: StreamedFormat;
  /** No limit on rows or bytes unless given (see `withStreamLimits`). */
  readonly limits?: Partial<ReadLimits>;
  /** Stop after this many errors (default 1000). */
  readonly maxErrors?: number;
}

/** What one piece of input gave. Once a piece has errors, no later piece has people. */
export interface RosterPiece {
  /** The people of the rows this piece completed, in order, up to the first row with an error. */
  readonly candidates: Candidate[];
  /** New problems, each placed in the file. After the first, the roster is not usable as a whole. */
  readonly errors: InputError[];
  /** New notices (the header found below title rows, columns left out, a footer), each placed in the file. */
  readonly warnings: InputError[];
  /** Rows read so far: CSV records (the header and blank rows too) or JSON Lines lines. */
  readonly rows: number;
  /** Bytes read so far. */
  readonly bytes: number;
}

/**
 * Reads decoded text, piece by piece, into people: the valid people before the first error, in
 * order (so that what was written before a bad row is exactly the rows before it); after it, rows
 * are still read for their errors. `done` once nothing more will be read.
 */
interface TextReader {
  push(text: string, out: Candidate[]): void;
  end(out: Candidate[]): void;
  readonly errors: InputError[];
  readonly warnings: InputError[];
  readonly rows: number;
  readonly done: boolean;
}

/**
 * JSON Lines, one line at a time. Candidate objects (the first line says) are validated as they
 * come; flat rows keyed by headers need every line's keys for the header, so they are gathered
 * and read whole at the end.
 */
function jsonLinesReader(book: Rulebook, limits: ReadLimits, maxErrors: number): TextReader {
  const lines = new LineSplitter();
  const objects = new CandidateObjectReader(book, { maxErrors });
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  let flat: JsonItem[] | undefined;
  let items = 0;
  let rows = 0;
  let done = false;
  const maxLine = limits.maxColumns * limits.maxCellChars;
  const fail = (error: InputError) => {
    errors.push(error);
    done = true;
  };
  const take = (list: readonly Line[], out: Candidate[]) => {
    for (const line of list) {
      rows = line.line;
      if (done || line.text.trim() === '') continue;
      if (++items > limits.maxRows) return fail(tooManyRows(limits));
      const one = readJsonLine(line, limits);
      if (!one.item) {
        errors.push(...one.errors);
        if (errors.length + objects.errors.length >= maxErrors) done = true;
        continue;
      }
      if (items === 1 && !areCandidateObjects([one.item])) flat = [];
      if (flat) flat.push(one.item);
      else {
        const candidate = objects.read(one.item, line.line);
        if (candidate && errors.length + objects.errors.length === 0) out.push(candidate);
        if (objects.stopped) done = true;
      }
    }
  };
  return {
    push: (text, out) => {
      take(lines.push(text), out);
      if (lines.pendingLength > maxLine) fail(inputError({ line: rows + 1 }, 'input.line_too_long', `dòng dài hơn ${maxLine} ký tự`, `a line is longer than ${maxLine} characters`));
    },
    end: (out) => {
      take([lines.end()], out);
      if (done || errors.length) return;
      if (items === 0) return fail(inputError({}, 'input.empty', 'danh sách rỗng: không có người nào', 'the list is empty: no people'));
      if (flat) {
        const roster = rosterFromJsonItems(flat, book, { maxErrors });
        warnings.push(...roster.warnings);
        if (roster.errors.length) errors.push(...roster.errors);
        else out.push(...roster.candidates);
      }
    },
    get errors() {
      return objects.errors.length ? [...errors, ...objects.errors] : errors;
    },
    get warnings() {
      return warnings;
    },
    get rows() {
      return rows;
    },
    get done() {
      return done;
    },
  };
}

/**
 * Reads a CSV or JSON Lines roster from a stream of bytes, a piece at a time, and validates each
 * person as their row comes, exactly as `readRoster` would (the same header matching, messages
 * and duplicate-id check). Memory does not grow with the input: one piece, the row being read,
 * and the ids seen. Yields what each piece gave; after the first error, reading goes on (without
 * the people) to list the problems, up to `maxErrors`, unless the input cannot be read further.
 */
export async function* streamRoster(chunks: AsyncIterable<Uint8Array>, book: Rulebook, options: RosterStreamOptions): AsyncGenerator<RosterPiece> {
  const limits = withStreamLimits(options.limits);
  const maxErrors = options.maxErrors ?? 1000;
  const decoder = new TextInputDecoder(limits);
  const reader: TextReader = options.format === 'csv' ? new CsvRosterReader(book, { limits, maxErrors }) : jsonLinesReader(book, limits, maxErrors);
  const undecodable: InputError[] = [];
  let told = 0;
  let warned = 0;
  let noticed = 0;
  const piece = (candidates: Candidate[]): RosterPiece => {
    const all = undecodable.length ? [...reader.errors, ...undecodable] : reader.errors;
    const errors = inFile(all.slice(told), options.name);
    told = all.length;
    const warnings = inFile([...decoder.notices.slice(noticed), ...reader.warnings.slice(warned)], options.name);
    noticed = decoder.notices.length;
    warned = reader.warnings.length;
    return { candidates, errors, warnings, rows: reader.rows, bytes: decoder.bytesRead };
  };
  for await (const chunk of chunks) {
    const decoded = decoder.decode(chunk);
    const out: Candidate[] = [];
    if ('error' in decoded) undecodable.push(decoded.error);
    else reader.push(decoded.text, out);
    yield piece(out);
    if (reader.done || undecodable.length) return;
  }
  const rest = decoder.end();
  const out: Candidate[] = [];
  if ('error' in rest) undecodable.push(rest.error);
  else {
    if (rest.text) reader.push(rest.text, out);
    reader.end(out);
  }
  yield piece(out);
}
