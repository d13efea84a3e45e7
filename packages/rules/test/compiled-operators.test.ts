/**
 * The compiled evaluator's copy of json-rules-engine's default operators, held against the
 * originals: for every pair from a table of values a pack or a broken input can bring (numbers,
 * numeric text, text, booleans, null, missing, lists, objects), each operator gives the same
 * answer as json-rules-engine, or throws where it throws, with the same message.
 */
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { OPERATOR_TESTS } from '../src/evaluate/compiled.js';

/** json-rules-engine's own operator table (an OperatorMap; its typings leave it out). */
const reference = (new Engine() as unknown as { operators: { get(name: string): unknown } }).operators;
const BUILT_IN = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'];
const VALUES: unknown[] = [0, 1, 5, -1, 1.5, '5', '1', '', 'abc', 'a', 'a5', true, false, null, undefined, [], [1], [5, 'a'], ['5'], {}];

const outcome = (f: () => boolean) => {
  try {
    return { answer: f() };
  } catch (e) {
    return { throws: (e as Error).message };
  }
};

describe('the compiled evaluator runs json-rules-engine’s own operators, to the letter', () => {
  it('has each of json-rules-engine’s default operators', () => {
    for (const name of BUILT_IN) {
      expect(typeof OPERATOR_TESTS[name], name).toBe('function');
      expect(reference.get(name), name).toBeDefined();
    }
  });

  it.each(BUILT_IN)('%s: the same answer for every pair of values, or the same error', (name) => {
    const ours = OPERATOR_TESTS[name] as (a: unknown, b: unknown) => boolean;
    const theirs = reference.get(name) as { evaluate: (a: unknown, b: unknown) => boolean };
    for (const a of VALUES)
      for (const b of VALUES)
        expect(
          outcome(() => ours(a, b)),
          `${JSON.stringify(a)} ${name} ${JSON.stringify(b)}`,
        ).toEqual(outcome(() => theirs.evaluate(a, b)));
  });

  it('equal numbers are not less or greater, and are both inclusive bounds (the budget cap is `lessThanInclusive`)', () => {
    expect([OPERATOR_TESTS.lessThan?.(5, 5), OPERATOR_TESTS.greaterThan?.(5, 5)]).toEqual([false, false]);
    expect([OPERATOR_TESTS.lessThanInclusive?.(5, 5), OPERATOR_TESTS.greaterThanInclusive?.(5, 5)]).toEqual([true, true]);
  });
});
