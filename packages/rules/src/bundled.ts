import langSon2020 from '../packs/lang-son-2020.json';
import { loadPack } from './pack/load.js';
import type { Pack } from './schemas/pack.js';

/** Packs shipped with the package, by id. Each is validated when first asked for. */
const BUNDLED: Readonly<Record<string, unknown>> = {
  'lang-son-2020': langSon2020,
};

export const DEFAULT_PACK_ID = 'lang-son-2020';

export function bundledPackIds(): string[] {
  return Object.keys(BUNDLED);
}

const cache = new Map<string, Pack>();

/** A bundled pack by id (validated); undefined if there is none with that id. */
export function bundledPack(id: string = DEFAULT_PACK_ID): Pack | undefined {
  if (!Object.hasOwn(BUNDLED, id)) return undefined;
  let pack = cache.get(id);
  if (!pack) {
    pack = loadPack(structuredClone(BUNDLED[id]));
    cache.set(id, pack);
  }
  return pack;
}
