import type { Lang } from '@p135/rules';

/** Text in the language asked for: Vietnamese first, English second. */
export const say = (lang: Lang, vi: string, en: string): string => (lang === 'vi' ? vi : en);

/** Both languages, for help texts read before the language is known: `vi / en`. */
export const both = (vi: string, en: string): string => `${vi} / ${en}`;

/** The language named on a command line (`--lang en`, `--lang=en`), for messages printed before parsing ends. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--lang' && argv[i + 1] === 'en') return 'en';
    if (a === '--lang=en') return 'en';
  }
  return 'vi';
}

/** 16600 → "16.600" (vi) or "16,600" (en). */
export function count(n: number, lang: Lang): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'vi' ? '.' : ',');
}
