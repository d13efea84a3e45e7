/**
 * `src/server.ts` as a process, the way `pnpm start` runs it (here from source through tsx):
 * settings from the environment, a packs directory, JSON logs, SIGTERM.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPackIds } from '@p135/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCandidates, type Json } from './helpers.js';

const APP = fileURLToPath(new URL('..', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../../packages/rules/packs/lang-son-2020.json', import.meta.url));

interface Proc {
  child: ChildProcess;
  out: string[];
  err: string[];
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: APP,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', P135_WORKERS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  const err: string[] = [];
  child.stdout?.on('data', (d) => out.push(...String(d).split('\n').filter(Boolean)));
  child.stderr?.on('data', (d) => err.push(...String(d).split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, err, exited };
}

async function listening(p: Proc): Promise<string> {
  for (let i = 0; i < 600; i++) {
    const line = p.out.map((l) => JSON.parse(l)).find((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at'));
    if (line) return (line.msg as string).replace('Server listening at ', '');
    if (p.child.exitCode !== null) throw new Error(`exited: ${p.err.join('\n')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('not listening');
}

describe('the server process', () => {
  let dir: string;
  let p: Proc;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'p135-packs-'));
    const pack = JSON.parse(readFileSync(BUNDLED, 'utf8'));
    writeFileSync(join(dir, 'my-province.json'), JSON.stringify({ ...pack, id: 'my-province-2021', version: '2.0.0' }));
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...pack, id: 'broken-2021', rules: 'none' }));
    writeFileSync(join(dir, 'notes.txt'), 'not a pack');
    // hostile: two packs extending each other (start-up used to hang), a link out of the directory
    writeFileSync(join(dir, 'ring-a.json'), JSON.stringify({ format: 1, id: 'ring-a', version: '1.0.0', extends: { pack: 'ring-b' } }));
    writeFileSync(join(dir, 'ring-b.json'), JSON.stringify({ format: 1, id: 'ring-b', version: '1.0.0', extends: { pack: 'ring-a' } }));
    symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
    p = start({ P135_PACKS_DIR: dir, P135_MAX_BATCH: '500' });
    base = await listening(p);
  });
  afterAll(() => {
    if (p.child.exitCode === null) p.child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and answers', async () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${base}/healthz`);
    expect(await res.json()).toEqual({ status: 'ok', packs: [...bundledPackIds(), 'my-province-2021'].sort() });
  });

  it('serves the packs of P135_PACKS_DIR beside the bundled one and logs the invalid ones', async () => {
    const list: Json = await (await fetch(`${base}/v1/packs`)).json();
    expect(list.packs.map((x: { id: string; source: string }) => `${x.id}:${x.source}`)).toEqual([...bundledPackIds().map((id) => `${id}:bundled`), 'my-province-2021:directory'].sort());
    const skipped = p.out.map((l) => JSON.parse(l)).find((l) => l.msg === 'invalid pack skipped');
    expect(skipped).toMatchObject({ level: 50, file: 'broken.json' });
    expect(skipped.problems.join('\n')).toContain('$.rules');
    const [c] = exampleCandidates();
    const res = await fetch(`${base}/v1/decisions?pack=my-province-2021`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(c) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Json).pack).toMatchObject({ id: 'my-province-2021', version: '2.0.0' });
  });

  it('skips packs that extend each other and links out of the directory, naming each, and still starts', () => {
    const skipped = p.out.map((l) => JSON.parse(l)).filter((l) => l.msg === 'invalid pack skipped');
    const byFile = Object.fromEntries(skipped.map((l) => [l.file, l.problems.join('\n')]));
    expect(byFile['ring-a.json']).toContain('ring-a → ring-b → ring-a');
    expect(byFile['ring-b.json']).toContain('ring-b → ring-a → ring-b');
    expect(byFile['passwd.json']).toContain('symbolic link');
    expect(p.out.join('\n')).not.toContain('root:');
  });

  it('lists the refused files for operators, by file name, and says "invalid" (not "unknown") for a pack whose file was refused', async () => {
    const list: Json = await (await fetch(`${base}/v1/packs`)).json();
    const invalid = Object.fromEntries(list.invalid.map((x: Json) => [x.file, x]));
    expect(Object.keys(invalid).sort()).toEqual(['broken.json', 'passwd.json', 'ring-a.json', 'ring-b.json']);
    expect(invalid['broken.json'].problems[0]).toMatchObject({ path: '$.rules' });
    expect(invalid['ring-a.json'].problems[0].message.en).toContain('ring-a → ring-b → ring-a');
    expect(JSON.stringify(list.invalid)).not.toContain(dir);

    const res = await fetch(`${base}/v1/packs/broken`);
    expect(res.status).toBe(404);
    const problem: Json = await res.json();
    expect(problem.errors[0].code).toBe('pack.invalid_file');
    expect(problem.errors[0].message.vi).toContain('Tệp broken.json trong thư mục bộ quy tắc không hợp lệ');
    expect(problem.errors[0].message.en).toContain('$.rules');
    expect(((await (await fetch(`${base}/v1/packs/no-such-pack`)).json()) as Json).errors[0].code).toBe('pack.unknown');
  });

  it('takes its limits from the environment', async () => {
    const doc: Json = await (await fetch(`${base}/openapi.json`)).json();
    expect(doc.components.schemas.DecisionBatchRequest.properties.candidates.maxItems).toBe(500);
  });

  it('logs one JSON line per event, with the request id', async () => {
    await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'proc-1' } });
    const mine = () => p.out.map((l) => JSON.parse(l)).filter((l) => l.reqId === 'proc-1');
    for (let i = 0; i < 100 && mine().length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    expect(mine().map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('closes on SIGTERM and exits 0', async () => {
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
    const msgs = p.out.map((l) => JSON.parse(l).msg);
    expect(msgs).toEqual(expect.arrayContaining(['shutting down: finishing requests in flight', 'closed']));
  });
});

describe('a server that cannot start', () => {
  it.each([
    [{ P135_MAX_BATCH: 'lots' }, 'P135_MAX_BATCH="lots"'],
    [{ PORT: '99999' }, 'PORT="99999"'],
    [{ P135_PACKS_DIR: '/nonexistent/p135-packs' }, 'P135_PACKS_DIR="/nonexistent/p135-packs": not found'],
    [{ P135_DEFAULT_PACK: 'atlantis-2020' }, 'default pack "atlantis-2020" is not loaded'],
  ])('%o: exits 2 with one line', async (env, text) => {
    const p = start(env as Record<string, string>);
    expect(await p.exited).toBe(2);
    expect(p.err).toHaveLength(1);
    expect(p.err[0]).toContain(text);
    expect(p.err[0]).not.toMatch(/\bat .*\(|node:internal/);
  });
});
