import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeMeaning, parsePack, PROBLEM_CODES, SCHEMA_CODES } from '../src/index.js';
import { errorCodesMarkdown } from '../src/problems/codes-doc.js';

const root = new URL('../../../', import.meta.url).pathname;
function sources(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'node_modules' || name === 'dist' || name === 'test') continue;
    if (statSync(path).isDirectory()) sources(path, out);
    else if (/\.tsx?$/.test(name) && !path.endsWith('problems/codes.ts')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

describe('problem codes: one table, each with its meaning in vi and en', () => {
  it('every code has a Vietnamese and an English meaning', () => {
    for (const [code, m] of Object.entries({ ...PROBLEM_CODES, ...SCHEMA_CODES })) {
      expect(code).toMatch(/^[a-z]+\.[a-z0-9_]+$/);
      expect(m.vi.length, code).toBeGreaterThan(3);
      expect(m.en.length, code).toBeGreaterThan(3);
    }
  });

  it('every code of the table is given somewhere in the code (no dead entries)', () => {
    const text = [...sources(join(root, 'packages')), ...sources(join(root, 'apps'))].join('\n');
    const dynamic = /roster\.invalid_|schema\.|xlsx\.error_value/; // built as `roster.invalid_${kind}`, `xlsx.${problem}`
    for (const code of Object.keys(PROBLEM_CODES)) if (!dynamic.test(code)) expect(text.includes(`'${code}'`), code).toBe(true);
  });

  it('a problem a user meets has a code whose meaning the docs list', () => {
    const r = parsePack({ format: 1 });
    expect(r.errors.length).toBeGreaterThan(0);
    for (const p of r.errors) expect(codeMeaning(p.code), p.code).toBeDefined();
    expect(codeMeaning('json.malformed')).toEqual(PROBLEM_CODES['json.malformed']);
    expect(codeMeaning('schema.invalid_type')).toEqual(SCHEMA_CODES['schema.invalid_type']);
    expect(codeMeaning('no.such_code')).toBeUndefined();
    expect(codeMeaning('constructor')).toBeUndefined();
  });

  it('docs/error-codes.md is written from the table', () => {
    expect(readFileSync(join(root, 'docs/error-codes.md'), 'utf8')).toBe(errorCodesMarkdown());
  });
});
