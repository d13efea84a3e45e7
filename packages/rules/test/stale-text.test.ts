/**
 * A province that extends Lạng Sơn's pack and changes a figure (the year, the budget, a class
 * count) is warned wherever text it inherited still states the old figure, in any way a plan
 * writes it, and nowhere else: not in text it wrote itself, not inside a longer number.
 */
import { describe, expect, it } from 'vitest';
import type { Pack } from '../src/index.js';
import { staleInheritedText } from '../src/pack/stale-text.js';
import { jsonPath } from '../src/problems.js';
import type { PackExtension } from '../src/schemas/pack-extension.js';
import { editedPack } from './helpers.js';

const CLAUSE = 'KH.II.5.1';
const overrides = (values: Record<string, unknown>) => ({ parameters: { override: Object.fromEntries(Object.entries(values).map(([id, value]) => [id, { value }])) } });

/** Lạng Sơn's pack with the text of clause KH.II.5.1 set to `vi` (and `en`) and the parameter values `from`, as the base. */
const baseWith = (vi: string, en = 'text', from: Record<string, unknown> = {}) =>
  editedPack((p) => {
    p.clauses.find((c: { id: string }) => c.id === CLAUSE).text = { vi, en };
    for (const [id, value] of Object.entries(from)) p.parameters[id].value = value;
  }) as unknown as Pack;

interface Change {
  /** Parameter values the extension sets. */
  readonly values?: Record<string, unknown>;
  /** The year the extension sets. */
  readonly year?: number;
  /** The clause's English text (Vietnamese is the first argument). */
  readonly en?: string;
  /** Parameter values of the base, where they differ from Lạng Sơn's. */
  readonly from?: Record<string, unknown>;
}

/** The warnings (in English) on the base's clause text `vi`, inherited by an extension that makes `change`. */
function staleIn(vi: string, { values = {}, year, en = 'text', from = {} }: Change): string[] {
  const base = baseWith(vi, en, from);
  const merged = structuredClone(base) as Pack & { meta: { year: number }; parameters: Record<string, { value: unknown }> };
  for (const [id, value] of Object.entries(values)) if (Object.hasOwn(merged.parameters, id)) (merged.parameters[id] as { value: unknown }).value = value;
  if (year !== undefined) merged.meta.year = year;
  const at = `$.clauses[${base.clauses.findIndex((c) => c.id === CLAUSE)}].text`;
  return staleInheritedText(base, merged, overrides(values) as PackExtension)
    .filter((w) => w.path === at)
    .map((w) => w.message.en);
}
const stated = (list: string) => [`the inherited clause ${CLAUSE} still states ${list}, which this pack changed: replace it with your province's plan's text`];

