import { ETHNIC_GROUPS, type Lang, type Pack, type ParameterValue } from '@p135/rules';
import type { Parameter } from '@p135/rules';
import { translate } from '../i18n/lang';
import type { UiKey } from '../i18n/ui';
import { date, decimal, money, percent } from './format';

const ethnicName = new Map(ETHNIC_GROUPS.map((g) => [g.code, g.name] as const));

/** A parameter's value as a person reads it, in the user's language, by its unit. */
export function formatParamValue(value: ParameterValue, unit: Parameter['unit'], pack: Pack, lang: Lang): string {
  if (Array.isArray(value)) {
    if (unit === 'role_codes') return value.map((code) => pack.roles.find((r) => r.code === code)?.label[lang] ?? code).join('; ');
    if (unit === 'ethnic_group_codes') return value.map((code) => ethnicName.get(code) ?? code).join(', ');
    return value.join(', ');
  }
  const text = String(value);
  switch (unit) {
    case 'vnd':
      return money(text, lang);
    case 'share':
      return percent(text, lang);
    case 'date':
      return date(text, lang);
    case 'year':
      return text;
    default: {
      const word = translate(lang, `unit.${unit}` as UiKey);
      return word ? `${decimal(text, lang)} ${word}` : decimal(text, lang);
    }
  }
}
