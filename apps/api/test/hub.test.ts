/**
 * The province hub (issue 14) over HTTP: districts submit, the province sees the consolidation;
 * tokens (401 without one, 403 for another district's data, on every endpoint); every version
 * fetched back byte for byte; every write audited; the consolidation follows each submission.
 * On SQLite, and on PostgreSQL when P135_TEST_DATABASE_URL is set.
 */
import { HubStore } from '@p135/store';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasesFor, PG_SKIP_REASON } from '../../../packages/store/test/databases.js';
import { expectMatchesDoc, expectNoLeaks, expectProblem, type Json, startServer } from './helpers.js';
import { auth, type HubServer, resultsBytes, resultsWorkbook, startHub } from './hub-helpers.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Every hub endpoint, with the district of its path (`D`) and version (`V`) to fill in. */
const READS = ['/v1/hub/districts/D/submissions', '/v1/hub/districts/D/submissions/V', '/v1/hub/districts/D/submissions/V/original', '/v1/hub/districts/D/submissions/V/report'];
const PROVINCE_ONLY = ['/v1/hub/consolidation', '/v1/hub/history'];
const at = (path: string, d: string, v = 1) => path.replace('/D/', `/${d}/`).replace('/V', `/${v}`);

for (const database of databasesFor('p135_test_api_hub')) {
  describe.skipIf(!database.available)(`the hub on ${database.name}${database.available ? '' : ` — ${PG_SKIP_REASON}`}`, { timeout: 600_000 }, () => {
    let s: HubServer;
    // Reading the 16,600-person roster and starting the server: give a loaded machine time.
    beforeAll(async () => {
      s = await startHub(await database.fresh());
    }, 600_000);
    afterAll(async () => {
      await s?.close();
      database.cleanup();
    });

    const submit = (token: string, body: Uint8Array | string, type = 'application/json', query = '') =>
      s.call('http', { method: 'POST', url: `/v1/hub/submissions${query}`, headers: { ...auth(token), 'content-type': type }, body: typeof body === 'string' ? new TextEncoder().encode(body) : body });
    const get = (token: string | undefined, url: string) => s.call('http', { method: 'GET', url, headers: token ? auth(token) : {} });

    it('a district submits its results: 201, version 1 then 2, with its findings; the file comes back byte for byte', async () => {
      const bytes = resultsBytes('district-180');
      const first = await submit(s.tokens['180'], bytes, 'application/json', '?name=ket-qua-180.json');
      expect(first.status, first.text.slice(0, 400)).toBe(201);
      const one = first.json();
      expect(one.submission).toMatchObject({ district: '180', version: 1, fileName: 'ket-qua-180.json', mediaType: 'application/json', size: bytes.byteLength });
      expect(first.headers.location).toBe('/v1/hub/districts/180/submissions/1');
      expect(one.findings.length).toBe(one.errors + one.warnings === 0 ? 0 : one.findings.length);
      const second = (await submit(s.tokens['180'], bytes)).json();
      expect(second.submission.version).toBe(2);

      const versions = (await get(s.tokens['180'], '/v1/hub/districts/180/submissions')).json();
      expect(versions.versions.map((v: Json) => v.version)).toEqual([1, 2]);
      const original = await fetch(`${s.base}/v1/hub/districts/180/submissions/1/original`, { headers: auth(s.tokens['180']) });
      expect(original.status).toBe(200);
      expect(original.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
      const one1 = (await get(s.tokens['180'], '/v1/hub/districts/180/submissions/1')).json();
      expect(one1).toMatchObject({ district: '180', version: 1, findings: one.findings });
      const report = await get(s.tokens['180'], '/v1/hub/districts/180/submissions/1/report?format=json');
      expect(report.json()).toMatchObject({ kind: 'district', district: '180' });
    });

    it('a district submits the results workbook (XLSX): the same findings as its JSON, and the workbook comes back byte for byte', async () => {
      const book = await resultsWorkbook('district-182');
      const asJson = await submit(s.tokens.province, resultsBytes('district-182'));
      expect(asJson.status).toBe(403);
      const r = await submit(s.tokens['182'], book, XLSX, '?name=Kết quả 182.xlsx');
      expect(r.status, r.text.slice(0, 400)).toBe(201);
      const made = r.json();
      expect(made.submission).toMatchObject({ district: '182', version: 1, mediaType: XLSX, fileName: 'Kết quả 182.xlsx', size: book.byteLength });
      const again = (await submit(s.tokens['182'], resultsBytes('district-182'))).json();
      expect(again.submission.version).toBe(2);
      expect(made.findings).toEqual(again.findings);
      const original = await fetch(`${s.base}/v1/hub/districts/182/submissions/1/original`, { headers: auth(s.tokens['182']) });
      expect(original.headers.get('content-type')).toBe(XLSX);
      expect(original.headers.get('content-disposition')).toContain("filename*=UTF-8''K%E1%BA%BFt%20qu%E1%BA%A3%20182.xlsx");
      expect(Buffer.from(await original.arrayBuffer()).equals(Buffer.from(book))).toBe(true);
    });

    it('a workbook with mistakes: 400, each problem at its sheet row and column', async () => {
      const { bundledPack, createRulebook } = await import('@p135/rules');
      const { resultsTemplate, toXlsx } = await import('@p135/io');
      const blank = await toXlsx(resultsTemplate(createRulebook(bundledPack('lang-son-2020')!), undefined, 'vi', '182'));
      const r = expectProblem(await submit(s.tokens['182'], blank, XLSX), 400, 'invalid-input');
      expect(r.errors.some((e: Json) => /dòng|row/.test(e.message.vi) || e.path === '$.sentOn')).toBe(true);
    });

    it('a district token cannot read or write another district, on every endpoint (403, problem+json); nothing is stored', async () => {
      const before = (await get(s.tokens.province, '/v1/hub/history')).json().versions.length;
      for (const path of READS) {
        for (const other of ['181', '189', 'province']) {
          const r = await get(s.tokens['180'], at(path, other));
          expectProblem(r, 403, 'forbidden');
        }
      }
      for (const path of PROVINCE_ONLY) expectProblem(await get(s.tokens['180'], path), 403, 'forbidden');
      // Another district's results, and the province's own, sent with district 180's token.
      expectProblem(await submit(s.tokens['180'], resultsBytes('district-181')), 403, 'forbidden');
      expectProblem(await submit(s.tokens['180'], resultsBytes('province')), 403, 'forbidden');
      // And the province cannot submit a district's results as its own.
      expectProblem(await submit(s.tokens.province, resultsBytes('district-181')), 403, 'forbidden');
      expect((await get(s.tokens.province, '/v1/hub/history')).json().versions.length).toBe(before);
      expect((await get(s.tokens.province, '/v1/hub/districts/181/submissions')).json().versions).toEqual([]);
    });

    it('no token, or a wrong one: 401 with WWW-Authenticate on every endpoint, before any body is read', async () => {
      const paths = [...READS.map((p) => at(p, '180')), ...PROVINCE_ONLY, '/v1/hub/me'];
      const wrong = [undefined, 'p135_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'not-a-token'];
      for (const path of paths) {
        for (const token of wrong) {
          const r = await get(token, path);
          const body = expectProblem(r, 401, 'unauthorized');
          expect(r.headers['www-authenticate']).toBe('Bearer realm="p135-hub"');
          expect(body.detail).toMatch(/mã truy cập/i);
        }
      }
      for (const header of [undefined, 'Basic YWRtaW46YWRtaW4=', `Bearer ${s.tokens['180']}x`, `Bearer  ${s.tokens['180']} ${s.tokens['180']}`]) {
        const r = await s.call('http', {
          method: 'POST',
          url: '/v1/hub/submissions',
          headers: { ...(header ? { authorization: header } : {}), 'content-type': 'application/json' },
          body: resultsBytes('district-180'),
        });
        expectProblem(r, 401, 'unauthorized');
      }
      const en = await s.call('http', { method: 'GET', url: '/v1/hub/me?lang=en', headers: {} });
      expect(en.json().detail).toMatch(/a token is needed/);
    });

    it('the province sees everything: each district’s versions, the history, and the consolidation over the latest versions, recomputed on each submission', async () => {
      const me = (await get(s.tokens.province, '/v1/hub/me')).json();
      expect(me).toMatchObject({ role: 'province', district: null });
      const c1 = (await get(s.tokens.province, '/v1/hub/consolidation')).json();
      expect(c1.submissions.map((x: Json) => `${x.district}:${x.version}`)).toEqual(['180:2', '182:2']);
      expect(c1.report.kind).toBe('province');
      expect(c1.report.missing).toContain('181');

      const r181 = await submit(s.tokens['181'], resultsBytes('district-181'));
      expect(r181.status, r181.text.slice(0, 300)).toBe(201);
      const own = await submit(s.tokens.province, resultsBytes('province'));
      expect(own.status, own.text.slice(0, 300)).toBe(201);
      const c2 = (await get(s.tokens.province, '/v1/hub/consolidation')).json();
      expect(c2.submissions.map((x: Json) => `${x.district}:${x.version}`)).toEqual(['180:2', '181:1', '182:2', 'province:1']);
      expect(c2.report.missing).not.toContain('181');
      expect(c2.report.districts.map((d: Json) => d.district)).toEqual(expect.arrayContaining(['180', '181']));
      for (const d of c2.report.districts) expect(['on_time', 'late', 'missing']).toContain(d.status);
      // Read by the province: any district's versions, and the history in order.
      expect((await get(s.tokens.province, '/v1/hub/districts/181/submissions')).json().versions).toHaveLength(1);
      expect((await get(s.tokens.province, '/v1/hub/history')).json().versions.map((v: Json) => `${v.district}:${v.version}`)).toEqual(['180:1', '180:2', '182:1', '182:2', '181:1', 'province:1']);

      const xlsx = await fetch(`${s.base}/v1/hub/consolidation?format=xlsx`, { headers: auth(s.tokens.province) });
      expect(xlsx.headers.get('content-type')).toBe(XLSX);
      expect(
        Buffer.from(await xlsx.arrayBuffer())
          .subarray(0, 2)
          .toString('latin1'),
      ).toBe('PK');
      const html = await get(s.tokens.province, '/v1/hub/consolidation?format=html&lang=en');
      expect(html.headers['content-type']).toMatch(/^text\/html/);
      expect(html.headers['content-security-policy']).toContain("default-src 'none'");
      expect(html.text).toContain('<html');
    });

    it('submissions at once from several districts: all stored, each district numbered in turn, and the next consolidation is over the latest of each', async () => {
      const before = (await get(s.tokens.province, '/v1/hub/history')).json().versions as Json[];
      const top = (d: string) => Math.max(0, ...before.filter((v) => v.district === d).map((v) => v.version));
      const senders = [
        ['180', 'district-180'],
        ['181', 'district-181'],
        ['182', 'district-182'],
        ['province', 'province'],
      ] as const;
      const sent = await Promise.all(senders.flatMap(([d, file]) => [1, 2, 3].map(() => submit(s.tokens[d], resultsBytes(file)))));
      expect(sent.map((r) => r.status)).toEqual(Array(12).fill(201));
      for (const [d] of senders) {
        const mine = sent.map((r) => r.json().submission).filter((m: Json) => m.district === d);
        expect(mine.map((m: Json) => m.version).sort()).toEqual([top(d) + 1, top(d) + 2, top(d) + 3]);
      }
      const c = (await get(s.tokens.province, '/v1/hub/consolidation')).json();
      for (const [d] of senders) expect(c.submissions.find((x: Json) => x.district === d)?.version).toBe(top(d) + 3);
    });

    it('invalid results: 400 with each problem’s place, in Vietnamese first; nothing stored; the attempt audited', async () => {
      const before = (await get(s.tokens.province, '/v1/hub/history')).json().versions.length;
      const broken = JSON.parse(new TextDecoder().decode(resultsBytes('district-180')));
      broken.classes[0].track = 'no_such_track';
      const r = expectProblem(await submit(s.tokens['180'], JSON.stringify(broken)), 400, 'invalid-input');
      expect(r.errors[0].path).toBe('$.classes[0].track');
      expect(r.errors[0].message.vi).toMatch(/Loại lớp/);
      expectProblem(await submit(s.tokens['180'], '{"id":'), 400, 'invalid-input');
      expectProblem(await submit(s.tokens['180'], '{"__proto__":{"x":1}}'), 400, 'invalid-input');
      expect((await get(s.tokens.province, '/v1/hub/history')).json().versions.length).toBe(before);
    });

    it('bodies: only JSON, an XLSX workbook or its CSV, each as what it says it is; the body limit holds', async () => {
      expectProblem(await submit(s.tokens['180'], 'a,b\n1,2', 'text/plain'), 415, 'unsupported-media-type');
      expectProblem(await submit(s.tokens['180'], new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), 'text/csv'), 415, 'unsupported-media-type');
      const notResults = await submit(s.tokens['180'], 'a,b\n1,2', 'text/csv');
      expect(notResults.status).toBe(400);
      expectNoLeaks(notResults.text);
      expectProblem(await submit(s.tokens['180'], resultsBytes('district-180'), XLSX), 415, 'unsupported-media-type');
      expectProblem(await submit(s.tokens['180'], new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3])), 415, 'unsupported-media-type');
      const notABook = await submit(s.tokens['180'], new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3, 4, 5, 6]), XLSX);
      expect(notABook.status).toBe(400);
      expectNoLeaks(notABook.text);
      const r = await s.call('http', { method: 'POST', url: '/v1/hub/submissions', headers: { ...auth(s.tokens['180']), 'content-type': 'application/json' } });
      expect([400, 415]).toContain(r.status);
      expectProblem(await submit(s.tokens['180'], resultsBytes('district-180'), 'application/json', `?name=${'a'.repeat(101)}`), 400, 'invalid-query');
      expectProblem(await submit(s.tokens['180'], resultsBytes('district-180'), 'application/json', '?name=..%2F..%2Fetc%2Fpasswd'), 400, 'invalid-query');
    });

    it('path parameters are checked: a district that is not a code, a version that is not a number (400), a version not there (404)', async () => {
      expectProblem(await get(s.tokens.province, '/v1/hub/districts/18/submissions'), 400, 'bad-request');
      expectProblem(await get(s.tokens.province, '/v1/hub/districts/a%2Fb/submissions'), 400, 'bad-request');
      for (const v of ['0', '-1', '1.5', 'x', '9999999999']) expectProblem(await get(s.tokens.province, `/v1/hub/districts/180/submissions/${v}`), 400, 'bad-request');
      expectProblem(await get(s.tokens.province, '/v1/hub/districts/180/submissions/99'), 404, 'not-found');
      expectProblem(await get(s.tokens['180'], '/v1/hub/districts/180/submissions/99/original'), 404, 'not-found');
    });

    it('the OpenAPI document has the hub’s paths (each one a route of the server), is valid 3.1, and the answers match it', async () => {
      const doc = s.app.p135.openapi as Record<string, Json>;
      expect((await new Validator().validate(doc)).valid).toBe(true);
      const ops = Object.entries(doc.paths as Record<string, object>)
        .filter(([p]) => p.startsWith('/v1/hub'))
        .flatMap(([p, item]) => Object.keys(item).map((m) => [m.toUpperCase(), p.replace(/\{(\w+)\}/g, ':$1')] as const));
      expect(ops).toHaveLength(8);
      for (const [m, p] of ops) expect(s.app.hasRoute({ method: m as 'GET', url: p }), `${m} ${p}`).toBe(true);
      const p = '/v1/hub/districts/{district}/submissions';
      expectMatchesDoc(doc, 'POST', '/v1/hub/submissions', await submit(s.tokens['180'], resultsBytes('district-180')));
      expectMatchesDoc(doc, 'GET', p, await get(s.tokens['180'], '/v1/hub/districts/180/submissions'));
      expectMatchesDoc(doc, 'GET', `${p}/{version}`, await get(s.tokens['180'], '/v1/hub/districts/180/submissions/1'));
      expectMatchesDoc(doc, 'GET', `${p}/{version}/report`, await get(s.tokens['180'], '/v1/hub/districts/180/submissions/1/report'));
      expectMatchesDoc(doc, 'GET', `${p}/{version}`, await get(s.tokens['180'], '/v1/hub/districts/181/submissions/1'));
      expectMatchesDoc(doc, 'GET', '/v1/hub/consolidation', await get(s.tokens.province, '/v1/hub/consolidation'));
      expectMatchesDoc(doc, 'GET', '/v1/hub/history', await get(s.tokens.province, '/v1/hub/history'));
      expectMatchesDoc(doc, 'GET', '/v1/hub/me', await get(undefined, '/v1/hub/me'));
      expectMatchesDoc(doc, 'GET', '/v1/hub/me', await get(s.tokens['181'], '/v1/hub/me'));
    });

    it('every write is in the audit log: tokens, submissions, refused and invalid attempts, each with its actor', async () => {
      const store = await HubStore.open(s.location);
      try {
        const log = await store.auditLog();
        const actions = log.map((a) => a.action);
        expect(actions.filter((a) => a === 'token.create')).toHaveLength(4);
        expect(actions.filter((a) => a === 'submission.create')).toHaveLength((await store.history()).length);
        expect(actions).toContain('submission.refused');
        expect(actions).toContain('submission.invalid');
        for (const a of log.filter((x) => x.action.startsWith('submission.'))) expect(a.actor).toMatch(/^[0-9a-f]{12}$/);
      } finally {
        await store.close();
      }
    });
  });
}

describe('the hub is off unless configured', () => {
  it('no data directory and no database URL: its paths are not there (404), the rest of the API unchanged', async () => {
    const s = await startServer({ workers: 0 });
    try {
      expectProblem(await s.call('inject', { method: 'GET', url: '/v1/hub/me' }), 404, 'not-found');
      expect((await s.call('inject', { method: 'GET', url: '/healthz' })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
