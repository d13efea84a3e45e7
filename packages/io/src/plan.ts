import { type Plan, parsePlan, type Rulebook } from '@p135/rules';
import { readJsonValue } from './json-read.js';
import { type ReadLimits, withLimits } from './limits.js';
import { inFile, type InputError } from './place.js';
import type { Source } from './read-roster.js';
import { decodeText } from './text.js';

export interface ReadPlanResult {
  readonly plan?: Plan;
  readonly errors: InputError[];
}

/** A plan from JSON bytes, validated against the pack; every error names the file and the JSON path. */
export function readPlan(source: Source, book: Rulebook, limits: Partial<ReadLimits> = {}): ReadPlanResult {
  const all = withLimits(limits);
  const decoded = decodeText(source.bytes, all);
  if ('error' in decoded) return { errors: inFile([decoded.error], source.name) };
  const json = readJsonValue(decoded.text, all);
  if (json.errors.length) return { errors: inFile(json.errors, source.name) };
  const checked = parsePlan(json.value, book);
  if (!checked.value)
    return {
      errors: inFile(
        checked.errors.map((p) => ({ place: { path: p.path }, code: p.code, message: p.message })),
        source.name,
      ),
    };
  return { plan: checked.value, errors: [] };
}
