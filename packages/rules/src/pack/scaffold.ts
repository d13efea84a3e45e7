import { decide } from '../decide.js';
import { createRulebook } from '../rulebook.js';
import type { CandidateInput } from '../schemas/candidate.js';
import { CandidateSchema } from '../schemas/candidate.js';
import type { PackExtension } from '../schemas/pack-extension.js';
import { PACK_ID } from '../schemas/common.js';
import type { Pack } from '../schemas/pack.js';
import type { PackTestSuite } from '../schemas/pack-tests.js';

export interface ScaffoldOptions {
  /** The new pack's id: lower-case words joined by "-", e.g. "quang-ninh-2021". */
  readonly id: string;
  readonly base: Pack;
  /** The plan year of the new pack (default: the base's). */
  readonly year?: number;
  /** A person to start the test file with; default: a commune chair from a programme commune. */
  readonly sample?: CandidateInput;
}

/**
 * A new pack that extends `base` and changes nothing yet, with a first test file. The test
 * records what the base decides for one person, so it passes at once; the author then edits the
 * pack and the expectations to match their own plan.
 */
export async function scaffoldPack(o: ScaffoldOptions): Promise<{ pack: PackExtension; tests: PackTestSuite }> {
  if (!PACK_ID.test(o.id)) throw new RangeError(`"${o.id}" is not a pack id: use lower-case words joined by "-", e.g. "quang-ninh-2021"`);
  const year = o.year ?? o.base.meta.year;
  const pack: PackExtension = {
    format: 1,
    id: o.id,
    version: '0.1.0',
    extends: { pack: o.base.id, version: o.base.version },
    meta: {
      title: { vi: `${o.base.meta.title.vi} (bản điều chỉnh ${o.id})`, en: `${o.base.meta.title.en} (adapted as ${o.id})` },
      year,
      status: 'example',
      note: { vi: 'Bộ quy tắc mới tạo: sửa các tham số, quy tắc và điều khoản khác với bộ gốc, rồi chạy "p135 pack test".', en: 'A new pack: change the parameters, rules and clauses that differ from the base, then run "p135 pack test".' },
    },
    parameters: { override: year !== o.base.meta.year ? { 'plan.year': { value: year } } : {} },
  };
  const sample = CandidateSchema.parse(
    o.sample ?? {
      id: 'MAU-1',
      name: 'Người mẫu',
      gender: 'female',
      birthYear: year - 40,
      ethnicity: '07',
      role: o.base.roles[0]?.code ?? 'other',
      district: { code: '000' },
      commune: { code: '00000', p135: { listed: true, struckOff: false } },
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
