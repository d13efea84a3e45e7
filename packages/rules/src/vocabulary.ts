import { GENDERS } from './schemas/candidate.js';
import { type Problem, problem, jsonPath, type PathPart } from './problems.js';
import { ETHNIC_GROUPS, foldText } from './reference/ethnic-groups.js';
import type { Pack } from './schemas/pack.js';
import { editDistance } from './suggest.js';

/** The kinds of value a roster cell holds that the pack's vocabulary has words for. */
export const VOCABULARY_KINDS = ['roles', 'ethnicities', 'genders', 'yesNo'] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

/** The values of yes/no words. */
export const YES_NO_VALUES = ['yes', 'no'] as const;

/**
 * The columns of a roster table, by their English header (`full_name`): the values of the pack's
 * `vocabulary.headers`. Which fact each column feeds and how its cells are read is `@p135/io`'s
 * code; the words officials write above each column (`Họ và tên`, `Họ tên`) are the pack's.
 */
export const ROSTER_COLUMN_KEYS = [
  'id',
  'full_name',
  'gender',
  'birth_year',
  'ethnicity',
  'role',
  'district_code',
  'district_name',
  'commune_code',
  'commune_name',
  'commune_listed',
  'commune_struck_off',
  'village',
  'village_code',
  'village_listed',
  'village_struck_off',
  'province_training_years',
  'plan_year_classes',
] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMN_KEYS)[number];

/**
 * A word as it is compared: no case, accents (NFC or NFD alike), spaces or punctuation
 * (`CT UBND xã` = `ct ubnd xa`); a word of symbols only (`✓`) is kept as it is, without spaces.
 */
export function wordKey(text: string): string {
  const folded = foldText(text);
  return folded || text.normalize('NFC').replace(/\s+/g, '');
}

/** A known word: as a pack writes it, and the value it means. */
export interface KnownWord {
  readonly word: string;
  readonly value: string;
}

/** The words of one kind, looked up by their key. */
export interface WordIndex {
  /** The value a word means (`"CT UBND xã"` → `"committee_chair"`), or undefined. */
  find(text: string): string | undefined;
  /**
   * Values whose words are nearest a word that is not known, nearest first, at most `count`, one
   * word each (the nearest): for "did you mean".
   */
  near(text: string, count?: number): KnownWord[];
  /** Every word (as written) and its value: labels, codes, aliases and the pack's vocabulary. */
  readonly words: readonly KnownWord[];
}

/** The vocabulary of a pack, ready to read cells with. */
export interface PackWords {
  readonly roles: WordIndex;
  readonly ethnicities: WordIndex;
  readonly genders: WordIndex;
  readonly yesNo: WordIndex;
  /**
   * The headers of a roster's columns (`vocabulary.headers`): a header as written → its column's
   * English key (`"Họ tên"` → `"full_name"`). `words` lists them in the pack's order, so the first
   * word of a column is the Vietnamese header the toolkit writes (`Họ và tên`).
   */
  readonly headers: WordIndex;
  /** What a blank yes/no cell means (`"no"`), when the pack says; undefined: a blank is a missing value. */
  readonly blankYesNo: 'yes' | 'no' | undefined;
  /** Does this cell's text start the rows that end a list (a total, a signature block, the date line)? */
  isFooter(text: string): boolean;
  /** The pack's problems with its words: one word for two values, a value that does not exist. */
  readonly problems: readonly Problem[];
}

interface Source {
  readonly word: string;
  readonly value: string;
  readonly path: PathPart[];
  /**
   * Which word wins when two mean different values: 0, a value's own name (a role's code, labels
   * and aliases; the 54 groups' names; the built-in words); 1, a word of the pack's `vocabulary`;
   * 2, a variant made from either (with or without `xã`). Two words of one tier for two values are
   * a problem of the pack; across tiers the lower wins (a province that adds its own role named
   * `Trưởng thôn` gets it, whatever the base's vocabulary says).
   */
  readonly tier: 0 | 1 | 2;
}

const XA = /\s+x[ãa]$/iu;

