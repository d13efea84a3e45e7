import { describe, expect, it } from 'vitest';
import { createRulebook, type Decision, decide, decideMany, decideSync, loadPack, type Pack } from '../src/index.js';
import { assembleDecision, createJreEvaluator, decideCoreSync } from '../src/evaluate.js';
import { editedPack, pack, person } from './helpers.js';
import { scopeOf } from '../src/pack/checks.js';

/** Every object reachable from a value, except the values a condition trace shows (the person's own, the pack's). */
function objectsIn(value: unknown, out: object[] = []): object[] {
  if (value === null || typeof value !== 'object') return out;
  out.push(value);
  for (const [k, v] of Object.entries(value)) if (k !== 'factValue' && k !== 'value') objectsIn(v, out);
  return out;
}

const people = [
  person({ id: 'A', role: 'committee_chair' }),
  person({ id: 'B', role: 'citizen', gender: 'female', birthYear: 1992 }),
  person({ id: 'C', role: 'committee_chair', provinceTrainingYears: [2019] }),
  person({ id: 'D', role: 'poor_household_rep', ethnicity: '01', birthYear: 1990 }),
];

describe('a decision is immutable, by type and by fact', () => {
  const books = [
    ['compiled', createRulebook(pack)],
    ['json-rules-engine', createRulebook(pack, { evaluator: createJreEvaluator })],
    ['compiled, nothing shared', createRulebook(pack, { cache: { outcomes: 0, valuesPerOutcome: 0, valuesPerTrack: 0 } })],
  ] as const;

  it.each(books)('%s: every part of every decision is frozen, explained or not', async (_, book) => {
    for (const p of people) {
      for (const d of [await decide(book, p), await decide(book, p, { explain: true })]) {
        const parts = objectsIn(d);
        expect(parts.length).toBeGreaterThan(20);
        for (const part of parts) expect(Object.isFrozen(part), JSON.stringify(part).slice(0, 80)).toBe(true);
      }
    }
  });

  it('assigning to a decision throws, and the type says so', () => {
    const d = decideSync(createRulebook(pack), people[0] as never) as Decision;
    // @ts-expect-error eligible is read-only
    expect(() => (d.tracks[0].eligible = false)).toThrow(TypeError);
    // @ts-expect-error the list of tracks is read-only
    expect(() => d.tracks.push(d.tracks[0])).toThrow(TypeError);
  });

  it.each(books.slice(0, 2))('%s: explaining freezes the trace, not the pack’s lists it shows (a role list, the small minorities)', async (_, book) => {
    const shown: unknown[] = [];
    const walk = (node: unknown): void => {
      if (node === null || typeof node !== 'object') return;
      if ('value' in node && Array.isArray(node.value)) shown.push(node.value);
      for (const [k, v] of Object.entries(node)) if (k !== 'value' && k !== 'factValue') walk(v);
    };
    walk(await decide(book, person({ id: 'E' }), { explain: true }));
    expect(shown.length).toBeGreaterThan(0);
    for (const list of shown) expect(Object.isFrozen(list)).toBe(false);
    expect(Object.isFrozen(book.params['roles.commune_cadre'])).toBe(false);
  });
});

