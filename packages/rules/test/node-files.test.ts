/**
 * Packs read from files, as a province keeps them: what each refusal says (in Vietnamese first,
 * naming the file), which base a pack that extends another is read against, and which files of a
 * packs directory are packs.
 */
import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPackDirectory, readPackFile, resolvePack } from '../src/node.js';
import type { Pack } from '../src/index.js';
import { pack, writeExtensionPack as extension } from './helpers.js';

const fresh = (name: string) => mkdtempSync(join(tmpdir(), `p135-${name}-`));
/** The one problem of a refusal, as a user reads it. */
const only = (r: { value?: unknown; errors: readonly { path: string; code: string; message: { vi: string; en: string } }[] }) => {
  expect(r.value).toBeUndefined();
  expect(r.errors).toHaveLength(1);
  const [e] = r.errors;
  return { path: e?.path, code: e?.code, vi: e?.message.vi, en: e?.message.en };
};

describe('a file that cannot be a pack is refused in words that name it', () => {
  it('a missing file: "not found", with the path', async () => {
    const file = join(fresh('missing'), 'none.json');
    expect(only(await readPackFile(file))).toEqual({
      path: '$',
      code: 'file.unreadable',
      vi: `Không đọc được "${file}" (không tìm thấy tệp)`,
      en: `cannot read "${file}" (not found)`,
    });
  });

  it('a path below a file: the system’s code, not a stack', async () => {
    const dir = fresh('below');
    writeFileSync(join(dir, 'plain.json'), '{}');
    const file = join(dir, 'plain.json', 'x.json');
    expect(only(await readPackFile(file))).toMatchObject({ code: 'file.unreadable', en: `cannot read "${file}" (ENOTDIR)` });
  });

  it('a file that is not JSON, or JSON that is not a pack: refused by what it holds, nothing kept', async () => {
    const dir = fresh('not-json');
    writeFileSync(join(dir, 'cut.json'), '{"format": 1, "id": ');
    writeFileSync(join(dir, 'null.json'), 'null');
    const cut = await readPackFile(join(dir, 'cut.json'));
    expect(cut.errors.map((e) => e.code)).toEqual(['json.malformed']);
    expect(cut.warnings).toEqual([]);
    const nothing = await readPackFile(join(dir, 'null.json'));
    expect(nothing.value).toBeUndefined();
    expect(nothing.errors.map((e) => e.code)).not.toContain('file.unreadable');
    expect(nothing.errors[0]?.path).toBe('$');
  });

  it('every refusal of a file has no warning', async () => {
    for (const r of [await readPackFile(fresh('no-warn')), await readPackFile(join(fresh('no-warn'), 'none.json')), await resolvePack('quang-ninh-2020')]) {
      expect(r.errors).toHaveLength(1);
      expect(r.warnings).toEqual([]);
    }
  });

  it('a directory', async () => {
    const dir = fresh('dir');
    expect(only(await readPackFile(dir))).toEqual({ path: '$', code: 'file.not_a_file', vi: `"${dir}" không phải là tệp`, en: `"${dir}" is not a file` });
  });

  it('a file larger than a pack can be (four bytes a character) is refused before it is read', async () => {
    const file = join(fresh('large'), 'huge.json');
    writeFileSync(file, '');
    truncateSync(file, 2_000_000 * 4 + 1);
    expect(only(await readPackFile(file))).toEqual({ path: '$', code: 'json.too_large', vi: 'Tệp quá lớn', en: `"${file}" is too large for a rule pack` });
    // one byte less is read (and then refused as text longer than a pack, in other words)
    truncateSync(file, 2_000_000 * 4);
    expect((await readPackFile(file)).errors[0]?.message.en).not.toContain('too large for a rule pack');
  });

  it('a symbolic link: followed when one file is asked for, refused in a packs directory', async () => {
    const dir = fresh('link');
    writeFileSync(join(dir, 'real.json'), JSON.stringify({ ...pack, id: 'real' }));
    symlinkSync(join(dir, 'real.json'), join(dir, 'link.json'));
    expect((await readPackFile(join(dir, 'link.json'))).value?.id).toBe('real');
    expect(only(await readPackFile(join(dir, 'link.json'), { regularOnly: true }))).toEqual({
      path: '$',
      code: 'file.not_regular',
      vi: '"link.json" là liên kết (symlink), không phải tệp thường: bỏ qua',
      en: '"link.json" is a symbolic link, not a regular file: skipped',
    });
  });
});

