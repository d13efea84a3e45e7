/**
 * What would change the answer: for a "no", the smallest change of the facts a person or place
 * can change that makes the person eligible, found from the rules and checked by deciding again.
 */
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../src/counterfactual.js';
import { candidateFacts } from '../src/facts/candidate.js';
import { type Candidate, createRulebook, decide, decideSync, type Pack, whatWouldChange, whatWouldChangeEach } from '../src/index.js';
import { book, editedPack, factValue, pack, person, TRACKS } from './helpers.js';

const eligibleFor = (c: Candidate, track: string) => decideSync(book, c).eligibleTracks.includes(track);
const applied = (c: Candidate, changes: readonly { fact: string; to: boolean }[]) =>
  changes.reduce<Candidate | undefined>((x, ch) => x && LEVERS.find((l) => l.fact === ch.fact && l.to === ch.to)?.apply(x), c);

describe('what would change the answer, as the plan reads', () => {
  it('KH.I: a commune leader of a commune recognised complete is out of the programme area — "if the commune had not been recognised as complete"', async () => {
    const chair = person({ commune: { code: '05998', p135: { listed: true, struckOff: true } } });
    const w = await whatWouldChange(book, chair, 'province_cadre');
    expect(w?.options).toEqual([[{ fact: 'communeStruckOff', to: false, message: book.message('change.commune_struck_off.false') }]]);
    expect(w?.options[0]?.[0]?.message.vi).toContain('1747/QĐ-TTg');
  });

  it('KH.II.2.1.a: a leader trained at the province in 2019 — "if not trained at the province" (the prior-training rule)', async () => {
    const w = await whatWouldChange(book, person({ provinceTrainingYears: [2019] }), 'province_cadre');
    expect(w?.options.map((o) => o.map((c) => c.fact))).toEqual([['attendedProvinceLevel']]);
  });

  it('two facts at once when one is not enough: a commune off the list and struck off', async () => {
    const w = await whatWouldChange(book, person({ commune: { code: '05998', p135: { listed: false, struckOff: true } } }), 'district_cadre');
    expect(w?.options.map((o) => o.map((c) => c.fact).sort())).toEqual([['communeListed', 'communeStruckOff']]);
  });

  it('a fact a failed rule compares against is tried too, not only the fact it reads first', async () => {
    const book2 = createRulebook(
      editedPack((p) => {
        const scope = p.rules.find((r: { id: string }) => r.id === 'scope.program_area');
        scope.conditions = { all: [{ fact: 'communeStruckOff', operator: 'notEqual', value: { fact: 'communeListed' } }] };
      }) as Pack,
    );
    const w = await whatWouldChange(book2, person({ commune: { code: '05998', p135: { listed: false, struckOff: false } } }), 'province_cadre');
    expect(w?.options.map((o) => o.map((c) => c.fact))).toEqual([['communeListed']]);
  });

  it('at most three facts are changed together: a person who needs four changes is told of none', async () => {
    const four = createRulebook(
      editedPack((p) => {
        const scope = p.rules.find((r: { id: string }) => r.id === 'scope.program_area');
        scope.conditions = {
          all: [
            { fact: 'communeListed', operator: 'equal', value: true },
            { fact: 'communeStruckOff', operator: 'equal', value: false },
            { fact: 'attendedProvinceLevel', operator: 'equal', value: false },
            { fact: 'attendedClassThisYear', operator: 'equal', value: true },
          ],
        };
      }) as Pack,
    );
    const citizen = (planYearClasses: ('commune' | 'district' | 'province')[]) =>
      person({ role: 'citizen', commune: { code: '05998', p135: { listed: false, struckOff: true } }, provinceTrainingYears: [2019], planYearClasses });
    const three = await whatWouldChange(four, citizen(['commune']), 'commune_community');
    expect(three?.options.map((o) => o.map((c) => c.fact).sort())).toEqual([['attendedProvinceLevel', 'communeListed', 'communeStruckOff']]);
    expect((await whatWouldChange(four, citizen([]), 'commune_community'))?.options).toEqual([]);
  });

  it('a role the track does not take: no change of the facts that can change (a role is not one), said as an empty list', async () => {
    expect((await whatWouldChange(book, person({ role: 'citizen' }), 'province_cadre'))?.options).toEqual([]);
  });

  it('nothing to say for a track the person may already attend', async () => {
    expect(await whatWouldChange(book, person(), 'province_cadre')).toBeUndefined();
  });
});

describe('for every track at once (what the CLI, the API and the web app show beside a decision)', () => {
  it('one answer per track the person may not attend, in the decision’s order, each the same as asked track by track', async () => {
    const chair = person({ commune: { code: '05998', p135: { listed: true, struckOff: true } }, provinceTrainingYears: [2019] });
    const decision = await decide(book, chair);
    const closed = decision.tracks.filter((t) => !t.eligible).map((t) => t.track);
    expect(closed.length).toBeGreaterThan(1);
    const each = await whatWouldChangeEach(book, chair);
    expect(each.map((w) => w.track)).toEqual(closed);
    for (const w of each) expect(w).toEqual(await whatWouldChange(book, chair, w.track));
    expect(await whatWouldChangeEach(book, chair, { decision })).toEqual(each);
  });

  it('the decision given is the one read: nothing is said of a track it shows open', async () => {
    const chair = person({ commune: { code: '05998', p135: { listed: true, struckOff: true } } });
    const decision = await decide(book, chair);
    const opened = { ...decision, tracks: decision.tracks.map((t) => ({ ...t, eligible: true })) };
    expect(await whatWouldChangeEach(book, chair, { decision: opened })).toEqual([]);
    expect((await whatWouldChangeEach(book, person())).length).toBeLessThan(TRACKS.length);
  });
});

