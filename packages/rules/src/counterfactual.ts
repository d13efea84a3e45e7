import { decide } from './decide.js';
import { FACTS } from './facts/index.js';
import type { Localized } from './i18n.js';
import { hasOwn } from './own.js';
import { conditionLeaves } from './pack/conditions.js';
import type { Rulebook } from './rulebook.js';
import type { Candidate } from './schemas/candidate.js';
import type { Decision } from './schemas/results.js';

/**
 * A fact about a person or their place that can change (a commune put back on the Program 135
 * list, a person who had not been trained at the province), and how a person's record changes
 * with it. A role, an age or an ethnic group are not levers: the plan does not ask people to change them.
 */
export interface Lever {
  readonly fact: string;
  readonly to: boolean;
  apply(c: Candidate): Candidate | undefined;
}

const p135 = (c: Candidate, listed: boolean | undefined, struckOff: boolean | undefined): Candidate => ({
  ...c,
  commune: { ...c.commune, p135: { ...c.commune.p135, ...(listed === undefined ? {} : { listed }), ...(struckOff === undefined ? {} : { struckOff }) } },
});
const village = (c: Candidate, listed: boolean | undefined, struckOff: boolean | undefined): Candidate | undefined =>
  c.village && { ...c, village: { ...c.village, p135: { ...c.village.p135, ...(listed === undefined ? {} : { listed }), ...(struckOff === undefined ? {} : { struckOff }) } } };

/** The levers, as a table: each sets one fact of the candidate scope to one value. */
export const LEVERS: readonly Lever[] = [
  { fact: 'communeListed', to: true, apply: (c) => p135(c, true, undefined) },
  { fact: 'communeStruckOff', to: false, apply: (c) => p135(c, undefined, false) },
  { fact: 'villageListed', to: true, apply: (c) => village(c, true, undefined) },
  { fact: 'villageStruckOff', to: false, apply: (c) => village(c, undefined, false) },
  { fact: 'attendedProvinceLevel', to: false, apply: (c) => ({ ...c, provinceTrainingYears: [], planYearClasses: c.planYearClasses.filter((l) => l !== 'province') }) },
  { fact: 'attendedClassThisYear', to: true, apply: (c) => (c.planYearClasses.length > 0 ? undefined : { ...c, planYearClasses: ['commune'] }) },
];

/** At most this many facts are changed together. */
const MAX_CHANGES = 3;

export interface FactChange {
  readonly fact: string;
  readonly to: boolean;
  /** "nếu xã thuộc danh sách…": the pack's `change.<fact_in_snake_case>.<to>` message, or the fact's own words. */
  readonly message: Localized;
}

export interface WhatWouldChange {
  readonly track: string;
  /** The smallest sets of changes that make the person eligible for the track (empty: none among the facts that can change). */
  readonly options: readonly (readonly FactChange[])[];
}

function subsets<T>(items: readonly T[], size: number): T[][] {
  if (size === 0) return [[]];
  return items.flatMap((x, i) => subsets(items.slice(i + 1), size - 1).map((rest) => [x, ...rest]));
}

function wordsOf(book: Rulebook, lever: Lever): Localized {
  const id = `change.${lever.fact.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}.${lever.to}`;
  if (hasOwn(book.pack.messages, id)) return book.message(id);
  const doc = FACTS.candidate.find((f) => f.name === lever.fact)?.doc ?? { vi: lever.fact, en: lever.fact };
  return { vi: `nếu “${doc.vi}”: ${lever.to ? 'có' : 'không'}`, en: `if “${doc.en}”: ${lever.to ? 'yes' : 'no'}` };
}

export interface WhatWouldChangeOptions {
  /** The person's decision by the same rulebook, when the caller has it already: it is not made again. */
  readonly decision?: Decision;
}

/**
 * For a track a person may not attend: the smallest changes of the facts a person or place can
 * change (see the levers) that make them eligible, found from the rules themselves — only facts the
 * failed rules read are tried — and each checked by deciding again with the change applied.
 * Undefined when the person is already eligible for the track.
 */
export async function whatWouldChange(book: Rulebook, candidate: Candidate, track: string, options: WhatWouldChangeOptions = {}): Promise<WhatWouldChange | undefined> {
  const eligible = async (c: Candidate) => (await decide(book, c)).eligibleTracks.includes(track);
  const now = options.decision ?? (await decide(book, candidate));
  const decision = now.tracks.find((t) => t.track === track);
  if (!decision || decision.eligible) return undefined;
  const read = new Set(
    decision.reasons.flatMap((r) => {
      const rule = book.rule(r.ruleId);
      return rule ? conditionLeaves(rule.conditions).flatMap(({ leaf }) => [leaf.fact, ...(typeof leaf.value === 'object' && leaf.value && !Array.isArray(leaf.value) ? [leaf.value.fact] : [])]) : [];
    }),
  );
  const levers = LEVERS.filter((l) => read.has(l.fact) && l.apply(candidate) !== undefined);
  for (let size = 1; size <= Math.min(MAX_CHANGES, levers.length); size++) {
    const found: Lever[][] = [];
    for (const set of subsets(levers, size)) {
      let changed: Candidate | undefined = candidate;
      for (const l of set) changed = changed && l.apply(changed);
      if (changed && (await eligible(changed))) found.push(set);
    }
    if (found.length > 0) return { track, options: found.map((set) => set.map((l) => ({ fact: l.fact, to: l.to, message: wordsOf(book, l) }))) };
  }
  return { track, options: [] };
}

/**
 * For each track the person may not attend, in the decision's order: what would change that
 * (see `whatWouldChange`). The person is decided once for all the tracks (or not at all, when
 * `options.decision` is given).
 */
export async function whatWouldChangeEach(book: Rulebook, candidate: Candidate, options: WhatWouldChangeOptions = {}): Promise<WhatWouldChange[]> {
  const decision = options.decision ?? (await decide(book, candidate));
  const out: WhatWouldChange[] = [];
  for (const t of decision.tracks) {
    if (t.eligible) continue;
    const w = await whatWouldChange(book, candidate, t.track, { decision });
    if (w) out.push(w);
  }
  return out;
}
