/** `p135-api token …`: tokens printed once, kept hashed, usable by the hub; every mistake said in Vietnamese and English. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HubStore } from '@p135/store';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAdminArgs, runAdmin } from '../src/admin.js';

const dir = mkdtempSync(join(tmpdir(), 'p135-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string | undefined> = { P135_DATA_DIR: dir }) {
  let out = '';
  let err = '';
  const code = await runAdmin(
    args,
    env,
    (s) => (out += s),
    (s) => (err += s),
  );
  return { code, out, err };
}

describe('p135-api token', () => {
  it('create --district 180: prints the token alone on stdout, once; the store finds it by its hash and audits the creation', async () => {
    const r = await run(['token', 'create', '--district', '180', '--label', 'Huyện Tràng Định']);
    expect(r.code).toBe(0);
    const token = r.out.trim();
    expect(token).toMatch(/^p135_[A-Za-z0-9_-]{43}$/);
    expect(r.err).toMatch(/chỉ hiện một lần/);
    const store = await HubStore.open({ dataDir: dir });
    try {
      expect(await store.findToken(token)).toMatchObject({ role: 'district:180', label: 'Huyện Tràng Định' });
      expect((await store.auditLog()).at(-1)).toMatchObject({ action: 'token.create', actor: 'admin' });
    } finally {
      await store.close();
    }
    const list = await run(['token', 'list']);
    expect(list.out).toContain('district:180');
    expect(list.out).not.toContain(token);
  });

  it('create --province', async () => {
    const r = await run(['token', 'create', '--province']);
    expect(r.code).toBe(0);
    expect((await run(['token', 'list'])).out).toMatch(/\tprovince\t/);
  });

  it('mistakes: exit 2 with what is wrong, Vietnamese first, and the usage', async () => {
    for (const args of [
      ['token', 'create'],
      ['token', 'create', '--district', '18'],
      ['token', 'create', '--district', '180', '--province'],
      ['token', 'create', '--district', '180', '--district', '181'],
      ['token', 'drop'],
      ['tokens'],
    ]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(/Cách dùng \/ usage/);
      expect(r.out).toBe('');
    }
    expect(parseAdminArgs(['token', 'create', '--district', '18'])).toEqual({ error: expect.stringMatching(/^mã huyện "18" phải có 3 chữ số/) });
  });

  it('no place for the data: exit 2, naming the settings', async () => {
    const r = await run(['token', 'create', '--province'], {});
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/P135_DATA_DIR.*DATABASE_URL/);
  });
});
