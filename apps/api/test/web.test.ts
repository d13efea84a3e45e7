/**
 * The built web app served by the API (`P135_WEB_DIR`, src/web.ts): its files with the security
 * headers; the app's page for a path of its own; never a file outside the directory (traversal,
 * encoded traversal, symbolic links); the API's paths not shadowed; a directory without
 * index.html refused at start.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';
import { WEB_CSP } from '../src/web.js';
import { expectNoLeaks, expectProblem, startServer, type TestServer } from './helpers.js';

const SECRET = 'SECRET-OUTSIDE-THE-WEB-DIRECTORY';
const INDEX = '<!doctype html><html><head><meta charset="utf-8"><title>p135</title></head><body><div id="root"></div></body></html>';

/** A GET over a raw socket, the path exactly as written (fetch would resolve `..` itself). */
function rawGet(base: string, path: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the API serves the built web app (P135_WEB_DIR)', { timeout: 120_000 }, () => {
  let top: string;
  let s: TestServer;
  beforeAll(async () => {
    top = mkdtempSync(join(tmpdir(), 'p135-web-'));
    const dist = join(top, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    mkdirSync(join(top, 'outside'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app")');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(join(dist, '.env'), SECRET);
    writeFileSync(join(top, 'outside', 'secret.txt'), SECRET);
    writeFileSync(join(top, 'secret.txt'), SECRET);
    symlinkSync(join(top, 'outside', 'secret.txt'), join(dist, 'link.txt'));
    symlinkSync(join(top, 'outside'), join(dist, 'linked'));
    s = await startServer({ workers: 0, webDir: dist });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    rmSync(top, { recursive: true, force: true });
  });

  it('serves the page at / and at a path of the app, with the page CSP and the security headers', async () => {
    for (const path of ['/', '/index.html', '/hub', '/some/page']) {
      const r = await s.call('http', { method: 'GET', url: path });
      expect(r.status, path).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.text).toBe(INDEX);
      expect(r.headers['content-security-policy']).toBe(WEB_CSP);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['cache-control']).toBe('no-store');
      expect(r.headers['x-request-id']).toBeTruthy();
    }
    // Without the hub, no hub marker: the page stays the offline app.
    expect((await s.call('http', { method: 'GET', url: '/' })).text).not.toContain('p135-hub');
  });

  it('serves the files of the build with their type', async () => {
    const js = await s.call('http', { method: 'GET', url: '/assets/app.js?v=1' });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.text).toBe('console.log("app")');
    const sw = await s.call('http', { method: 'GET', url: '/sw.js' });
    expect(sw.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const head = await fetch(`${s.base}/assets/app.js`, { method: 'HEAD' });
    expect(head.status).toBe(200);
  });

  it('a missing file is a 404 problem, not the page', async () => {
    expectProblem(await s.call('http', { method: 'GET', url: '/assets/missing.js' }), 404, 'not-found');
  });

  it('never sends a file outside the directory: traversal, encoded traversal, hidden files, symbolic links', async () => {
    const paths = [
      '/../secret.txt',
      '/../outside/secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%2fsecret.txt',
      '/%2E%2E%5Csecret.txt',
      '/assets\\..\\..\\secret.txt',
      '/.env',
      '/%2eenv',
      '/link.txt',
      '/linked/secret.txt',
      '/assets/app.js%00.html',
      '/%E0%A4%A',
    ];
    for (const path of paths) {
      const r = await rawGet(s.base, path);
      expect(r.text, path).not.toContain(SECRET);
      expect(r.text, path).not.toContain('root:');
      expect([400, 404], path).toContain(r.status);
      expect(String(r.headers['content-type']), path).toMatch(/^application\/problem\+json/);
      expectNoLeaks(r.text);
    }
    // An absolute path is a path inside the directory: here no file, so the app's page.
    expect((await rawGet(s.base, '//etc/passwd')).text).toBe(INDEX);
  });

  it('does not shadow the API: its routes answer as before, an unknown /v1 path is a 404 problem', async () => {
    const packs = await s.call('http', { method: 'GET', url: '/v1/packs' });
    expect(packs.status).toBe(200);
    expect(packs.json().default).toBe('lang-son-2020');
    expect((await s.call('http', { method: 'GET', url: '/healthz' })).json().status).toBe('ok');
    expect((await s.call('http', { method: 'GET', url: '/openapi.json' })).headers['content-type']).toMatch(/^application\/json/);
    for (const path of ['/v1', '/v1/', '/v1/nope', '/v1/hub/me', '/v1/packs/lang-son-2020/x']) expectProblem(await s.call('http', { method: 'GET', url: path }), 404, 'not-found');
    // A write to a page of the app is not a file: 404 as before (no 405 that would advertise GET).
    expectProblem(await s.call('http', { method: 'POST', url: '/hub', body: {} }), 404, 'not-found');
  });

  it('P135_WEB_DIR is read from the environment; a directory without index.html stops the start with one line', async () => {
    const read = readConfig({ P135_WEB_DIR: 'apps/web/dist' });
    expect(read.ok && read.config.webDir).toBe('apps/web/dist');
    await expect(startServer({ workers: 0, webDir: join(top, 'outside') })).rejects.toThrow(/index\.html/);
    await expect(startServer({ workers: 0, webDir: join(top, 'nowhere') })).rejects.toThrow(/P135_WEB_DIR/);
  });
});
