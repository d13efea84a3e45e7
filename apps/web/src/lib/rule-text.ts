import { interpolate, type Lang, placeholders } from '@p135/rules';
import { translate } from '../i18n/lang';
import { UI, type UiKey } from '../i18n/ui';

type TemplateValues = Parameters<typeof interpolate>[1];

/**
 * A rule's message as the Rules view shows it: the pack's parameters filled in, and what depends on
 * a person or a plan (`{traineeId}`, `{commune}`) written as a word in brackets (`[mã học viên]`),
 * never as a raw `{placeholder}`.
 */
export function ruleText(template: string, values: TemplateValues, lang: Lang): string {
  const all: Record<string, unknown> = { ...values };
  for (const name of placeholders(template)) {
    if (Object.hasOwn(all, name)) continue;
    const key = `slot.${name}`;
    all[name] = translate(lang, 'slot.wrap', { what: Object.hasOwn(UI[lang], key) ? translate(lang, key as UiKey) : translate(lang, 'slot.other') });
  }
  return interpolate(template, all as TemplateValues, lang);
}
