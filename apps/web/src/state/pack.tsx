import type { InputError } from '@p135/io';
import { bundledPack, bundledPackIds, createRulebook, DEFAULT_PACK_ID, IsoDateSchema, type Pack, type Rulebook } from '@p135/rules';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { engine } from '../engine/client';
import type { LoadedFile } from '../lib/files';
import { forgetPack, loadSavedPacks, savePack } from '../lib/saved';

export const PACK_IDS: readonly string[] = bundledPackIds();

/** What loading a pack file gave: its problems (each at its JSON path), its warnings, and its id when valid. */
export interface PackLoad {
  readonly errors: readonly InputError[];
  readonly warnings: readonly InputError[];
  readonly id?: string;
}

interface PackContextValue {
  readonly packId: string;
  readonly book: Rulebook;
  readonly setPackId: (id: string) => void;
  /** Packs the user loaded (valid ones), in the order loaded. */
  readonly loaded: readonly Pack[];
  /** Reads a pack file in the engine worker, keeps a valid one in the browser and chooses it. */
  readonly loadPackFile: (file: LoadedFile) => Promise<PackLoad>;
  /** Removes a loaded pack (from the list and the browser's storage). */
  readonly removePack: (id: string) => void;
  /** The date whose parameter values decide (`YYYY-MM-DD`), or '' for the pack's default (the last day of its plan year). */
  readonly asOf: string;
  readonly setAsOf: (date: string) => void;
}

const PackContext = createContext<PackContextValue | null>(null);

/** Reads a pack file through the engine worker (the same validation as the CLI). */
async function validateInWorker(file: LoadedFile): Promise<{ load: PackLoad; pack?: Pack }> {
  if (file.refused) return { load: { errors: [file.refused], warnings: [] } };
  const done = await engine.run<'pack'>({ kind: 'pack', name: file.name, bytes: file.bytes }).result;
  if (done === 'cancelled') return { load: { errors: [], warnings: [] } };
  return { load: { errors: done.errors, warnings: done.warnings, ...(done.pack ? { id: done.pack.id } : {}) }, ...(done.pack ? { pack: done.pack } : {}) };
}

export function PackProvider({ children }: { children: ReactNode }) {
  const [packId, setPackId] = useState(DEFAULT_PACK_ID);
  const [loaded, setLoaded] = useState<readonly Pack[]>([]);
  const [asOf, setAsOfState] = useState('');
  // Rulebooks built once per pack and date, for this page (a rulebook owns its caches).
  const books = useRef(new Map<string, Rulebook>());

  const addPack = useCallback((pack: Pack) => {
    for (const key of [...books.current.keys()]) if (key.startsWith(`${pack.id}@`)) books.current.delete(key);
    setLoaded((list) => [...list.filter((p) => p.id !== pack.id), pack]);
  }, []);

  const loadPackFile = useCallback(
    async (file: LoadedFile): Promise<PackLoad> => {
      const { load, pack } = await validateInWorker(file);
      if (pack) {
        await savePack(pack.id, file);
        addPack(pack);
        setPackId(pack.id);
      }
      return load;
    },
    [addPack],
  );

  const removePack = useCallback((id: string) => {
    setLoaded((list) => list.filter((p) => p.id !== id));
    setPackId((current) => (current === id ? DEFAULT_PACK_ID : current));
    void forgetPack(id);
  }, []);

  // The packs kept in the browser come back after a reload, through the same validation.
  useEffect(() => {
    let live = true;
    void (async () => {
      for (const file of await loadSavedPacks()) {
        const { pack } = await validateInWorker(file);
        if (live && pack) addPack(pack);
      }
    })();
    return () => {
      live = false;
    };
  }, [addPack]);

  const setAsOf = useCallback((date: string) => setAsOfState(IsoDateSchema.safeParse(date).success ? date : ''), []);

  const book = useMemo(() => {
    const pack = bundledPack(packId) ?? loaded.find((p) => p.id === packId) ?? (bundledPack(DEFAULT_PACK_ID) as Pack);
    const key = `${pack.id}@${asOf}`;
    let b = books.current.get(key);
    if (!b) {
      b = createRulebook(pack, asOf ? { asOf } : {});
      books.current.set(key, b);
    }
    return b;
  }, [packId, loaded, asOf]);

  const value = useMemo(() => ({ packId: book.pack.id, book, setPackId, loaded, loadPackFile, removePack, asOf, setAsOf }), [book, loaded, loadPackFile, removePack, asOf, setAsOf]);
  return <PackContext.Provider value={value}>{children}</PackContext.Provider>;
}

export function usePack(): PackContextValue {
  const v = useContext(PackContext);
  if (!v) throw new Error('usePack outside PackProvider');
  return v;
}
