import Decimal from 'decimal.js';
import type { Lang } from './i18n.js';
import { formatMoneyText } from './i18n.js';

/**
 * A Decimal constructor of our own, so no other code's global Decimal settings change our sums.
 * 40 significant digits hold any sum of amounts below 10^18 đồng and their shares exactly enough
 * to tell one đồng over a cap from exactly at it.
 */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -50, toExpPos: 50 });
export type Dec = Decimal;

/** Largest number of digits a money string may have: below 10^18 đồng. */
export const MONEY_MAX_DIGITS = 18;

const WHOLE_DONG = /^(0|[1-9][0-9]*)$/;
const DECIMAL_TEXT = /^(0|[1-9][0-9]*)(\.[0-9]+)?$/;

export type MoneyProblem = 'not_a_string' | 'empty' | 'negative' | 'fractional' | 'not_digits' | 'too_large';

/** Why a value is not a money string, or null when it is one. Runs before any arithmetic. */
export function moneyProblem(value: unknown): MoneyProblem | null {
  if (typeof value !== 'string') return 'not_a_string';
  if (value.length === 0) return 'empty';
  if (value.length > MONEY_MAX_DIGITS + 2) return 'too_large';
  if (WHOLE_DONG.test(value)) return value.length > MONEY_MAX_DIGITS ? 'too_large' : null;
  if (/^-\s*[0-9]/.test(value)) return 'negative';
  if (DECIMAL_TEXT.test(value)) return 'fractional';
  return 'not_digits';
}

export class MoneyError extends Error {
  readonly code = 'P135_MONEY';
  constructor(
    readonly problem: MoneyProblem,
    readonly input: unknown,
  ) {
    super(`invalid money amount (${problem}): expected whole đồng as a string of digits, e.g. "8040000000"`);
    this.name = 'MoneyError';
  }
}

/** Parses a money string (whole đồng, digits only). Throws MoneyError for anything else. */
export function parseMoney(value: unknown): Decimal {
  const problem = moneyProblem(value);
  if (problem) throw new MoneyError(problem, value);
  return new Dec(value as string);
}

/** The exact wire form of an amount: digits, no exponent, no separators. */
export function moneyToString(amount: Decimal): string {
  if (!amount.isInteger() || amount.isNegative()) throw new MoneyError('fractional', amount.toString());
  return amount.toFixed(0);
}

export function formatMoney(amount: Decimal | string, lang: Lang): string {
  return formatMoneyText(typeof amount === 'string' ? amount : moneyToString(amount), lang);
}

/** A plain non-negative decimal ("3.5", "0.10"): checked as text before Decimal sees it. */
export function isDecimalText(value: unknown, maxLength = 40): value is string {
  return typeof value === 'string' && value.length <= maxLength && DECIMAL_TEXT.test(value);
}

/** Parses a fact or parameter value as an exact decimal, or null if it is not one. */
export function toDecimal(value: unknown): Decimal | null {
  if (value instanceof Decimal) return value;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? new Dec(value) : null;
  if (typeof value === 'string' && value.length <= 200 && /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(value)) return new Dec(value);
  return null;
}

export function sumMoney(amounts: Iterable<Decimal>): Decimal {
  let total = new Dec(0);
  for (const a of amounts) total = total.plus(a);
  return total;
}
