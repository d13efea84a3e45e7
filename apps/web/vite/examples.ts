import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/** The repository's example folder: the single source of the example files the app offers. */
export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/lang-son-2020/', import.meta.url));

/** Files of `examples/lang-son-2020` the app serves under `examples/lang-son-2020/` (see src/lib/examples.ts). */
export const EXAMPLE_FILES = ['candidates.csv', 'candidates-sample.xlsx', 'plan.json'] as const;

/** The example results reports (`results/*.json`), served under `examples/lang-son-2020/results/`. */
export const EXAMPLE_RESULTS: readonly string[] = readdirSync(join(EXAMPLES_DIR, 'results'))
  .filter((n) => n.endsWith('.json'))
  .sort();
const SERVED: readonly string[] = [...EXAMPLE_FILES, ...EXAMPLE_RESULTS.map((n) => `results/${n}`)];

const TYPES: Record<string, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

/**
 * Serves the example roster and plan from the repository's `examples/` folder: copied into the
 * build (`dist/examples/lang-son-2020/`) and served by the dev server, so there is one copy in git.
 */
export function examples(): Plugin {
  return {
    name: 'p135-examples',
    config() {
      // How many people the example roster has, for its button (rows after the header).
      const csv = readFileSync(join(EXAMPLES_DIR, 'candidates.csv'), 'utf8');
      const people = csv.split(/\r\n|\n/).filter((l, i) => i > 0 && l.trim() !== '').length;
      return { define: { __P135_EXAMPLE_PEOPLE__: JSON.stringify(people), __P135_EXAMPLE_RESULTS__: JSON.stringify(EXAMPLE_RESULTS) } };
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/examples\/lang-son-2020\/((?:results\/)?[^/?#]+)/.exec(req.url ?? '');
        const name = m?.[1];
        if (!name || !SERVED.includes(name)) return next();
        res.setHeader('Content-Type', TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream');
        res.end(readFileSync(join(EXAMPLES_DIR, name)));
      });
    },
    generateBundle() {
      for (const name of SERVED) {
        this.emitFile({ type: 'asset', fileName: `examples/lang-son-2020/${name}`, source: readFileSync(join(EXAMPLES_DIR, name)) });
      }
    },
  };
}
