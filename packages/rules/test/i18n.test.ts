import { describe, expect, it } from 'vitest';
import { formatDateText, formatDecimalText, formatMoneyText, formatPercentText, interpolate, LANGS, localize, placeholders } from '../src/i18n.js';
import { FILTERS, formatValue, isLocalized, unknownFilters } from '../src/i18n.js';

/**
 * How every message of a pack is filled in and written: Vietnamese first (3,5 ngày; 8.040.000.000 đ;
 * 01/07/2020), English second (3.5; 8,040,000,000 VND; 1 July 2020). Exact, no floats.
 */

describe('placeholders in a message', () => {
  it('are filled from the values, each language written its own way', () => {
    const text = {
      vi: '{name}: {days} ngày, {amount|money}, {share|percent}, {count|number} người, từ {start}',
      en: '{name}: {days} days, {amount|money}, {share|percent}, {count|number} people, from {start}',
    };
    expect(localize(text, { name: 'PC-1', days: '3.5', amount: '8040000000', share: '0.1', count: '12500', start: '2020-07-01' })).toEqual({
      vi: 'PC-1: 3,5 ngày, 8.040.000.000 đ, 10%, 12.500 người, từ 01/07/2020',
      en: 'PC-1: 3.5 days, 8,040,000,000 VND, 10%, 12,500 people, from 1 July 2020',
    });
  });

  it('a placeholder with no value is left as written, so the gap is seen; so is one named like an inherited property', () => {
    expect(interpolate('{a} và {b|money} và {toString} và {constructor}', { a: 1 }, 'vi')).toBe('1 và {b|money} và {toString} và {constructor}');
  });

  it('names may hold digits, underscores, colons and dots (a parameter: {param:plan.year}); other shapes are plain text', () => {
    expect(interpolate('{param:plan.year} {x_1} {a-b} {A|Money} { a }', { 'param:plan.year': 2020, x_1: 'y', 'a-b': 'no', A: 'no', a: 'no' }, 'en')).toBe('2020 y {a-b} {A|Money} { a }');
    expect(placeholders('{param:plan.year} {x_1|money} {a-b} {A|Money}')).toEqual(['param:plan.year', 'x_1']);
    expect(placeholders('no placeholder')).toEqual([]);
  });

  it('an unknown filter (pack validation refuses one) writes the value as with no filter', () => {
    expect(interpolate('{x|upper} {y|upper}', { x: '3.5', y: '1000' }, 'vi')).toBe('3,5 1000');
  });

  it('a value that is missing (null, undefined) reads "(không có)" / "(none)"', () => {
    expect(localize({ vi: '{x}, {y|money}', en: '{x}, {y|money}' }, { x: null, y: undefined })).toEqual({ vi: '(không có), (không có)', en: '(none), (none)' });
  });

  it('a value with both languages gives each its own; a list is each item formatted, joined with commas', () => {
    expect(localize({ vi: '{t}', en: '{t}' }, { t: { vi: 'Lớp cán bộ', en: 'Cadre class' } })).toEqual({ vi: 'Lớp cán bộ', en: 'Cadre class' });
    expect(localize({ vi: '{xs|money}', en: '{xs}' }, { xs: ['1000', '2.5', { vi: 'một', en: 'one' }] })).toEqual({ vi: '1.000 đ, 2,5 đ, một', en: '1000, 2.5, one' });
  });

  it('without a filter: a decimal gets the language’s mark, whole numbers and years stay as they are, dates are written out', () => {
    expect(formatValue('3.5', undefined, 'vi')).toBe('3,5');
    expect(formatValue('-0.25', undefined, 'vi')).toBe('-0,25');
    expect(formatValue('3.5', undefined, 'en')).toBe('3.5');
    expect(formatValue('2020', undefined, 'vi')).toBe('2020');
    expect(formatValue(8040000000, undefined, 'vi')).toBe('8040000000');
    expect(formatValue('1.2.3', undefined, 'vi')).toBe('1.2.3');
    expect(formatValue('v3.5', undefined, 'vi')).toBe('v3.5');
    expect(formatValue('3.5x', undefined, 'vi')).toBe('3.5x');
    expect(formatValue('2020-11-30', undefined, 'vi')).toBe('30/11/2020');
    expect(formatValue('2020-11-30T00:00', undefined, 'vi')).toBe('2020-11-30T00:00');
    expect(formatValue('x2020-11-30', undefined, 'vi')).toBe('x2020-11-30');
    expect(formatValue(true, undefined, 'en')).toBe('true');
  });

  it('the two languages are Vietnamese first, then English', () => {
    expect(LANGS).toEqual(['vi', 'en']);
  });
});

