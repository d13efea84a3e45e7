/**
 * Node-only helpers (file system): `@p135/rules/node`. The main entry stays browser-safe.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { bundledPack, bundledPackIds } from './bundled.js';
import { parsePack } from './pack/load.js';
import { PACK_LIMITS, parseJsonText } from './pack/safe-json.js';
import { type Checked, problem } from './problems.js';
import type { Pack } from './schemas/pack.js';

/** Reads and validates a pack file. Never throws: a missing or unreadable file is a Problem. */
export async function readPackFile(path: string, options: { resolveBase?: (id: string) => Pack | undefined } = {}): Promise<Checked<Pack>> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return { value: undefined, errors: [problem('$', 'file.not_a_file', `"${path}" không phải là tệp`, `"${path}" is not a file`)], warnings: [] };
    if (info.size > PACK_LIMITS.maxChars * 4) return { value: undefined, errors: [problem('$', 'json.too_large', 'Tệp quá lớn', `"${path}" is too large for a rule pack`)], warnings: [] };
    // Parsed once, within the pack limits; a pack that extends another finds its base among the
    // bundled packs, then beside it (<id>.json).
    const parsed = parseJsonText(await readFile(path, 'utf8'), PACK_LIMITS);
    if (parsed.errors.length) return { value: undefined, errors: parsed.errors, warnings: [] };
    const baseId = extendsOf(parsed.value);
    let sibling: Pack | undefined;
    if (baseId && !options.resolveBase && !bundledPack(baseId) && /^[a-z0-9][a-z0-9-]{0,63}$/.test(baseId)) {
      const file = join(dirname(path), `${baseId}.json`);
      if (file !== path) sibling = (await readPackFile(file)).value;
    }
    const resolveBase = options.resolveBase ?? ((id: string) => bundledPack(id) ?? (id === baseId ? sibling : undefined));
    return parsePack(parsed.value, { resolveBase });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'permission denied' : code;
    return { value: undefined, errors: [problem('$', 'file.unreadable', `Không đọc được "${path}" (${why})`, `cannot read "${path}" (${why})`)], warnings: [] };
  }
}

/** The base a parsed pack names in `extends.pack`, if any. */
function extendsOf(value: unknown): string | undefined {
  const pack = (value as { extends?: { pack?: unknown } } | null)?.extends?.pack;
  return typeof pack === 'string' ? pack : undefined;
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
