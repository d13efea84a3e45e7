import { type Problem, problem, jsonPath, type PathPart } from '../problems.js';
import type { PackExtension } from '../schemas/pack-extension.js';
import type { Pack } from '../schemas/pack.js';
import { hasOwn, own } from '../own.js';

/** Where a part of the merged pack came from in the extension, to report problems at their source. */
export type Origins = Map<string, string>;

export interface Extended {
  /** The merged pack, not yet validated (the caller validates it whole). */
  readonly pack: Record<string, unknown>;
  readonly errors: Problem[];
  /** Paths in the merged pack (`$.rules[17]`) → paths in the extension (`$.rules.add[0]`). */
  readonly origins: Origins;
}

/** "Quy tắc / rule" → its Vietnamese and English halves. */
const halves = (what: string) => {
  const [vi = what, en = what] = what.split(' / ');
  return { vi, en };
};
const notInBase = (path: PathPart[], what: string, id: string, base: string, hint: 'add' | 'none' = 'add') => {
  const w = halves(what);
  const add = hint === 'add' ? { vi: ': dùng "add" để thêm mục mới', en: ': use "add" for something new' } : { vi: ': kiểm tra chính tả của mã', en: ": check the id's spelling" };
  return problem(jsonPath(path), 'pack.override_unknown', `${w.vi} "${id}" không có trong bộ quy tắc gốc "${base}"${add.vi}`, `${w.en} "${id}" does not exist in the base pack "${base}"${add.en}`);
};
const alreadyInBase = (path: PathPart[], what: string, id: string, base: string) => {
  const w = halves(what);
  return problem(
    jsonPath(path),
    'pack.duplicate_id',
    `${w.vi} "${id}" đã có trong bộ quy tắc gốc "${base}": dùng "replace" để thay đổi nó`,
    `${w.en} "${id}" already exists in the base pack "${base}": use "replace" to change it`,
  );
};

/** Adds and replaces items of a list keyed by `key`, recording where each came from. */
function mergeList<T extends Record<string, unknown>>(
  base: readonly T[],
  change: { add?: readonly T[] | undefined; replace?: readonly T[] | undefined } | undefined,
  key: keyof T & string,
  section: string,
  what: string,
  baseId: string,
  errors: Problem[],
  origins: Origins,
): T[] {
  const out = base.map((x) => structuredClone(x));
  const at = new Map(out.map((x, i) => [String(x[key]), i] as const));
  // The same id twice in one list is its own mistake: saying "use replace" or "use add" would send the author round in a loop.
  const twice = (list: 'add' | 'replace') => {
    const first = new Map<string, number>();
    const again = new Set<number>();
    change?.[list]?.forEach((item, j) => {
      const id = String(item[key]);
      const k = first.get(id);
      if (k === undefined) first.set(id, j);
      else {
        again.add(j);
        errors.push(
          problem(
            jsonPath([section, list, j, key]),
            'pack.duplicate_id',
            `${halves(what).vi} "${id}" có hai lần trong chính danh sách "${list}" này (lần đầu ở ${jsonPath([section, list, k])}): hãy xóa một lần`,
            `${halves(what).en} "${id}" is twice in this "${list}" list itself (first at ${jsonPath([section, list, k])}): remove one`,
          ),
        );
      }
    });
    return again;
  };
  const replacedTwice = twice('replace');
  const addedTwice = twice('add');
  change?.replace?.forEach((item, j) => {
    if (replacedTwice.has(j)) return;
    const i = at.get(String(item[key]));
    if (i === undefined) errors.push(notInBase([section, 'replace', j, key], what, String(item[key]), baseId));
    else {
      out[i] = structuredClone(item);
      origins.set(jsonPath([section, i]), jsonPath([section, 'replace', j]));
    }
  });
  change?.add?.forEach((item, j) => {
    if (addedTwice.has(j)) return;
    if (at.has(String(item[key]))) errors.push(alreadyInBase([section, 'add', j, key], what, String(item[key]), baseId));
    else {
      at.set(String(item[key]), out.length);
      origins.set(jsonPath([section, out.length]), jsonPath([section, 'add', j]));
      out.push(structuredClone(item));
    }
  });
  return out;
}

/**
 * Applies an extension to its base: overrides parameters, replaces or disables rules by id, adds
 * rules, clauses, tracks, roles and rates. Mistakes of the extension itself (an override of an id
 * the base lacks, an addition of one it has) are reported at their path in the extension.
 */
