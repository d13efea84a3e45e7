import example2021 from '../packs/example-2021.json';
import example2021Tests from '../packs/example-2021.tests.json';
import langSon2020 from '../packs/lang-son-2020.json';
import langSon2020Tests from '../packs/lang-son-2020.tests.json';
import { loadPack } from './pack/load.js';
import { parsePackTests } from './pack/vectors.js';
import type { Pack } from './schemas/pack.js';
import type { PackTestSuite } from './schemas/pack-tests.js';

/**
 * Packs shipped with the package, by id, with their test vectors. `lang-son-2020` is Lạng Sơn's
 * 2020 plan; `example-2021` is a made-up province's 2021 plan (an EXAMPLE, not a real decision)
 * that extends it with data alone. Each is validated when first asked for.
 */
const BUNDLED: Readonly<Record<string, { pack: unknown; tests: unknown }>> = {
  'lang-son-2020': { pack: langSon2020, tests: langSon2020Tests },
  'example-2021': { pack: example2021, tests: example2021Tests },
};

export const DEFAULT_PACK_ID = 'lang-son-2020';

export function bundledPackIds(): string[] {
  return Object.keys(BUNDLED);
}

const cache = new Map<string, Pack>();

/** A bundled pack by id (validated; extensions applied); undefined if there is none with that id. */
export function bundledPack(id: string = DEFAULT_PACK_ID): Pack | undefined {
  if (!Object.hasOwn(BUNDLED, id)) return undefined;
  let pack = cache.get(id);
  if (!pack) {
    pack = loadPack(structuredClone((BUNDLED[id] as { pack: unknown }).pack), { resolveBase: bundledPack });
    cache.set(id, pack);
  }
  return pack;
}

/** The test vectors shipped with a bundled pack. */
export function bundledPackTests(id: string = DEFAULT_PACK_ID): PackTestSuite | undefined {
  if (!Object.hasOwn(BUNDLED, id)) return undefined;
  const r = parsePackTests(structuredClone((BUNDLED[id] as { tests: unknown }).tests));
  if (!r.value) throw new Error(`bundled tests of ${id} are invalid: ${r.errors[0]?.path} ${r.errors[0]?.message.en}`);
  return r.value;
}
