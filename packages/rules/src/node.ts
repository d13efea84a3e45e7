/**
 * Node-only helpers (file system): `@p135/rules/node`. The main entry stays browser-safe.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundledPack, bundledPackIds } from './bundled.js';
import { parsePack } from './pack/load.js';
import { PACK_LIMITS } from './pack/safe-json.js';
import { type Checked, problem } from './problems.js';
import type { Pack } from './schemas/pack.js';

/** Reads and validates a pack file. Never throws: a missing or unreadable file is a Problem. */
export async function readPackFile(path: string, options: { resolveBase?: (id: string) => Pack | undefined } = {}): Promise<Checked<Pack>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { value: undefined, errors: [problem('$', 'file.not_a_file', `"${path}" không phải là tệp`, `"${path}" is not a file`)], warnings: [] };
    if (info.size > PACK_LIMITS.maxChars * 4) return { value: undefined, errors: [problem('$', 'json.too_large', 'Tệp quá lớn', `"${path}" is too large for a rule pack`)], warnings: [] };
    const text = await readFile(path, 'utf8');
    // A pack that extends another finds its base among the bundled packs, then beside it (<id>.json).
    const siblings = new Map<string, Pack | undefined>();
    const resolveBase =
      options.resolveBase ??
      ((id: string): Pack | undefined => {
        const b = bundledPack(id);
        if (b) return b;
        return siblings.get(id);
      });
    const baseId = extendsOf(text);
    if (baseId && !bundledPack(baseId) && !options.resolveBase && /^[a-z0-9][a-z0-9-]{0,63}$/.test(baseId)) {
      const sibling = join(dirname(path), `${baseId}.json`);
      if (sibling !== path) siblings.set(baseId, (await readPackFile(sibling)).value);
    }
    return parsePack(text, { resolveBase });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'permission denied' : code;
    return { value: undefined, errors: [problem('$', 'file.unreadable', `Không đọc được "${path}" (${why})`, `cannot read "${path}" (${why})`)], warnings: [] };
  }
}

/** The base a pack's text names in `extends.pack`, if it parses as such (never throws). */
function extendsOf(text: string): string | undefined {
  try {
    const v = JSON.parse(text) as { extends?: { pack?: unknown } };
    return typeof v?.extends?.pack === 'string' ? v.extends.pack : undefined;
  } catch {
    return undefined;
  }
}

/** `--pack ID|FILE`: a bundled pack id, or else a path to a pack file. */
export async function resolvePack(idOrPath: string): Promise<Checked<Pack>> {
  const bundled = bundledPack(idOrPath);
  if (bundled) return { value: bundled, errors: [], warnings: [] };
  if (!/[/\\.]/.test(idOrPath)) {
    const ids = bundledPackIds().join(', ');
    return { value: undefined, errors: [problem('$', 'pack.unknown', `Không có bộ quy tắc "${idOrPath}"; có sẵn: ${ids}, hoặc đường dẫn tới tệp .json`, `no bundled pack "${idOrPath}"; bundled: ${ids}, or give a path to a .json pack file`)], warnings: [] };
  }
  return readPackFile(idOrPath);
}

/** Every `*.json` pack in a directory, validated; invalid ones are reported by file name. */
export async function readPackDirectory(dir: string): Promise<{ packs: Pack[]; invalid: { file: string; errors: Checked<Pack>['errors'] }[] }> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.endsWith('.tests.json')).sort();
  const packs: Pack[] = [];
  const invalid: { file: string; errors: Checked<Pack>['errors'] }[] = [];
  for (const name of names) {
    const r = await readPackFile(join(dir, name));
    if (r.value) packs.push(r.value);
    else invalid.push({ file: name, errors: r.errors });
  }
  return { packs, invalid };
}
