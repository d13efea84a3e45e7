import { describe, expect, it } from 'vitest';
import { formatMoney, formatMoneyText, formatPercentText, MoneyError, MoneySchema, moneyToString, parseMoney } from '../src/index.js';
import { moneyProblem, sumMoney } from '../src/money.js';

describe('money is whole đồng, carried as a string of digits', () => {
  it.each([['8040000000'], ['0'], ['999999999999999999']])('accepts %s', (s) => {
    expect(moneyProblem(s)).toBeNull();
    expect(moneyToString(parseMoney(s))).toBe(s);
  });

  it.each([
    ['-1', 'negative'],
    ['- 5', 'negative'],
    ['1.5', 'fractional'],
    ['8040000000.00', 'fractional'],
    ['NaN', 'not_digits'],
    ['Infinity', 'not_digits'],
    ['-Infinity', 'not_digits'],
    ['0x1F', 'not_digits'],
    ['0b101', 'not_digits'],
    ['1_000', 'not_digits'],
    ['1e3', 'not_digits'],
    ['1e100000000', 'not_digits'],
    ['8.040.000.000', 'not_digits'],
    ['8,040,000,000', 'not_digits'],
    [' 100', 'not_digits'],
    ['100 ', 'not_digits'],
    ['+100', 'not_digits'],
    ['007', 'not_digits'],
    ['mười đồng', 'not_digits'],
    ['', 'empty'],
    ['1000000000000000000', 'too_large'],
    ['9'.repeat(5000), 'too_large'],
  ])('refuses %j before any arithmetic (%s)', (s, why) => {
    expect(moneyProblem(s)).toBe(why);
    expect(() => parseMoney(s)).toThrow(MoneyError);
    expect(MoneySchema.safeParse(s).success).toBe(false);
  });

  it.each([[8040000000], [null], [undefined], [{}], [['1']]])('refuses a non-string %j', (v) => {
    expect(moneyProblem(v)).toBe('not_a_string');
    expect(() => parseMoney(v)).toThrow(MoneyError);
  });

  it('adds exactly above 2^53, where a float would round', () => {
    const total = sumMoney(['9007199254740993', '1', '999999999990000000'].map(parseMoney));
    expect(moneyToString(total)).toBe('1009007199244740994');
  });

  it('shows people the vi-VN form and machines the exact form', () => {
    expect(formatMoneyText('8040000000', 'vi')).toBe('8.040.000.000 đ');
    expect(formatMoneyText('8040000000', 'en')).toBe('8,040,000,000 VND');
    expect(formatMoney(parseMoney('804000000'), 'vi')).toBe('804.000.000 đ');
    expect(formatPercentText('0.10', 'vi')).toBe('10%');
    expect(formatPercentText('0.125', 'vi')).toBe('12,5%');
    expect(formatPercentText('0.05', 'en')).toBe('5%');
  });
});
