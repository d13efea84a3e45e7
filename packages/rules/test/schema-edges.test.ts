/**
 * The edges of the shared schemas, as inputs reach them: dates written another way or that do not
 * exist, money that is not a string of digits, dated parameter values out of order, condition
 * trees, one-day classes, people listed twice, and how values print in each language.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bundledPack, bundledPackIds, bundledPackTests } from '../src/bundled.js';
import { formatDateText, formatPercentText, formatValue } from '../src/i18n.js';
import { DATE_MESSAGES, IsoDateSchema, looksLikeIsoDate, MONEY_MESSAGES, MoneySchema } from '../src/schemas/common.js';
import { ConditionSchema, ParameterSchema } from '../src/schemas/pack.js';
import { PlanCaseSchema } from '../src/schemas/pack-tests.js';
import { planRepeatProblems } from '../src/schemas/plan.js';
import { HeldClassSchema } from '../src/schemas/report-input.js';
import { ConditionTraceSchema } from '../src/schemas/results.js';

const firstIssue = (schema: z.ZodType, input: unknown) => schema.safeParse(input).error?.issues[0];

describe('dates', () => {
  it('written YYYY-MM-DD, the whole text and nothing around it', () => {
    expect(looksLikeIsoDate('2020-07-01')).toBe(true);
    for (const v of ['x2020-07-01', '2020-07-01x', '2020-07-011', '12020-07-01', 20200701]) expect(looksLikeIsoDate(v)).toBe(false);
  });

  it('a day that does not exist is told apart from a date written another way; a number is of the wrong type', () => {
    expect(firstIssue(IsoDateSchema, '2020-02-30')?.message).toBe(DATE_MESSAGES.noSuchDay);
    expect(firstIssue(IsoDateSchema, '30/02/2020')?.message).toBe(DATE_MESSAGES.format);
    expect(firstIssue(IsoDateSchema, '2020-07-01 ')?.message).toBe(DATE_MESSAGES.format);
    const number = firstIssue(IsoDateSchema, 20200701);
    expect(number?.code).toBe('invalid_type');
    expect(number?.message).not.toBe(DATE_MESSAGES.format);
  });
});

describe('money', () => {
  it('a number, not a string: told to write digits as a string; a missing amount is missing', () => {
    expect(firstIssue(MoneySchema, 8040000000)?.message).toBe(MONEY_MESSAGES.not_a_string);
    const missing = firstIssue(z.object({ amount: MoneySchema }), {});
    expect(missing?.code).toBe('invalid_type');
    expect(missing?.message).not.toBe(MONEY_MESSAGES.not_a_string);
  });

  it('each problem of a string is a custom issue naming the problem', () => {
    expect(firstIssue(MoneySchema, '-1')).toMatchObject({ code: 'custom', message: MONEY_MESSAGES.negative, params: { money: 'negative' } });
    expect(firstIssue(MoneySchema, '1e9')).toMatchObject({ code: 'custom', params: { money: 'not_digits' } });
    expect(MoneySchema.safeParse('8040000000').success).toBe(true);
  });
});

describe('a parameter’s dated values', () => {
  const param = (froms: string[]) => ({ label: { vi: 'Mức', en: 'Rate' }, value: '1', unit: 'vnd', clause: 'KH.III', values: froms.map((from) => ({ from, value: '2', clause: 'KH.III' })) });

  it('in order of their dates, each date once', () => {
    expect(ParameterSchema.safeParse(param(['2020-01-01', '2020-07-01'])).success).toBe(true);
    expect(firstIssue(ParameterSchema, param(['2020-07-01', '2020-01-01']))?.message).toBe('dated values are in order of their "from" date, each date once');
    expect(firstIssue(ParameterSchema, param(['2020-07-01', '2020-07-01']))?.message).toBe('dated values are in order of their "from" date, each date once');
  });
});

describe('a condition tree', () => {
  const leaf = { fact: 'age', operator: 'lessThanInclusive', value: 60 };

  it('a comparison, all, any or not, nested', () => {
    for (const c of [leaf, { all: [leaf] }, { any: [leaf, { not: leaf }] }, { not: { all: [] } }]) expect(ConditionSchema.safeParse(c).success, JSON.stringify(c)).toBe(true);
  });

  it('at most 50 under all or any; nothing else beside them', () => {
    const many = Array.from({ length: 50 }, () => leaf);
    expect(ConditionSchema.safeParse({ all: many }).success).toBe(true);
    expect(ConditionSchema.safeParse({ any: many }).success).toBe(true);
    expect(ConditionSchema.safeParse({ all: [...many, leaf] }).success).toBe(false);
    expect(ConditionSchema.safeParse({ any: [...many, leaf] }).success).toBe(false);
    expect(ConditionSchema.safeParse({ all: [leaf], any: [leaf] }).success).toBe(false);
  });

  it('a trace of a decision keeps what was compared', () => {
    const trace = { fact: 'age', operator: 'lessThanInclusive', params: { asOf: '2020-12-31' }, factValue: 45, value: 60, result: true };
    expect(ConditionTraceSchema.parse({ all: [trace] })).toEqual({ all: [trace] });
  });
});

describe('a class as held, and a test case of a plan', () => {
  const held = (start: string, end: string) => ({ id: 'H-1', track: 'district_cadre', place: 'Hội trường', start, end, days: '1', trainees: [] });

  it('a one-day class ends the day it starts; one ending before it starts is refused at its end', () => {
    expect(HeldClassSchema.safeParse(held('2020-10-01', '2020-10-01')).success).toBe(true);
    expect(firstIssue(HeldClassSchema, held('2020-10-02', '2020-10-01'))).toMatchObject({ path: ['end'], message: 'the end date is before the start date' });
  });

  it('a plan case says which findings it expects', () => {
    const base = { name: 'một kế hoạch trống / an empty plan', plan: { classes: [], budget: [] } };
    expect(firstIssue(PlanCaseSchema, { ...base, expected: {} })?.message).toBe('say which findings: "findings", "includes" or "excludes"');
    for (const expected of [{ findings: [] }, { includes: ['a.b'] }, { excludes: ['a.b'] }]) expect(PlanCaseSchema.safeParse({ ...base, expected }).success).toBe(true);
  });
});

describe('a person listed twice in a plan', () => {
  it('in a study tour, and in the plan’s roster, each named with where it first was', () => {
    const problems = planRepeatProblems({
      classes: [],
      studyTours: [{ id: 'T-1', members: ['A', 'B', 'A'] }] as never,
      candidates: [{ id: 'A' }, { id: 'A' }],
    });
    expect(problems.map((p) => [p.path, p.message.vi, p.message.en])).toEqual([
      [
        '$.studyTours[0].members[2]',
        'Thành viên "A" lặp lại trong đoàn "T-1" (đã có ở $.studyTours[0].members[0]); mỗi người chỉ ghi một lần',
        'member "A" repeats in study tour "T-1" (already at $.studyTours[0].members[0]); list each person once',
      ],
      [
        '$.candidates[1].id',
        'Mã người "A" lặp lại trong danh sách candidates (đã có ở $.candidates[0].id); mỗi người chỉ ghi một lần',
        'candidate id "A" repeats in candidates (already at $.candidates[0].id); list each person once',
      ],
    ]);
  });
});

describe('values as they print', () => {
  it('a date only when the whole value is one', () => {
    expect(formatValue('2020-07-01', undefined, 'vi')).toBe('01/07/2020');
    expect(formatValue('2020-07-01T08:00', undefined, 'vi')).toBe('2020-07-01T08:00');
    expect(formatValue('lớp 2020-07-01', undefined, 'en')).toBe('lớp 2020-07-01');
    expect(formatDateText('2020-07-01T08:00', 'en')).toBe('2020-07-01T08:00');
    expect(formatDateText('x2020-07-01', 'en')).toBe('x2020-07-01');
  });

  it('a decimal with a comma in Vietnamese, however many digits before the point', () => {
    expect(formatValue('12.5', undefined, 'vi')).toBe('12,5');
    expect(formatValue('-1234.75', undefined, 'vi')).toBe('-1234,75');
    expect(formatValue('12.5', undefined, 'en')).toBe('12.5');
  });

  it('a share as a percentage, trailing zeros dropped, inner zeros kept', () => {
    expect(formatPercentText('0.12500', 'vi')).toBe('12,5%');
    expect(formatPercentText('0.12050', 'en')).toBe('12.05%');
    expect(formatPercentText('0.1000', 'en')).toBe('10%');
  });
});

describe('the bundled packs', () => {
  it('each is read once and then the same pack is given', () => {
    expect(bundledPack('lang-son-2020')).toBe(bundledPack('lang-son-2020'));
    expect(bundledPackIds()).toEqual(['lang-son-2020', 'example-2021']);
  });

  it('an id that is not bundled, even one every object inherits, has no pack and no tests', () => {
    for (const id of ['quang-ninh-2020', 'constructor', '__proto__', 'toString']) {
      expect(bundledPack(id)).toBeUndefined();
      expect(bundledPackTests(id)).toBeUndefined();
    }
    expect(bundledPackTests('lang-son-2020')?.cases.length).toBeGreaterThan(0);
  });
});
