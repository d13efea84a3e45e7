/**
 * A plan's cells as offices write them, one cell at a time: amounts in whole đồng (number cells and
 * vi-VN text), dates (date cells, ISO text, the Vietnamese day/month/year), day counts with a
 * decimal comma, and district and commune codes whose leading zeros a number cell dropped.
 */
import { describe, expect, it } from 'vitest';
import { amountOf, codeOf, dateOf, daysOf } from '../src/plans/cells.js';

const problemOf = (c: ReturnType<typeof amountOf>) => ('problem' in c ? c.problem : undefined);

describe('an amount cell', () => {
  it('a number cell of whole đồng is taken as it is, zero included', () => {
    expect(amountOf(150_000_000, '150000000')).toEqual({ value: '150000000' });
    expect(amountOf(0, '0')).toEqual({ value: '0' });
    expect(amountOf(Number.MAX_SAFE_INTEGER, String(Number.MAX_SAFE_INTEGER))).toEqual({ value: '9007199254740991' });
  });

  it('a negative, fractional, infinite or inexact number cell is refused, saying how to write the amount', () => {
    expect(problemOf(amountOf(-5, '-5'))).toEqual({
      vi: '"-5" không phải số tiền: ghi số đồng chẵn, ví dụ 150000000 hoặc 150.000.000 (có thể thêm "đ"); không dùng dấu phẩy, phần lẻ, số mũ hay chữ',
      en: '"-5" is not an amount: write whole đồng, e.g. 150000000 or 150.000.000 (an "đ" may follow); no commas, fractions, exponents or words',
    });
    expect(problemOf(amountOf(Number.POSITIVE_INFINITY, 'Infinity'))?.en).toBe(
      '"Infinity" is not an amount: write whole đồng, e.g. 150000000 or 150.000.000 (an "đ" may follow); no commas, fractions, exponents or words',
    );
    expect(problemOf(amountOf(1.5, '1,5'))).toEqual({ vi: 'số tiền 1,5 có phần lẻ: ghi số đồng chẵn', en: 'the amount 1,5 has a fraction: write whole đồng' });
    expect(problemOf(amountOf(2 ** 53, '9007199254740992'))).toEqual({
      vi: 'số tiền 9007199254740992 quá lớn để ô số giữ chính xác: hãy định dạng ô là văn bản (Text) và ghi lại số',
      en: 'the amount 9007199254740992 is too large for a number cell to hold exactly: format the cell as Text and type the amount again',
    });
  });

  it('text: digits, dotted or spaced groups, a currency word after; an empty cell is a missing amount', () => {
    expect(amountOf(null, ' 150.000.000 đ ')).toEqual({ value: '150000000' });
    expect(amountOf('150\u00a0000\u00a0000₫', '150\u00a0000\u00a0000₫')).toEqual({ value: '150000000' });
    expect(amountOf(null, '  ')).toEqual({ problem: { vi: 'thiếu số tiền', en: 'the amount is missing' } });
    expect(problemOf(amountOf(null, ' 1,5 '))?.vi).toMatch(/^"1,5" không phải số tiền/);
  });
});

describe('a date cell', () => {
  it('ISO text, with or without a midnight time, is the date', () => {
    expect(dateOf('2020-09-08')).toBe('2020-09-08');
    expect(dateOf(' 2020-09-08T00:00:00 ')).toBe('2020-09-08');
  });

  it('day/month/year, as Vietnamese offices write it, with /, - or . and one or two digits', () => {
    expect(dateOf('8/9/2020')).toBe('2020-09-08');
    expect(dateOf('08-09-2020')).toBe('2020-09-08');
    expect(dateOf(' 30.11.2020 ')).toBe('2020-11-30');
  });

  it('anything else is left as written (trimmed), for the plan’s schema to say what is wrong', () => {
    for (const text of ['2020-9-8', '2020-09-08T10:00:00', 'x2020-09-08', '2020-09-08x', '8/9/20', '123/9/2020', '8/123/2020', '8/9/2020x', 'a8/9/2020', '8 9 2020', 'ngày 8/9/2020'])
      expect(dateOf(` ${text} `), text).toBe(text);
  });
});

describe('a day count', () => {
  it('a decimal comma becomes a point: 3,5 days is 3.5', () => {
    expect(daysOf('3,5')).toBe('3.5');
    expect(daysOf(' 10,25 ')).toBe('10.25');
    expect(daysOf('3.5')).toBe('3.5');
  });

  it('anything else is left as written (trimmed)', () => {
    for (const text of ['1234,5', '3,555', 'a3,5', '3,5x', '3,', ',5', '3,5,5']) expect(daysOf(` ${text} `), text).toBe(text);
  });
});

describe('a district or commune code', () => {
  it('gets back the leading zeros a number cell dropped: 5998 → 05998, 80 → 080', () => {
    expect(codeOf('5998', 5)).toBe('05998');
    expect(codeOf(' 80 ', 3)).toBe('080');
    expect(codeOf('05998', 5)).toBe('05998');
  });

  it('a code that is not all digits, or is long enough already, is left as written (trimmed)', () => {
    for (const [text, digits] of [
      ['123456', 5],
      ['A12', 5],
      ['12A', 5],
      ['1 2', 5],
    ] as const)
      expect(codeOf(` ${text} `, digits), text).toBe(text);
  });
});
