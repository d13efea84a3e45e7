import { type CLASS_LEVELS, foldText, type GENDERS, type Lang } from '@p135/rules';

/**
 * The words a roster cell may hold for yes/no, gender and class level: Vietnamese first (what the
 * writer puts in a Vietnamese file), then English, then other accepted spellings.
 */
export interface Vocabulary<T extends string | boolean> {
  readonly values: readonly { readonly value: T; readonly words: readonly [vi: string, en: string, ...more: string[]] }[];
  /** Every word, folded (no case, no diacritics), to its value. */
  readonly index: ReadonlyMap<string, T>;
}

/** A vocabulary with its index built once. */
function vocabulary<T extends string | boolean>(values: Vocabulary<T>['values']): Vocabulary<T> {
  return { values, index: new Map(values.flatMap((v) => v.words.map((w) => [foldText(w), v.value] as const))) };
}

export const YES_NO: Vocabulary<boolean> = vocabulary([
  { value: true, words: ['Có', 'yes', 'true', '1'] },
  { value: false, words: ['Không', 'no', 'false', '0'] },
]);

export const GENDER_WORDS: Vocabulary<(typeof GENDERS)[number]> = vocabulary([
  { value: 'female', words: ['Nữ', 'female'] },
  { value: 'male', words: ['Nam', 'male'] },
]);

export const CLASS_LEVEL_WORDS: Vocabulary<(typeof CLASS_LEVELS)[number]> = vocabulary([
  { value: 'province', words: ['tỉnh', 'province'] },
  { value: 'district', words: ['huyện', 'district'] },
  { value: 'commune', words: ['xã', 'commune'] },
]);

/** The value a word means (`"KHÔNG"` → false), matched without case or diacritics. */
export function lookUp<T extends string | boolean>(vocabulary: Vocabulary<T>, word: string): T | undefined {
  return vocabulary.index.get(foldText(word));
}

/** The word for a value in a language (`true` → "Có" / "yes"). */
export function wordFor<T extends string | boolean>(vocabulary: Vocabulary<T>, value: T, lang: Lang): string {
  const v = vocabulary.values.find((x) => x.value === value);
  if (!v) throw new RangeError(`no word for ${String(value)}`);
  return lang === 'vi' ? v.words[0] : v.words[1];
}

/** `Có, Không, yes, no, true, false, 1, 0`: every accepted word, for error messages. */
export function acceptedWords(vocabulary: Vocabulary<string | boolean>): string {
  const out: string[] = [];
  for (let i = 0; i < 4; i++) for (const v of vocabulary.values) if (v.words[i] !== undefined) out.push(v.words[i] as string);
  return out.join(', ');
}

/** List cells (`2018; 2019`, `tỉnh, huyện`) split on `;`, `,` or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[;,\s]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The separator the writer puts between list items. */
export const LIST_SEPARATOR = '; ';
