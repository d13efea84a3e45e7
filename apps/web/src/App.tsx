import { useEffect, useMemo, useRef, useState } from 'react';
import { Header } from './components/Header';
import { Nav } from './components/Nav';
import { useLang } from './i18n/lang';
import { hubBaseOf } from './lib/hub-api';
import { type View, viewFromHash, viewsFor } from './lib/route';
import { HubView } from './views/hub/HubView';
import { PersonView } from './views/person/PersonView';
import { PlanView } from './views/plan/PlanView';
import { ReportsView } from './views/reports/ReportsView';
import { RosterView } from './views/roster/RosterView';
import { RulesView } from './views/rules/RulesView';

const VIEW_COMPONENTS: Record<View, () => React.JSX.Element> = {
  person: PersonView,
  roster: RosterView,
  plan: PlanView,
  reports: ReportsView,
  rules: RulesView,
  hub: HubView,
};

/** The page: header, views, and the current view (from the URL's hash). */
export function App() {
  const { t } = useLang();
  // The hub's view only on a page a hub served (its marker in index.html); offline, no hub and no request.
  const hub = useMemo(() => hubBaseOf(document) !== undefined, []);
  const views = useMemo(() => viewsFor(hub), [hub]);
  const [asked, setView] = useState<View>(() => viewFromHash(location.hash));
  const view: View = views.includes(asked) ? asked : 'person';
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    const onHash = () => setView(viewFromHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // After a change of view, move focus to its content, as a page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the view changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus({ preventScroll: false });
  }, [view]);
  // Each view has its own title (the tab, the history, a screen reader's announcement).
  // (The hub's view names itself by what it shows: signing in, a district's submissions, the dashboard.)
  useEffect(() => {
    if (view !== 'hub') document.title = `${t(`nav.${view}`)} · ${t('app.title')}`;
  }, [view, t]);
  const Current = VIEW_COMPONENTS[view];
  return (
    <>
      {/* A button, not a link: the URL's hash is the router's. */}
      <button type="button" className="skip" onClick={() => main.current?.focus()}>
        {t('app.skip')}
      </button>
      <Header />
      <Nav view={view} views={views} />
      <main id="main" ref={main} tabIndex={-1}>
        <Current />
      </main>
    </>
  );
}