/** `Chủ tịch Hội Nông dân xã` ↔ `Chủ tịch Hội Nông dân`: the same role written with or without `xã`. */
function xaVariant(word: string): string {
  const nfc = word.normalize('NFC').trim();
  return XA.test(nfc) ? nfc.replace(XA, '') : `${nfc} xã`;
}

function wordIndex(sources: readonly Source[], kind: string, problems: Problem[], extra?: (key: string) => string | undefined): WordIndex {
  const byKey = new Map<string, Source>();
  for (const s of [...sources].sort((a, b) => a.tier - b.tier)) {
    const key = wordKey(s.word);
    if (!key) continue;
    const prev = byKey.get(key);
    if (prev && prev.value !== s.value && prev.tier === s.tier && s.tier < 2) {
      problems.push(
        problem(
          jsonPath(s.path),
          'pack.ambiguous_word',
          `từ "${s.word}" (${kind}) chỉ hai giá trị khác nhau: "${prev.value}" (${jsonPath(prev.path)}) và "${s.value}"; hãy bỏ một trong hai`,
          `the word "${s.word}" (${kind}) means two different values: "${prev.value}" (${jsonPath(prev.path)}) and "${s.value}"; remove one of them`,
        ),
      );
      continue;
    }
    if (!prev) byKey.set(key, s);
  }
  const words = [...byKey.values()].map((s) => ({ word: s.word, value: s.value }));
  return {
    find: (text) => {
      const key = wordKey(text);
      return byKey.get(key)?.value ?? extra?.(key);
    },
    near: (text, count = 3) => nearest(wordKey(text), byKey, count),
    words,
  };
}

/** Distinct values nearest a key: by edit distance first, then by one word holding the other. */
function nearest(key: string, byKey: ReadonlyMap<string, Source>, count: number): KnownWord[] {
  if (!key) return [];
  const max = Math.max(2, Math.floor(key.length / 3));
  const scored: { s: Source; d: number }[] = [];
  for (const [k, s] of byKey) {
    const d = editDistance(key, k, max);
    if (d <= max) scored.push({ s, d });
    else if (key.length >= 4 && k.length >= 4 && (k.includes(key) || key.includes(k))) scored.push({ s, d: max + 1 + Math.abs(k.length - key.length) });
  }
  scored.sort((a, b) => a.d - b.d || a.s.tier - b.s.tier || a.s.word.length - b.s.word.length);
  const out: KnownWord[] = [];
  const seen = new Set<string>();
  for (const { s } of scored) {
    if (seen.has(s.value)) continue;
    seen.add(s.value);
    out.push({ word: s.word, value: s.value });
    if (out.length === count) break;
  }
  return out;
}

/** A footer word as a test: its parts in order, `…` standing for any text (a leading `…`: anywhere in the cell). */
function footerTest(word: string): (key: string) => boolean {
  const parts = word.split('…').map((p) => wordKey(p));
  const anywhere = parts[0] === '';
  const body = parts.filter((p) => p !== '');
  if (!body.length) return () => false;
  const re = new RegExp(`${anywhere ? '' : '^'}${body.join('.*')}`);
  return (key) => re.test(key);
}

const BUILT_IN_GENDER_WORDS: Readonly<Record<(typeof GENDERS)[number], readonly string[]>> = { female: ['Nữ', 'female'], male: ['Nam', 'male'] };
const BUILT_IN_YES_NO_WORDS: Readonly<Record<(typeof YES_NO_VALUES)[number], readonly string[]>> = { yes: ['Có', 'yes', 'true', '1'], no: ['Không', 'no', 'false', '0'] };

/**
 * The words a pack knows for roster cells: each role's code, labels and aliases (each also with or
 * without `xã`), the 54 ethnic groups' names and codes, the built-in words for genders and yes/no,
 * and the pack's `vocabulary`. Built once per rulebook reader; nothing is kept at module level.
 */
