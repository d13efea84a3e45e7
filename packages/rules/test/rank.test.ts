import { describe, expect, it } from 'vitest';
import { rankClass } from '../src/index.js';
import { book, person } from './helpers.js';

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
  it('capacity defaults to the track’s target size (70 for a commune class)', async () => {
    const r = await rankClass(book, roster, { track: 'commune_community' });
    expect(r.capacity).toBe(70);
    expect(r.waiting).toEqual([]);
  });
  it('refuses an unknown track or a bad capacity', async () => {
    await expect(rankClass(book, roster, { track: 'nope' })).rejects.toThrow(/unknown track/);
    await expect(rankClass(book, roster, { track: 'commune_community', capacity: -1 })).rejects.toThrow(/capacity/);
  });
});
