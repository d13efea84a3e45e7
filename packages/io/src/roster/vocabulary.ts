import { type CLASS_LEVELS, foldText, type GENDERS, type Lang } from '@p135/rules';

/**
 * The words a roster cell may hold for yes/no, gender and class level: Vietnamese first (what the
 * writer puts in a Vietnamese file), then English, then other accepted spellings.
 */
export interface Vocabulary<T extends string | boolean> {
  readonly values: readonly { readonly value: T; readonly words: readonly [vi: string, en: string, ...more: string[]] }[];
}

export const YES_NO: Vocabulary<boolean> = {
  values: [
    { value: true, words: ['Có', 'yes', 'true', '1'] },
    { value: false, words: ['Không', 'no', 'false', '0'] },
  ],
};

export const GENDER_WORDS: Vocabulary<(typeof GENDERS)[number]> = {
  values: [
    { value: 'female', words: ['Nữ', 'female'] },
    { value: 'male', words: ['Nam', 'male'] },
  ],
};

export const CLASS_LEVEL_WORDS: Vocabulary<(typeof CLASS_LEVELS)[number]> = {
  values: [
    { value: 'province', words: ['tỉnh', 'province'] },
    { value: 'district', words: ['huyện', 'district'] },
    { value: 'commune', words: ['xã', 'commune'] },
  ],
};

const indexes = new WeakMap<Vocabulary<string | boolean>, ReadonlyMap<string, string | boolean>>();

function indexOf<T extends string | boolean>(vocabulary: Vocabulary<T>): ReadonlyMap<string, T> {
  let index = indexes.get(vocabulary);
  if (!index) {
    index = new Map(vocabulary.values.flatMap((v) => v.words.map((w) => [foldText(w), v.value] as const)));
    indexes.set(vocabulary, index);
  }
  return index as ReadonlyMap<string, T>;
}

/** The value a word means (`"KHÔNG"` → false), matched without case or diacritics. */
export function lookUp<T extends string | boolean>(vocabulary: Vocabulary<T>, word: string): T | undefined {
  return indexOf(vocabulary).get(foldText(word));
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