describe('for people of every role in every situation', () => {
  const people: Candidate[] = [];
  for (const role of pack.roles.map((r) => r.code))
    for (const listed of [true, false])
      for (const struckOff of [false, true])
        for (const provinceTrainingYears of [[], [2019]])
          for (const planYearClasses of [[], ['commune'], ['province']] as const)
            people.push(person({ id: `${role}-${people.length}`, role, commune: { code: '05998', p135: { listed, struckOff } }, provinceTrainingYears, planYearClasses: [...planYearClasses] }));

  it('every change proposed, applied to the person, makes the track eligible; and no smaller change among all the levers does', async () => {
    let proposals = 0;
    for (const p of people) {
      for (const track of TRACKS) {
        const w = await whatWouldChange(book, p, track);
        if (!w) continue;
        const size = w.options[0]?.length ?? Number.POSITIVE_INFINITY;
        for (const option of w.options) {
          proposals++;
          expect(option.length).toBe(size);
          const changed = applied(p, option);
          expect(changed && eligibleFor(changed, track), `${p.id} ${track} ${JSON.stringify(option)}`).toBe(true);
        }
        // none smaller: every set of fewer levers (all of them, not only those the failed rules read) leaves the person ineligible
        const smaller = Math.min(size - 1, LEVERS.length);
        const sets = (k: number, from = 0): (typeof LEVERS)[number][][] => (k === 0 ? [[]] : LEVERS.slice(from).flatMap((l, i) => sets(k - 1, from + i + 1).map((rest) => [l, ...rest])));
        for (let k = 1; k <= Math.min(smaller, 3); k++)
          for (const set of sets(k)) {
            const changed = applied(p, set);
            if (changed) expect(eligibleFor(changed, track), `${p.id} ${track}: ${set.map((l) => l.fact)}`).toBe(false);
          }
      }
    }
    expect(proposals).toBeGreaterThan(500);
  });
});

describe('the levers, as a table: each sets its own fact, and only that', () => {
  const factOf = (name: string, c: Candidate) => factValue(candidateFacts, name, { candidate: c });
  const village = { code: 'T-1', name: 'Thôn Nà Pàn', p135: { listed: false, struckOff: true } };
  /** For each lever, a person whose fact is not yet what the lever sets. */
  const before: Record<string, Candidate> = {
    communeListed: person({ commune: { code: '05998', p135: { listed: false, struckOff: false } } }),
    communeStruckOff: person({ commune: { code: '05998', p135: { listed: true, struckOff: true } } }),
    villageListed: person({ village }),
    // Listed, so that the lever is seen to keep it listed.
    villageStruckOff: person({ village: { ...village, p135: { listed: true, struckOff: true } } }),
    attendedProvinceLevel: person({ provinceTrainingYears: [2019], planYearClasses: ['province', 'district'] }),
    attendedClassThisYear: person({ planYearClasses: [] }),
  };

  it.each(LEVERS.map((l) => [l.fact, l] as const))('%s: set to what the lever says, every other fact as it was', (name, lever) => {
    const c = before[name] as Candidate;
    expect(factOf(name, c)).toBe(!lever.to);
    const after = lever.apply(c) as Candidate;
    expect(factOf(name, after)).toBe(lever.to);
    for (const f of candidateFacts) if (f.name !== name) expect(factOf(f.name, after), f.name).toEqual(factOf(f.name, c));
  });

  it('taking away training at the province keeps the person’s other classes of this year', () => {
    const lever = LEVERS.find((l) => l.fact === 'attendedProvinceLevel');
    expect(lever?.apply(before.attendedProvinceLevel as Candidate)).toMatchObject({ provinceTrainingYears: [], planYearClasses: ['district'] });
  });

  it('a lever that cannot apply says so: no village to put on a list, a class this year already', () => {
    expect(LEVERS.find((l) => l.fact === 'villageListed')?.apply(person())).toBeUndefined();
    expect(LEVERS.find((l) => l.fact === 'villageStruckOff')?.apply(person())).toBeUndefined();
    expect(LEVERS.find((l) => l.fact === 'attendedClassThisYear')?.apply(person({ planYearClasses: ['district'] }))).toBeUndefined();
  });

  it('a pack without the change messages words each change from the fact’s own description, in both languages', async () => {
    const bare = createRulebook(
      editedPack((p) => {
        for (const id of Object.keys(p.messages)) if (id.startsWith('change.')) delete p.messages[id];
      }) as Pack,
    );
    const chair = person({ commune: { code: '05998', p135: { listed: true, struckOff: true } } });
    const w = await whatWouldChange(bare, chair, 'province_cadre');
    const doc = candidateFacts.find((f) => f.name === 'communeStruckOff')?.doc;
    expect(w?.options).toEqual([[{ fact: 'communeStruckOff', to: false, message: { vi: `nếu “${doc?.vi}”: không`, en: `if “${doc?.en}”: no` } }]]);
  });
});
