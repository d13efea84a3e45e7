import { describe, expect, it } from 'vitest';
import { Dec, formatMoney, MoneyError, moneyToString, parseMoney, toDecimal } from '../src/index.js';
import { isDecimalText, MONEY_MAX_DIGITS, moneyProblem, sumMoney } from '../src/money.js';

/**
 * What an official or an integrator relies on when typing an amount: whole đồng as digits, the
 * reason a wrong amount is refused (the API and the CLI turn it into the message they show), and
 * exact arithmetic with no float anywhere.
 */
describe('why an amount is refused: the first reason that applies', () => {
  it.each([
    // A long negative amount is still called negative, up to the 20 characters a sign and 19 digits take…
    [`-${'1'.repeat(MONEY_MAX_DIGITS + 1)}`, 'negative'],
    [`1.${'0'.repeat(MONEY_MAX_DIGITS)}`, 'fractional'],
    // …and anything longer is too large before any pattern is tried.
    [`-${'1'.repeat(MONEY_MAX_DIGITS + 2)}`, 'too_large'],
    [`1.${'0'.repeat(MONEY_MAX_DIGITS + 1)}`, 'too_large'],
    // A minus sign counts only at the start, and only before digits (spaces allowed: "- 5").
    ['1-5', 'not_digits'],
    ['-x5', 'not_digits'],
    ['-', 'not_digits'],
    ['-  7', 'negative'],
    // A decimal point needs digits on both sides to be "fractional"; otherwise it is not a number.
    ['1.', 'not_digits'],
    ['.5', 'not_digits'],
    ['1.25', 'fractional'],
    ['01.5', 'not_digits'],
    ['1.5x', 'not_digits'],
    ['x1.5', 'not_digits'],
    ['10x', 'not_digits'],
    ['x10', 'not_digits'],
  ])('%j: %s', (text, why) => {
    expect(moneyProblem(text)).toBe(why);
  });

  it('18 digits are the most an amount may have (below 10^18 đồng)', () => {
    expect(MONEY_MAX_DIGITS).toBe(18);
    expect(moneyProblem('9'.repeat(18))).toBeNull();
    expect(moneyProblem(`1${'0'.repeat(18)}`)).toBe('too_large');
  });
});

describe('a refused amount is a MoneyError that says what is expected', () => {
  it('carries a stable code, the reason and the value given', () => {
    let error: unknown;
    try {
      parseMoney('1.5');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MoneyError);
    expect(error).toMatchObject({
      name: 'MoneyError',
      code: 'P135_MONEY',
      problem: 'fractional',
      input: '1.5',
      message: 'invalid money amount (fractional): expected whole đồng as a string of digits, e.g. "8040000000"',
    });
  });

  it('a computed amount that is not whole đồng, or negative, is never written as money', () => {
    expect(() => moneyToString(new Dec('0.5'))).toThrow(expect.objectContaining({ problem: 'fractional', input: '0.5' }));
    expect(() => moneyToString(new Dec('-1'))).toThrow(expect.objectContaining({ problem: 'fractional', input: '-1' }));
    expect(moneyToString(new Dec('0'))).toBe('0');
  });

  it('large amounts are written as plain digits, never with an exponent', () => {
    expect(moneyToString(parseMoney('999999999999999999').times(1000))).toBe('999999999999999999000');
    expect(moneyToString(new Dec('1e30'))).toBe(`1${'0'.repeat(30)}`);
  });
});

describe('sums and display', () => {
  it('the sum of no amounts is 0 đồng', () => {
    expect(moneyToString(sumMoney([]))).toBe('0');
  });
  it('an amount given as a string is shown as it is, grouped for people', () => {
    expect(formatMoney('8040000000', 'vi')).toBe('8.040.000.000 đ');
    expect(formatMoney('8040000000', 'en')).toBe('8,040,000,000 VND');
    expect(formatMoney(new Dec('804000000'), 'en')).toBe('804,000,000 VND');
  });
  it('a computed amount that is not whole đồng is refused, not shown as money', () => {
    expect(() => formatMoney(new Dec('0.5'), 'vi')).toThrow(MoneyError);
  });
});

describe('plain decimals (days, shares) and the values rules compare exactly', () => {
  it.each([
    ['3.5', true],
    ['0.10', true],
    ['2', true],
    ['0', true],
    ['', false],
    ['.5', false],
    ['3.', false],
    ['03.5', false],
    ['-1', false],
    ['1e3', false],
    ['3,5', false],
    [' 3.5', false],
    ['3.5 ', false],
    [3.5, false],
    [null, false],
  ])('isDecimalText(%j) is %s', (value, ok) => {
    expect(isDecimalText(value)).toBe(ok);
  });

  it('isDecimalText refuses text longer than its limit (40 characters by default)', () => {
    expect(isDecimalText(`1.${'0'.repeat(38)}`)).toBe(true);
    expect(isDecimalText(`1.${'0'.repeat(39)}`)).toBe(false);
    expect(isDecimalText('12.5', 4)).toBe(true);
    expect(isDecimalText('12.5', 3)).toBe(false);
  });

  it('toDecimal takes exact values only: decimals, safe whole numbers and decimal text, signed', () => {
    const d = new Dec('7.25');
    expect(toDecimal(d)).toBe(d);
    expect(toDecimal(42)?.toFixed()).toBe('42');
    expect(toDecimal(-42)?.toFixed()).toBe('-42');
    expect(toDecimal(Number.MAX_SAFE_INTEGER)?.toFixed()).toBe('9007199254740991');
    expect(toDecimal(2 ** 53)).toBeNull();
    expect(toDecimal(1.5)).toBeNull();
    expect(toDecimal('-3.5')?.toFixed()).toBe('-3.5');
    expect(toDecimal('0.10')?.toFixed()).toBe('0.1');
    expect(toDecimal('8040000000')?.toFixed()).toBe('8040000000');
    for (const bad of ['', '1e3', '--1', '+1', '01', '1.', '.5', '1,5', ' 1', '1 ', 'NaN', 'Infinity', true, null, undefined, {}, ['1']]) {
      expect(toDecimal(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('toDecimal reads decimal text up to 200 characters', () => {
    expect(toDecimal(`1.${'0'.repeat(198)}`)?.toFixed()).toBe('1');
    expect(toDecimal(`1.${'0'.repeat(199)}`)).toBeNull();
  });
});