describe('numbers, money, shares and dates', () => {
  it('groups digits by thousands: dots in Vietnamese, commas in English; the decimal mark the other way', () => {
    expect(formatDecimalText('8040000000', 'vi')).toBe('8.040.000.000');
    expect(formatDecimalText('8040000000', 'en')).toBe('8,040,000,000');
    expect(formatDecimalText('1234567.891', 'vi')).toBe('1.234.567,891');
    expect(formatDecimalText('1234567.891', 'en')).toBe('1,234,567.891');
    expect(formatDecimalText('-1234', 'vi')).toBe('-1.234');
    expect(formatDecimalText('999', 'vi')).toBe('999');
    expect(formatDecimalText('1000', 'vi')).toBe('1.000');
    expect(formatDecimalText('0.5', 'vi')).toBe('0,5');
  });

  it('leaves what is not a plain decimal as it is', () => {
    for (const odd of ['1e5', 'abc', '1,5', '.5', '5.', '+5', '1 000', '']) expect(formatDecimalText(odd, 'vi')).toBe(odd);
  });

  it('money is whole đồng with its unit', () => {
    expect(formatMoneyText('8040000000', 'vi')).toBe('8.040.000.000 đ');
    expect(formatMoneyText('8040000000', 'en')).toBe('8,040,000,000 VND');
    expect(formatMoneyText('0', 'vi')).toBe('0 đ');
  });

  it('a share is a percentage, exactly, by moving the decimal point', () => {
    const cases: [string, string, string][] = [
      ['0.1', '10%', '10%'],
      ['0.10', '10%', '10%'],
      ['0.125', '12,5%', '12.5%'],
      ['0.1250', '12,5%', '12.5%'],
      ['0.001', '0,1%', '0.1%'],
      ['0.05', '5%', '5%'],
      ['0', '0%', '0%'],
      ['1', '100%', '100%'],
      ['1.5', '150%', '150%'],
      ['12.34567', '1.234,567%', '1,234.567%'],
      ['0.3333333333333333', '33,33333333333333%', '33.33333333333333%'],
    ];
    for (const [share, vi, en] of cases) expect([share, formatPercentText(share, 'vi'), formatPercentText(share, 'en')]).toEqual([share, vi, en]);
  });

  it('a share that is not a plain non-negative decimal is left as written', () => {
    for (const odd of ['-0.1', '1e-1', '10%', 'abc', '.5']) expect(formatPercentText(odd, 'vi')).toBe(odd);
  });

  it('dates: dd/mm/yyyy in Vietnamese, "1 July 2020" in English; anything else as written', () => {
    expect(formatDateText('2020-07-01', 'vi')).toBe('01/07/2020');
    expect(formatDateText('2020-07-01', 'en')).toBe('1 July 2020');
    expect(formatDateText('2020-01-31', 'en')).toBe('31 January 2020');
    expect(formatDateText('2020-12-05', 'en')).toBe('5 December 2020');
    expect(formatDateText('2020-13-05', 'en')).toBe('5 13 2020');
    expect(formatDateText('2020-7-1', 'vi')).toBe('2020-7-1');
    expect(formatDateText('x2020-07-01', 'en')).toBe('x2020-07-01');
  });
});

describe('what counts as a text in both languages', () => {
  it('an object with a vi and an en text, nothing less', () => {
    expect(isLocalized({ vi: 'a', en: 'b' })).toBe(true);
    expect(isLocalized({ vi: '', en: '', extra: 1 })).toBe(true);
    expect(isLocalized({ vi: 'a' })).toBe(false);
    expect(isLocalized({ en: 'b' })).toBe(false);
    expect(isLocalized({ vi: 1, en: 'b' })).toBe(false);
    expect(isLocalized({ vi: 'a', en: null })).toBe(false);
    expect(isLocalized(null)).toBe(false);
    expect(isLocalized('vi')).toBe(false);
  });
});

describe('the filters a pack may write', () => {
  it('are money, percent and number; any other is named so validation can refuse it', () => {
    expect(FILTERS).toEqual(['money', 'percent', 'number']);
    expect(unknownFilters('{a|money} {b|percent} {c|number} {d}')).toEqual([]);
    expect(unknownFilters('{a|mony} {b|tien} {c|money}')).toEqual(['mony', 'tien']);
    expect(unknownFilters('{a|Money} {a|tiền} {a|} {a|money }')).toEqual(['Money', 'tiền', '', 'money ']);
    expect(unknownFilters('{a b|money} |money} {|money}')).toEqual([]);
  });
});
