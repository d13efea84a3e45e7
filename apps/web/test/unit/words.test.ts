import { describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/lang';
import { UI } from '../../src/i18n/ui';
import { resultName } from '../../src/lib/download';
import { date, money } from '../../src/lib/format';
import { hashOf, VIEWS, viewFromHash } from '../../src/lib/route';

describe("the app's words", () => {
  it('every key has Vietnamese and English text', () => {
    expect(Object.keys(UI.en).sort()).toEqual(Object.keys(UI.vi).sort());
    for (const [k, v] of Object.entries(UI.vi)) if (k !== 'unit.year') expect(v, k).not.toBe('');
    for (const [k, v] of Object.entries(UI.en)) if (k !== 'unit.year') expect(v, k).not.toBe('');
  });

  it('every placeholder of a Vietnamese text is in its English text', () => {
    for (const [k, vi] of Object.entries(UI.vi)) {
      const names = (s: string) => [...s.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]).sort();
      expect(names(UI.en[k as keyof typeof UI.en]), k).toEqual(names(vi));
    }
  });

  it('writes numbers in the language and leaves text as given', () => {
    expect(translate('vi', 'phase.decide', { done: 16600, total: 16600 })).toBe('Đang xét 16.600/16.600 người…');
    expect(translate('en', 'phase.decide', { done: 16600, total: 16600 })).toBe('Deciding 16,600/16,600 people…');
    expect(translate('vi', 'person.planYearClasses', { year: '2020' })).toBe('Lớp đã dự trong năm kế hoạch 2020');
    expect(money('8040000000', 'vi')).toBe('8.040.000.000 đ');
    expect(date('2020-07-01', 'vi')).toBe('01/07/2020');
    expect(date('2020-07-01', 'en')).toBe('2020-07-01');
  });

  it('chooses English words by number, and never leaves a {placeholder} in a text', () => {
    expect(translate('en', 'plan.findingCount', { n: 1 })).toBe('1 time');
    expect(translate('en', 'plan.findingCount', { n: 2 })).toBe('2 times');
    expect(translate('en', 'plan.findingCount', { n: 16247 })).toBe('16,247 times');
    expect(translate('vi', 'plan.findingCount', { n: 1 })).toBe('1 lần');
    expect(translate('en', 'plan.summary', { errors: 1, warnings: 0 })).toBe('The plan itself: 1 error, 0 warnings');
    expect(translate('en', 'roster.errors', { n: 1 })).toBe('The file has 1 error; fix it and load it again.');
    for (const lang of ['vi', 'en'] as const)
      for (const key of Object.keys(UI.vi) as (keyof typeof UI.vi)[]) {
        const names = [...UI[lang][key].matchAll(/\{([a-zA-Z]+)[}|]/g)].map((m) => m[1] as string);
        const values = Object.fromEntries(names.map((n) => [n, 2]));
        expect(translate(lang, key, values), `${lang} ${key}`).not.toMatch(/[{}]/);
      }
  });

  it('routes by hash, defaulting to the person check', () => {
    for (const v of VIEWS) expect(viewFromHash(hashOf(v))).toBe(v);
    expect(viewFromHash('')).toBe('person');
    expect(viewFromHash('#/rules/KH.II.1')).toBe('rules');
    expect(viewFromHash('#/nope')).toBe('person');
  });

  it('names result files after the input', () => {
    expect(resultName('danh sách.csv', 'ket-qua', 'xlsx')).toBe('danh-sách-ket-qua.xlsx');
    expect(resultName('.csv', 'x', 'csv')).toBe('p135-x.csv');
  });
});
