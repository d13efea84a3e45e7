/**
 * The quick yes (`acceptor`) must never say yes where zod says no, and when it says yes it must
 * return what zod returns — the same values, keys in the same order, defaults and trims applied.
 * On well-formed rows it must actually say yes (or it is no quicker).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CandidateSchema, parseCandidate } from '../src/index.js';
import { acceptor } from '../src/schemas/accept.js';
import { book, pack } from './helpers.js';

const RUNS = Number(process.env.P135_PROPERTY_RUNS ?? 300);
/**
 * The quick yes to a candidate, compiled at each call: a mutation run changes the code per test,
 * after the file loads, so an acceptor compiled at load would never show a change to `compile`.
 */
const accept = (input: unknown) => acceptor(CandidateSchema)?.(input);

/** Same values and the same key order (what a CSV or JSON writer would show). */
const same = (a: unknown, b: unknown) => {
  expect(a).toStrictEqual(b);
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
};

const roleCodes = pack.roles.map((r) => r.code);
const junk = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 5 }),
  fc.constantFrom('', ' ', '1985', '07', 'NaN', 'female', 'province', '__proto__', ' Thôn A '),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1899, 1900, 2100, 2101, 1985.5, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
);
/** Well-formed candidates only: every field within the schema. */
const valid = fc.record(
  {
    id: fc.stringMatching(/^[A-Z][A-Z0-9-]{0,8}$/),
    name: fc.constantFrom('Hoàng Văn Thử', ' Lý Thị Mai '),
    gender: fc.constantFrom('female', 'male'),
    birthYear: fc.integer({ min: 1900, max: 2100 }),
    ethnicity: fc.constantFrom('01', '07', '54'),
    role: fc.constantFrom(...roleCodes),
    district: fc.record({ code: fc.constant('180'), name: fc.constant('Tràng Định') }, { requiredKeys: ['code'] }),
    commune: fc.record(
      { code: fc.constant('05998'), name: fc.constant('Khánh Long'), p135: fc.record({ listed: fc.boolean(), struckOff: fc.boolean() }, { requiredKeys: ['listed'] }) },
      { requiredKeys: ['code', 'p135'] },
    ),
    village: fc.record(
      { name: fc.constant('Thôn A'), code: fc.constant('T1'), p135: fc.record({ listed: fc.boolean(), struckOff: fc.boolean() }, { requiredKeys: ['listed'] }) },
      { requiredKeys: ['name', 'p135'] },
    ),
    provinceTrainingYears: fc.array(fc.integer({ min: 2010, max: 2020 }), { maxLength: 3 }),
    planYearClasses: fc.uniqueArray(fc.constantFrom('province', 'district', 'commune'), { maxLength: 3 }),
  },
  { requiredKeys: ['id', 'name', 'gender', 'birthYear', 'ethnicity', 'role', 'district', 'commune'] },
);

/** Where an edit may land: every field, nested ones too. */
const PATHS = [
  'id',
  'name',
  'gender',
  'birthYear',
  'ethnicity',
  'role',
  'district',
  'district.code',
  'district.name',
  'commune',
  'commune.code',
  'commune.name',
  'commune.p135',
  'commune.p135.listed',
  'commune.p135.struckOff',
  'village',
  'village.name',
  'village.code',
  'village.p135',
  'village.p135.listed',
  'village.p135.struckOff',
  'provinceTrainingYears',
  'provinceTrainingYears.0',
  'planYearClasses',
  'planYearClasses.0',
  'salary',
  'commune.salary',
].map((p) => p.split('.'));
/** Values at and just past each limit of the schema. */
const edge = fc.constantFrom(
  'x'.repeat(64),
  'x'.repeat(65),
  'x'.repeat(200),
  'x'.repeat(201),
  'y'.repeat(32),
  'y'.repeat(33),
  ` ${'z'.repeat(200)} `,
  new Array(50).fill(2000),
  new Array(51).fill(2000),
  ['province', 'province', 'province', 'province', 'province', 'province', 'province', 'province', 'province', 'province', 'commune'],
);
type Edit = { path: string[]; value?: unknown; drop: boolean };
const edit: fc.Arbitrary<Edit> = fc.record({ path: fc.constantFrom(...PATHS), value: fc.oneof(junk, edge), drop: fc.boolean() });

