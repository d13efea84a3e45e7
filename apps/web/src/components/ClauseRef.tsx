import { useLang } from '../i18n/lang';
import { usePack } from '../state/pack';

/**
 * A clause id that opens to the clause's Vietnamese text (the authority) and its English gloss.
 * A native disclosure: keyboard and screen readers handle it.
 */
export function ClauseRef({ id }: { id: string }) {
  const { t, lang } = useLang();
  const { book } = usePack();
  const clause = book.clause(id);
  if (!clause) return <span className="clause-id">{id}</span>;
  return (
    <details className="clause">
      <summary>
        <span className="clause-id">{id}</span>
        <span className="clause-title"> · {clause.title[lang]}</span>
      </summary>
      <div className="clause-body">
        <p className="clause-label">{t('common.vietnameseText')}</p>
        <blockquote lang="vi">{clause.text.vi}</blockquote>
        <p className="clause-label">{t('common.englishGloss')}</p>
        <blockquote lang="en">{clause.text.en}</blockquote>
        {clause.corrections?.length ? (
          <>
            <p className="clause-label">{t('rules.corrections')}</p>
            <ul>
              {clause.corrections.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </details>
  );
}
