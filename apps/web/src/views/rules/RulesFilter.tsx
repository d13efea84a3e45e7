import type { Rule } from '@p135/rules';
import { useLang } from '../../i18n/lang';
import { ALL_RULES, kindsOf, type RuleFilter } from '../../lib/rule-filter';
import { usePack } from '../../state/pack';

/** Narrow the rules view to a kind of rule, a track, or rules that mention some words. */
export function RulesFilter({ filter, onChange, shown }: { filter: RuleFilter; onChange: (f: RuleFilter) => void; shown: number }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const set = (patch: Partial<RuleFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset className="filters">
      <legend>{t('rules.filter')}</legend>
      <div className="field">
        <label htmlFor="rules-kind">{t('rules.kind')}</label>
        <select id="rules-kind" value={filter.kind} onChange={(e) => set({ kind: e.currentTarget.value as Rule['kind'] | '' })}>
          <option value="">{t('common.all')}</option>
          {kindsOf(book.pack.rules).map((k) => (
            <option key={k} value={k}>
              {t(`rules.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rules-track">{t('rules.tracks')}</label>
        <select id="rules-track" value={filter.track} onChange={(e) => set({ track: e.currentTarget.value })}>
          <option value="">{t('common.all')}</option>
          {book.tracks.map((tr) => (
            <option key={tr.code} value={tr.code}>
              {tr.label[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="rules-text">{t('rules.search')}</label>
        <input id="rules-text" type="search" value={filter.text} onChange={(e) => set({ text: e.currentTarget.value })} />
      </div>
      <button type="button" className="secondary" onClick={() => onChange(ALL_RULES)}>
        {t('roster.reset')}
      </button>
      <p className="matching" role="status" aria-live="polite">
        {t('rules.shown', { n: shown, total: book.pack.rules.length })}
      </p>
    </fieldset>
  );
}
