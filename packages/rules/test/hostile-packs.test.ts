import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRulebook, parsePack, type Problem } from '../src/index.js';
import { resolveParams } from '../src/pack/params.js';
import { readPackDirectory, readPackFile } from '../src/node.js';
import { editedPack, pack, writeExtensionPack as extension } from './helpers.js';

const codes = (ps: readonly Problem[]) => ps.map((p) => p.code);

/** Every name an ordinary object inherits: a lookup with `in` or `[]` finds each of them. */
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

describe('packs that extend each other (the defect: a ring hung start-up forever)', () => {
  it('two packs extending each other are refused, naming the ring, and the rest of the directory still loads', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-ring-'));
    extension(dir, 'a', 'b');
    extension(dir, 'b', 'a');
    extension(dir, 'fine');
    const r = await readPackDirectory(dir);
    expect(r.packs.map((p) => p.id)).toEqual(['fine']);
    expect(r.invalid.map((x) => x.file)).toEqual(['a.json', 'b.json']);
    for (const x of r.invalid) {
      expect(codes(x.errors)).toEqual(['pack.extends_cycle']);
      expect(x.errors[0]?.path).toBe('$.extends.pack');
    }
    expect(r.invalid[0]?.errors[0]?.message.en).toContain('a → b → a');
    expect(r.invalid[0]?.errors[0]?.message.vi).toContain('vòng tròn');
  });

  it('three packs in a ring are refused the same way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-ring3-'));
    extension(dir, 'x', 'y');
    extension(dir, 'y', 'z');
    extension(dir, 'z', 'x');
    const r = await readPackFile(join(dir, 'x.json'));
    expect(r.value).toBeUndefined();
    expect(codes(r.errors)).toEqual(['pack.extends_cycle']);
    expect(r.errors[0]?.message.en).toContain('x → y → z → x');
  });

  it('a chain of bases deeper than the limit is refused; one within it is read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-deep-'));
    extension(dir, 'level-0');
    for (let i = 1; i <= 7; i++) extension(dir, `level-${i}`, `level-${i - 1}`);
    expect((await readPackFile(join(dir, 'level-4.json'))).value?.id).toBe('level-4');
    const deep = await readPackFile(join(dir, 'level-7.json'));
    expect(codes(deep.errors)).toEqual(['pack.extends_too_deep']);
    expect((await readPackFile(join(dir, 'level-7.json'), { maxDepth: 10 })).value?.id).toBe('level-7');
  });

  it('a base that is invalid is named as such, not as missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-badbase-'));
    writeFileSync(join(dir, 'broken.json'), '{"format": 1, "id": "broken"}');
    extension(dir, 'child', 'broken');
    const r = await readPackFile(join(dir, 'child.json'));
    expect(codes(r.errors)).toEqual(['pack.base_invalid']);
    expect(r.errors[0]?.message.en).toContain('broken.json');
  });
});

describe('the packs directory reads regular files only (the defect: symlinks were followed)', () => {
  it('a symbolic link is reported and never read, whatever it points at', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-links-'));
    const outside = mkdtempSync(join(tmpdir(), 'p135-outside-'));
    writeFileSync(join(outside, 'secret.json'), JSON.stringify({ ...pack, id: 'secret' }));
    symlinkSync(join(outside, 'secret.json'), join(dir, 'linked.json'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
    mkdirSync(join(dir, 'folder.json'));
    const r = await readPackDirectory(dir);
    expect(r.packs).toEqual([]);
    const byFile = Object.fromEntries(r.invalid.map((x) => [x.file, codes(x.errors)]));
    expect(byFile).toEqual({ 'folder.json': ['file.not_a_file'], 'linked.json': ['file.not_regular'], 'passwd.json': ['file.not_regular'] });
    expect(JSON.stringify(r.invalid)).not.toContain('root:');
  });

  it('a base reached through a symbolic link beside the pack is not followed either', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-linkbase-'));
    const outside = mkdtempSync(join(tmpdir(), 'p135-outside-'));
    extension(outside, 'base');
    symlinkSync(join(outside, 'base.json'), join(dir, 'base.json'));
    extension(dir, 'child', 'base');
    const r = await readPackDirectory(dir);
    expect(r.packs).toEqual([]);
    expect(r.invalid.find((x) => x.file === 'child.json')?.errors[0]?.code).toBe('pack.base_invalid');
  });
});

