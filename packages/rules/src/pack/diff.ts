import { canonicalJson } from '../hash.js';
import { formatValue, isLocalized, type Localized } from '../i18n.js';
import type { DisabledRule, Pack, Parameter } from '../schemas/pack.js';

export type ChangeKind = 'meta' | 'clause' | 'track' | 'role' | 'parameter' | 'rate' | 'budget' | 'rule' | 'message';

/** One difference between two packs, in words a person can review. */
export interface Change {
  readonly kind: ChangeKind;
  readonly id: string;
  readonly change: 'added' | 'removed' | 'changed';
  readonly message: Localized;
  readonly before?: unknown;
  readonly after?: unknown;
  /** A rule `b` turned off: the reason and clause it gives. */
  readonly disabled?: DisabledRule;
}

const KIND: Record<ChangeKind, Localized> = {
  meta: { vi: 'Thông tin chung', en: 'Metadata' },
  clause: { vi: 'Điều khoản', en: 'Clause' },
  track: { vi: 'Loại lớp', en: 'Track' },
  role: { vi: 'Chức vụ', en: 'Role' },
  parameter: { vi: 'Tham số', en: 'Parameter' },
  rate: { vi: 'Định mức chi', en: 'Rate' },
  budget: { vi: 'Ràng buộc kinh phí', en: 'Budget rules' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  message: { vi: 'Thông điệp', en: 'Message' },
};

const show = (v: unknown, unit: string | undefined, lang: 'vi' | 'en') => {
  if (Array.isArray(v)) return `[${v.join(', ')}]`;
  return formatValue(v, unit === 'vnd' ? 'money' : unit === 'share' ? 'percent' : undefined, lang);
};

function byKey<T>(items: readonly T[] | Readonly<Record<string, T>>, key?: (t: T) => string): Map<string, T> {
  if (Array.isArray(items)) return new Map((items as T[]).map((t) => [(key as (t: T) => string)(t), t] as const));
  return new Map(Object.entries(items as Record<string, T>));
}

function compare<T>(kind: ChangeKind, a: Map<string, T>, b: Map<string, T>, describe: (id: string, before: T | undefined, after: T | undefined) => Localized | undefined): Change[] {
  const out: Change[] = [];
  const label = KIND[kind];
  for (const [id, before] of a) {
    const after = b.get(id);
    if (after === undefined) out.push({ kind, id, change: 'removed', before, message: { vi: `${label.vi} "${id}" bị bỏ`, en: `${label.en} "${id}" removed` } });
    else if (canonicalJson(before) !== canonicalJson(after)) {
      const words = describe(id, before, after) ?? { vi: `${label.vi} "${id}" thay đổi`, en: `${label.en} "${id}" changed` };
      out.push({ kind, id, change: 'changed', before, after, message: words });
    }
  }
  for (const [id, after] of b) {
    if (!a.has(id)) out.push({ kind, id, change: 'added', after, message: describe(id, undefined, after) ?? { vi: `Thêm ${label.vi.toLowerCase()} "${id}"`, en: `${label.en} "${id}" added` } });
  }
  return out;
}

/** A parameter's dated values in full (`từ 2021-07-01: 7.000.000.000 đ`), or "none" when it has none. */
const showDated = (p: Parameter, lang: 'vi' | 'en') =>
  p.values?.length ? p.values.map((d) => `${lang === 'vi' ? 'từ' : 'from'} ${d.from}: ${show(d.value, p.unit, lang)}`).join(', ') : lang === 'vi' ? 'không có' : 'none';

function describeParameter(id: string, before: Parameter | undefined, after: Parameter | undefined): Localized | undefined {
  if (!after) return undefined;
  if (!before)
    return {
      vi: `Thêm tham số "${id}" (${after.label.vi}) = ${show(after.value, after.unit, 'vi')}${after.values?.length ? `; ${showDated(after, 'vi')}` : ''}`,
      en: `Parameter "${id}" (${after.label.en}) added: ${show(after.value, after.unit, 'en')}${after.values?.length ? `; ${showDated(after, 'en')}` : ''}`,
    };
  const parts: Localized[] = [];
  if (canonicalJson(before.value) !== canonicalJson(after.value)) {
    parts.push({ vi: `${show(before.value, before.unit, 'vi')} → ${show(after.value, after.unit, 'vi')}`, en: `${show(before.value, before.unit, 'en')} → ${show(after.value, after.unit, 'en')}` });
  }
  if (before.clause !== after.clause || canonicalJson(before.assumption) !== canonicalJson(after.assumption)) {
    const src = (p: Parameter, lang: 'vi' | 'en') => (p.clause ? p.clause : lang === 'vi' ? 'giả định' : 'assumption');
    parts.push({ vi: `nguồn ${src(before, 'vi')} → ${src(after, 'vi')}`, en: `source ${src(before, 'en')} → ${src(after, 'en')}` });
  }
  if (canonicalJson(before.values) !== canonicalJson(after.values))
    parts.push({ vi: `giá trị theo ngày: ${showDated(before, 'vi')} → ${showDated(after, 'vi')}`, en: `dated values: ${showDated(before, 'en')} → ${showDated(after, 'en')}` });
  if (!parts.length) parts.push({ vi: 'nhãn thay đổi', en: 'label changed' });
  return { vi: `Tham số "${id}" (${after.label.vi}): ${parts.map((p) => p.vi).join('; ')}`, en: `Parameter "${id}" (${after.label.en}): ${parts.map((p) => p.en).join('; ')}` };
}

/** A rule gone from `b` because `b` turned it off: said so, with the reason and clause `b` gives. */
function withDisableReason(c: Change, b: Pack): Change {
  if (c.kind !== 'rule' || c.change !== 'removed') return c;
  const off = b.disabled?.find((d) => d.id === c.id);
  if (!off) return c;
  const clause = off.clause ? ` (${off.clause})` : '';
  return {
    ...c,
    disabled: off,
    message: {
      vi: `Quy tắc "${c.id}" bị tắt${clause}${off.reason ? `: ${off.reason.vi}` : ''}`,
      en: `Rule "${c.id}" disabled${clause}${off.reason ? `: ${off.reason.en}` : ''}`,
    },
  };
}

/** What differs between pack `a` and pack `b`, section by section, in words. */
export function diffPacks(a: Pack, b: Pack): Change[] {
  const changes: Change[] = [];
  if (a.id !== b.id || a.version !== b.version) {
    changes.push({
      kind: 'meta',
      id: 'id',
      change: 'changed',
      before: `${a.id} ${a.version}`,
      after: `${b.id} ${b.version}`,
      message: { vi: `Bộ quy tắc ${a.id} ${a.version} → ${b.id} ${b.version}`, en: `Pack ${a.id} ${a.version} → ${b.id} ${b.version}` },
    });
  }
  const metaText = (v: unknown, lang: 'vi' | 'en'): string => {
    if (isLocalized(v)) return `"${v[lang]}"`;
    if (Array.isArray(v)) return `[${v.map((x) => metaText(x, lang)).join('; ')}]`;
    if (v && typeof v === 'object')
      return Object.values(v)
        .map((x) => metaText(x, lang))
        .join(' ');
    return JSON.stringify(v);
  };
  changes.push(
    ...compare('meta', byKey(a.meta as Record<string, unknown>), byKey(b.meta as Record<string, unknown>), (id, x, y) =>
      x !== undefined && y !== undefined ? { vi: `Thông tin "${id}": ${metaText(x, 'vi')} → ${metaText(y, 'vi')}`, en: `Metadata "${id}": ${metaText(x, 'en')} → ${metaText(y, 'en')}` } : undefined,
    ),
  );
  changes.push(
    ...compare(
      'clause',
      byKey(a.clauses, (c) => c.id),
      byKey(b.clauses, (c) => c.id),
      (id, x, y) =>
        x && y
          ? { vi: `Điều khoản ${id}: nội dung thay đổi`, en: `Clause ${id}: text changed` }
          : y
            ? { vi: `Thêm điều khoản ${id}: ${y.title.vi}`, en: `Clause ${id} added: ${y.title.en}` }
            : undefined,
    ),
  );
  changes.push(
    ...compare(
      'track',
      byKey(a.tracks, (t) => t.code),
      byKey(b.tracks, (t) => t.code),
      () => undefined,
    ),
  );
  changes.push(
    ...compare(
      'role',
      byKey(a.roles, (r) => r.code),
      byKey(b.roles, (r) => r.code),
      (id, x, y) => (!x && y ? { vi: `Thêm chức vụ "${id}" (${y.label.vi})`, en: `Role "${id}" added (${y.label.en})` } : undefined),
    ),
  );
  changes.push(...compare('parameter', byKey(a.parameters), byKey(b.parameters), describeParameter));
  changes.push(
    ...compare(
      'rate',
      byKey(a.rates, (r) => r.id),
      byKey(b.rates, (r) => r.id),
      (id, x, y) =>
        x && y && x.amount !== y.amount
          ? { vi: `Định mức "${id}": ${show(x.amount, 'vnd', 'vi')} → ${show(y.amount, 'vnd', 'vi')}`, en: `Rate "${id}": ${show(x.amount, 'vnd', 'en')} → ${show(y.amount, 'vnd', 'en')}` }
          : undefined,
    ),
  );
  if (canonicalJson(a.budget) !== canonicalJson(b.budget))
    changes.push({ kind: 'budget', id: 'budget', change: 'changed', before: a.budget, after: b.budget, message: { vi: 'Ràng buộc kinh phí thay đổi', en: 'Budget rules changed' } });
  changes.push(
    ...compare(
      'rule',
      byKey(a.rules, (r) => r.id),
      byKey(b.rules, (r) => r.id),
      (id, x, y) => {
        if (!x || !y) return y ? { vi: `Thêm quy tắc "${id}" (${y.clause}): ${y.message.fail.vi}`, en: `Rule "${id}" added (${y.clause}): ${y.message.fail.en}` } : undefined;
        const what: Localized[] = [];
        if (canonicalJson(x.conditions) !== canonicalJson(y.conditions)) what.push({ vi: 'điều kiện', en: 'conditions' });
        if (canonicalJson(x.message) !== canonicalJson(y.message)) what.push({ vi: 'thông điệp', en: 'messages' });
        if (x.clause !== y.clause) what.push({ vi: `điều khoản ${x.clause} → ${y.clause}`, en: `clause ${x.clause} → ${y.clause}` });
        if (canonicalJson(x.tracks) !== canonicalJson(y.tracks)) what.push({ vi: 'loại lớp áp dụng', en: 'tracks' });
        if (!what.length) what.push({ vi: 'thuộc tính khác', en: 'other fields' });
        return { vi: `Quy tắc "${id}" thay đổi: ${what.map((w) => w.vi).join(', ')}`, en: `Rule "${id}" changed: ${what.map((w) => w.en).join(', ')}` };
      },
    ),
  );
  changes.push(...compare('message', byKey(a.messages), byKey(b.messages), () => undefined));
  return changes.map((c) => withDisableReason(c, b));
}
