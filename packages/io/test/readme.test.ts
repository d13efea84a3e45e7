import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packWords } from '@p135/rules';
import { ROSTER_COLUMNS, rosterHeaders } from '../src/roster/columns.js';
import { book } from './helpers.js';

describe('README', () => {
  it('documents every roster column, Vietnamese and English header', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const names = rosterHeaders(packWords(book.pack));
    for (const c of ROSTER_COLUMNS) expect(readme, c.key).toMatch(new RegExp(`\\| \`${names.vi(c)}\` \\| \`${c.key}\` \\|`));
  });
});
