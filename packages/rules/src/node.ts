/**
 * Node-only helpers (file system): `@p135/rules/node`. The main entry stays browser-safe.
 */
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { bundledPack, bundledPackIds } from './bundled.js';
import { parsePack } from './pack/load.js';
import { PACK_LIMITS, parseJsonText } from './pack/safe-json.js';
import { type Checked, type Problem, problem } from './problems.js';
import { PACK_ID } from './schemas/common.js';
import type { Pack } from './schemas/pack.js';

export interface ReadPackOptions {
  /** Finds the base of a pack that `extends` another; default: the bundled packs, then `<id>.json` beside the file. */
  readonly resolveBase?: (id: string) => Pack | undefined;
  /** How many files a chain of `extends` may read before it is refused. Default 5. */
  readonly maxDepth?: number;
  /** Refuse a path that is a symbolic link (a packs directory reads regular files only). Default false. */
  readonly regularOnly?: boolean;
}

const DEFAULT_MAX_DEPTH = 5;
type Fail = Checked<Pack>;
const fail = (p: ReturnType<typeof problem>): Fail => ({ value: undefined, errors: [p], warnings: [] });

/**
 * Reads and validates a pack file. Never throws: a missing or unreadable file is a Problem. A pack
 * that extends another finds its base among the bundled packs, then beside it (`<id>.json`, a
 * regular file); the chain of files is followed with a record of what was read, so a ring of packs
 * that extend each other is refused (`pack.extends_cycle`), as is a chain deeper than `maxDepth`.
 */
export async function readPackFile(path: string, options: ReadPackOptions = {}): Promise<Checked<Pack>> {
  return readChain(resolve(path), options, []);
}

async function readChain(path: string, options: ReadPackOptions, chain: readonly string[]): Promise<Checked<Pack>> {
  const name = basename(path);
  try {
    const info = await (options.regularOnly ? lstat(path) : stat(path));
    if (info.isSymbolicLink())
      return fail(problem('$', 'file.not_regular', `"${name}" là liên kết (symlink), không phải tệp thường: bỏ qua`, `"${name}" is a symbolic link, not a regular file: skipped`));
    if (!info.isFile()) return fail(problem('$', 'file.not_a_file', `"${path}" không phải là tệp`, `"${path}" is not a file`));
    if (info.size > PACK_LIMITS.maxChars * 4) return fail(problem('$', 'json.too_large', 'Tệp quá lớn', `"${path}" is too large for a rule pack`));
    const parsed = parseJsonText(await readFile(path, 'utf8'), PACK_LIMITS);
    if (parsed.errors.length) return { value: undefined, errors: parsed.errors, warnings: [] };
    const baseId = extendsOf(parsed.value);
    if (!baseId || options.resolveBase || bundledPack(baseId) || !PACK_ID.test(baseId)) {
      return parsePack(parsed.value, { resolveBase: options.resolveBase ?? bundledPack });
    }
    const base = await readBase(join(dirname(path), `${baseId}.json`), baseId, options, [...chain, path]);
    if (base.errors) return { value: undefined, errors: base.errors, warnings: [] };
    return parsePack(parsed.value, { resolveBase: (id) => bundledPack(id) ?? (id === baseId ? base.pack : undefined) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    const why = code === 'ENOENT' ? { vi: 'không tìm thấy tệp', en: 'not found' } : code === 'EACCES' ? { vi: 'không có quyền đọc', en: 'permission denied' } : { vi: code, en: code };
    return fail(problem('$', 'file.unreadable', `Không đọc được "${path}" (${why.vi})`, `cannot read "${path}" (${why.en})`));
  }
}

/** The base file of a pack in `chain`: undefined when absent (parsePack then says "not found"). */
async function readBase(file: string, baseId: string, options: ReadPackOptions, chain: readonly string[]): Promise<{ pack?: Pack; errors?: Problem[] }> {
  const ring = chain.indexOf(file);
  if (ring >= 0) {
    const ids = [...chain.slice(ring), file].map((f) => basename(f, '.json')).join(' → ');
    return {
      errors: [
        problem(
          '$.extends.pack',
          'pack.extends_cycle',
          `Các bộ quy tắc kế thừa nhau thành vòng tròn: ${ids}; hãy để một bộ kế thừa bộ có sẵn`,
          `these packs extend each other in a ring: ${ids}; make one of them extend a bundled pack`,
        ),
      ],
    };
  }
  const max = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (chain.length >= max) {
    return { errors: [problem('$.extends.pack', 'pack.extends_too_deep', `Chuỗi kế thừa dài hơn ${max} tệp`, `the chain of bases is longer than ${max} files`)] };
  }
  try {
    await lstat(file);
  } catch {
    return {};
  }
  const base = await readChain(file, { ...options, regularOnly: true }, chain);
  if (base.value) return { pack: base.value };
  const inherited = base.errors.find((p) => p.code === 'pack.extends_cycle' || p.code === 'pack.extends_too_deep');
  if (inherited) return { errors: [inherited] };
  const first = base.errors[0];
  return {
    errors: [
      problem(
        '$.extends.pack',
        'pack.base_invalid',
        `Bộ quy tắc gốc "${baseId}" (${basename(file)}) không hợp lệ: ${base.errors.length} lỗi, lỗi đầu ở ${first?.path}: ${first?.message.vi}`,
        `the base pack "${baseId}" (${basename(file)}) is invalid: ${base.errors.length} problem(s), the first at ${first?.path}: ${first?.message.en}`,
      ),
    ],
  };
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
    return {
      value: undefined,
      errors: [
        problem(
          '$',
          'pack.unknown',
          `Không có bộ quy tắc "${idOrPath}"; có sẵn: ${ids}, hoặc đường dẫn tới tệp .json`,
          `no bundled pack "${idOrPath}"; bundled: ${ids}, or give a path to a .json pack file`,
        ),
      ],
      warnings: [],
    };
  }
  return readPackFile(idOrPath);
}

/**
 * Every `*.json` pack in a directory, validated; invalid ones are reported by file name. Only regular
 * files are read: a symbolic link is reported, never followed.
 */
export async function readPackDirectory(dir: string): Promise<{ packs: Pack[]; invalid: { file: string; errors: Checked<Pack>['errors'] }[] }> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json') && !n.endsWith('.tests.json')).sort();
  const packs: Pack[] = [];
  const invalid: { file: string; errors: Checked<Pack>['errors'] }[] = [];
  for (const name of names) {
    const r = await readPackFile(join(dir, name), { regularOnly: true });
    if (r.value) packs.push(r.value);
    else invalid.push({ file: name, errors: r.errors });
  }
  return { packs, invalid };
}
