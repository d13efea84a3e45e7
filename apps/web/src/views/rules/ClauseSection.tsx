import type { Clause, Rule } from '@p135/rules';
import { useLang } from '../../i18n/lang';
import { RuleCard } from './RuleCard';

/** A clause's Vietnamese text (the authority) and English gloss, with the rules that rest on it. */
export function ClauseSection({ clause, rules }: { clause: Clause; rules: readonly Rule[] }) {
  const { t, lang } = useLang();
  return (
    <section className="clause-section" id={`clause-${clause.id}`} tabIndex={-1} aria-labelledby={`clause-${clause.id}-title`}>
      <h2 id={`clause-${clause.id}-title`}>
        <span className="clause-id">{clause.id}</span> {clause.title[lang]}
      </h2>
      <div className="clause-texts">
        <div>
          <p className="clause-label">{t('common.vietnameseText')}</p>
          <blockquote lang="vi">{clause.text.vi}</blockquote>
        </div>
        <div>
          <p className="clause-label">{t('common.englishGloss')}</p>
          <blockquote lang="en">{clause.text.en}</blockquote>
        </div>
      </div>
      {clause.corrections?.length ? (
        <div className="note">
          <p className="clause-label">{t('rules.corrections')}</p>
          <ul>
            {clause.corrections.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {rules.length ? (
        <div className="rules">
          {rules.map((r) => (
            <RuleCard key={r.id} rule={r} />
          ))}
        </div>
      ) : (
        <p className="muted">{t('rules.noRules')}</p>
      )}
    </section>
  );
}