describe('the ways a plan writes a figure that was changed', () => {
  it.each([
    ['digits', 'Tổng kinh phí: 8040000000 đồng'],
    ['grouped the Vietnamese way', 'Tổng kinh phí: 8.040.000.000 đồng'],
    ['grouped the English way', 'Total: 8,040,000,000 VND'],
    ['in triệu', 'Tổng kinh phí: 8.040 triệu đồng'],
    ['in millions', 'Total: 8,040 million VND'],
    ['in tỷ', 'Tổng kinh phí: 8,04 tỷ đồng'],
    ['in billions', 'Total: 8.04 billion VND'],
  ])('an amount %s', (_, text) => {
    expect(staleIn(text, { values: { 'budget.total': '7000000000' } })).toEqual(stated('budget.total = 8040000000'));
  });

  it('an amount in triệu from 7 digits, and in tỷ from 10', () => {
    const budget = (from: string, text: string) => staleIn(text, { values: { 'budget.total': '1' }, from: { 'budget.total': from } });
    expect(budget('5000000', 'Kinh phí 5 triệu đồng')).toEqual(stated('budget.total = 5000000'));
    expect(budget('500000', 'Kinh phí 0,5 triệu đồng')).toEqual([]);
    expect(budget('500000', 'Kinh phí 500.000 đồng')).toEqual(stated('budget.total = 500000'));
    expect(budget('1000000000', 'Kinh phí 1 tỷ đồng')).toEqual(stated('budget.total = 1000000000'));
    expect(budget('900000000', 'Kinh phí 0,9 tỷ đồng')).toEqual([]);
    expect(budget('900000000', 'Kinh phí 900 triệu đồng')).toEqual(stated('budget.total = 900000000'));
  });

  it('a share as a percentage, in either language', () => {
    expect(staleIn('sai số ±10% sĩ số', { values: { 'class_size.tolerance': '0.2' } })).toEqual(stated('class_size.tolerance = 0.10'));
    expect(staleIn('sai số 12,5%', { values: { 'class_size.tolerance': '0.2' } })).toEqual([]);
    const tolerance = (text: string, en = 'text') => staleIn(text, { values: { 'class_size.tolerance': '0.2' }, from: { 'class_size.tolerance': '0.125' }, en });
    expect(tolerance('sai số 12,5%')).toEqual(stated('class_size.tolerance = 0.125'));
    expect(tolerance('sai số', 'within 12.5%')).toEqual(stated('class_size.tolerance = 0.125'));
  });

  it('a count of 10 or more; a count under 10 is too common a number to look for', () => {
    expect(staleIn('212 lớp cộng đồng', { values: { 'commune_community.class_count': 200 } })).toEqual(stated('commune_community.class_count = 212'));
    expect(staleIn('10 lớp huyện', { values: { 'district_cadre.class_count': 12 } })).toEqual(stated('district_cadre.class_count = 10'));
    expect(staleIn('2 lớp tỉnh', { values: { 'province_cadre.class_count': 3 } })).toEqual([]);
    // not as a part of a longer number, grouped or decimal
    expect(staleIn('1.212 người; 0,212; 212,5; 2120', { values: { 'commune_community.class_count': 200 } })).toEqual([]);
  });

  it('a decimal of two digits or more before its point, as written in either language; a short one is not looked for', () => {
    const days = (from: string, text: string) => staleIn(text, { values: { 'province_cadre.days': '4' }, from: { 'province_cadre.days': from } });
    expect(days('12.5', '12,5 ngày/lớp')).toEqual(stated('province_cadre.days = 12.5'));
    expect(days('12.5', '12.5 days')).toEqual(stated('province_cadre.days = 12.5'));
    expect(days('3.5', '3,5 ngày/lớp')).toEqual([]);
    expect(days('12', '12 ngày')).toEqual(stated('province_cadre.days = 12'));
  });

  it('the year, wherever it stands as a number of its own', () => {
    expect(staleIn('tháng 7–10/2020', { year: 2021 })).toEqual(stated('2020'));
    expect(staleIn('năm 2020.', { year: 2021 })).toEqual(stated('2020'));
    expect(staleIn('Mã 12020 và 2020,5 và 2020.5 và 20201', { year: 2021 })).toEqual([]);
    expect(staleIn('năm 2020', { year: 2020 })).toEqual([]);
  });

  it('both figures, when a text states two that were changed', () => {
    expect(staleIn('212 lớp năm 2020', { values: { 'commune_community.class_count': 200 }, year: 2021 })).toEqual(stated('2020, commune_community.class_count = 212'));
  });

  it('in the English text as well as the Vietnamese', () => {
    expect(staleIn('Lớp cộng đồng', { values: { 'commune_community.class_count': 200 }, en: '212 community classes' })).toEqual(stated('commune_community.class_count = 212'));
  });
});

describe('figures that are not looked for', () => {
  it('a value the extension gave again unchanged, a date, a year parameter, or a parameter the base lacks', () => {
    expect(staleIn('212 lớp', { values: { 'commune_community.class_count': 212 } })).toEqual([]);
    expect(staleIn('từ 2020-07-01', { values: { 'province_cadre.window_start': '2021-07-01' } })).toEqual([]);
    expect(staleIn('từ năm 2017', { values: { 'prior_training.from_year': 2018 } })).toEqual([]);
    expect(staleIn('212 lớp', { values: { 'khong.co': 5 } })).toEqual([]);
  });

  it('nothing at all when nothing changed', () => {
    expect(staleInheritedText(baseWith('năm 2020'), baseWith('năm 2020'), {} as PackExtension)).toEqual([]);
  });
});

