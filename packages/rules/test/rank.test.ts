import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Candidate, type CandidateInput, checkPlan, createRulebook, loadPack, type Parameter, type Plan, type PlanInput, parsePlan, rankClass } from '../src/index.js';
import { book, editedPack, pack, person } from './helpers.js';

// Priority points for the commune class: small minority, young (≤ 35 in 2020), woman.
const roster = [
  person({ id: 'R-05', role: 'citizen', ethnicity: '01', gender: 'male', birthYear: 1970 }), // 0
  person({ id: 'R-01', role: 'citizen', ethnicity: '07', gender: 'female', birthYear: 1992 }), // 3
  person({ id: 'R-03', role: 'citizen', ethnicity: '07', gender: 'male', birthYear: 1970 }), // 1
  person({ id: 'R-02', role: 'citizen', ethnicity: '01', gender: 'female', birthYear: 1970 }), // 1
  person({ id: 'R-04', role: 'police_chief', ethnicity: '07', gender: 'female', birthYear: 1992 }), // ineligible
  person({ id: 'R-06', role: 'citizen', ethnicity: '02', gender: 'female', birthYear: 1970 }), // 2
];

describe('ranking an over-subscribed class by the priority criteria (KH.II.2.2.b)', () => {
  it('admits by points, highest first; equal points by id; the rest wait', async () => {
    const r = await rankClass(book, roster, { track: 'commune_community', capacity: 3 });
    expect(r.admitted.map((p) => [p.candidateId, p.points])).toEqual([
      ['R-01', 3],
      ['R-06', 2],
      ['R-02', 1],
    ]);
    expect(r.waiting.map((p) => [p.rank, p.candidateId])).toEqual([
      [4, 'R-03'],
      [5, 'R-05'],
    ]);
  });
  it('equal points are ordered by id code point by code point, the same in every locale: "B" < "a" < "b" < "Ä"', async () => {
    const alike = ['b', 'Ä', 'a', 'B', 'a2'].map((id) => person({ id, role: 'citizen', ethnicity: '01', gender: 'male', birthYear: 1970 }));
    const r = await rankClass(book, alike, { track: 'commune_community', capacity: 2 });
    expect([...r.admitted, ...r.waiting].map((p) => p.candidateId)).toEqual(['B', 'a', 'a2', 'b', 'Ä']);
  });
  it('the ineligible are listed apart, with every reason', async () => {
    const r = await rankClass(book, roster, { track: 'commune_community', capacity: 3 });
    expect(r.ineligible.map((p) => p.candidateId)).toEqual(['R-04']);
    expect(r.ineligible[0]?.reasons.map((x) => x.ruleId).sort()).toEqual(['commune_community.not_cadre_or_civil_servant', 'commune_community.role']);
  });
  it('is deterministic: the same roster in any order ranks the same', async () => {
    const a = await rankClass(book, roster, { track: 'commune_community', capacity: 3 });
    const b = await rankClass(book, [...roster].reverse(), { track: 'commune_community', capacity: 3 });
    expect(b.admitted.map((p) => p.candidateId)).toEqual(a.admitted.map((p) => p.candidateId));
    expect(b.waiting.map((p) => p.candidateId)).toEqual(a.waiting.map((p) => p.candidateId));
  });
  it('gives the reason for each place, in vi and en, and states the tie-break', async () => {
    const r = await rankClass(book, roster, { track: 'commune_community', capacity: 3 });
    expect(r.admitted[0]?.message.vi).toContain('Hạng 1 trong 3 chỗ');
    expect(r.admitted[0]?.message.en).toContain('Priority: woman');
    expect(r.waiting[0]?.message.en).toMatch(/^Place 4: waiting list/);
    expect(r.tieBreak.en).toContain('candidate id');
  });
  it('each place lists the priority criteria met, joined by “; ”, or says there are none', async () => {
    const r = await rankClass(book, roster, { track: 'commune_community', capacity: 3 });
    const first = r.admitted[0];
    expect(first?.criteria).toHaveLength(3);
    expect(first?.message.vi).toBe(`Hạng 1 trong 3 chỗ: được dự lớp; 3 điểm ưu tiên (${first?.criteria.map((c) => c.message.vi).join('; ')})`);
    expect(first?.message.en).toBe(`Place 1 of 3: admitted; 3 priority point(s) (${first?.criteria.map((c) => c.message.en).join('; ')})`);
    const none = r.waiting.find((p) => p.candidateId === 'R-05');
    expect(none?.message.vi).toBe('Hạng 5: danh sách chờ, lớp đã đủ 3 chỗ; 0 điểm ưu tiên (không có)');
    expect(none?.message.en).toBe("Place 5: waiting list, the class's 3 places are taken; 0 priority point(s) (none)");
  });
  it('reports progress every chunkSize people, and stops when asked to', async () => {
    const calls: [number, number][] = [];
    await rankClass(book, roster, { track: 'commune_community', chunkSize: 4, onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [4, 6],
      [6, 6],
    ]);
    await expect(rankClass(book, roster, { track: 'commune_community', chunkSize: 1, signal: AbortSignal.abort() })).rejects.toThrow();
  });
  it('capacity defaults to the track’s target size (70 for a commune class)', async () => {
    const r = await rankClass(book, roster, { track: 'commune_community' });
    expect(r.capacity).toBe(70);
    expect(r.waiting).toEqual([]);
  });
  it('refuses an unknown track or a bad capacity', async () => {
    await expect(rankClass(book, roster, { track: 'nope' })).rejects.toThrow('unknown track "nope"; known: province_cadre, province_community, district_cadre, commune_community, study_tour');
    await expect(rankClass(book, roster, { track: 'commune_community', capacity: -1 })).rejects.toThrow(/capacity/);
  });
});