function applied(c: Record<string, unknown>, edits: readonly Edit[]): Record<string, unknown> {
  const out = structuredClone(c);
  for (const e of edits) {
    let o: unknown = out;
    for (const k of e.path.slice(0, -1)) o = o !== null && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;
    if (o === null || typeof o !== 'object') continue;
    const last = e.path[e.path.length - 1] as string;
    if (e.drop) delete (o as Record<string, unknown>)[last];
    else (o as Record<string, unknown>)[last] = e.value;
  }
  return out;
}

/** Well-formed candidates with up to three edits: a field replaced by junk or an edge value, dropped, or an unknown one added. */
const raw = fc.tuple(valid, fc.array(edit, { maxLength: 3 })).map(([c, edits]) => applied(c, edits));

describe('the quick yes to a candidate agrees with the schema', () => {
  it('never accepts what zod refuses, and returns exactly what zod returns', () => {
    fc.assert(
      fc.property(raw, (input) => {
        const quick = accept?.(input);
        const slow = CandidateSchema.safeParse(input);
        if (quick === undefined) return;
        expect(slow.success).toBe(true);
        same(quick, slow.data);
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it('accepts every well-formed candidate (so rows are not checked twice)', () => {
    fc.assert(
      fc.property(valid, (input) => {
        const quick = accept?.(input);
        expect(quick).toBeDefined();
        same(quick, CandidateSchema.parse(input));
      }),
      { numRuns: RUNS },
    );
  });

  it('gives a fresh default list each time, never one shared between people', () => {
    const input = { id: 'A', name: 'A', gender: 'male', birthYear: 1980, ethnicity: '07', role: 'committee_chair', district: { code: '180' }, commune: { code: '05998', p135: { listed: true } } };
    const a = accept?.(input);
    const b = accept?.(input);
    expect(a?.provinceTrainingYears).toEqual([]);
    expect(a?.provinceTrainingYears).not.toBe(b?.provinceTrainingYears);
  });

  it('keeps an optional field given as undefined, as zod does', () => {
    const input = {
      id: 'A',
      name: 'A',
      gender: 'male',
      birthYear: 1980,
      ethnicity: '07',
      role: 'committee_chair',
      district: { code: '180', name: undefined },
      commune: { code: '05998', p135: { listed: true } },
      village: undefined,
    };
    same(accept?.(input), CandidateSchema.parse(input));
  });

  it('says "not sure" to inherited keys, getters that throw and lookalike objects', () => {
    const good = { id: 'A', name: 'A', gender: 'male', birthYear: 1980, ethnicity: '07', role: 'committee_chair', district: { code: '180' }, commune: { code: '05998', p135: { listed: true } } };
    const inherited = Object.assign(Object.create({ salary: 1 }), good);
    expect(accept?.(inherited)).toBeUndefined();
    expect(CandidateSchema.safeParse(inherited).success).toBe(false);
    const throwing = { ...good };
    Object.defineProperty(throwing, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(accept?.(throwing)).toBeUndefined();
    expect(accept?.([good])).toBeUndefined();
    expect(accept?.(null)).toBeUndefined();
  });

  it('says "not sure" while something enumerable was added to Object.prototype (zod’s strict check then refuses)', () => {
    const good = { id: 'A', name: 'A', gender: 'male', birthYear: 1980, ethnicity: '07', role: 'committee_chair', district: { code: '180' }, commune: { code: '05998', p135: { listed: true } } };
    expect(accept?.(good)).toBeDefined();
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(CandidateSchema.safeParse(good).success).toBe(false);
      expect(accept?.(good)).toBeUndefined();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(accept?.(good)).toBeDefined();
  });

  it('is not built for a schema using kinds it does not know (zod decides every input then)', () => {
    expect(acceptor(z.object({ a: z.string() }))).toBeUndefined(); // not strict
    expect(acceptor(z.strictObject({ a: z.string().email() }))).toBeUndefined();
    expect(acceptor(z.strictObject({ a: z.union([z.string(), z.number()]) }))).toBeUndefined();
    expect(acceptor(z.strictObject({ a: z.number() }))).toBeUndefined(); // not whole numbers
    expect(acceptor(z.strictObject({ a: z.int().min(1), b: z.array(z.boolean()).max(2) }))).toBeDefined();
  });
});

describe('parseCandidate gives the same answer on the quick path and the whole way', () => {
  it('for generated rows, valid or not', () => {
    const whole = { maxChars: 200_000_000, maxDepth: 12 };
    fc.assert(
      fc.property(raw, (input) => {
        const quick = parseCandidate(input, book);
        const slow = parseCandidate(input, book, [], { ...whole, maxNodes: 99 }); // too narrow for the quick path
        if (slow.errors.some((e) => e.code === 'json.too_many_values')) return; // the narrow limit itself refused it
        same(quick.value, slow.value);
        expect(quick.errors.map((e) => e.path)).toEqual(slow.errors.map((e) => e.path));
      }),
      { numRuns: RUNS * 3 },
    );
  });
});

describe('the quick yes to small schemas agrees with zod at every edge', () => {
  /** For each input: "not sure", or exactly what zod returns; and a yes to each of `yes`. */
  const agrees = (schema: z.ZodType, yes: unknown[], others: unknown[]) => {
    const quick = acceptor(schema);
    expect(quick).toBeDefined();
    for (const input of yes) {
      const r = schema.safeParse(input);
      expect(r.success, JSON.stringify(input)).toBe(true);
      same(quick?.(input), r.data);
    }
    for (const input of others) {
      const q = quick?.(input);
      if (q !== undefined) same(q, schema.parse(input));
      else expect(schema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  };

  it('text: lengths at and past each bound, trims, patterns', () => {
    agrees(z.string().min(2).max(3), ['ab', 'abc'], ['a', 'abcd', 1, null]);
    agrees(z.string().trim().min(2), ['  ab ', 'ab'], [' a ', '   ']);
    agrees(z.string().regex(/^[0-9]{2}$/), ['07'], ['7', '007', 'a7']);
    agrees(z.string(), ['', 'x'], [1, undefined, {}]);
  });

  it('whole numbers: inclusive and exclusive bounds, each at and past it', () => {
    agrees(z.int().min(1).max(5), [1, 5], [0, 6, 1.5, '3', Number.NaN]);
    agrees(z.int().gt(1).lt(5), [2, 4], [1, 5]);
    expect(acceptor(z.int().multipleOf(2))).toBeUndefined();
  });

  it('true/false, and a list of choices', () => {
    agrees(z.boolean(), [true, false], ['true', 0, null]);
    agrees(z.enum(['yes', 'no']), ['yes', 'no'], ['Yes', '', undefined]);
  });

  it('lists: at and past the longest, every item checked', () => {
    agrees(z.array(z.int()).max(2), [[], [1, 2]], [[1, 2, 3], [1, 'x'], 'ab', { 0: 1, length: 1 }]);
    agrees(z.array(z.boolean()), [[true, false, true]], [[true, 'x']]);
    expect(acceptor(z.array(z.int()).min(1))).toBeUndefined();
    expect(acceptor(z.array(z.union([z.int(), z.string()])))).toBeUndefined();
  });

  it('strict objects: required, optional and defaulted fields (each default a fresh copy), unknown keys', () => {
    const schema = z.strictObject({ a: z.int(), b: z.string().optional(), c: z.array(z.int()).default([]), d: z.strictObject({ x: z.boolean() }).default({ x: true }), e: z.int().default(7) });
    agrees(schema, [{ a: 1 }, { a: 1, b: 'x', c: [2], d: { x: false }, e: 3 }, { a: 1, b: undefined }], [{}, { a: 1, z: 1 }, { a: '1' }, { a: 1, b: 2 }, { a: 1, d: {} }, [], null, 'a']);
    const quick = acceptor(schema);
    const one = quick?.({ a: 1 }) as { c: number[]; e: number; d: { x: boolean } };
    const two = quick?.({ a: 1 }) as { c: number[] };
    expect(one).toEqual({ a: 1, c: [], d: { x: true }, e: 7 });
    expect(one.c).not.toBe(two.c);
    expect(acceptor(z.strictObject({ a: z.int() }).refine(() => true))).toBeUndefined();
    expect(acceptor(z.strictObject({ a: z.int().optional().nullable() }))).toBeUndefined();
  });
});
