/** The views, addressed by the URL's hash (`#/roster`), so the back button and links work. */
export const VIEWS = ['person', 'roster', 'plan', 'reports', 'rules'] as const;
export type View = (typeof VIEWS)[number];

export function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : 'person';
}

export const hashOf = (view: View): string => `#/${view}`;