const CADRE_ROLES = ['party_secretary', 'committee_chair', 'council_chair', 'front_chair', 'women_union_chair', 'youth_union_secretary'] as const;
const COMMUNES = ['05998', '06001', '06010'] as const;
const cadre = (id: string, commune: string, extra: Partial<CandidateInput> = {}) =>
  person({ id, role: 'committee_chair', commune: { code: commune, name: `Xã Thử ${commune}`, p135: { listed: true, struckOff: false } }, ...extra });
const PC = { track: 'province_cadre', district: '180', start: '2020-09-08', end: '2020-09-11', days: '3.5' } as const;

describe('ranking obeys the plan: what a plan check would reject is passed over, saying why', () => {
  it('KH.II.2.1.a: at most the pack’s per-commune number across province cadre classes (2), whatever the capacity', async () => {
    const five = ['C-1', 'C-2', 'C-3', 'C-4', 'C-5'].map((id) => cadre(id, '05998'));
    const r = await rankClass(book, five, { track: 'province_cadre', capacity: 100 });
    expect(r.admitted.map((p) => p.candidateId)).toEqual(['C-1', 'C-2']);
    expect(r.passedOver.map((p) => [p.candidateId, p.status, p.rank])).toEqual([
      ['C-3', 'passed_over', null],
      ['C-4', 'passed_over', null],
      ['C-5', 'passed_over', null],
    ]);
    expect(r.passedOver[0]?.message.vi).toBe(
      'Không xếp vào lớp dù đủ điều kiện: Xã Thử 05998 (05998) đã có 2 người trong các lớp Lớp cán bộ cơ sở xã tổ chức tại tỉnh (mỗi xã tối đa 2 người, KH.II.2.1.a)',
    );
    expect(r.passedOver[0]?.message.en).toContain('at most 2 per commune, KH.II.2.1.a');
  });
  it('the limit is the pack’s parameter, not a number in the code', async () => {
    const three = createRulebook({
      ...pack,
      parameters: { ...pack.parameters, 'province_cadre.trainees_per_commune_max': { ...(pack.parameters['province_cadre.trainees_per_commune_max'] as Parameter), value: 3 } },
    });
    const r = await rankClass(
      three,
      ['C-1', 'C-2', 'C-3', 'C-4'].map((id) => cadre(id, '05998')),
      { track: 'province_cadre', capacity: 100 },
    );
    expect(r.admitted).toHaveLength(3);
  });
  it('trainees of the plan’s other province cadre class count: one there leaves one place for the commune', async () => {
    const roster = ['C-1', 'C-2', 'C-3'].map((id) => cadre(id, '05998'));
    const plan = planOf(
      [
        { id: 'PC-1', ...PC, trainees: ['C-3'] },
        { id: 'PC-2', ...PC, trainees: ['C-1', 'C-2'] },
      ],
      roster,
    );
    const r = await rankClass(book, roster.slice(0, 2), { track: 'province_cadre', capacity: 100, plan, classId: 'PC-2' });
    expect(r.admitted.map((p) => p.candidateId)).toEqual(['C-1']);
    expect(r.passedOver.map((p) => p.candidateId)).toEqual(['C-2']);
  });
  it('KH.II.2.2.a: someone in the plan’s province class is passed over for the district class, with the rule’s words', async () => {
    const roster = [cadre('C-1', '05998'), cadre('C-2', '06001')];
    const plan = planOf([{ id: 'PC-1', ...PC, trainees: ['C-1'] }], roster);
    const r = await rankClass(book, roster, { track: 'district_cadre', capacity: 10, plan });
    expect(r.admitted.map((p) => p.candidateId)).toEqual(['C-2']);
    expect(r.passedOver.map((p) => p.candidateId)).toEqual(['C-1']);
    expect(r.passedOver[0]?.message.vi).toContain('Hoàng Văn Thử (C-1) đã có tên trong lớp tại tỉnh năm nay');
  });
  it('the rule’s words name the class being filled, or the track when no class is named', async () => {
    const roster = [cadre('C-1', '05998'), cadre('C-2', '06001')];
    const plan = planOf([{ id: 'PC-1', ...PC, trainees: ['C-1'] }], roster);
    const named = await rankClass(book, roster, { track: 'district_cadre', capacity: 10, plan, classId: 'DC-7' });
    expect(named.passedOver[0]?.message.vi).toBe(
      'Không xếp vào lớp dù đủ điều kiện: DC-7: Hoàng Văn Thử (C-1) đã có tên trong lớp tại tỉnh năm nay; người đã tập huấn tại tỉnh thì không dự lớp tại huyện',
    );
    const unnamed = await rankClass(book, roster, { track: 'district_cadre', capacity: 10, plan });
    expect(unnamed.passedOver[0]?.message.vi).toContain(`: ${book.track('district_cadre')?.label.vi}: Hoàng Văn Thử (C-1)`);
  });
  it('a membership rule that only warns passes no one over', async () => {
    const warns = createRulebook(
      loadPack(
        editedPack((p) => {
          const rule = p.rules.find((r: { id: string }) => r.id === 'roster.province_trainee_not_in_district_class');
          rule.severity = 'warning';
        }),
      ),
    );
    const roster = [cadre('C-1', '05998'), cadre('C-2', '06001')];
    const r = await rankClass(warns, roster, { track: 'district_cadre', capacity: 10, plan: planOf([{ id: 'PC-1', ...PC, trainees: ['C-1'] }], roster) });
    expect(r.admitted.map((p) => p.candidateId)).toEqual(['C-1', 'C-2']);
    expect(r.passedOver).toEqual([]);
  });
  it('a commune with no name is named by its code', async () => {
    const three = ['C-1', 'C-2', 'C-3'].map((id) => person({ id, role: 'committee_chair', commune: { code: '05998', p135: { listed: true, struckOff: false } } }));
    const r = await rankClass(book, three, { track: 'province_cadre', capacity: 100 });
    expect(r.passedOver[0]?.message.vi).toMatch(/^Không xếp vào lớp dù đủ điều kiện: 05998 đã có 2 người trong/);
  });
  it('property: for generated rosters and capacities, the class rank fills passes plan check’s per-commune and exclusion checks', async () => {
    const personArb = fc.record({
      commune: fc.constantFrom(...COMMUNES),
      role: fc.constantFrom(...CADRE_ROLES, 'citizen', 'police_chief'),
      trained: fc.boolean(),
      inProvinceClass: fc.boolean(),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(personArb, { minLength: 1, maxLength: 14 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom('province_cadre', 'district_cadre', 'commune_community'),
        async (people, capacity, track) => {
          const roster = people.map((p, i) => cadre(`G-${String(i).padStart(2, '0')}`, p.commune, { role: p.role, provinceTrainingYears: p.trained ? [2019] : [] }));
          // The plan's own province class: at most one per commune, and only people it may take.
          const seen = new Set<string>();
          const inPc = roster.filter(
            (c, i) =>
              people[i]?.inProvinceClass &&
              CADRE_ROLES.includes(c.role as (typeof CADRE_ROLES)[number]) &&
              c.provinceTrainingYears.length === 0 &&
              !seen.has(c.commune.code) &&
              seen.add(c.commune.code),
          );
          const existing = { id: 'PC-0', ...PC, trainees: inPc.map((c) => c.id) };
          const plan = planOf([existing], roster);
          const r = await rankClass(book, roster, { track, capacity, plan });
          const filled = { id: 'NEW', track, district: '180', commune: '05998', start: '2020-09-08', end: '2020-09-11', days: '3.5', trainees: r.admitted.map((p) => p.candidateId) };
          const report = await checkPlan(book, planOf([existing, filled], roster), { findingsPerRule: Number.POSITIVE_INFINITY });
          const rejected = report.findings.filter((f) => f.ruleId === 'commune.province_cadre.trainees_max' || (f.where.class === 'NEW' && f.where.trainee !== undefined));
          expect(rejected).toEqual([]);
          expect(r.admitted.length).toBeLessThanOrEqual(capacity);
        },
      ),
      { numRuns: 40 },
    );
  });
});

function planOf(classes: PlanInput['classes'], roster: readonly Candidate[]): Plan {
  const parsed = parsePlan({ classes, studyTours: [], budget: [], candidates: roster }, book);
  if (!parsed.value) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
