/**
 * The compiled evaluator against json-rules-engine on rule groups a validated pack would not hold
 * (the evaluators also serve packs read by other tools): a list operator on something that is not
 * a list must fail in both, even beside a condition that already decided the rule, because
 * json-rules-engine evaluates every condition of an `all` or `any`; and lists given as literals,
 * parameters or text answer alike.
 */
import { describe, expect, it } from 'vitest';
import { createCompiledEvaluator, createJreEvaluator } from '../src/evaluate.js';
import type { RuleGroup } from '../src/evaluate/types.js';
import { book, person } from './helpers.js';

// Values no pack check would let through (a list of objects), hence the cast.
const params = { ...book.params, n: 5, list: ['citizen', 'police_chief'], mixed: [{ role: 'citizen' }], text: 'a citizen here' } as unknown as typeof book.params;
const group = (conditions: unknown): RuleGroup => ({ key: JSON.stringify(conditions), scope: 'candidate', rules: [{ id: 'r', conditions } as never] });
const ctx = { candidate: person({ role: 'citizen', birthYear: 1980 }) };

async function outcome(factory: typeof createJreEvaluator, conditions: unknown) {
  try {
    const [o] = await factory(params).evaluate(group(conditions), ctx);
    return { passed: o?.passed };
  } catch (e) {
    return { throws: (e as Error).message };
  }
}
const both = async (conditions: unknown) => {
  const jre = await outcome(createJreEvaluator, conditions);
  expect(await outcome(createCompiledEvaluator, conditions)).toEqual(jre);
  return jre;
};

const ageBelow0 = { fact: 'age', operator: 'lessThan', value: 0 };
const ageAbove0 = { fact: 'age', operator: 'greaterThan', value: 0 };
const roleIn = (value: unknown, operator = 'in') => ({ fact: 'role', operator, value });

describe('the compiled evaluator answers as json-rules-engine on groups a pack check would refuse', () => {
  it('`in` a number fails the rule with json-rules-engine’s error, even after a false condition of an `all`', async () => {
    expect(await both({ all: [ageBelow0, roleIn({ fact: 'param:n' })] })).toEqual({ throws: 'b.indexOf is not a function' });
    expect(await both({ all: [ageBelow0, roleIn({ fact: 'param:n' }, 'notIn')] })).toEqual({ throws: 'b.indexOf is not a function' });
  });

  it('… and after a true condition of an `any`', async () => {
    expect(await both({ any: [ageAbove0, roleIn({ fact: 'param:n' })] })).toEqual({ throws: 'b.indexOf is not a function' });
  });

  it('`in` a literal list with a number itself fails the same way', async () => {
    expect(await both({ all: [ageBelow0, roleIn(5)] })).toEqual({ throws: 'b.indexOf is not a function' });
  });

  it('lists from a parameter, a literal, text or a list of objects give the same answers', async () => {
    expect(await both({ all: [roleIn({ fact: 'param:list' })] })).toEqual({ passed: true });
    expect(await both({ all: [roleIn({ fact: 'param:list' }, 'notIn')] })).toEqual({ passed: false });
    expect(await both({ all: [roleIn(['poor_household_rep', 5, true, null])] })).toEqual({ passed: false });
    expect(await both({ all: [roleIn(['citizen', 5, true, null], 'notIn')] })).toEqual({ passed: false });
    expect(await both({ all: [roleIn({ fact: 'param:text' })] })).toEqual({ passed: true });
    expect(await both({ all: [roleIn({ fact: 'param:mixed' })] })).toEqual({ passed: false });
  });

  it('a condition compared with another fact reads that fact', async () => {
    expect(await both({ all: [{ fact: 'role', operator: 'equal', value: { fact: 'role' } }] })).toEqual({ passed: true });
    expect(await both({ all: [{ fact: 'role', operator: 'equal', value: { fact: 'gender' } }] })).toEqual({ passed: false });
  });

  it('a fact, a parameter or an operator the package does not know fails with json-rules-engine’s words', async () => {
    expect(await both({ all: [{ fact: 'shoeSize', operator: 'equal', value: 1 }] })).toEqual({ throws: 'Undefined fact: shoeSize' });
    expect(await both({ all: [{ fact: 'role', operator: 'equal', value: { fact: 'param:nope' } }] })).toEqual({ throws: 'Undefined fact: param:nope' });
    expect(await both({ all: [{ fact: 'role', operator: 'resembles', value: 'citizen' }] })).toEqual({ throws: 'Unknown operator: resembles' });
  });

  it('empty `all` and `any` hold, as in json-rules-engine', async () => {
    expect(await both({ all: [] })).toEqual({ passed: true });
    expect(await both({ any: [] })).toEqual({ passed: true });
  });
});

describe('json-rules-engine never resolves a condition path (its resolver runs jsonpath-plus)', () => {
  // json-rules-engine resolves a path only on a fact whose value is an object or a list: a list parameter here.
  it('a condition with a path that slipped past the pack check fails, saying paths are not supported', async () => {
    expect(await outcome(createJreEvaluator, { all: [{ fact: 'param:list', path: '$[0]', operator: 'equal', value: 'citizen' }] })).toEqual({ throws: 'condition paths are not supported' });
  });
});