describe('where a warning is given', () => {
  const base = baseWith('212 lớp năm 2020');
  const changed = (edit: (p: Record<string, any>) => void) =>
    editedPack((p) => {
      p.clauses.find((c: { id: string }) => c.id === CLAUSE).text = { vi: '212 lớp năm 2020', en: 'text' };
      p.meta.year = 2021;
      edit(p);
    }) as unknown as Pack;

  it('an inherited clause, as it was or behind the "kế thừa" mark; not a clause the province rewrote', () => {
    const i = base.clauses.findIndex((c) => c.id === CLAUSE);
    const marked = changed((p) => (p.clauses[i].text.vi = `[Kế thừa từ lang-son-2020, hãy thay bằng văn bản của kế hoạch của tỉnh] ${p.clauses[i].text.vi}`));
    const warnings = staleInheritedText(base, marked, {} as PackExtension).filter((w) => w.path === `$.clauses[${i}].text`);
    expect(warnings).toEqual([
      {
        path: `$.clauses[${i}].text`,
        code: 'pack.inherited_text_stale',
        message: {
          vi: `Điều khoản ${CLAUSE} kế thừa còn nêu 2020, mà bộ quy tắc này đã thay đổi: hãy thay bằng văn bản của kế hoạch của tỉnh`,
          en: `the inherited clause ${CLAUSE} still states 2020, which this pack changed: replace it with your province's plan's text`,
        },
      },
    ]);
    const rewritten = changed((p) => (p.clauses[i].text = { vi: 'Kế hoạch năm 2020 của tỉnh', en: 'text' }));
    expect(staleInheritedText(base, rewritten, {} as PackExtension).filter((w) => w.path === `$.clauses[${i}].text`)).toEqual([]);
  });

  it('an inherited message, not one the extension replaced', () => {
    const id = Object.keys(base.messages)[0] as string;
    const base2 = editedPack((p) => {
      p.messages[id] = { vi: 'Thông báo năm 2020', en: 'Notice for 2020' };
    }) as unknown as Pack;
    const merged = structuredClone(base2) as Pack & { meta: { year: number } };
    merged.meta.year = 2021;
    const messages = (ext: object) => staleInheritedText(base2, merged, ext as PackExtension).filter((w) => w.path.startsWith('$.messages'));
    expect(messages({})).toEqual([
      {
        path: jsonPath(['messages', id]),
        code: 'pack.inherited_text_stale',
        message: {
          vi: `Thông điệp "${id}" kế thừa còn nêu 2020, mà bộ quy tắc này đã thay đổi: hãy thay bằng văn bản của kế hoạch của tỉnh`,
          en: `the inherited message "${id}" still states 2020, which this pack changed: replace it with your province's plan's text`,
        },
      },
    ]);
    expect(messages({ messages: { [id]: { vi: 'x', en: 'x' } } })).toEqual([]);
  });

  it("an inherited rule's message, once for both its pass and fail texts; not a rule the extension added or replaced", () => {
    const rule = base.rules[0] as Pack['rules'][number];
    const base2 = editedPack((p) => (p.rules[0].message = { pass: { vi: 'Đạt năm 2020', en: 'x' }, fail: { vi: 'Không đạt năm 2020', en: 'x' } })) as unknown as Pack;
    const merged = structuredClone(base2) as Pack & { meta: { year: number } };
    merged.meta.year = 2021;
    const rules = (ext: object) => staleInheritedText(base2, merged, ext as PackExtension).filter((w) => w.path.startsWith('$.rules'));
    expect(rules({}).map((w) => [w.path, w.message.en])).toEqual([
      ['$.rules[0].message', `the inherited message of rule "${rule.id}" still states 2020, which this pack changed: replace it with your province's plan's text`],
    ]);
    expect(rules({}).map((w) => w.message.vi)).toEqual([`Thông điệp của quy tắc "${rule.id}" kế thừa còn nêu 2020, mà bộ quy tắc này đã thay đổi: hãy thay bằng văn bản của kế hoạch của tỉnh`]);
    expect(rules({ rules: { replace: [{ id: rule.id }] } })).toEqual([]);
    const passOnly = editedPack((p) => (p.rules[0].message = { pass: { vi: 'Đạt năm 2020', en: 'x' }, fail: { vi: 'Không đạt', en: 'x' } })) as unknown as Pack;
    const passMerged = { ...structuredClone(passOnly), meta: { ...passOnly.meta, year: 2021 } };
    expect(staleInheritedText(passOnly, passMerged, {} as PackExtension).filter((w) => w.path === '$.rules[0].message')).toHaveLength(1);
    expect(rules({ rules: { add: [{ id: rule.id }] } })).toEqual([]);
  });
});
