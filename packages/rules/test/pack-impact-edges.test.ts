/**
 * `rosterImpact` at its edges: what a province reads under `p135 pack diff A B --roster FILE`.
 * A user relies on the counts per track being exact (who became eligible, who became ineligible, whose
 * reasons, priority points or payer changed while eligibility stayed, and nobody else), on the tracks
 * coming in the after pack's order followed by tracks only the before pack has, on a track a pack does
 * not have being answered "not offered", and on the few examples shown being chosen the documented way:
 * both directions when both happen (half the room each), then other changes, never more than asked.
 */
import { describe, expect, it } from 'vitest';
import { createRulebook, type Pack, rosterImpact } from '../src/index.js';
import { editedPack, pack, person } from './helpers.js';

const changed = (edit: (p: Pack & Record<string, any>) => void): Pack => editedPack(edit as (p: Record<string, any>) => void) as unknown as Pack;
const base = createRulebook(pack);

/**
 * The committee chair moved out of the commune cadre titles and the police chief in, and the rule
 * "not trained at the province" of the province cadre class dropped.
 */
const swapped = createRulebook(
  changed((p) => {
    const cadre = p.parameters['roles.commune_cadre'] as { value: string[] };
    cadre.value = [...cadre.value.filter((r) => r !== 'committee_chair'), 'police_chief'];
    p.rules = p.rules.filter((r) => r.id !== 'province_cadre.not_trained_at_province');
  }),
);
const roster = [
  person({ id: 'D1', role: 'committee_chair' }),
  person({ id: 'U1', role: 'police_chief' }),
  person({ id: 'D2', role: 'committee_chair' }),
  person({ id: 'O1', role: 'citizen', provinceTrainingYears: [2019] }),
  person({ id: 'U2', role: 'police_chief' }),
  person({ id: 'D3', role: 'committee_chair' }),
  person({ id: 'O2', role: 'committee_chair', provinceTrainingYears: [2019] }),
  person({ id: 'U3', role: 'party_secretary', provinceTrainingYears: [2019] }),
  person({ id: 'S', role: 'party_secretary' }),
  person({ id: 'C', role: 'citizen' }),
];
const summary = (t: { track: string; becameEligible: number; becameIneligible: number; otherwiseChanged: number; examples: readonly { change: string; candidateId: string }[] }) => [
  t.track,
  t.becameEligible,
  t.becameIneligible,
  t.otherwiseChanged,
  t.examples.map((e) => `${e.change}:${e.candidateId}`),
];

describe('counts per track, and which examples are shown', () => {
  it('with the default three examples: two who lost the class, one who gained it; other changes counted but not shown', async () => {
    const impact = await rosterImpact(base, swapped, roster);
    expect([impact.people, impact.changedPeople]).toEqual([10, 6]);
    expect(impact.tracks.map(summary)).toEqual([
      ['province_cadre', 3, 3, 2, ['became_ineligible:D1', 'became_ineligible:D2', 'became_eligible:U1']],
      ['province_community', 0, 0, 0, []],
      ['district_cadre', 0, 3, 1, ['became_ineligible:D1', 'became_ineligible:D2', 'became_ineligible:D3']],
      ['commune_community', 0, 0, 4, ['otherwise:D1', 'otherwise:D2', 'otherwise:D3']],
      ['study_tour', 0, 0, 4, ['otherwise:D1', 'otherwise:D2', 'otherwise:D3']],
    ]);
  });

  it('with room for eight: every change shown, those who lost it, those who gained it, then the others, each in roster order', async () => {
    const impact = await rosterImpact(base, swapped, roster, { examples: 8 });
    expect(summary(impact.tracks[0] as never)).toEqual([
      'province_cadre',
      3,
      3,
      2,
      ['became_ineligible:D1', 'became_ineligible:D2', 'became_ineligible:D3', 'became_eligible:U1', 'became_eligible:U2', 'became_eligible:U3', 'otherwise:O1', 'otherwise:O2'],
    ]);
  });

  it('with room for four: two each way', async () => {
    const impact = await rosterImpact(base, swapped, roster, { examples: 4 });
    expect(impact.tracks[0]?.examples.map((e) => e.candidateId)).toEqual(['D1', 'D2', 'U1', 'U2']);
  });

  it('with room for one: only the first who lost it', async () => {
    const impact = await rosterImpact(base, swapped, roster, { examples: 1 });
    expect(impact.tracks.map((t) => t.examples.map((e) => e.candidateId))).toEqual([['D1'], [], ['D1'], ['D1'], ['D1']]);
  });

  it('an example carries both answers: eligible with no reason before, the failed rule and its clause after', async () => {
    const impact = await rosterImpact(base, swapped, roster, { examples: 8 });
    const [lost, , , gained, , , other] = impact.tracks[0]?.examples ?? [];
    expect(lost).toMatchObject({
      change: 'became_ineligible',
      candidateId: 'D1',
      name: 'Hoàng Văn Thử',
      before: { offered: true, eligible: true, reasons: [], points: 0 },
      after: { offered: true, eligible: false, points: 0 },
    });
    expect(lost?.after.reasons.map((r) => [r.ruleId, r.clause])).toEqual([['province_cadre.role', 'KH.II.2.1.a']]);
    expect(lost?.after.reasons[0]?.message.en).toMatch(/\S/);
    expect(gained).toMatchObject({ change: 'became_eligible', candidateId: 'U1', before: { eligible: false }, after: { eligible: true, reasons: [] } });
    expect(other?.before.reasons.map((r) => r.ruleId)).toEqual(['province_cadre.role', 'province_cadre.not_trained_at_province']);
    expect(other?.after.reasons.map((r) => r.ruleId)).toEqual(['province_cadre.role']);
  });

  it('a person still ineligible for as many reasons, but other ones, counts as otherwise changed', async () => {
    const impact = await rosterImpact(base, swapped, [person({ id: 'O2', role: 'committee_chair', provinceTrainingYears: [2019] })]);
    const t = impact.tracks[0];
    expect(t && summary(t)).toEqual(['province_cadre', 0, 0, 1, ['otherwise:O2']]);
    expect(t?.examples[0]?.before.reasons.map((r) => r.ruleId)).toEqual(['province_cadre.not_trained_at_province']);
    expect(t?.examples[0]?.after.reasons.map((r) => r.ruleId)).toEqual(['province_cadre.role']);
    expect(impact.changedPeople).toBe(0);
  });

  it('the same change read the other way round: those who gained now lose, and the examples follow', async () => {
    const impact = await rosterImpact(swapped, base, roster);
    expect(summary(impact.tracks[0] as never)).toEqual(['province_cadre', 3, 3, 2, ['became_ineligible:U1', 'became_ineligible:U2', 'became_eligible:D1']]);
    expect(impact.changedPeople).toBe(6);
  });
});

