import { useLang } from '../i18n/lang';
import { ForgetFiles } from './ForgetFiles';
import { LangSwitch } from './LangSwitch';
import { PackSwitch } from './PackSwitch';

/** The app's name, the pack switcher and the language switch. */
export function Header() {
  const { t } = useLang();
  return (
    <header className="app-header">
      <div className="brand">
        <p className="app-name">{t('app.name')}</p>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <div className="switches">
        <PackSwitch />
        <LangSwitch />
        <ForgetFiles />
      </div>
    </header>
  );
}
