import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPack, bundledPackIds, CLASS_LEVELS, COST_CATEGORIES, PAYERS, ROLE_GROUPS, RULE_KINDS, SEVERITIES, TRACK_GROUPS, TRACK_LEVELS } from '@p135/rules';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
const code = files(SRC)
  .filter((f) => /\.(ts|tsx)$/.test(f))
  .map((f) => ({ f, text: readFileSync(f, 'utf8') }));

// Words of the pack *format* (schema enums) are the app's to know; a pack's own content is not.
const FORMAT_WORDS = new Set<string>([...TRACK_GROUPS, ...TRACK_LEVELS, ...ROLE_GROUPS, ...CLASS_LEVELS, ...COST_CATEGORIES, ...PAYERS, ...RULE_KINDS, ...SEVERITIES]);

describe('no rule or message is written in the app', () => {
  const packs = bundledPackIds().map((id) => bundledPack(id)!);
  const content = new Set<string>();
  for (const p of packs) {
    for (const r of p.rules) {
      content.add(r.id);
      for (const side of [r.message.pass, r.message.fail]) content.add(side.vi).add(side.en);
    }
    for (const t of p.tracks) content.add(t.code).add(t.label.vi).add(t.label.en);
    for (const r of p.roles) content.add(r.code).add(r.label.vi).add(r.label.en);
    for (const c of p.clauses) content.add(c.id).add(c.text.vi).add(c.text.en).add(c.title.vi);
    for (const [id, param] of Object.entries(p.parameters)) content.add(id).add(param.label.vi).add(param.label.en);
    for (const [id, m] of Object.entries(p.messages)) content.add(id).add(m.vi).add(m.en);
  }
  const needles = [...content].filter((s) => s.length >= 4 && !FORMAT_WORDS.has(s));

  it('the source names no rule id, track, role, clause, parameter or message of any bundled pack', () => {
    const found: string[] = [];
    for (const { f, text } of code)
      for (const n of needles) if (text.includes(`'${n}'`) || text.includes(`"${n}"`) || text.includes(`\`${n}\``) || (n.length > 20 && text.includes(n))) found.push(`${f.slice(SRC.length)}: ${n}`);
    expect(found).toEqual([]);
  });

  it('decides only through @p135/rules (no condition or operator evaluated here)', () => {
    for (const { f, text } of code) {
      expect(text, f).not.toMatch(/\b(eval|new Function)\s*\(/);
      expect(text, f).not.toMatch(/operator\s*===/);
    }
  });
});
