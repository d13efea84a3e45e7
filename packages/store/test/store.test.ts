import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { HubStore, type NewSubmission, StoreError, type StoreLocation } from '../src/index.js';
import { DATABASES, PG_SKIP_REASON, PG_URL, postgresDatabase } from './databases.js';

const pack = { id: 'lang-son-2020', version: '2020.1', hash: 'abc' };
const DISTRICTS = ['180', '181', '182', '183', '184', '185', '186', '187', '188', '189', 'province'];

function submission(district: string, n: number, over: Partial<NewSubmission> = {}): NewSubmission {
  const text = JSON.stringify({ district, n, note: `Báo cáo số ${n} của ${district}` });
  return {
    district,
    fileName: `ket-qua-${district}-${n}.json`,
    mediaType: 'application/json',
    bytes: new TextEncoder().encode(text),
    results: { district, n },
    findings: [{ code: 'x', n }],
    errors: n % 2,
    warnings: 0,
    pack,
    submittedBy: `tok-${district}`,
    ...over,
  };
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** The tests that start a child process (tsx) get longer: on a loaded machine, starting one takes a while. */
const CHILD_TIMEOUT_MS = 600_000;

/** Runs the child; resolves when `until` matches a line of its output, with the child still running. */
function child(location: StoreLocation, mode: 'hang' | 'loop', until: (line: string) => boolean) {
  const fixture = join(import.meta.dirname, 'fixtures', 'submit-child.ts');
  const p = spawn(process.execPath, ['--import', 'tsx', fixture, JSON.stringify(location), mode], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let err = '';
  p.stderr.on('data', (d) => (err += d));
  const reached = new Promise<void>((resolve, reject) => {
    let buf = '';
    p.stdout.on('data', (d) => {
      buf += d;
      let i = buf.indexOf('\n');
      while (i >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        lines.push(line);
        if (until(line)) resolve();
        i = buf.indexOf('\n');
      }
    });
    p.once('exit', (code) => reject(new Error(`child exited (${code}) before it got there: ${err.slice(0, 2000)}`)));
  });
  const killed = new Promise<void>((resolve) => p.once('exit', () => resolve()));
  return {
    reached,
    lines,
    kill: async () => {
      p.kill('SIGKILL');
      await killed;
    },
  };
}

for (const database of DATABASES) {
  describe.skipIf(!database.available)(`${database.name}${database.available ? '' : ` — ${PG_SKIP_REASON}`}`, () => {
    afterAll(() => database.cleanup());

    it('a submission survives a restart (close and reopen), byte for byte, with its audit row', async () => {
      const location = await database.fresh();
      const first = await HubStore.open(location);
      const s = submission('180', 1);
      const meta = await first.submit(s);
      expect(meta).toMatchObject({ district: '180', version: 1, size: s.bytes.byteLength, sha256: sha(s.bytes), pack });
      await first.close();

      const again = await HubStore.open(location);
      try {
        const back = await again.original('180', 1);
        expect(back && Buffer.from(back.bytes).equals(Buffer.from(s.bytes))).toBe(true);
        expect(await again.submission('180', 1)).toMatchObject({ results: { district: '180', n: 1 }, findings: [{ code: 'x', n: 1 }], errors: 1 });
        expect((await again.auditLog()).map((a) => [a.action, a.target, a.actor])).toEqual([['submission.create', '180/v1', 'tok-180']]);
      } finally {
        await again.close();
      }
    });

    it('a new submission is a new version: nothing is overwritten, each district counts its own', async () => {
      const store = await HubStore.open(await database.fresh());
      try {
        for (let n = 1; n <= 3; n++) await store.submit(submission('180', n));
        await store.submit(submission('181', 1));
        expect((await store.versions('180')).map((v) => v.version)).toEqual([1, 2, 3]);
        expect((await store.versions('181')).map((v) => v.version)).toEqual([1]);
        expect([...(await store.latestVersions())]).toEqual([
          ['180', 3],
          ['181', 1],
        ]);
        expect((await store.latest()).map((l) => [l.district, l.version, (l.results as { n: number }).n])).toEqual([
          ['180', 3, 3],
          ['181', 1, 1],
        ]);
        for (let n = 1; n <= 3; n++) expect(sha((await store.original('180', n))?.bytes ?? new Uint8Array())).toBe(sha(submission('180', n).bytes));
        expect(await store.original('180', 4)).toBeUndefined();
        expect((await store.history()).map((h) => `${h.district}/${h.version}`)).toEqual(['180/1', '180/2', '180/3', '181/1']);
      } finally {
        await store.close();
      }
    });

    it('100 concurrent submissions from 11 districts all land, each district numbered 1…n with no gap, every one fetched back byte for byte', async () => {
      const store = await HubStore.open(await database.fresh());
      try {
        const all = Array.from({ length: 100 }, (_, i) => submission(DISTRICTS[i % 11] as string, Math.floor(i / 11) + 1));
        const metas = await Promise.all(all.map((s) => store.submit(s)));
        expect(metas).toHaveLength(100);
        for (const d of DISTRICTS) {
          const versions = await store.versions(d);
          const sent = all.filter((s) => s.district === d).length;
          expect(versions.map((v) => v.version)).toEqual(Array.from({ length: sent }, (_, i) => i + 1));
        }
        for (const [i, m] of metas.entries()) {
          const back = await store.original(m.district, m.version);
          expect(Buffer.from(back?.bytes ?? []).equals(Buffer.from((all[i] as NewSubmission).bytes))).toBe(true);
        }
        expect((await store.auditLog()).filter((a) => a.action === 'submission.create')).toHaveLength(100);
      } finally {
        await store.close();
      }
    });

    it('11 districts submitting at once, each one version after another: every district’s versions are in the order it sent them', async () => {
      const store = await HubStore.open(await database.fresh());
      try {
        const perDistrict = DISTRICTS.map((d, k) => ({ d, count: k < 1 ? 10 : 9 }));
        expect(perDistrict.reduce((a, p) => a + p.count, 0)).toBe(100);
        await Promise.all(
          perDistrict.map(async ({ d, count }) => {
            for (let n = 1; n <= count; n++) await store.submit(submission(d, n));
          }),
        );
        for (const { d, count } of perDistrict) {
          const versions = await store.versions(d);
          expect(versions).toHaveLength(count);
          for (const v of versions) expect((await store.submission(d, v.version))?.results).toEqual({ district: d, n: v.version });
        }
      } finally {
        await store.close();
      }
    });

    it(
      'a process SIGKILLed inside a submission’s transaction leaves no part of that version; the database opens cleanly and takes the next one',
      async () => {
        const location = await database.fresh();
        const seed = await HubStore.open(location);
        await seed.submit(submission('180', 1));
        await seed.close();

        const c = child(location, 'hang', (l) => l === 'inside');
        await c.reached;
        await c.kill();

        const store = await HubStore.open(location);
        try {
          expect((await store.versions('180')).map((v) => v.version)).toEqual([1]);
          expect((await store.auditLog()).map((a) => a.target)).toEqual(['180/v1']);
          const next = await store.submit(submission('180', 2));
          expect(next.version).toBe(2);
        } finally {
          await store.close();
        }
      },
      CHILD_TIMEOUT_MS,
    );

    it(
      'a process SIGKILLed while submitting one version after another leaves only whole versions (bytes, hash, results, audit)',
      async () => {
        const location = await database.fresh();
        const c = child(location, 'loop', (l) => l === 'committed 3');
        await c.reached;
        await c.kill();
        const committed = c.lines.filter((l) => l.startsWith('committed')).length;

        const store = await HubStore.open(location);
        try {
          const versions = await store.versions('180');
          // Everything the child saw committed is there; at most the one in flight besides.
          expect(versions.length).toBeGreaterThanOrEqual(committed);
          expect(versions.length).toBeLessThanOrEqual(committed + 1);
          expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
          const audited = new Set((await store.auditLog()).map((a) => a.target));
          for (const v of versions) {
            const back = await store.original('180', v.version);
            expect(back && sha(back.bytes)).toBe(v.sha256);
            expect(back?.bytes.byteLength).toBe(v.size);
            expect((await store.submission('180', v.version))?.results).toEqual({ n: v.version });
            expect(audited.has(`180/v${v.version}`)).toBe(true);
          }
          expect(audited.size).toBe(versions.length);
        } finally {
          await store.close();
        }
      },
      CHILD_TIMEOUT_MS,
    );

    it('tokens: given once, found by the token, kept only as a hash; every creation audited', async () => {
      const location = await database.fresh();
      const store = await HubStore.open(location);
      let t: Awaited<ReturnType<HubStore['createToken']>>;
      try {
        t = await store.createToken('district:180', 'Huyện Tràng Định', 'admin');
        expect(t.token).toMatch(/^p135_[A-Za-z0-9_-]{43}$/);
        expect(await store.findToken(t.token)).toEqual({ id: t.id, role: 'district:180', label: 'Huyện Tràng Định', createdAt: t.createdAt });
        expect(await store.findToken(`${t.token.slice(0, -1)}${t.token.endsWith('A') ? 'B' : 'A'}`)).toBeUndefined();
        expect(await store.findToken('')).toBeUndefined();
        expect(await store.findToken('x'.repeat(100_000))).toBeUndefined();
        expect(JSON.stringify(await store.tokens())).not.toContain(t.token);
        const log = await store.auditLog();
        expect(log.map((a) => [a.action, a.target, a.actor])).toEqual([['token.create', t.id, 'admin']]);
        expect(JSON.stringify(log)).not.toContain(t.token);
        await expect(store.createToken('district:18', '', 'admin')).rejects.toBeInstanceOf(StoreError);
        await expect(store.createToken('admin', '', 'admin')).rejects.toThrow(/vai trò/i);
      } finally {
        await store.close();
      }
      if (location.dataDir) {
        // On disk: the token's SHA-256, never the token.
        const disk = readdirSync(location.dataDir)
          .map((f) => readFileSync(join(location.dataDir as string, f)).toString('latin1'))
          .join('');
        expect(disk).toContain(createHash('sha256').update(t.token).digest('hex'));
        expect(disk).not.toContain(t.token);
      }
    });

    it('a district code that is not one is refused before anything is written', async () => {
      const store = await HubStore.open(await database.fresh());
      try {
        await expect(store.submit(submission('18', 1))).rejects.toMatchObject({ code: 'store.invalid' });
        await expect(store.versions('../180')).rejects.toMatchObject({ code: 'store.invalid' });
        expect(await store.history()).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}

describe('opening', () => {
  it('with no place given: a clear error, Vietnamese first', async () => {
    const err = await HubStore.open({}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).text.vi).toMatch(/P135_DATA_DIR/);
  });

  it('a DATABASE_URL that is not a URL, or a server that does not answer: a clear error that never shows the password', async () => {
    const bad = await HubStore.open({ databaseUrl: 'not a url secretpw' }).catch((e: unknown) => e);
    expect((bad as StoreError).code).toBe('store.open');
    expect((bad as StoreError).message).not.toContain('secretpw');
    const down = await HubStore.open({ databaseUrl: 'postgres://u:secretpw@127.0.0.1:1/none' }).catch((e: unknown) => e);
    expect((down as StoreError).code).toBe('store.migrate');
    expect((down as StoreError).message).toContain('postgres://127.0.0.1:1/none');
    expect((down as StoreError).message).not.toContain('secretpw');
  });
});

describe.skipIf(!PG_URL)(`postgres, in a database other programs use${PG_URL ? '' : ` — ${PG_SKIP_REASON}`}`, () => {
  it('the hub opens while another program drops and creates tables in its own schema of the same database', async () => {
    const location = await postgresDatabase('p135_test_store_shared').fresh();
    const other = new pg.Pool({ connectionString: PG_URL, max: 1 });
    await other.query('create schema if not exists p135_test_store_other');
    let stop = false;
    let churned = 0;
    const churn = (async () => {
      while (!stop) {
        const table = `p135_test_store_other.t${churned % 4}`;
        await other.query(`create table if not exists ${table} (id serial primary key, note text)`);
        await other.query(`drop table if exists ${table}`);
        churned++;
      }
    })();
    try {
      for (let i = 0; i < 40; i++) {
        const store = await HubStore.open(location);
        await store.close();
      }
    } finally {
      stop = true;
      await churn;
      await other.query('drop schema if exists p135_test_store_other cascade');
      await other.end();
    }
    // The other program really was at work while the hub opened.
    expect(churned).toBeGreaterThan(40);
  }, 120_000);
});
