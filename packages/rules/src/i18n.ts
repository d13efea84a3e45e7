/** Text a person reads, Vietnamese first (the plan's language), English second. */
export interface Localized {
  vi: string;
  en: string;
}

export type Lang = keyof Localized;
export const LANGS: readonly Lang[] = ['vi', 'en'];

export type TemplateValues = Readonly<Record<string, unknown>>;

const PLACEHOLDER = /\{([A-Za-z0-9_:.]+)(?:\|([a-z]+))?\}/g;

/** The filters a placeholder may name (`{amount|money}`); pack validation refuses any other. */
export const FILTERS = ['money', 'percent', 'number'] as const;

/**
 * Fills `{name}` and `{name|filter}` placeholders from `values`, formatting each value for the
 * language. Filters: `money` (whole đồng), `percent` (a share such as "0.1"), `number` (digit groups).
 * Without a filter a decimal only gets the language's decimal mark ("3.5" → "3,5"); years stay as they are.
 * A placeholder without a value is left as it is, so a missing fact is visible, not silent.
 */
export function interpolate(template: string, values: TemplateValues, lang: Lang): string {
  return template.replace(PLACEHOLDER, (whole, name: string, filter: string | undefined) => {
    if (!Object.hasOwn(values, name)) return whole;
    return formatValue(values[name], filter, lang);
  });
}

export function localize(text: Localized, values: TemplateValues): Localized {
  return { vi: interpolate(text.vi, values, 'vi'), en: interpolate(text.en, values, 'en') };
}

/** Names of the placeholders a template uses, for validating packs. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string);
}

/** Any `{name|…}`: a placeholder with a filter, whatever the filter is written as. */
const FILTERED = /\{[A-Za-z0-9_:.]+\|([^{}]*)\}/g;

/**
 * The filters a template names that are not `FILTERS` (`{amount|tien}`, `{amount|Money}`,
 * `{amount|tiền}`), for validating packs: such a placeholder would print its value unformatted,
 * or not be filled at all.
 */
export function unknownFilters(template: string): string[] {
  const known: readonly string[] = FILTERS;
  return [...template.matchAll(FILTERED)].flatMap((m) => (known.includes(m[1] as string) ? [] : [m[1] as string]));
}

export function formatValue(value: unknown, filter: string | undefined, lang: Lang): string {
  if (value === null || value === undefined) return lang === 'vi' ? '(không có)' : '(none)';
  if (isLocalized(value)) return value[lang];
  if (Array.isArray(value)) return value.map((v) => formatValue(v, filter, lang)).join(', ');
  const text = String(value);
  if (filter === 'money') return formatMoneyText(text, lang);
  if (filter === 'percent') return formatPercentText(text, lang);
  if (filter === 'number') return formatDecimalText(text, lang);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return formatDateText(text, lang);
  if (/^-?\d+\.\d+$/.test(text)) return lang === 'vi' ? text.replace('.', ',') : text;
  return text;
}

/** "8040000000" → "8.040.000.000 đ" (vi) or "8,040,000,000 VND" (en). */
export function formatMoneyText(digits: string, lang: Lang): string {
  return `${formatDecimalText(digits, lang)} ${lang === 'vi' ? 'đ' : 'VND'}`;
}

/** "3.5" → "3,5" (vi) or "3.5" (en); "8040000000" → "8.040.000.000" (vi). */
export function formatDecimalText(text: string, lang: Lang): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return text;
  const [, sign, int = '', frac] = m;
  const group = lang === 'vi' ? '.' : ',';
  const point = lang === 'vi' ? ',' : '.';
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${sign}${grouped}${frac ? point + frac : ''}`;
}

/** "0.1" → "10%"; "0.125" → "12,5%" (vi). Exact: moves the decimal point, no float. */
export function formatPercentText(share: string, lang: Lang): string {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(share);
  if (!m) return share;
  const int = m[1] ?? '0';
  const frac = (m[2] ?? '').padEnd(2, '0');
  const whole = `${int}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${formatDecimalText(rest ? `${whole}.${rest}` : whole, lang)}%`;
}

export function isLocalized(value: unknown): value is Localized {
  return typeof value === 'object' && value !== null && typeof (value as Localized).vi === 'string' && typeof (value as Localized).en === 'string';
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2020-07-01" → "01/07/2020" (vi) or "1 July 2020" (en). */
export function formatDateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  if (lang === 'vi') return `${d}/${mo}/${y}`;
  return `${Number(d)} ${MONTHS_EN[Number(mo) - 1] ?? mo} ${y}`;
}
