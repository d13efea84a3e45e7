import { useLang } from '../../i18n/lang';
import { usePack } from '../../state/pack';

/** Which document the pack encodes: title, decision, issuer, legal bases, and whether it is an example. */
export function PackMeta() {
  const { t, lang } = useLang();
  const { book } = usePack();
  const m = book.pack.meta;
  return (
    <section aria-labelledby="pack-meta-title" className={m.status === 'example' ? 'pack-meta example' : 'pack-meta'}>
      <h2 id="pack-meta-title">
        {m.status === 'example' ? <span className="badge example">{t('pack.example')}</span> : null} {m.title[lang]}
      </h2>
      <dl>
        <dt>{t('pack.label')}</dt>
        <dd>
          <code>{book.pack.id}</code> · {t('rules.version', { version: book.pack.version })}
        </dd>
        <dt>{t('rules.decision')}</dt>
        <dd>{m.decision}</dd>
        <dt>{t('rules.issuer')}</dt>
        <dd>{m.issuer}</dd>
        <dt>{t('rules.legalBases')}</dt>
        <dd>
          <ul>
            {m.legalBases.map((b) => (
              <li key={b}>{b}</li>
            ))}
          </ul>
        </dd>
      </dl>
      {m.note ? <p className="note">{m.note[lang]}</p> : null}
    </section>
  );
}
