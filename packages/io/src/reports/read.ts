import { type Candidate, type Plan, parseResults, type Results, type Rulebook } from '@p135/rules';
import { readJsonValue } from '../json-read.js';
import { type ReadLimits, withLimits } from '../limits.js';
import { inFile, type InputError, type Place } from '../place.js';
import type { Source } from '../read-roster.js';
import { decodeText } from '../text.js';
import { looksLikeZip } from '../zip.js';
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

/**
 * One results report from a file: JSON, or the results workbook `p135 report template` writes
 * (XLSX). Validated against the pack, the plan and the roster; every error names the file and
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
    const json = readJsonValue(decoded.text, all);
    if (json.errors.length) return { errors: inFile(json.errors, source.name) };
    value = json.value;
  }
  const checked = parseResults(value, book, { ...(options.plan ? { plan: options.plan } : {}), ...(options.roster ? { roster: options.roster } : {}) });
  // In a workbook, a problem is placed at its sheet row as well as its path in the results.
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
