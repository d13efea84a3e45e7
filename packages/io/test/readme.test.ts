import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROSTER_COLUMNS } from '../src/roster/columns.js';

describe('README', () => {
  it('documents every roster column, Vietnamese and English header', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const c of ROSTER_COLUMNS) expect(readme, c.key).toMatch(new RegExp(`\\| \`${c.vi}\` \\| \`${c.key}\` \\|`));
  });
});
