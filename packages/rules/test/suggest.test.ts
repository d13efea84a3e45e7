import { describe, expect, it } from 'vitest';
import { closest, editDistance, suggestion } from '../src/suggest.js';

/**
 * "Did you mean …?": the nearest known names to a misspelt role, track or fact (a clerk typing
 * "commune_chair" for "committee_chair"). The distance is checked against a plain, slow oracle.
 */

/** Optimal string alignment distance, the textbook table in full: the oracle for `editDistance`. */
function oracle(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d = new Map<string, number>();
  const at = (i: number, j: number): number => (i === 0 ? j : j === 0 ? i : (d.get(`${i},${j}`) as number));
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      d.set(`${i},${j}`, v);
    }
  }
  return at(s.length, t.length);
}

/** Small random words over a small alphabet, so that swaps, repeats and shared letters are common. */
function* words(count: number, seed = 7): Generator<string> {
  let x = seed;
  const next = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x;
  };
  // The high bits: an LCG's low bits repeat with a short period.
  const pick = (n: number) => (next() >>> 16) % n;
  for (let i = 0; i < count; i++) yield Array.from({ length: pick(7) }, () => 'abcA'[pick(4)]).join('');
}

describe('editDistance', () => {
  it('is the optimal string alignment distance, case-insensitive, for every pair of many small words', () => {
    const list = [...words(120)];
    for (let i = 0; i < list.length; i += 1) {
      for (let j = 0; j < list.length; j += 7) {
        const [a, b] = [list[i] as string, list[j] as string];
        expect([a, b, editDistance(a, b)]).toEqual([a, b, oracle(a, b)]);
      }
    }
  });

  it('with a bound, is exact up to it and bound + 1 past it', () => {
    const list = [...words(80, 11)];
    for (const a of list) {
      for (const b of list.slice(0, 20)) {
        for (const max of [0, 1, 2, 3]) {
          const d = oracle(a, b);
          expect([a, b, max, editDistance(a, b, max)]).toEqual([a, b, max, d <= max ? d : max + 1]);
        }
      }
    }
  });

  it('counts a swap of neighbours as one edit, and the classic cases as the textbook does', () => {
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(editDistance('commitee', 'committee')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('CA', 'abc')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('Xã', 'xà')).toBe(1);
  });
});

describe('closest', () => {
  const roles = ['committee_chair', 'committee_vice_chair', 'party_secretary', 'village_head', 'citizen', 'commune_police'];

  it('names the known ones within a third of the name’s length (at least 2 edits), nearest first', () => {
    expect(closest('comittee_chair', roles)).toEqual(['committee_chair']);
    expect(closest('citizn', roles)).toEqual(['citizen']);
    expect(closest('xyz', roles)).toEqual([]);
  });

  it('allows 2 edits for a short name and a third of the length for a long one', () => {
    expect(closest('ab', ['abcd', 'abcde'])).toEqual(['abcd']);
    expect(closest('abcdefghi', ['abcdefxyz', 'abcdefgxy'])).toEqual(['abcdefgxy', 'abcdefxyz']);
    expect(closest('abcdefghi', ['abcdewxyz'])).toEqual([]);
    expect(closest('abcdefghijkl', ['abcdefghwxyz'])).toEqual(['abcdefghwxyz']);
  });

  it('breaks ties alphabetically and names at most `count`', () => {
    expect(closest('cat', ['cut', 'bat', 'cab', 'hat'])).toEqual(['bat', 'cab', 'cut']);
    expect(closest('cat', ['cut', 'bat', 'cab', 'hat'], 2)).toEqual(['bat', 'cab']);
    expect(closest('cat', ['cats', 'cut', 'ca'], 5)).toEqual(['ca', 'cats', 'cut']);
    expect(closest('cat', ['cut', 'cat'])).toEqual(['cat', 'cut']);
  });
});

describe('suggestion', () => {
  it('says what is near, then what is known, in both languages', () => {
    expect(suggestion('citizn', ['citizen', 'village_head'])).toEqual({
      vi: ' Có phải ý bạn là "citizen"? Có: citizen, village_head.',
      en: ' Did you mean "citizen"? Known: citizen, village_head.',
    });
  });

  it('joins several near names with "hoặc" / "or"', () => {
    expect(suggestion('cat', ['bat', 'cut'], 0)).toEqual({ vi: ' Có phải ý bạn là "bat" hoặc "cut"?', en: ' Did you mean "bat" or "cut"?' });
  });

  it('lists at most `listed` known names, with "…" when there are more; 0 lists none', () => {
    const known = ['a1', 'b2', 'c3'];
    expect(suggestion('zzzzzz', known, 2)).toEqual({ vi: ' Có: a1, b2, ….', en: ' Known: a1, b2, ….' });
    expect(suggestion('zzzzzz', known, 3)).toEqual({ vi: ' Có: a1, b2, c3.', en: ' Known: a1, b2, c3.' });
    expect(suggestion('zzzzzz', known, 0)).toEqual({ vi: '', en: '' });
    expect(
      suggestion(
        'zzzzzz',
        Array.from({ length: 13 }, (_, i) => `k${i}`),
      ).en,
    ).toBe(' Known: k0, k1, k2, k3, k4, k5, k6, k7, k8, k9, k10, k11, ….');
  });

  it('says when nothing is known', () => {
    expect(suggestion('x', [])).toEqual({ vi: ' Có: (không có).', en: ' Known: (none).' });
  });
});
