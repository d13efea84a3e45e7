import type { Decision, Lang } from '@p135/rules';
import { count, say } from './words.js';

/** What a tally counted: people eligible for nothing, and per required track, people not eligible for it. */
export interface TallyCounts {
  readonly eligibleForNothing: number;
  readonly notEligible: readonly number[];
}

/** What `decide --check` and `--require TRACK` count, a person at a time (so a stream need not keep them). */
export class DecisionTally {
  readonly #check: boolean;
  readonly #require: readonly string[];
  #eligibleForNothing = 0;
  readonly #notEligible: number[];

  constructor(o: { readonly check?: boolean; readonly require?: readonly string[] }) {
    this.#check = o.check === true;
    this.#require = o.require ?? [];
    this.#notEligible = this.#require.map(() => 0);
  }

  add(d: Decision): void {
    if (d.eligibleTracks.length === 0) this.#eligibleForNothing++;
    this.#require.forEach((track, k) => {
      if (!d.eligibleTracks.includes(track)) this.#notEligible[k] = (this.#notEligible[k] as number) + 1;
    });
  }

  counts(): TallyCounts {
    return { eligibleForNothing: this.#eligibleForNothing, notEligible: [...this.#notEligible] };
  }

  /** Adds what another tally (with the same options) counted. */
  merge(other: TallyCounts): void {
    this.#eligibleForNothing += other.eligibleForNothing;
    other.notEligible.forEach((n, k) => {
      this.#notEligible[k] = (this.#notEligible[k] ?? 0) + n;
    });
  }

  /** One line per failed check: `p135: 285 người không được dự lớp nào`. */
  lines(lang: Lang): string[] {
    const lines: string[] = [];
    const none = this.#eligibleForNothing;
    if (this.#check && none) lines.push(say(lang, `p135: ${count(none, lang)} người không được dự lớp nào`, `p135: ${count(none, lang)} people are eligible for nothing`));
    this.#require.forEach((track, k) => {
      const n = this.#notEligible[k] as number;
      if (n) lines.push(say(lang, `p135: ${count(n, lang)} người không được dự ${track}`, `p135: ${count(n, lang)} people are not eligible for ${track}`));
    });
    return lines;
  }
}
