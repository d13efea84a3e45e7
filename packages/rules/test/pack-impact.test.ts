/**
 * The impact of a pack change on people (`rosterImpact`), and a `disable` that says why (`diffPacks`).
 */
import { describe, expect, it } from 'vitest';
import { createRulebook, diffPacks, type Pack, parsePack, rosterImpact } from '../src/index.js';
import { pack, person } from './helpers.js';

const extension = (disable: unknown[]) => parsePack({ format: 1, id: 'x-2021', version: '1.0.0', extends: { pack: 'lang-son-2020' }, rules: { disable } }, { resolveBase: () => pack });
const REASON = { vi: 'Tỉnh cho học lại lớp tỉnh', en: 'The province lets people attend the province class again' };

describe('a disable with its reason and clause', () => {
  it('is kept in the pack as extended and said by diff, beside the rule gone', () => {
    const r = extension([{ id: 'province_cadre.not_trained_at_province', reason: REASON, clause: 'KH.II.2.1.a' }]);
    expect(r.errors).toEqual([]);
    const after = r.value as Pack;
    expect(after.disabled).toEqual([{ id: 'province_cadre.not_trained_at_province', reason: REASON, clause: 'KH.II.2.1.a' }]);
    const change = diffPacks(pack, after).find((c) => c.id === 'province_cadre.not_trained_at_province');
    expect(change?.message).toEqual({
      vi: 'Quy tắc "province_cadre.not_trained_at_province" bị tắt (KH.II.2.1.a): Tỉnh cho học lại lớp tỉnh',
      en: 'Rule "province_cadre.not_trained_at_province" disabled (KH.II.2.1.a): The province lets people attend the province class again',
    });
  });

  it('a bare id still disables; a clause the pack does not have is refused at the disable', () => {
    expect(extension(['province_cadre.not_trained_at_province']).errors).toEqual([]);
    const r = extension([{ id: 'province_cadre.not_trained_at_province', reason: REASON, clause: 'KH.IX.9' }]);
    expect(r.errors.map((p) => [p.code, p.path])).toEqual([['pack.unknown_clause', '$.rules.disable[0].clause']]);
  });
});

describe('rosterImpact: how many people’s answers change per track, with both sets of reasons', () => {
  it('people trained at the province before become eligible for the province cadre class when that rule is disabled; nobody else changes', async () => {
    const after = createRulebook(extension([{ id: 'province_cadre.not_trained_at_province', reason: REASON }]).value as Pack);
    const people = [person({ id: 'A' }), person({ id: 'B', provinceTrainingYears: [2019] }), person({ id: 'C', role: 'citizen' }), person({ id: 'D', provinceTrainingYears: [2018] })];
    const impact = await rosterImpact(createRulebook(pack), after, people, { examples: 1 });
    const track = impact.tracks.find((t) => t.track === 'province_cadre');
    expect([impact.people, impact.changedPeople]).toEqual([4, 2]);
    expect(track).toMatchObject({ becameEligible: 2, becameIneligible: 0 });
    expect(track?.examples).toHaveLength(1);
    expect(track?.examples[0]).toMatchObject({ change: 'became_eligible', candidateId: 'B', before: { offered: true, eligible: false }, after: { eligible: true, reasons: [] } });
    expect(track?.examples[0]?.before.reasons.map((r) => r.ruleId)).toEqual(['province_cadre.not_trained_at_province']);
    expect(impact.tracks.filter((t) => t.track !== 'province_cadre').every((t) => t.becameEligible + t.becameIneligible === 0)).toBe(true);
  });

  it('reads both packs as of the day given', async () => {
    const impact = await rosterImpact(createRulebook(pack, { asOf: '2020-08-01' }), createRulebook(pack, { asOf: '2020-09-01' }), [person()]);
    expect([impact.before.asOf, impact.after.asOf, impact.changedPeople]).toEqual(['2020-08-01', '2020-09-01', 0]);
  });
});