export function applyExtension(base: Pack, ext: PackExtension): Extended {
  const errors: Problem[] = [];
  const origins: Origins = new Map();
  const baseId = base.id;

  if (ext.extends.version !== undefined && ext.extends.version !== base.version) {
    errors.push(
      problem(
        '$.extends.version',
        'pack.base_version',
        `Bộ quy tắc gốc "${baseId}" có phiên bản ${base.version}, không phải ${ext.extends.version}`,
        `the base pack "${baseId}" is version ${base.version}, not ${ext.extends.version}`,
      ),
    );
  }

  const parameters: Record<string, unknown> = structuredClone(base.parameters);
  for (const [id, o] of Object.entries(ext.parameters?.override ?? {})) {
    const current = own(parameters, id) as Record<string, unknown> | undefined;
    if (!current) {
      errors.push(notInBase(['parameters', 'override', id], 'Tham số / parameter', id, baseId));
      continue;
    }
    const merged: Record<string, unknown> = { ...current, ...structuredClone(o) };
    // A new source replaces the old one: an override citing a clause is no longer an assumption.
    if (o.clause !== undefined && o.assumption === undefined) delete merged.assumption;
    if (o.assumption !== undefined && o.clause === undefined) delete merged.clause;
    parameters[id] = merged;
    origins.set(jsonPath(['parameters', id]), jsonPath(['parameters', 'override', id]));
  }
  for (const [id, p] of Object.entries(ext.parameters?.add ?? {})) {
    if (hasOwn(parameters, id)) errors.push(alreadyInBase(['parameters', 'add', id], 'Tham số / parameter', id, baseId));
    else {
      parameters[id] = structuredClone(p);
      origins.set(jsonPath(['parameters', id]), jsonPath(['parameters', 'add', id]));
    }
  }
  for (const [id, codes] of Object.entries(ext.appendToLists ?? {})) {
    const p = own(parameters, id) as { value?: unknown } | undefined;
    if (!p) errors.push(notInBase(['appendToLists', id], 'Tham số / parameter', id, baseId, 'none'));
    else if (!Array.isArray(p.value)) errors.push(problem(jsonPath(['appendToLists', id]), 'pack.not_a_list', `Tham số "${id}" không phải danh sách`, `parameter "${id}" is not a list`));
    else p.value = [...p.value, ...codes.filter((c) => !(p.value as unknown[]).includes(c))];
  }

  let rules = mergeList(base.rules as unknown as Record<string, unknown>[], ext.rules as never, 'id', 'rules', 'Quy tắc / rule', baseId, errors, origins);
  const disabled = (ext.rules?.disable ?? []).map((d) => (typeof d === 'string' ? { id: d } : structuredClone(d)));
  disabled.forEach(({ id }, j) => {
    if (!rules.some((r) => r.id === id)) errors.push(notInBase(['rules', 'disable', j], 'Quy tắc / rule', id, baseId, 'none'));
    origins.set(jsonPath(['disabled', (base.disabled?.length ?? 0) + j]), jsonPath(['rules', 'disable', j]));
  });
  if (disabled.length) {
    const off = new Set(disabled.map((d) => d.id));
    const kept: Record<string, unknown>[] = [];
    const moved: Origins = new Map();
    rules.forEach((r, i) => {
      if (off.has(String(r.id))) return;
      const from = origins.get(jsonPath(['rules', i]));
      if (from) moved.set(jsonPath(['rules', kept.length]), from);
      kept.push(r);
    });
    for (const k of [...origins.keys()]) if (k.startsWith('$.rules[')) origins.delete(k);
    for (const [k, v] of moved) origins.set(k, v);
    rules = kept;
  }

  const rates = mergeList(base.rates as unknown as Record<string, unknown>[], ext.rates as never, 'id', 'rates', 'Định mức / rate', baseId, errors, origins).filter(
    (r) => !ext.rates?.remove?.includes(String(r.id)),
  );

  const pack: Record<string, unknown> = {
    format: ext.format,
    id: ext.id,
    version: ext.version,
    meta: { ...structuredClone(base.meta), ...structuredClone(ext.meta ?? {}) },
    clauses: mergeList(base.clauses as unknown as Record<string, unknown>[], ext.clauses as never, 'id', 'clauses', 'Điều khoản / clause', baseId, errors, origins),
    tracks: mergeList(base.tracks as unknown as Record<string, unknown>[], ext.tracks as never, 'code', 'tracks', 'Loại lớp / track', baseId, errors, origins),
    roles: mergeList(base.roles as unknown as Record<string, unknown>[], ext.roles as never, 'code', 'roles', 'Chức vụ / role', baseId, errors, origins),
    parameters,
    rates,
    budget: structuredClone(ext.budget ?? base.budget),
    rules,
    messages: { ...structuredClone(base.messages), ...structuredClone(ext.messages ?? {}) },
    ...mergedVocabulary(base.vocabulary, ext.vocabulary),
    ...(base.disabled || disabled.length ? { disabled: [...structuredClone(base.disabled ?? []), ...disabled] } : {}),
    ...((ext.places ?? base.places) ? { places: structuredClone(ext.places ?? base.places) } : {}),
  };
  if (ext.meta) origins.set('$.meta', '$.meta');
  if (ext.places) origins.set('$.places', '$.places');
  return { pack, errors, origins };
}

/** The base's vocabulary with the extension's words appended, list by list; absent when neither has one. */
function mergedVocabulary(base: Pack['vocabulary'], ext: PackExtension['vocabulary']): { vocabulary?: Record<string, unknown> } {
  if (!base && !ext) return {};
  const out: Record<string, unknown> = {};
  for (const key of ['headers', 'roles', 'ethnicities', 'genders', 'yesNo', 'footers'] as const) {
    out[key] = [...structuredClone(base?.[key] ?? []), ...structuredClone(ext?.[key] ?? [])];
  }
  const blank = ext?.blankYesNo ?? base?.blankYesNo;
  if (blank) out.blankYesNo = structuredClone(blank);
  return { vocabulary: out };
}

/** Rewrites a problem found in the merged pack to the path in the extension it came from, when known. */
export function toExtensionPath(p: Problem, origins: Origins): Problem {
  let best = '';
  for (const k of origins.keys()) if ((p.path === k || p.path.startsWith(`${k}.`) || p.path.startsWith(`${k}[`)) && k.length > best.length) best = k;
  if (!best) return { ...p, message: { vi: `${p.message.vi} (trong bộ quy tắc sau khi kế thừa)`, en: `${p.message.en} (in the pack as extended)` } };
  return { ...p, path: `${origins.get(best)}${p.path.slice(best.length)}` };
}