describe('names from a pack never reach what every object inherits (the defect: "param:constructor" passed)', () => {
  const refused = (edit: (p: Record<string, any>) => void) => {
    const r = parsePack(editedPack(edit));
    return { ok: r.value !== undefined, codes: codes(r.errors) };
  };
  const firstLeaf = (p: Record<string, any>) => p.rules[0].conditions.any[0].all[0];

  it.each(PROTOTYPE_NAMES)('"%s" as a parameter, fact, operator, placeholder, role, track or fact param is refused', (name) => {
    const places: [string, (p: Record<string, any>) => void][] = [
      ['fact param:<name>', (p) => (firstLeaf(p).fact = `param:${name}`)],
      ['compared with param:<name>', (p) => (firstLeaf(p).value = { fact: `param:${name}` })],
      ['fact <name>', (p) => (firstLeaf(p).fact = name)],
      ['operator <name>', (p) => (firstLeaf(p).operator = name)],
      ['placeholder {param:<name>}', (p) => (p.rules[0].message.fail.vi += ` {param:${name}}`)],
      ['placeholder {<name>}', (p) => (p.rules[0].message.fail.en += ` {${name}}`)],
      ['role code in a list of roles', (p) => (p.parameters['roles.commune_cadre'].value = [name])],
      ['track of a rule', (p) => (p.rules[0].tracks = [name])],
      ['fact param naming a parameter', (p) => (p.rules.find((r: any) => JSON.stringify(r).includes('"target"')).conditions.all[0].params.target = name)],
      // defineProperty, as JSON.parse does: `params.__proto__ = …` would set the prototype, not a key
      ['an unknown fact param', (p) => Object.defineProperty(p.rules.find((r: any) => JSON.stringify(r).includes('"target"')).conditions.all[0].params, name, { value: 'x', enumerable: true })],
      ['priority points', (p) => (p.rules.find((r: any) => r.kind === 'priority').points = name)],
      ['track size parameter', (p) => (p.tracks[0].sizeParam = name)],
      ['budget ceiling', (p) => (p.budget.ceiling = name)],
      ['cap share', (p) => (p.budget.caps[0].share = name)],
      ['required message missing', (p) => delete p.messages['rank.admitted']],
    ];
    for (const [where, edit] of places) {
      const r = refused(edit);
      expect(r.ok, `${name} as ${where}`).toBe(false);
      expect(r.codes.length, `${name} as ${where}`).toBeGreaterThan(0);
    }
  });

  it('an extension cannot override, add or append to an inherited name as if it were a parameter', () => {
    const base = { format: 1, id: 'x-2021', version: '1.0.0', extends: { pack: 'lang-son-2020' } };
    for (const name of PROTOTYPE_NAMES) {
      const key = (value: unknown) => Object.defineProperty({}, name, { value, enumerable: true });
      const edits = [
        { parameters: { override: key({ value: 1 }) } },
        { appendToLists: key(['x']) },
        { parameters: { add: key({ label: { vi: 'a', en: 'a' }, value: 1, unit: 'class', clause: 'KH.I.1' }) } },
      ];
      for (const edit of edits) {
        const r = parsePack(JSON.parse(JSON.stringify({ ...base, ...edit })), { resolveBase: () => pack });
        expect(r.value, `${name} in ${JSON.stringify(edit)}`).toBeUndefined();
        expect(r.errors.length, name).toBeGreaterThan(0);
      }
    }
  });

  it('resolved parameter values have no inherited names, so a lookup by any name gives only the pack’s own', () => {
    const params = resolveParams(pack);
    for (const name of PROTOTYPE_NAMES) expect(params[name], name).toBeUndefined();
    const book = createRulebook(pack);
    for (const name of PROTOTYPE_NAMES) expect(book.message(name), name).toEqual({ vi: name, en: name });
  });
});
