/** The views, addressed by the URL's hash (`#/roster`), so the back button and links work. */
export const VIEWS = ['person', 'roster', 'plan', 'reports', 'rules', 'hub'] as const;
export type View = (typeof VIEWS)[number];

export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'person';
}

/** The views a page shows: the hub's only when the page was served by a hub. */
export const viewsFor = (hub: boolean): readonly View[] => (hub ? VIEWS : VIEWS.filter((v) => v !== 'hub'));

export const hashOf = (view: View): string => `#/${view}`;
