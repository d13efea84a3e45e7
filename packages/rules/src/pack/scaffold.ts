import { decide } from '../decide.js';
import { createRulebook } from '../rulebook.js';
import type { CandidateInput } from '../schemas/candidate.js';
import { CandidateSchema } from '../schemas/candidate.js';
import type { PackExtension } from '../schemas/pack-extension.js';
import { PACK_ID } from '../schemas/common.js';
import type { Clause, Pack, Parameter } from '../schemas/pack.js';
import type { PackTestSuite } from '../schemas/pack-tests.js';
import type { Places } from '../schemas/places.js';

export interface ScaffoldOptions {
  /** The new pack's id: lower-case words joined by "-", e.g. "quang-ninh-2021". */
  readonly id: string;
  readonly base: Pack;
  /** The plan year of the new pack (default: the base's). */
  readonly year?: number;
  /** The province of the new pack: its two-digit code and name (default: the base's). */
  readonly province?: { readonly code: string; readonly name: string };
  /** A person to start the test file with; default: a commune chair from a programme commune. */
  readonly sample?: CandidateInput;
  /** The province's districts and communes (from a places file); default: the base's (inherited). */
  readonly places?: Places;
}

/** A date moved by whole years (29 February to 28 February where the year has none). */
function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date parameter of the base, and its dated values, moved into the new plan year. */
function datesMovedTo(base: Pack, years: number): NonNullable<PackExtension['parameters']>['override'] {
  const out: Record<string, { value?: string; values?: { from: string; value: unknown }[] }> = {};
  for (const [id, p] of Object.entries(base.parameters)) {
    if (p.unit !== 'date' && !p.values?.length) continue;
    const o: { value?: string; values?: Parameter['values'] } = {};
    if (p.unit === 'date' && typeof p.value === 'string') o.value = shiftYears(p.value, years);
    if (p.values?.length) o.values = p.values.map((v) => ({ ...v, from: shiftYears(v.from, years), value: p.unit === 'date' && typeof v.value === 'string' ? shiftYears(v.value, years) : v.value }));
    out[id] = o;
  }
  return out as NonNullable<PackExtension['parameters']>['override'];
}

/** The base's clauses, each marked as inherited, for the author to replace with the province's own text. */
function clausesMarked(base: Pack): Clause[] {
  return base.clauses.map((c) => ({
    ...c,
    title: { vi: `${c.title.vi} (kế thừa từ ${base.id})`, en: `${c.title.en} (inherited from ${base.id})` },
    text: {
      vi: `[Kế thừa từ ${base.id}, hãy thay bằng văn bản của kế hoạch của tỉnh] ${c.text.vi}`,
      en: `[Inherited from ${base.id}: replace with the text of your province's plan] ${c.text.en}`,
    },
  }));
}

/**
 * A new pack that extends `base`, with a first test file: its province, title and year set, every
 * date parameter (class windows…) moved into that year, and every clause marked as inherited
 * ("kế thừa từ …, hãy thay bằng văn bản của kế hoạch của tỉnh") for the author to replace, and the
 * province's own places when given. The test
 * records what the base decides for one person, so it passes at once; the author then edits the
 * pack and the expectations to match their own plan.
 */
export async function scaffoldPack(o: ScaffoldOptions): Promise<{ pack: PackExtension; tests: PackTestSuite }> {
  if (!PACK_ID.test(o.id)) throw new RangeError(`"${o.id}" is not a pack id: use lower-case words joined by "-", e.g. "quang-ninh-2021"`);
  const year = o.year ?? o.base.meta.year;
  const years = year - o.base.meta.year;
  const province = o.province ?? o.base.meta.province;
  const pack: PackExtension = {
    format: 1,
    id: o.id,
    version: '0.1.0',
    extends: { pack: o.base.id, version: o.base.version },
    meta: {
      title: { vi: `Kế hoạch đào tạo, tập huấn năm ${year} — ${province.name} (bộ quy tắc ${o.id})`, en: `Training plan ${year} — ${province.name} (pack ${o.id})` },
      province: { code: province.code, name: province.name },
      year,
      status: 'example',
      note: {
        vi: 'Bộ quy tắc mới tạo: sửa các tham số, quy tắc và điều khoản khác với bộ gốc, rồi chạy "p135 pack test".',
        en: 'A new pack: change the parameters, rules and clauses that differ from the base, then run "p135 pack test".',
      },
    },
    clauses: { replace: clausesMarked(o.base) },
    ...(o.places ? { places: { ...o.places, province: o.places.province ?? { code: province.code, name: province.name } } } : {}),
    parameters: { override: { ...datesMovedTo(o.base, years), ...(years !== 0 && Object.hasOwn(o.base.parameters, 'plan.year') ? { 'plan.year': { value: year } } : {}) } },
  };
  const sample = CandidateSchema.parse(
    o.sample ?? {
      id: 'MAU-1',
      name: 'Người mẫu',
      gender: 'female',
      birthYear: year - 40,
      ethnicity: '07',
      role: o.base.roles[0]?.code ?? 'other',
      district: { code: o.places?.districts[0]?.code ?? '000' },
      commune: { code: o.places?.districts[0]?.communes[0]?.code ?? '00000', p135: { listed: true, struckOff: false } },
    },
  );
  const d = await decide(createRulebook(o.base, { asOf: `${year}-12-31` }), sample);
  const tests: PackTestSuite = {
    pack: o.id,
    cases: [
      {
        name: `${o.base.roles.find((r) => r.code === sample.role)?.label.vi ?? sample.role}: recorded from ${o.base.id} when this pack was made; check it against your plan`,
        input: sample,
        expected: Object.fromEntries(d.tracks.map((t) => [t.track, { eligible: t.eligible, because: t.reasons.map((r) => r.ruleId) }])),
      },
    ],
  };
  return { pack, tests };
}