describe('priority points and payers: eligibility the same, the answer otherwise changed', () => {
  it('more points per criterion: a Kinh woman’s one point becomes two on the community classes; a Kinh man with none is unchanged', async () => {
    const after = createRulebook(changed((p) => ((p.parameters['priority.points_per_criterion'] as { value: number }).value = 2)));
    const woman = person({ id: 'W', gender: 'female', ethnicity: '01', role: 'people_inspection_board' });
    const impact = await rosterImpact(base, after, [woman, person({ id: 'M', ethnicity: '01', role: 'people_inspection_board' })]);
    expect(impact.tracks.map(summary)).toEqual([
      ['province_cadre', 0, 0, 0, []],
      ['province_community', 0, 0, 1, ['otherwise:W']],
      ['district_cadre', 0, 0, 0, []],
      ['commune_community', 0, 0, 1, ['otherwise:W']],
      ['study_tour', 0, 0, 0, []],
    ]);
    expect(impact.tracks[1]?.examples[0]).toMatchObject({ before: { eligible: true, points: 1 }, after: { eligible: true, points: 2 } });
    expect(impact.changedPeople).toBe(0);
  });

  it('the programme paying for the cadre classes changes the answer of everyone those classes take', async () => {
    const after = createRulebook(
      changed((p) => {
        const cost = p.rules.find((r) => r.id === 'cost.cadre_group_self_funded') as Record<string, any>;
        cost.payer = { meals: 'programme', lodging: 'programme', travel: 'programme' };
      }),
    );
    const impact = await rosterImpact(base, after, [person({ id: 'S', role: 'party_secretary' })]);
    expect(impact.tracks.map((t) => [t.track, t.otherwiseChanged])).toEqual([
      ['province_cadre', 1],
      ['province_community', 0],
      ['district_cadre', 1],
      ['commune_community', 0],
      ['study_tour', 0],
    ]);
  });
});

describe('a track only one of the packs has', () => {
  /** The study tour dropped, and the tracks listed in the opposite order. */
  const noTour = createRulebook(
    changed((p) => {
      p.tracks = p.tracks.filter((t) => t.code !== 'study_tour').reverse();
      p.rules = p.rules
        .filter((r) => !(r.tracks?.length === 1 && r.tracks[0] === 'study_tour') && !r.id.startsWith('plan.study_tour'))
        .map((r) => (r.tracks ? { ...r, tracks: r.tracks.filter((t) => t !== 'study_tour') } : r));
    }),
  );
  const people = [person({ id: 'T', planYearClasses: ['district'] }), person({ id: 'C', role: 'citizen' })];

  it('tracks come in the after pack’s order, then the one only the before pack has; its people are answered "not offered"', async () => {
    const impact = await rosterImpact(base, noTour, people);
    expect(impact.tracks.map(summary)).toEqual([
      ['commune_community', 0, 0, 0, []],
      ['district_cadre', 0, 0, 0, []],
      ['province_community', 0, 0, 0, []],
      ['province_cadre', 0, 0, 0, []],
      ['study_tour', 0, 1, 1, ['became_ineligible:T', 'otherwise:C']],
    ]);
    expect(impact.tracks[4]?.examples[0]?.after).toEqual({ offered: false, eligible: false, reasons: [], points: 0 });
    expect(impact.tracks[4]?.examples[0]?.before).toMatchObject({ offered: true, eligible: true, reasons: [] });
    expect(impact.changedPeople).toBe(1);
  });

  it('the other way round: the new track is last only if the after pack lists it last, and nobody was eligible for it before', async () => {
    const impact = await rosterImpact(noTour, base, people);
    expect(impact.tracks.map(summary)).toEqual([
      ['province_cadre', 0, 0, 0, []],
      ['province_community', 0, 0, 0, []],
      ['district_cadre', 0, 0, 0, []],
      ['commune_community', 0, 0, 0, []],
      ['study_tour', 1, 0, 1, ['became_eligible:T', 'otherwise:C']],
    ]);
    expect(impact.tracks[4]?.examples[1]?.before).toEqual({ offered: false, eligible: false, reasons: [], points: 0 });
  });
});

describe('stopping', () => {
  it('a signal already aborted stops a long roster', async () => {
    const many = Array.from({ length: 500 }, (_, i) => person({ id: `P-${i}` }));
    await expect(rosterImpact(base, base, many, { signal: AbortSignal.abort(new Error('stopped')) })).rejects.toThrow('stopped');
  });
});
