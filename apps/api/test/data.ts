/** The Lạng Sơn example data, for the tests and the benchmark. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const EXAMPLES = fileURLToPath(new URL('../../../examples/lang-son-2020/', import.meta.url));

export function exampleCandidates(): Record<string, unknown>[] {
  return JSON.parse(readFileSync(`${EXAMPLES}candidates.json`, 'utf8'));
}

export function examplePlan(): Record<string, unknown> {
  return JSON.parse(readFileSync(`${EXAMPLES}plan.json`, 'utf8'));
}

/** `n` candidates: the example roster, repeated with new ids when n is larger. */
export function manyCandidates(n: number): Record<string, unknown>[] {
  const base = exampleCandidates();
  return Array.from({ length: n }, (_, i) => {
    const c = base[i % base.length] as Record<string, unknown>;
    return i < base.length ? c : { ...c, id: `X-${i}` };
  });
}
