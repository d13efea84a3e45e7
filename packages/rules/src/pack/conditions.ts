import type { PathPart } from '../problems.js';
import type { Condition, LeafCondition } from '../schemas/pack.js';

/** A comparison in a condition tree, with where it is below the tree's root (`['all', 0, 'any', 1]`). */
export interface LeafAt {
  readonly leaf: LeafCondition;
  readonly path: readonly PathPart[];
}

/**
 * Every comparison of a condition tree (`all`, `any`, `not` opened), in document order, with its
 * path: the one walk of the tree that validation, evaluators, plan checks and the apps share.
 */
export function conditionLeaves(condition: Condition, path: readonly PathPart[] = []): LeafAt[] {
  const out: LeafAt[] = [];
  const walk = (c: Condition, at: readonly PathPart[]) => {
    if ('all' in c) c.all.forEach((x, i) => walk(x, [...at, 'all', i]));
    else if ('any' in c) c.any.forEach((x, i) => walk(x, [...at, 'any', i]));
    else if ('not' in c) walk(c.not, [...at, 'not']);
    else out.push({ leaf: c, path: at });
  };
  walk(condition, path);
  return out;
}

/** Whether some comparison of the tree passes `test`. */
export const someLeaf = (condition: Condition, test: (leaf: LeafCondition) => boolean): boolean => conditionLeaves(condition).some(({ leaf }) => test(leaf));
