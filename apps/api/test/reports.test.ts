/**
 * `POST /v1/reports/district` and `POST /v1/reports/province` give what the package gives for
 * the example results (in a worker thread and on the main thread, over HTTP and injection), in
 * the four formats, negotiated by `?format=` or `Accept`; and refuse bad bodies with problems.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { reportCsv, reportHtml } from '@p135/io';
import { bundledPack, type Candidate, createRulebook, districtReport, type Plan, parseCandidates, parsePlan, parseResults, provinceReport, type Results } from '@p135/rules';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFromAccept, REPORT_TABLES } from '../src/reports.js';
import { EXAMPLES, exampleCandidates, examplePlan, expectMatchesDoc, expectProblem, type Json, startServer, TRANSPORTS, type TestServer } from './helpers.js';

const book = createRulebook(bundledPack('lang-son-2020')!);
const RESULTS_DIR = `${EXAMPLES}results/`;
const resultFiles = readdirSync(RESULTS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();
const rawResults: Record<string, Json> = Object.fromEntries(resultFiles.map((f) => [f, JSON.parse(readFileSync(RESULTS_DIR + f, 'utf8'))]));
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

/** The people the example results name (the roster of the requests, smaller than the whole example roster). */
const named = new Set(Object.values(rawResults).flatMap((r: Json) => [...r.classes.flatMap((c: Json) => c.trainees), ...(r.studyTours ?? []).flatMap((t: Json) => t.members)]));
const roster = exampleCandidates().filter((c) => named.has(c.id as string));
const planJson = examplePlan();
const plan = parsePlan(planJson, book).value as Plan;
const people = parseCandidates(roster, book).value as Candidate[];
const parsed = (f: string) => parseResults(rawResults[f], book).value as Results;

const districtBody = (file = 'district-183.json') => ({ plan: planJson, candidates: roster, results: rawResults[file] });
const provinceBody = (asOf?: string) => ({ plan: planJson, candidates: roster, results: resultFiles.map((f) => rawResults[f]), ...(asOf ? { asOf } : {}) });

let s: TestServer;
let doc: Record<string, Json>;

beforeAll(async () => {
  s = await startServer({ workers: 1, inlineMaxBytes: 4096 });
  doc = s.app.p135.openapi;
});
afterAll(() => s.close());

describe.each(TRANSPORTS)('the reports, as JSON (%s)', (t) => {
  it('a district: the package’s own report for the same input, in a worker thread', async () => {
    const before = { ...s.app.p135.evaluator.counts };
    const res = await s.call(t, { method: 'POST', url: '/v1/reports/district', body: districtBody() });
    expect(res.status, res.text.slice(0, 500)).toBe(200);
    expect(s.app.p135.evaluator.counts.worker).toBe(before.worker + 1);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expectMatchesDoc(doc, 'POST', '/v1/reports/district', res);
    const expected = plain(await districtReport(book, plan, parsed('district-183.json'), { roster: people }));
    expect(res.json()).toEqual(expected);
    // Huyện Cao Lộc (183) sent its report late: it says so, with the days.
    expect(res.json().timeliness).toMatchObject({ status: 'late', daysLate: 4 });
  });

  it('the province: the package’s consolidation, with a late, a missing and a twice-reported district, and the study tours over their cap', async () => {
    const res = await s.call(t, { method: 'POST', url: '/v1/reports/province', body: provinceBody('2020-12-05') });
    expect(res.status, res.text.slice(0, 500)).toBe(200);
    expectMatchesDoc(doc, 'POST', '/v1/reports/province', res);
    const expected = plain(
      await provinceReport(
        book,
        plan,
        resultFiles.map((f) => parsed(f)),
        { roster: people, asOf: '2020-12-05' },
      ),
    );
    const body = res.json();
    expect(body).toEqual(expected);
    expect(body.asOf).toBe('2020-12-05');
    expect(body.missing).toEqual(['189']);
    expect(body.late).toEqual(['183']);
    expect(body.budget.caps.find((c: Json) => c.category === 'study_tour')).toMatchObject({ within: false, total: '852200000', cap: '804000000' });
    const rules = body.findings.map((f: Json) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['report.finding.late', 'report.finding.missing', 'report.finding.reported_twice', 'budget.cap.study_tour']));
  });
});

