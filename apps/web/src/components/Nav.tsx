import { useLang } from '../i18n/lang';
import { hashOf, type View } from '../lib/route';

/** The views as links (the URL's hash), the current one marked for assistive technology. */
export function Nav({ view, views }: { view: View; views: readonly View[] }) {
  const { t } = useLang();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {views.map((v) => (
          <li key={v}>
            <a href={hashOf(v)} aria-current={v === view ? 'page' : undefined}>
              {t(`nav.${v}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
