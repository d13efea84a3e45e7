import { describe, expect, it } from 'vitest';
import { conditionLeaves, someLeaf } from '../src/pack/conditions.js';
import type { Condition } from '../src/schemas/pack.js';

/** The one walk of a rule's condition tree that validation, evaluators, plan checks and the apps share. */
describe('the comparisons of a condition tree', () => {
  const age = { fact: 'age', operator: 'lessThanInclusive', value: 60 } as const;
  const listed = { fact: 'communeListed', operator: 'equal', value: true } as const;
  const struck = { fact: 'communeStruckOff', operator: 'equal', value: true } as const;

  it('every comparison under all, any and not, in document order, with its path from the root', () => {
    const tree = { all: [age, { any: [listed, { not: struck }] }] } as unknown as Condition;
    expect(conditionLeaves(tree)).toEqual([
      { leaf: age, path: ['all', 0] },
      { leaf: listed, path: ['all', 1, 'any', 0] },
      { leaf: struck, path: ['all', 1, 'any', 1, 'not'] },
    ]);
  });

  it('paths start where the caller says the tree is', () => {
    expect(conditionLeaves({ not: age } as unknown as Condition, ['rules', 2, 'conditions'])).toEqual([{ leaf: age, path: ['rules', 2, 'conditions', 'not'] }]);
  });

  it('a tree that is one comparison is its own leaf', () => {
    expect(conditionLeaves(age as unknown as Condition)).toEqual([{ leaf: age, path: [] }]);
  });

  it('whether some comparison passes a test', () => {
    const tree = { any: [age, { not: struck }] } as unknown as Condition;
    expect(someLeaf(tree, (l) => l.fact === 'communeStruckOff')).toBe(true);
    expect(someLeaf(tree, (l) => l.fact === 'gender')).toBe(false);
  });
});
