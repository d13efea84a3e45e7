import type { LoadedFile } from './files';

/**
 * What the page keeps across a reload, in the browser's IndexedDB (never sent anywhere): the
 * language, and the last roster and plan files loaded, each as its name and bytes, with whether
 * the plan was checked against the roster, and the rule packs loaded (`pack:<id>`). A file larger than SAVED_FILE_LIMIT is not kept, so at
 * most two files of 20 MB each are stored; `forgetFiles` (the page's "forget" button) removes them.
 * Every function here resolves, never rejects: a browser without storage simply keeps nothing.
 */
export const SAVED_FILE_LIMIT = 20 * 1024 * 1024;

const DB_NAME = 'p135-web';
const STORE = 'saved';

export type SavedFileKey = 'roster' | 'plan';

export interface Saved {
  readonly lang?: string;
  readonly roster?: LoadedFile;
  readonly plan?: LoadedFile;
  /** Whether the plan was checked against the saved roster (the user's choice). */
  readonly planWithRoster?: boolean;
}

function openDb(): Promise<IDBDatabase | undefined> {
  return new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB_NAME, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(undefined);
      req.onblocked = () => resolve(undefined);
    } catch {
      resolve(undefined);
    }
  });
}

/** Runs one transaction on the store; resolves with the request's result (undefined on any failure). */
async function withStore<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T> | undefined): Promise<T | undefined> {
  const db = await openDb();
  if (!db) return undefined;
  return new Promise((resolve) => {
    try {
      const tx = db.transaction(STORE, mode);
      const req = act(tx.objectStore(STORE));
      tx.oncomplete = () => {
        db.close();
        resolve(req?.result);
      };
      tx.onerror = tx.onabort = () => {
        db.close();
        resolve(undefined);
      };
    } catch {
      db.close();
      resolve(undefined);
    }
  });
}

const isFile = (v: unknown): v is LoadedFile => typeof v === 'object' && v !== null && typeof (v as LoadedFile).name === 'string' && (v as LoadedFile).bytes instanceof Uint8Array;

/** Everything saved (what is missing or unreadable is left out). */
export async function loadSaved(): Promise<Saved> {
  const all = await withStore('readonly', (s) => s.getAll());
  const keys = await withStore('readonly', (s) => s.getAllKeys());
  const out: { lang?: string; roster?: LoadedFile; plan?: LoadedFile; planWithRoster?: boolean } = {};
  (keys ?? []).forEach((key, i) => {
    const v: unknown = all?.[i];
    if (key === 'lang' && typeof v === 'string') out.lang = v;
    else if ((key === 'roster' || key === 'plan') && isFile(v)) out[key] = { name: v.name, bytes: v.bytes };
    else if (key === 'planWithRoster' && typeof v === 'boolean') out.planWithRoster = v;
  });
  return out;
}

export async function saveLang(lang: string): Promise<void> {
  await withStore('readwrite', (s) => s.put(lang, 'lang'));
}

/** Keeps a file (a refused one, or one over the limit, is not kept: the slot is emptied instead). */
export async function saveFile(key: SavedFileKey, file: LoadedFile): Promise<void> {
  const keep = !file.refused && file.bytes.length <= SAVED_FILE_LIMIT;
  await withStore('readwrite', (s) => {
    if (keep) s.put({ name: file.name, bytes: file.bytes }, key);
    else s.delete(key);
    return undefined;
  });
}

export async function savePlanWithRoster(on: boolean): Promise<void> {
  await withStore('readwrite', (s) => s.put(on, 'planWithRoster'));
}

/** Removes the kept files, loaded packs included (the language stays: it is no one's data). */
export async function forgetFiles(): Promise<void> {
  const keys = await withStore('readonly', (s) => s.getAllKeys());
  await withStore('readwrite', (s) => {
    for (const key of keys ?? []) if (typeof key === 'string' && key.startsWith('pack:')) s.delete(key);
    s.delete('roster');
    s.delete('plan');
    return s.delete('planWithRoster');
  });
}

/** The storage key of a loaded pack file. */
const packKey = (id: string) => `pack:${id}`;

/** Keeps a loaded pack file (validated by then), by its pack's id; one over the limit is not kept. */
export async function savePack(id: string, file: LoadedFile): Promise<void> {
  if (file.refused || file.bytes.length > SAVED_FILE_LIMIT) return;
  await withStore('readwrite', (s) => s.put({ name: file.name, bytes: file.bytes }, packKey(id)));
}

export async function forgetPack(id: string): Promise<void> {
  await withStore('readwrite', (s) => s.delete(packKey(id)));
}

/** The pack files kept, in the order of their ids (a pack that extends another loaded one comes back when its base has). */
export async function loadSavedPacks(): Promise<LoadedFile[]> {
  const all = await withStore('readonly', (s) => s.getAll());
  const keys = await withStore('readonly', (s) => s.getAllKeys());
  const out: LoadedFile[] = [];
  (keys ?? []).forEach((key, i) => {
    const v: unknown = all?.[i];
    if (typeof key === 'string' && key.startsWith('pack:') && isFile(v)) out.push({ name: v.name, bytes: v.bytes });
  });
  return out;
}
