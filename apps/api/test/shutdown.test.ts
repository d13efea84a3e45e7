/**
 * SIGTERM while each kind of request is in flight (a batch of decisions, a plan check, a
 * ranking), on the server process: each request finishes or gets a clear problem, and the
 * process exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exampleCandidates, expectNoLeaks, type Json } from './helpers.js';

const APP = fileURLToPath(new URL('..', import.meta.url));
const roster = exampleCandidates().slice(0, 2_000);

const KINDS = {
  decisions: { url: '/v1/decisions', body: { candidates: roster } },
  'plan-check': {
    url: '/v1/plans/check',
    body: {
      classes: [{ id: 'X-1', track: 'commune_community', district: '180', commune: '05998', start: '2020-10-29', end: '2020-10-31', days: '2', trainees: roster.map((p) => p.id) }],
      budget: [],
      candidates: roster,
    },
  },
  rank: { url: '/v1/rank', body: { track: 'commune_community', candidates: roster } },
};

function start(workers: string): { child: ChildProcess; out: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: APP,
    env: { PATH: process.env.PATH ?? '', PORT: '0', LOG_LEVEL: 'info', P135_WORKERS: workers },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: string[] = [];
  child.stdout?.on('data', (d) => out.push(...String(d).split('\n').filter(Boolean)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out, exited };
}

async function listening(out: string[]): Promise<string> {
  for (let i = 0; i < 1200; i++) {
    const line = out.map((l) => JSON.parse(l) as Json).find((l) => typeof l.msg === 'string' && l.msg.startsWith('Server listening at'));
    if (line) return (line.msg as string).replace('Server listening at ', '');
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('not listening');
}

describe.each([
  ['worker threads', '1'],
  ['main thread', '0'],
])('SIGTERM during a request (%s)', (_where, workers) => {
  it.each(Object.keys(KINDS) as (keyof typeof KINDS)[])('%s: finishes or answers a clear problem; the process exits 0', async (kind) => {
    const p = start(workers);
    try {
      const base = await listening(p.out);
      const { url, body } = KINDS[kind];
      const answer = fetch(base + url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': `term-${kind}` }, body: JSON.stringify(body) }).then(
        async (r) => ({ status: r.status, type: r.headers.get('content-type') ?? '', text: await r.text() }),
        (err: Error) => ({ status: -1, type: '', text: String(err.cause ?? err.message) }),
      );
      // once the request has arrived, stop the server
      for (let i = 0; i < 1200 && !p.out.some((l) => l.includes(`"reqId":"term-${kind}"`)); i++) await new Promise((r) => setTimeout(r, 5));
      p.child.kill('SIGTERM');
      const res = await answer;
      expect(await p.exited).toBe(0);
      if (res.status === 200) {
        expect(() => JSON.parse(res.text)).not.toThrow();
      } else {
        expect(res.status, res.text.slice(0, 300)).toBe(503);
        expect(res.type).toMatch(/^application\/problem\+json/);
        expectNoLeaks(res.text);
      }
    } finally {
      if (p.child.exitCode === null) p.child.kill('SIGKILL');
    }
  });
});
