import { bundledPack, bundledPackIds, createRulebook, DEFAULT_PACK_ID, type Rulebook } from '@p135/rules';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';

const books = new Map<string, Rulebook>();

/** The rulebook of a bundled pack, built once per pack. */
export function rulebookOf(packId: string): Rulebook {
  let book = books.get(packId);
  if (!book) {
    const pack = bundledPack(packId);
    if (!pack) throw new Error(`no bundled pack "${packId}"`);
    books.set(packId, (book = createRulebook(pack)));
  }
  return book;
}

export const PACK_IDS: readonly string[] = bundledPackIds();

interface PackContextValue {
  readonly packId: string;
  readonly book: Rulebook;
  readonly setPackId: (id: string) => void;
}

const PackContext = createContext<PackContextValue | null>(null);

export function PackProvider({ children }: { children: ReactNode }) {
  const [packId, setPackId] = useState(DEFAULT_PACK_ID);
  const value = useMemo(() => ({ packId, book: rulebookOf(packId), setPackId }), [packId]);
  return <PackContext.Provider value={value}>{children}</PackContext.Provider>;
}

export function usePack(): PackContextValue {
  const v = useContext(PackContext);
  if (!v) throw new Error('usePack outside PackProvider');
  return v;
}