describe('a pack that extends another is read against its base', () => {
  it('a bundled base, by id', async () => {
    const dir = fresh('bundled-base');
    extension(dir, 'child', 'lang-son-2020');
    const r = await readPackFile(join(dir, 'child.json'));
    expect(r.errors).toEqual([]);
    expect(r.value?.id).toBe('child');
    expect(r.value?.rules.length).toBe(pack.rules.length);
  });

  it('a base beside it, as <id>.json, itself extending a bundled pack', async () => {
    const dir = fresh('file-base');
    extension(dir, 'base-2021', 'lang-son-2020', { meta: { year: 2021 } });
    extension(dir, 'child', 'base-2021');
    expect((await readPackFile(join(dir, 'child.json'))).value?.meta.year).toBe(2021);
  });

  it('the base a caller gives is used, and no file beside the pack is read', async () => {
    const dir = fresh('given-base');
    extension(dir, 'child', 'mine');
    writeFileSync(join(dir, 'mine.json'), '{"not": "a pack"}');
    const mine: Pack = { ...pack, id: 'mine', meta: { ...pack.meta, year: 2030 } };
    const r = await readPackFile(join(dir, 'child.json'), { resolveBase: (id) => (id === 'mine' ? mine : undefined) });
    expect(r.value?.meta.year).toBe(2030);
  });

  it('a base that is not there: said so, by its id', async () => {
    const dir = fresh('no-base');
    extension(dir, 'child', 'nowhere');
    const r = await readPackFile(join(dir, 'child.json'));
    expect(r.value).toBeUndefined();
    expect(r.errors.map((e) => [e.path, e.code])).toEqual([['$.extends.pack', 'pack.unknown_base']]);
    expect(r.errors[0]?.message.en).toContain('nowhere');
  });

  it('a base id that could not be a file name is never looked for as one', async () => {
    const root = fresh('odd-base');
    const dir = join(root, 'packs');
    mkdirSync(dir);
    mkdirSync(join(root, 'escape'));
    writeFileSync(join(root, 'escape', 'x.json'), '{"format": 1}');
    extension(dir, 'child', '../escape/x');
    const r = await readPackFile(join(dir, 'child.json'));
    expect(r.value).toBeUndefined();
    expect(r.errors[0]?.path).toBe('$.extends.pack');
    expect(r.errors.map((e) => e.code)).not.toContain('pack.base_invalid');
  });

  it('an invalid base: how many problems it has, and the first, in each language', async () => {
    const dir = fresh('bad-base');
    writeFileSync(join(dir, 'broken.json'), '{"format": 1, "id": "broken"}');
    extension(dir, 'child', 'broken');
    const [e] = (await readPackFile(join(dir, 'child.json'))).errors;
    expect(e?.code).toBe('pack.base_invalid');
    expect(e?.path).toBe('$.extends.pack');
    expect(e?.message.vi).toMatch(/^Bộ quy tắc gốc "broken" \(broken\.json\) không hợp lệ: \d+ lỗi, lỗi đầu ở \$\S*: \S/);
    expect(e?.message.en).toMatch(/^the base pack "broken" \(broken\.json\) is invalid: \d+ problem\(s\), the first at \$\S*: \S/);
    expect(e?.message.vi).not.toContain('undefined');
  });

  it('a ring is named from where it closes, in both languages', async () => {
    const dir = fresh('ring');
    extension(dir, 'a', 'b');
    extension(dir, 'b', 'a');
    expect(only(await readPackFile(join(dir, 'a.json')))).toEqual({
      path: '$.extends.pack',
      code: 'pack.extends_cycle',
      vi: 'Các bộ quy tắc kế thừa nhau thành vòng tròn: a → b → a; hãy để một bộ kế thừa bộ có sẵn',
      en: 'these packs extend each other in a ring: a → b → a; make one of them extend a bundled pack',
    });
  });

  it('a ring reached from a pack outside it is named from where it closes, not from that pack', async () => {
    const dir = fresh('ring-tail');
    extension(dir, 'start', 'a');
    extension(dir, 'a', 'b');
    extension(dir, 'b', 'a');
    expect(only(await readPackFile(join(dir, 'start.json'))).en).toBe('these packs extend each other in a ring: a → b → a; make one of them extend a bundled pack');
  });

  it('a chain of exactly as many files as the limit (the pack and its bases) is read; one more is refused, naming the limit', async () => {
    const dir = fresh('depth');
    extension(dir, 'level-0', 'lang-son-2020');
    for (let i = 1; i <= 3; i++) extension(dir, `level-${i}`, `level-${i - 1}`);
    // level-3, then level-2, level-1 and level-0: four files
    expect((await readPackFile(join(dir, 'level-3.json'), { maxDepth: 4 })).value?.id).toBe('level-3');
    expect(only(await readPackFile(join(dir, 'level-3.json'), { maxDepth: 3 }))).toEqual({
      path: '$.extends.pack',
      code: 'pack.extends_too_deep',
      vi: 'Chuỗi kế thừa dài hơn 3 tệp',
      en: 'the chain of bases is longer than 3 files',
    });
  });
});

describe('--pack: a bundled id or a file', () => {
  it('a bundled id: the bundled pack, with no problem and no warning', async () => {
    expect(await resolvePack('lang-son-2020')).toEqual({ value: pack, errors: [], warnings: [] });
  });

  it('an id that is neither bundled nor a path lists what is bundled', async () => {
    expect(only(await resolvePack('quang-ninh-2020'))).toEqual({
      path: '$',
      code: 'pack.unknown',
      vi: 'Không có bộ quy tắc "quang-ninh-2020"; có sẵn: lang-son-2020, example-2021, hoặc đường dẫn tới tệp .json',
      en: 'no bundled pack "quang-ninh-2020"; bundled: lang-son-2020, example-2021, or give a path to a .json pack file',
    });
  });

  it('anything with a dot or a slash is read as a file', async () => {
    for (const given of ['lang-son-2020.json', './lang-son-2020', 'packs\\x']) expect((await resolvePack(given)).errors[0]?.code).toBe('file.unreadable');
  });
});

describe('a packs directory', () => {
  it('reads every *.json but the test vectors, in name order', async () => {
    const dir = fresh('packs');
    for (const id of ['zeta', 'alpha', 'mid']) extension(dir, id, 'lang-son-2020');
    writeFileSync(join(dir, 'alpha.tests.json'), '{"not": "a pack"}');
    writeFileSync(join(dir, 'notes.txt'), 'not a pack');
    writeFileSync(join(dir, 'json'), 'not a pack');
    const r = await readPackDirectory(dir);
    expect(r.invalid).toEqual([]);
    expect(r.packs.map((p) => p.id)).toEqual(['alpha', 'mid', 'zeta']);
  });
});
