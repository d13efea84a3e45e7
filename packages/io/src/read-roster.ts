import type { Rulebook } from '@p135/rules';
import { parseCsv } from './csv-read.js';
import { detectFormat, type InputFormat } from './detect.js';
import { readJsonDocument, readJsonLines } from './json-read.js';
import { type ReadLimits, withLimits } from './limits.js';
import { inFile, type InputError } from './place.js';
import { rosterFromJsonItems } from './roster/from-json.js';
import { type RosterResult, rosterFromTable } from './roster/from-table.js';
import { decodeText } from './text.js';
import { readXlsx } from './xlsx-read.js';

/** An input as bytes, with the name to show in messages (a file name, or `stdin`). */
export interface Source {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Read as this format instead of detecting it. */
  readonly format?: InputFormat;
}

export interface ReadRosterOptions {
  readonly limits?: Partial<ReadLimits>;
  /** Stop after this many errors (default 1000). */
  readonly maxErrors?: number;
}

export interface ReadRosterResult extends RosterResult {
  readonly format?: InputFormat;
}

/**
 * Reads a roster from CSV, JSON, JSON Lines or XLSX bytes and validates every person against the
 * pack. Never throws for bad input: every problem is an error naming the file, row or line, and
 * column. `candidates` holds the valid people; the roster is usable only when `errors` is empty.
 */
export async function readRoster(source: Source, book: Rulebook, options: ReadRosterOptions = {}): Promise<ReadRosterResult> {
  const limits = withLimits(options.limits);
  const detected = source.format ?? detectFormat(source.name, source.bytes);
  const fail = (errors: readonly InputError[], format?: InputFormat): ReadRosterResult => ({ candidates: [], errors: inFile(errors, source.name), warnings: [], format });
  if (typeof detected !== 'string') return fail([detected]);
  const format = detected;
  const roster = { maxErrors: options.maxErrors };
  let result: RosterResult;
  const notices: InputError[] = [];
  if (format === 'xlsx') {
    const read = await readXlsx(source.bytes, limits);
    if (read.errors.length) return fail(read.errors, format);
    result = rosterFromTable(read.rows, book, roster);
  } else {
    const decoded = decodeText(source.bytes, limits);
    if ('error' in decoded) return fail([decoded.error], format);
    notices.push(...decoded.notices);
    if (format === 'csv') {
      const read = parseCsv(decoded.text, limits);
      if (read.errors.length) return fail(read.errors, format);
      result = rosterFromTable(read.rows, book, roster);
    } else {
      const read = format === 'json' ? readJsonDocument(decoded.text, limits) : readJsonLines(decoded.text, limits);
      if (read.errors.length) return fail(read.errors, format);
      result = rosterFromJsonItems(read.items, book, roster);
    }
  }
  return { candidates: result.candidates, errors: inFile(result.errors, source.name), warnings: inFile([...notices, ...result.warnings], source.name), format };
}
