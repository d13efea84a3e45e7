import { LANGS } from '@p135/rules';
import { useLang } from '../i18n/lang';

/** Vietnamese or English: two toggle buttons, each named in its own language. */
export function LangSwitch() {
  const { t, lang, setLang } = useLang();
  return (
    <fieldset className="lang-switch">
      <legend className="visually-hidden">{t('lang.label')}</legend>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </fieldset>
  );
}