describe('people alike may share parts of their decisions; the rulebook keeps them, within its limits', () => {
  it('two people with the same outcome share their tracks, and each keeps their own id and name', () => {
    const book = createRulebook(pack);
    const a = decideSync(book, person({ id: 'X1', name: 'Một' }));
    const b = decideSync(book, person({ id: 'X2', name: 'Hai' }));
    expect(b.tracks).toBe(a.tracks);
    expect([a.candidateId, a.name, b.candidateId, b.name]).toEqual(['X1', 'Một', 'X2', 'Hai']);
  });

  it('counts what it shares and what it builds, per rulebook: one rulebook’s work does not show in another’s', () => {
    const book = createRulebook(pack);
    const other = createRulebook(pack);
    expect(book.cache).toMatchObject({ outcomes: 0, hits: 0, misses: 0 });
    for (let i = 0; i < 10; i++) decideSync(book, person({ id: `S${i}` }));
    expect(book.cache).toMatchObject({ outcomes: 1, hits: 9, misses: 1 });
    expect(other.cache).toMatchObject({ outcomes: 0, hits: 0, misses: 0 });
  });

  it('with no room for outcomes nothing is shared, and every answer is the same as with sharing', async () => {
    const shared = createRulebook(pack);
    const none = createRulebook(pack, { cache: { outcomes: 0 } });
    expect(none.cache.limits).toEqual({ outcomes: 0, valuesPerOutcome: 256, valuesPerTrack: 4096 });
    const many = Array.from({ length: 40 }, (_, i) => person({ id: `N${i}`, role: i % 2 ? 'citizen' : 'committee_chair', birthYear: 1970 + i }));
    const a = await decideMany(shared, many);
    const b = await decideMany(none, many);
    expect(b).toEqual(a);
    expect(none.cache).toMatchObject({ outcomes: 0, hits: 0, misses: 40 });
    expect(b[2]?.tracks).not.toBe(b[0]?.tracks);
    expect(shared.cache.hits).toBeGreaterThan(0);
  });

  it('keeps no more outcomes than its limit', () => {
    const book = createRulebook(pack, { cache: { outcomes: 2 } });
    const roles = ['committee_chair', 'citizen', 'police_chief', 'other', 'exemplary_citizen'];
    for (const [i, role] of roles.entries()) decideSync(book, person({ id: `L${i}`, role }));
    expect(book.cache.outcomes).toBe(2);
  });

  it('keeps no more of the values its words name than its limit: past it, people alike in those values are decided each time', () => {
    // For a citizen, priority.young_cadre names the age of a young person (25, 24 here), so people of different ages are kept apart.
    const one = createRulebook(pack, { cache: { valuesPerOutcome: 1 } });
    const a = decideSync(one, person({ id: 'V1', role: 'citizen', birthYear: 1995 }));
    const b = decideSync(one, person({ id: 'V2', role: 'citizen', birthYear: 1996 }));
    const c = decideSync(one, person({ id: 'V3', role: 'citizen', birthYear: 1996 }));
    const d = decideSync(one, person({ id: 'V4', role: 'citizen', birthYear: 1995 }));
    expect(d.tracks).toBe(a.tracks);
    expect(c.tracks).not.toBe(b.tracks);
    expect(c.tracks).toEqual(b.tracks);
    expect(one.cache).toMatchObject({ outcomes: 1, hits: 1, misses: 3 });
    // With room for both ages, the second age is kept too.
    const two = createRulebook(pack, { cache: { valuesPerOutcome: 2 } });
    decideSync(two, person({ id: 'W1', role: 'citizen', birthYear: 1995 }));
    const e = decideSync(two, person({ id: 'W2', role: 'citizen', birthYear: 1996 }));
    expect(decideSync(two, person({ id: 'W3', role: 'citizen', birthYear: 1996 })).tracks).toBe(e.tracks);
  });

  it('a track of more than 16 candidate rules is decided without sharing, and decided the same as json-rules-engine decides it', async () => {
    const big = loadPack(
      editedPack((p) => {
        const woman = p.rules.find((r: { id: string }) => r.id === 'priority.woman');
        for (let i = 0; i < 16; i++) p.rules.push({ ...structuredClone(woman), id: `priority.woman_${i}`, see: undefined });
      }),
    );
    const book = createRulebook(big);
    const people = [person({ id: 'T1', role: 'citizen', gender: 'female' }), person({ id: 'T2', role: 'citizen', gender: 'female' })];
    const [x, y] = people.map((p) => decideSync(book, p));
    expect(book.cache).toMatchObject({ outcomes: 0, hits: 0, misses: 2 });
    expect(y?.tracks).not.toBe(x?.tracks);
    const reference = createRulebook(big, { evaluator: createJreEvaluator });
    for (const p of people) expect(decideSync(book, p)).toEqual(await decide(reference, p));
    const criteria = x?.tracks.find((t) => t.track === 'commune_community')?.priority.criteria ?? [];
    expect(criteria.filter((r) => r.ruleId.startsWith('priority.woman')).length).toBe(17);
  });

  it('the evaluator plumbing shares one frozen list of track results between people whose tracks came out alike, within the same limit', () => {
    const book = createRulebook(pack, { cache: { outcomes: 1 } });
    const a = decideCoreSync(book, person({ id: 'C1' }));
    const b = decideCoreSync(book, person({ id: 'C2' }));
    const other = decideCoreSync(book, person({ id: 'C3', role: 'citizen' }));
    const otherAgain = decideCoreSync(book, person({ id: 'C4', role: 'citizen' }));
    expect(b.tracks).toBe(a.tracks);
    expect(Object.isFrozen(a.tracks)).toBe(true);
    expect([a.candidateId, b.candidateId]).toEqual(['C1', 'C2']);
    // A different outcome gets its own list; past the limit (one list here) it is built each time, alike in content.
    expect(other.tracks).not.toBe(a.tracks);
    expect(otherAgain.tracks).not.toBe(other.tracks);
    expect(otherAgain.tracks).toEqual(other.tracks);
    expect(other.tracks.map((t) => t.eligible)).not.toEqual(a.tracks.map((t) => t.eligible));
  });
});

