import type { Localized, Parameter } from '@p135/rules';
import { ClauseRef } from '../../components/ClauseRef';
import { useLang } from '../../i18n/lang';
import { date } from '../../lib/format';
import { formatParamValue } from '../../lib/param-format';
import { usePack } from '../../state/pack';

/** A parameter's value as it applies to decisions (the rulebook's date), in the user's language. */
export function ParamValue({ id }: { id: string }) {
  const { lang } = useLang();
  const { book } = usePack();
  const p = book.pack.parameters[id];
  const value = book.params[id];
  if (!p || value === undefined) return null;
  return <span className="param-value">{formatParamValue(value as Parameter['value'], p.unit, book.pack, lang)}</span>;
}

/** Where a value comes from: a clause of the plan, or an assumption, marked as such with its reason. */
export function ParamSource({ param }: { param: { readonly clause?: string | undefined; readonly assumption?: Localized | undefined } }) {
  const { t, lang } = useLang();
  if (param.assumption) {
    return (
      <span className="assumption">
        <span className="badge assumption">{t('rules.assumption')}</span> {param.assumption[lang]}
      </span>
    );
  }
  return param.clause ? <ClauseRef id={param.clause} /> : null;
}

/** Dated values of a parameter (a later decision changing it), each with its date and source. */
export function DatedValues({ param }: { param: Parameter }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  if (!param.values?.length) return null;
  return (
    <ul className="dated">
      {param.values.map((v) => (
        <li key={v.from}>
          {t('rules.from', { date: date(v.from, lang) })}: {formatParamValue(v.value, param.unit, book.pack, lang)} <ParamSource param={v} />
        </li>
      ))}
    </ul>
  );
}
