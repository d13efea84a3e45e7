import { toDecimal } from '../money.js';

/**
 * Operators a pack may use, as a table (after json-rules-engine's engine-default-operators).
 * The built-in numeric operators compare JavaScript numbers: fine for ages and counts, never
 * for money; money and other decimals go through the `decimal*` operators, which compare
 * exact decimal.js values and are false when either side is not a plain decimal.
 */
export interface OperatorDef {
  readonly name: string;
  /** Fact types this operator is meant for; the validator refuses money with a float operator. */
  readonly for: readonly ('any' | 'number' | 'decimal' | 'date' | 'list')[];
  /** Present for operators this package adds; built-in ones run json-rules-engine's own code. */
  readonly test?: (factValue: unknown, value: unknown) => boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dates = (a: unknown, b: unknown): a is string => typeof a === 'string' && typeof b === 'string' && ISO_DATE.test(a) && ISO_DATE.test(b);

const decimalCompare = (test: (cmp: number) => boolean) => (a: unknown, b: unknown) => {
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x !== null && y !== null && test(x.comparedTo(y));
};

export const BUILT_IN_OPERATORS: readonly OperatorDef[] = [
  { name: 'equal', for: ['any'] },
  { name: 'notEqual', for: ['any'] },
  { name: 'in', for: ['any'] },
  { name: 'notIn', for: ['any'] },
  { name: 'contains', for: ['list'] },
  { name: 'doesNotContain', for: ['list'] },
  { name: 'lessThan', for: ['number'] },
  { name: 'lessThanInclusive', for: ['number'] },
  { name: 'greaterThan', for: ['number'] },
  { name: 'greaterThanInclusive', for: ['number'] },
];

export const CUSTOM_OPERATORS: readonly OperatorDef[] = [
  { name: 'decimalEqual', for: ['decimal'], test: decimalCompare((c) => c === 0) },
  { name: 'decimalLessThan', for: ['decimal'], test: decimalCompare((c) => c < 0) },
  { name: 'decimalLessThanInclusive', for: ['decimal'], test: decimalCompare((c) => c <= 0) },
  { name: 'decimalGreaterThan', for: ['decimal'], test: decimalCompare((c) => c > 0) },
  { name: 'decimalGreaterThanInclusive', for: ['decimal'], test: decimalCompare((c) => c >= 0) },
  { name: 'dateOnOrAfter', for: ['date'], test: (a, b) => dates(a, b) && a >= (b as string) },
  { name: 'dateOnOrBefore', for: ['date'], test: (a, b) => dates(a, b) && a <= (b as string) },
];

export const OPERATORS: readonly OperatorDef[] = [...BUILT_IN_OPERATORS, ...CUSTOM_OPERATORS];

export const findOperator = (name: string) => OPERATORS.find((o) => o.name === name);