describe('a pack of more candidate rules than fit one number (over 30) is decided as json-rules-engine decides it', () => {
  // Sixteen copies each of the three priority rules, interleaved after the pack's own: 64 candidate
  // rules, so which rules held is kept under a key of text, sixteen rules a character.
  const many = loadPack(
    editedPack((p) => {
      const copies = ['priority.woman', 'priority.young_cadre', 'priority.small_ethnic_minority'].map((id) => p.rules.find((r: { id: string }) => r.id === id));
      for (let i = 0; i < 16; i++) for (const rule of copies) p.rules.push({ ...structuredClone(rule), id: `${rule.id}_${i}`, see: undefined });
    }),
  );
  const people = Array.from({ length: 48 }, (_, i) =>
    person({
      id: `M-${i}`,
      role: ['citizen', 'committee_chair', 'poor_household_rep'][i % 3],
      gender: i % 2 ? 'female' : 'male',
      birthYear: [1970, 1990][(i >> 1) % 2],
      ethnicity: ['07', '01', '02'][(i >> 2) % 3],
    }),
  );

  it('every person, decided twice (the second time from what was kept), as json-rules-engine decides them', async () => {
    const book = createRulebook(many);
    const reference = createRulebook(many, { evaluator: createJreEvaluator });
    expect(book.group('candidate').rules.length).toBeGreaterThan(30);
    for (const p of [...people, ...people]) expect(decideSync(book, p)).toEqual(await decide(reference, p));
  });

  it('people whose rules all came out alike share one list of track results; people whose rules differ do not', () => {
    const book = createRulebook(many);
    const core = (p: (typeof people)[number]) => decideCoreSync(book, p).tracks;
    // The kinds repeat every 12 people (role, gender, age, ethnic group).
    expect(core(people[12] as never)).toBe(core(people[0] as never));
    const youngWoman = person({ id: 'Y', role: 'citizen', gender: 'female', birthYear: 1990 });
    const olderWoman = person({ id: 'O', role: 'citizen', gender: 'female', birthYear: 1970 });
    expect(core(olderWoman)).not.toBe(core(youngWoman));
    expect(core(olderWoman)).not.toEqual(core(youngWoman));
  });
});

describe('a rulebook groups its rules by scope, and by track where a rule says which tracks it concerns', () => {
  const book = createRulebook(pack);
  const idsOf = (scope: string, keep: (r: Pack['rules'][number]) => boolean) => pack.rules.filter((r) => scopeOf(r) === scope && keep(r)).map((r) => r.id);
  const tracks = pack.tracks.map((t) => t.code);

  it('candidate: every candidate rule, whatever track is asked (a person is decided for every track at once)', () => {
    const all = idsOf('candidate', () => true);
    expect(book.group('candidate').rules.map((r) => r.id)).toEqual(all);
    for (const t of tracks) expect(book.group('candidate', t).rules.map((r) => r.id)).toEqual(all);
  });

  it.each(['class', 'study_tour', 'membership'] as const)('%s: for a track, its own rules and those of every track; with no track, only those of every track', (scope) => {
    for (const t of tracks) {
      const g = book.group(scope, t);
      expect(g.rules.map((r) => r.id)).toEqual(idsOf(scope, (r) => !r.tracks || r.tracks.includes(t)));
      expect(book.group(scope, t)).toBe(g);
    }
    expect(book.group(scope).rules.map((r) => r.id)).toEqual(idsOf(scope, (r) => !r.tracks));
    expect(book.group(scope, 'district_cadre').rules).not.toEqual(book.group(scope, 'study_tour').rules);
  });

  it.each(['plan', 'district', 'commune'] as const)('%s: the track asked is not looked at', (scope) => {
    const g = book.group(scope);
    expect(g.rules.map((r) => r.id)).toEqual(idsOf(scope, () => true));
    expect(g.rules.length).toBeGreaterThan(0);
    for (const t of tracks) expect(book.group(scope, t)).toBe(g);
  });
});