export function packWords(pack: Pack): PackWords {
  const problems: Problem[] = [];
  const vocab = pack.vocabulary;
  const roleCodes = new Set(pack.roles.map((r) => r.code));
  const groupCodes = new Set(ETHNIC_GROUPS.map((g) => g.code));
  const kinds: Record<VocabularyKind | 'headers', { readonly known: ReadonlySet<string>; readonly what: string }> = {
    roles: { known: roleCodes, what: 'chức vụ / role' },
    ethnicities: { known: groupCodes, what: 'dân tộc / ethnic group' },
    genders: { known: new Set(GENDERS), what: 'giới tính / gender' },
    yesNo: { known: new Set(YES_NO_VALUES), what: 'có/không / yes/no' },
    headers: { known: new Set(ROSTER_COLUMN_KEYS), what: 'cột danh sách / roster column' },
  };
  const fromPack = (kind: VocabularyKind | 'headers'): Source[] => {
    const out: Source[] = [];
    (vocab?.[kind] ?? []).forEach((entry, i) => {
      const at: PathPart[] = ['vocabulary', kind, i];
      if (!kinds[kind].known.has(entry.value)) {
        problems.push(
          problem(
            jsonPath([...at, 'value']),
            'pack.unknown_code',
            `"${entry.value}" không phải giá trị ${kinds[kind].what} của bộ quy tắc`,
            `"${entry.value}" is not a ${kinds[kind].what} value of the pack`,
          ),
        );
        return;
      }
      if (entry.clause !== undefined && !pack.clauses.some((c) => c.id === entry.clause)) {
        problems.push(problem(jsonPath([...at, 'clause']), 'pack.unknown_clause', `điều khoản "${entry.clause}" không có trong mục clauses`, `clause "${entry.clause}" is not in "clauses"`));
      }
      entry.words.forEach((word, j) => {
        out.push({ word, value: entry.value, path: [...at, 'words', j], tier: 1 });
      });
    });
    return out;
  };
  const roleSources: Source[] = [];
  pack.roles.forEach((role, i) => {
    const names: [string, PathPart[]][] = [
      [role.code, ['roles', i, 'code']],
      [role.label.vi, ['roles', i, 'label', 'vi']],
      [role.label.en, ['roles', i, 'label', 'en']],
      ...(role.aliases ?? []).map((a, j): [string, PathPart[]] => [a, ['roles', i, 'aliases', j]]),
    ];
    for (const [word, path] of names) roleSources.push({ word, value: role.code, path, tier: 0 });
  });
  roleSources.push(...fromPack('roles'));
  for (const s of [...roleSources]) if (s.word !== s.value) roleSources.push({ ...s, word: xaVariant(s.word), tier: 2 });

  const groupSources: Source[] = ETHNIC_GROUPS.map((g, i): Source => ({ word: g.name, value: g.code, path: ['ethnicGroups', i], tier: 0 }));
  groupSources.push(...fromPack('ethnicities'));
  const groupCode = (key: string) => (/^\d{1,2}$/.test(key) && groupCodes.has(key.padStart(2, '0')) ? key.padStart(2, '0') : undefined);

  const builtIn = (words: Readonly<Record<string, readonly string[]>>, kind: VocabularyKind): Source[] => [
    ...Object.entries(words).flatMap(([value, ws]) => ws.map((word): Source => ({ word, value, path: [kind, value], tier: 0 }))),
    ...fromPack(kind),
  ];

  const footers = (vocab?.footers ?? []).map(footerTest);
  const blank = vocab?.blankYesNo;
  return {
    roles: wordIndex(roleSources, 'chức vụ / role', problems),
    ethnicities: wordIndex(groupSources, 'dân tộc / ethnic group', problems, groupCode),
    genders: wordIndex(builtIn(BUILT_IN_GENDER_WORDS, 'genders'), 'giới tính / gender', problems),
    yesNo: wordIndex(builtIn(BUILT_IN_YES_NO_WORDS, 'yesNo'), 'có/không / yes/no', problems),
    headers: wordIndex(fromPack('headers'), 'cột danh sách / roster column', problems),
    blankYesNo: blank?.value === 'yes' || blank?.value === 'no' ? blank.value : undefined,
    isFooter: (text) => {
      const key = wordKey(text);
      return key !== '' && footers.some((test) => test(key));
    },
    problems,
  };
}
