import { type Candidate, type Plan, parseResults, type Results, type Rulebook } from '@p135/rules';
import { readJsonValue } from '../json-read.js';
import { type ReadLimits, withLimits } from '../limits.js';
import { inFile, type InputError, type Place } from '../place.js';
import type { Source } from '../read-roster.js';
import { decodeText } from '../text.js';
import { looksLikeZip } from '../zip.js';
import { resultsFromCsv } from './from-csv.js';
import { placeOfPath, resultsFromWorkbook } from './from-workbook.js';

export interface ReadResultsOptions {
  readonly plan?: Plan;
  readonly roster?: readonly Candidate[] | ReadonlyMap<string, Candidate>;
  readonly limits?: Partial<ReadLimits>;
}

export interface ReadResultsResult {
  readonly results?: Results;
  readonly errors: InputError[];
}

/** CSV by the name's extension (.csv, .txt), else by the text: anything that does not start as JSON does. */
function isCsv(name: string, text: string): boolean {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return true;
  if (ext === 'json') return false;
  return !/^\uFEFF?\s*[[{]/.test(text);
}

/**
 * One results report from a file: JSON, the results workbook `p135 report template` writes
 * (XLSX), or the same workbook as one CSV (its sheets one after another, each under its name). Validated against the pack, the plan and the roster; every error names the file and
 * where in it (JSON path, or sheet, row and column).
 */
export async function readResults(source: Source, book: Rulebook, options: ReadResultsOptions = {}): Promise<ReadResultsResult> {
  const all = withLimits(options.limits ?? {});
  let value: unknown;
  let places: ReadonlyMap<string, Place> | undefined;
  if (looksLikeZip(source.bytes)) {
    const read = await resultsFromWorkbook(source.bytes, all);
    if (read.errors.length) return { errors: inFile(read.errors, source.name) };
    value = read.value;
    places = read.places;
  } else {
    const decoded = decodeText(source.bytes, all);
    if ('error' in decoded) return { errors: inFile([decoded.error], source.name) };
    if (isCsv(source.name, decoded.text)) {
      const read = resultsFromCsv(decoded.text, all);
      if (read.errors.length) return { errors: inFile(read.errors, source.name) };
      value = read.value;
      places = read.places;
    } else {
      const json = readJsonValue(decoded.text, all);
      if (json.errors.length) return { errors: inFile(json.errors, source.name) };
      value = json.value;
    }
  }
  const checked = parseResults(value, book, { ...(options.plan ? { plan: options.plan } : {}), ...(options.roster ? { roster: options.roster } : {}) });
  // In a workbook or a CSV, a problem is placed at its sheet (section) row as well as its path in the results.
  const placeOf = (path: string): Place => ({ ...(places ? placeOfPath(places, path) : {}), path });
  if (!checked.value)
    return {
      errors: inFile(
        checked.errors.map((p) => ({ place: placeOf(p.path), code: p.code, message: p.message })),
        source.name,
      ),
    };
  return { results: checked.value, errors: [] };
}
