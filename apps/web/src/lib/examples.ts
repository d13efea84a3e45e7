import type { LoadedFile } from './files';

/**
 * The example files the app offers, served from the app's own origin (the build copies them from
 * the repository's examples/lang-son-2020; vite/examples.ts). The roster's size is counted at build time.
 */
export const EXAMPLES = {
  roster: { url: 'examples/lang-son-2020/candidates.csv', name: 'candidates.csv', people: __P135_EXAMPLE_PEOPLE__ },
  sample: { url: 'examples/lang-son-2020/candidates-sample.xlsx', name: 'candidates-sample.xlsx' },
  plan: { url: 'examples/lang-son-2020/plan.json', name: 'plan.json' },
} as const;

/** The example results reports (one per district, and Ban Dân tộc's own). */
export const EXAMPLE_RESULTS: readonly { url: string; name: string }[] = __P135_EXAMPLE_RESULTS__.map((name) => ({ url: `examples/lang-son-2020/results/${name}`, name }));

/** Fetches an example file from this origin (works offline once the service worker has it). */
export async function fetchExample(example: { url: string; name: string }): Promise<LoadedFile> {
  const res = await fetch(example.url);
  if (!res.ok) throw new Error(`${example.url}: HTTP ${res.status}`);
  return { name: example.name, bytes: new Uint8Array(await res.arrayBuffer()) };
}