describe('what a decision lists for each track, held against the evaluator’s own verdicts', () => {
  const many = [
    ...people,
    person({ id: 'F', role: 'citizen', gender: 'female', birthYear: 1995, ethnicity: '02' }),
    person({ id: 'G', role: 'poor_household_rep', commune: { code: '05998', p135: { listed: false, struckOff: false } } }),
    person({ id: 'H', role: 'citizen', planYearClasses: ['commune'] }),
  ];

  // The bundled cost rules always hold; here one holds only for a woman.
  const conditionalCost = loadPack(
    editedPack((p) => {
      const cost = p.rules.find((r: { id: string }) => r.id === 'cost.community_group_covered');
      cost.conditions = { all: [{ fact: 'gender', operator: 'equal', value: 'female' }] };
    }),
  );

  it.each([
    ['the Lạng Sơn pack', pack],
    ['a pack whose cost rule may fail', conditionalCost],
  ])(
    '%s: failed eligibility rules as reasons, held ones as satisfied, held priority rules as criteria, held cost rules as cost reasons, in the pack’s order; the second time too, from what was kept',
    async (_, pack) => {
      const book = createRulebook(pack);
      const group = book.group('candidate');
      for (const p of [...many, ...many]) {
        const held = new Map((await book.evaluator.evaluate(group, { candidate: p })).map((o) => [o.ruleId, o.passed] as const));
        const d = decideSync(book, p);
        for (const t of d.tracks) {
          const rulesOf = (kind: string, passed: boolean) => pack.rules.filter((r) => r.kind === kind && r.tracks?.includes(t.track) && held.get(r.id) === passed).map((r) => r.id);
          const ids = (reasons: readonly { ruleId: string }[]) => reasons.map((r) => r.ruleId);
          expect(ids(t.reasons), `${p.id} ${t.track}`).toEqual(rulesOf('eligibility', false));
          expect(ids(t.satisfied), `${p.id} ${t.track}`).toEqual(rulesOf('eligibility', true));
          expect(ids(t.priority.criteria), `${p.id} ${t.track}`).toEqual(rulesOf('priority', true));
          expect(ids(t.cost.reasons), `${p.id} ${t.track}`).toEqual(rulesOf('cost', true));
          expect(t.eligible).toBe(t.reasons.length === 0);
          for (const r of [...t.reasons, ...t.satisfied]) expect(r.passed).toBe(held.get(r.ruleId));
        }
      }
    },
  );

  it('a message may name the person’s id and name and the track: each is filled in', () => {
    const named = createRulebook(
      loadPack(
        editedPack((p) => {
          const role = p.rules.find((r: { id: string }) => r.id === 'province_cadre.role');
          role.message.fail = { vi: '{name} ({candidateId}) không thuộc {trackLabel}', en: '{name} ({candidateId}) is not for the {trackLabel}' };
        }),
      ),
    );
    const label = named.track('province_cadre')?.label;
    for (const p of [person({ id: 'N-1', name: 'Lý Thị Một', role: 'citizen' }), person({ id: 'N-2', name: 'Vi Văn Hai', role: 'citizen' })]) {
      const reason = decideSync(named, p)
        .tracks.find((t) => t.track === 'province_cadre')
        ?.reasons.find((r) => r.ruleId === 'province_cadre.role');
      expect(reason?.message).toEqual({ vi: `${p.name} (${p.id}) không thuộc ${label?.vi}`, en: `${p.name} (${p.id}) is not for the ${label?.en}` });
    }
  });

  it('keeps no more track decisions whose words name the person than valuesPerTrack', () => {
    const track = (b: ReturnType<typeof createRulebook>, p: ReturnType<typeof person>) => decideSync(b, p).tracks.find((t) => t.track === 'commune_community');
    const young = (id: string, birthYear: number) => person({ id, role: 'citizen', birthYear });
    // Whole decisions are not kept (valuesPerOutcome 0), so only the track's own words can be shared.
    const one = createRulebook(pack, { cache: { valuesPerOutcome: 0, valuesPerTrack: 1 } });
    const a = track(one, young('Y1', 1995));
    const b = track(one, young('Y2', 1996));
    expect(track(one, young('Y3', 1995))).toBe(a);
    expect(track(one, young('Y4', 1996))).not.toBe(b);
    expect(track(one, young('Y4', 1996))).toEqual(b);
    const two = createRulebook(pack, { cache: { valuesPerOutcome: 0, valuesPerTrack: 2 } });
    track(two, young('Z1', 1995));
    const c = track(two, young('Z2', 1996));
    expect(track(two, young('Z3', 1996))).toBe(c);
  });
});

describe('the evaluator plumbing (@p135/rules/evaluate): a decision from any evaluator’s verdicts', () => {
  it('a rule the evaluator did not report counts as not held; a verdict on a rule the pack lacks is ignored', () => {
    const book = createRulebook(pack);
    const p = person({ id: 'Q' });
    const none = assembleDecision(book, p, [{ ruleId: 'no.such_rule', passed: true }]);
    expect(none.eligibleTracks).toEqual([]);
    for (const t of none.tracks) {
      expect(t.satisfied).toEqual([]);
      expect(t.reasons.map((r) => r.ruleId)).toEqual(pack.rules.filter((r) => r.kind === 'eligibility' && r.tracks?.includes(t.track)).map((r) => r.id));
      expect(t.priority).toMatchObject({ points: 0, criteria: [] });
      expect(t.cost).toEqual({ payer: null, reasons: [] });
    }
    // Only the program-area rule reported, as held: it alone is satisfied, on every track.
    const one = assembleDecision(book, p, [{ ruleId: 'scope.program_area', passed: true }]);
    for (const t of one.tracks) expect(t.satisfied.map((r) => r.ruleId)).toEqual(['scope.program_area']);
  });
});
