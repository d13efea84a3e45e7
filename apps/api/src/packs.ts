/**
 * The packs this server answers with: the bundled ones and every valid pack of a directory.
 * One Rulebook per pack, built at start-up and reused by every request.
 */
import { bundledPack, bundledPackIds, createRulebook, type Pack, type Problem, type Rulebook } from '@p135/rules';
import { readPackDirectory } from '@p135/rules/node';

export interface LoadedPack {
  readonly pack: Pack;
  readonly book: Rulebook;
  /** Where it came from: `bundled` or `directory`. */
  readonly source: string;
}

export interface PackRegistry {
  readonly defaultId: string;
  readonly ids: readonly string[];
  get(id: string): LoadedPack | undefined;
  /**
   * The rulebook of a pack as of a day (its dated parameters' values then): the one built at
   * start-up for the pack's own day, others built on first use and kept, the last few only.
   */
  book(id: string, asOf?: string): Rulebook | undefined;
  /** Files of the packs directory refused at start-up, with their problems. */
  readonly invalid: readonly SkippedPack[];
}

export interface SkippedPack {
  readonly file: string;
  readonly errors: readonly Problem[];
}

/** Rulebooks for other days than a pack's own kept at once (each is a few hundred kilobytes). */
export const MAX_DATED_BOOKS = 16;

/** Builds a registry from packs already validated (the worker threads rebuild theirs this way). */
export function registryOf(packs: readonly { pack: Pack; source: string }[], defaultId: string, invalid: readonly SkippedPack[] = []): PackRegistry {
  const byId = new Map<string, LoadedPack>();
  for (const { pack, source } of packs) byId.set(pack.id, { pack, book: createRulebook(pack), source });
  if (!byId.has(defaultId)) throw new Error(`default pack "${defaultId}" is not loaded; loaded: ${[...byId.keys()].join(', ') || '(none)'}`);
  const ids = [...byId.keys()].sort();
  const dated = new Map<string, Rulebook>();
  const book = (id: string, asOf?: string): Rulebook | undefined => {
    const loaded = byId.get(id);
    if (!loaded || asOf === undefined || asOf === loaded.book.ref.asOf) return loaded?.book;
    const key = `${id}\u0000${asOf}`;
    let b = dated.get(key);
    if (b) dated.delete(key);
    else b = createRulebook(loaded.pack, { asOf });
    dated.set(key, b); // the most recent last
    if (dated.size > MAX_DATED_BOOKS) dated.delete(dated.keys().next().value as string);
    return b;
  };
  return { defaultId, ids, get: (id) => byId.get(id), book, invalid };
}

export interface LoadPacksResult {
  readonly packs: { pack: Pack; source: string }[];
  readonly skipped: SkippedPack[];
  /** Ids of the bundled packs a file of the directory replaced. */
  readonly replaced: string[];
}

/**
 * The bundled packs, then every `*.json` pack of `dir` (a file whose pack id is already taken
 * by another file is skipped; one with a bundled pack's id replaces the bundled pack).
 * Invalid files are returned in `skipped` with every problem, not thrown. A directory that
 * cannot be read throws.
 */
export async function loadPacks(dir: string | undefined): Promise<LoadPacksResult> {
  const byId = new Map<string, { pack: Pack; source: string }>();
  for (const id of bundledPackIds()) {
    const pack = bundledPack(id);
    if (pack) byId.set(id, { pack, source: 'bundled' });
  }
  const skipped: SkippedPack[] = [];
  const replaced: string[] = [];
  if (dir) {
    const read = await readPackDirectory(dir);
    skipped.push(...read.invalid);
    for (const pack of read.packs) {
      const prev = byId.get(pack.id);
      if (prev && prev.source !== 'bundled') {
        skipped.push({
          file: `(pack id "${pack.id}")`,
          errors: [{ path: '$.id', code: 'pack.duplicate_id', message: { vi: `Trùng mã bộ quy tắc "${pack.id}"`, en: `another file already has pack id "${pack.id}"` } }],
        });
        continue;
      }
      if (prev) replaced.push(pack.id);
      byId.set(pack.id, { pack, source: 'directory' });
    }
  }
  return { packs: [...byId.values()], skipped, replaced };
}