describe('the reports in other formats', () => {
  let report: Awaited<ReturnType<typeof districtReport>>;
  beforeAll(async () => {
    report = await districtReport(book, plan, parsed('district-183.json'), { roster: people });
  });

  it('XLSX by ?format=xlsx: a workbook with the printed layout, the totals the package computes', async () => {
    const res = await s.app.inject({ method: 'POST', url: '/v1/reports/district?format=xlsx', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(districtBody()) });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe('attachment; filename="bao-cao-ket-qua-huyen.xlsx"');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(3);
    const text = wb.worksheets.map((w) => w.getSheetValues().flat().map(String).join('|')).join('\n');
    expect(text).toContain(report.heading.title.vi);
    const spent = report.spending.total.spent;
    expect(text.replace(/[.,\s]/g, '')).toContain(spent);
  });

  it('CSV by Accept: text/csv, the same text as the renderer’s, one table with ?table=', async () => {
    const res = await s.call('http', { method: 'POST', url: '/v1/reports/district', headers: { accept: 'text/csv' }, body: districtBody() });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers.vary).toBe('accept');
    expect(res.text).toBe((reportCsv(report, 'vi') as string).replace(/^\uFEFF/, ''));
    const one = await s.call('inject', { method: 'POST', url: '/v1/reports/district?format=csv&table=spending&lang=en', body: districtBody() });
    expect(one.text).toBe(reportCsv(report, 'en', 'spending'));
  });

  it('HTML by ?format=html&lang=en: the printable page, with a policy that allows no script', async () => {
    const res = await s.call('inject', { method: 'POST', url: '/v1/reports/district?format=html&lang=en', body: districtBody() });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toBe(reportHtml(report, 'en'));
  });

  it('Accept with weights: the preferred format the server has; JSON without the header', () => {
    expect(formatFromAccept(undefined)).toBe('json');
    expect(formatFromAccept('text/csv;q=0.5, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')).toBe('xlsx');
    expect(formatFromAccept('text/html,application/xhtml+xml,*/*;q=0.8')).toBe('html');
    expect(formatFromAccept('image/png, text/csv;q=0')).toBeUndefined();
    expect(formatFromAccept('*/*')).toBe('json');
  });

  it('the table keys the document lists are the renderer’s', () => {
    expect(REPORT_TABLES.district).toEqual(expect.arrayContaining(['summary', 'held', 'spending', 'findings']));
  });
});

describe.each(TRANSPORTS)('bad requests are problems, in Vietnamese or English (%s)', (t) => {
  it('a trainee not on the roster: 400 at its path in the body, in Vietnamese by default', async () => {
    const results = structuredClone(rawResults['district-180.json']);
    results.classes[1].trainees[2] = 'KHONG-CO';
    const res = await s.call(t, { method: 'POST', url: '/v1/reports/district', body: { ...districtBody(), results } });
    const body = expectProblem(res, 400, 'invalid-input');
    expect(body.errors).toEqual([expect.objectContaining({ path: '$.results.classes[1].trainees[2]', code: 'input.unknown_trainee' })]);
    expect(body.detail).toContain('không có trong danh sách học viên');
    expectMatchesDoc(doc, 'POST', '/v1/reports/district', res);
  });

  it('one bad report among the province’s: its index in the path, in English with ?lang=en', async () => {
    const body = provinceBody();
    (body.results[2] as Json) = { ...body.results[2], sentOn: '30/11/2020' };
    const res = await s.call(t, { method: 'POST', url: '/v1/reports/province?lang=en', body });
    const problem = expectProblem(res, 400, 'invalid-input');
    expect(problem.title).toBe('The request body is invalid');
    expect(problem.errors[0].path).toBe('$.results[2].sentOn');
    expect(problem.detail).toMatch(/^\$\.results\[2\]\.sentOn: /);
  });

  it('a missing part, an unknown field, a bad asOf: every one named', async () => {
    const res = await s.call(t, { method: 'POST', url: '/v1/reports/province?lang=en', body: { plan: planJson, results: [], asOf: '2020-13-01', extra: 1 } });
    const problem = expectProblem(res, 400, 'invalid-input');
    expect(problem.errors.map((e: Json) => e.path).sort()).toEqual(['$', '$.asOf', '$.candidates', '$.results']);
  });

  it('a format the server does not write: 400 for ?format=, 406 for Accept; ?table= without CSV', async () => {
    expectProblem(await s.call(t, { method: 'POST', url: '/v1/reports/district?format=pdf', body: districtBody() }), 400, 'invalid-query');
    const no = expectProblem(await s.call(t, { method: 'POST', url: '/v1/reports/district?lang=en', headers: { accept: 'image/png' }, body: districtBody() }), 406, 'not-acceptable');
    expect(no.detail).toContain('?format=json|xlsx|csv|html');
    expectProblem(await s.call(t, { method: 'POST', url: '/v1/reports/district?table=spending', body: districtBody() }), 400, 'invalid-query');
    const unknown = expectProblem(await s.call(t, { method: 'POST', url: '/v1/reports/province?format=csv&table=nope', body: provinceBody() }), 400, 'invalid-query');
    expect(unknown.errors[0].message.vi).toContain('Không có bảng "nope"');
  });
});

describe('limits', () => {
  it('a roster over the batch limit: 413; a body over the body limit: 413', async () => {
    const small = await startServer({ workers: 0, maxBatch: 100, bodyLimitBytes: 2_000_000 });
    try {
      expectProblem(
        await small.call('inject', { method: 'POST', url: '/v1/reports/district', body: { plan: { classes: [] }, candidates: roster.slice(0, 101), results: rawResults['district-180.json'] } }),
        413,
        'too-many-candidates',
      );
      expectProblem(await small.call('http', { method: 'POST', url: '/v1/reports/district', body: districtBody() }), 413, 'body-too-large');
      // Without workers, on the main thread: the same report.
      const res = await small.call('inject', {
        method: 'POST',
        url: '/v1/reports/district',
        body: {
          plan: planJson,
          candidates: roster.filter((c) => rawResults['district-188.json'].classes.some((k: Json) => k.trainees.includes(c.id))).slice(0, 100),
          results: { ...rawResults['district-188.json'], classes: [] },
        },
      });
      expect(res.status, res.text.slice(0, 300)).toBe(200);
      expect(res.json().kind).toBe('district');
    } finally {
      await small.close();
    }
  });
});
