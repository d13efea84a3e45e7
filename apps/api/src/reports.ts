/**
 * `POST /v1/reports/district` and `POST /v1/reports/province`: a district's results report
 * (KH.III.3) and the provincial consolidation (KH.III.1), from the results as JSON with the plan
 * and the roster they answer. Validated by the package's parse functions (every problem at its
 * JSON path in the body), built by the package's `districtReport` / `provinceReport`, and written
 * by `@p135/io`'s renderers: JSON (the report model), XLSX (the printed layout), CSV, or the
 * printable HTML page. The same code runs on the main thread and in the worker threads.
 */
import type { ResultsReport } from '@p135/io';
import {
  CandidateSchema,
  districtReport,
  type Lang,
  type Localized,
  type Plan,
  type Problem,
  parseCandidates,
  parsePlan,
  parseResults,
  provinceReport,
  type Results,
  ResultsSchema,
  type Rulebook,
} from '@p135/rules';
import { z } from 'zod';
import type { JobLimits, JsonChunks, Prepared } from './jobs.js';
import { AnswerTooLarge, asAnswerTooLarge } from './jobs.js';
import { bodyErrors } from './problems.js';

export const REPORT_FORMATS = ['json', 'xlsx', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Most results reports one provincial consolidation takes (a province's districts, and Ban Dân tộc's own). */
export const MAX_REPORTS = 100;

/** The media type of each format, as sent in `Content-Type` and matched in `Accept`. */
export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  html: 'text/html',
};

/** How a report request asks for its answer: the format, the language of its words, one CSV table. */
export interface ReportOutput {
  readonly format: ReportFormat;
  readonly lang: Lang;
  readonly table?: string;
}

// ---------- request bodies ----------

/** `{ plan, candidates, results }`: one district's results (or Ban Dân tộc's own), with the plan and roster they answer. */
export function districtReportRequestSchema<C extends z.ZodType, R extends z.ZodType, P extends z.ZodType>(candidate: C, results: R, plan: P, maxBatch: number) {
  return z.strictObject({
    /** The plan the results answer (its classes, study tours and budget lines). */
    plan,
    /** The roster the trainee ids of the results refer to. */
    candidates: z.array(candidate).max(maxBatch),
    results,
  });
}

/** `{ plan, candidates, results: [...], asOf? }`: every district's results and the province's own. */
export function provinceReportRequestSchema<C extends z.ZodType, R extends z.ZodType, P extends z.ZodType>(candidate: C, results: R, plan: P, maxBatch: number) {
  return z.strictObject({
    plan,
    candidates: z.array(candidate).max(maxBatch),
    results: z.array(results).min(1).max(MAX_REPORTS),
    /** The date of the consolidation: a district with no report by then is missing. Default: the latest date a report was sent. */
    asOf: ResultsSchema.shape.sentOn.optional(),
  });
}

/** The request schemas as the OpenAPI document shows them (the package's Candidate, Plan and Results schemas inside). */
export const documentedReportRequests = (plan: z.ZodType, maxBatch: number) => ({
  Results: ResultsSchema,
  DistrictReportRequest: districtReportRequestSchema(CandidateSchema, ResultsSchema, plan, maxBatch),
  ProvinceReportRequest: provinceReportRequestSchema(CandidateSchema, ResultsSchema, plan, maxBatch),
});

// ---------- validation ----------

const ENVELOPE_VI: Record<string, string> = {
  invalid_type: 'sai kiểu dữ liệu hoặc thiếu trường',
  unrecognized_keys: 'có trường không được phép',
  too_small: 'cần ít nhất một báo cáo kết quả',
  too_big: 'quá nhiều',
  invalid_format: 'sai định dạng',
};

const PATH_PREFIX = (parts: readonly PropertyKey[]) => `$${parts.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;

function envelopeProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue): Problem => {
    let en = issue.message;
    if (issue.code === 'unrecognized_keys')
      en = `unknown field(s): ${issue.keys.map((k) => JSON.stringify(k).slice(0, 100)).join(', ')}; the body has plan, candidates, results (and asOf for the province)`;
    if (issue.code === 'invalid_type' && issue.input === undefined) en = 'this field is required';
    if (issue.code === 'too_big' && issue.path[0] === 'results') en = `at most ${MAX_REPORTS} results reports in one consolidation`;
    return { path: PATH_PREFIX(issue.path), code: `schema.${issue.code}`, message: { vi: `${ENVELOPE_VI[issue.code] ?? 'giá trị không hợp lệ'}: ${en}`, en } };
  });
}

const under = (prefix: string, problems: readonly Problem[]): Problem[] => problems.map((p) => ({ ...p, path: prefix + p.path.slice(1) }));

const invalid = (problems: readonly Problem[]): Prepared => ({ ok: false, problem: { kind: 'invalid-input', errors: bodyErrors(problems) } });

function tooManyPeople(max: number): Prepared {
  const message: Localized = { vi: `Tối đa ${max} học viên trong danh sách mỗi yêu cầu`, en: `at most ${max} candidates in the roster of one request` };
  return { ok: false, problem: { kind: 'too-many-candidates', detail: message, errors: [{ in: 'body', path: '$.candidates', code: 'input.too_many', message }] } };
}

interface Inputs {
  readonly plan: Plan;
  readonly roster: ReadonlyMap<string, import('@p135/rules').Candidate>;
  readonly results: Results[];
  readonly asOf?: string;
}

/** Envelope, then plan, roster and each results report with the package's parse functions; every problem at its path in the body. */
function readInputs(book: Rulebook, value: unknown, limits: JobLimits, province: boolean): { inputs: Inputs } | { refused: Prepared } {
  const schema = province
    ? provinceReportRequestSchema(z.unknown(), z.unknown(), z.unknown(), Number.MAX_SAFE_INTEGER)
    : districtReportRequestSchema(z.unknown(), z.unknown(), z.unknown(), Number.MAX_SAFE_INTEGER);
  const envelope = schema.safeParse(value);
  if (!envelope.success) return { refused: invalid(envelopeProblems(envelope.error)) };
  const body = envelope.data as { plan: unknown; candidates: unknown[]; results: unknown; asOf?: string };
  if (body.candidates.length > limits.maxBatch) return { refused: tooManyPeople(limits.maxBatch) };
  const plan = parsePlan(body.plan, book);
  if (!plan.value) return { refused: invalid(under('$.plan', plan.errors)) };
  const people = parseCandidates(body.candidates, book);
  if (!people.value) return { refused: invalid(under('$.candidates', people.errors)) };
  const roster = new Map(people.value.map((c) => [c.id, c] as const));
  const given = province ? (body.results as unknown[]) : [body.results];
  const problems: Problem[] = [];
  const results: Results[] = [];
  given.forEach((r, i) => {
    const checked = parseResults(r, book, { plan: plan.value, roster, maxProblems: 100 });
    if (checked.value) results.push(checked.value);
    else problems.push(...under(province ? `$.results[${i}]` : '$.results', checked.errors));
  });
  if (problems.length) return { refused: invalid(problems) };
  return { inputs: { plan: plan.value, roster, results, ...(body.asOf ? { asOf: body.asOf } : {}) } };
}

// ---------- the answer ----------

function unknownTable(keys: readonly string[], table: string): Prepared {
  const message: Localized = { vi: `Không có bảng "${table.slice(0, 100)}"; chọn một trong: ${keys.join(', ')}`, en: `no table "${table.slice(0, 100)}"; choose one of: ${keys.join(', ')}` };
  return { ok: false, problem: { kind: 'invalid-query', detail: message, errors: [{ in: 'query', path: 'table', code: 'query.unknown_table', message }] } };
}

/** The report written in the format asked for, in one piece; over `maxBytes` it is an answer too large (413). */
async function render(report: ResultsReport, out: ReportOutput, maxBytes: number): Promise<string | Uint8Array> {
  try {
    // The renderers (and exceljs) are loaded on the first report, not when a worker starts.
    const { reportCsv, reportHtml, reportJson, reportXlsx } = await import('@p135/io');
    const body =
      out.format === 'xlsx'
        ? await reportXlsx(report, out.lang)
        : out.format === 'csv'
          ? (reportCsv(report, out.lang, out.table) ?? '\uFEFF')
          : out.format === 'html'
            ? reportHtml(report, out.lang)
            : reportJson(report);
    const size = typeof body === 'string' ? Buffer.byteLength(body, 'utf8') : body.byteLength;
    if (size > maxBytes) throw new AnswerTooLarge(maxBytes);
    return body;
  } catch (err) {
    throw asAnswerTooLarge(err, maxBytes) ?? err;
  }
}

/** A district's report (`province` false) or the consolidation, from the body's value. */
export function prepareReport(book: Rulebook, value: unknown, limits: JobLimits, out: ReportOutput, province: boolean): Prepared {
  const read = readInputs(book, value, limits, province);
  if ('refused' in read) return read.refused;
  const { plan, roster, results, asOf } = read.inputs;
  const build = async (): Promise<ResultsReport> =>
    province ? provinceReport(book, plan, results, { roster, ...(asOf ? { asOf } : {}) }) : districtReport(book, plan, results[0] as Results, { roster });
  const chunks: JsonChunks = async function* (signal) {
    const report = await build();
    signal?.throwIfAborted();
    yield await render(report, out, limits.maxAnswerBytes);
  };
  if (out.table !== undefined) {
    // The table keys depend only on the kind of report (and whether a district had study tours):
    // checked before any work, against the tables the report can have.
    const keys = province ? PROVINCE_TABLES : DISTRICT_TABLES;
    if (!keys.includes(out.table)) return unknownTable(keys, out.table);
  }
  return { ok: true, chunks };
}

/** The CSV tables each report has (`?table=`), from `@p135/io`'s report tables. */
const DISTRICT_TABLES = ['summary', 'classes', 'communes', 'held', 'trainees', 'tours', 'spending', 'findings'];
const PROVINCE_TABLES = ['districts', 'targets', 'classes', 'by_district', 'trainees', 'tours', 'spending', 'budget', 'findings'];
/** Every table a report of each kind can have (a district's `tours` only when it had study tours: else an empty CSV). */
export const REPORT_TABLES = { district: DISTRICT_TABLES, province: PROVINCE_TABLES } as const;

// ---------- content negotiation ----------

const BY_MEDIA_TYPE: ReadonlyMap<string, ReportFormat> = new Map([
  ...(Object.entries(REPORT_MEDIA_TYPES) as [ReportFormat, string][]).map(([f, t]) => [t, f] as const),
  ['application/*', 'json'],
  ['text/*', 'html'],
  ['*/*', 'json'],
]);

/**
 * The format an `Accept` header asks for: the acceptable media type with the highest `q` (the
 * first of equals), among JSON, XLSX, CSV and HTML; JSON when there is no header; undefined
 * when it accepts none of them (406).
 */
export function formatFromAccept(accept: string | undefined): ReportFormat | undefined {
  if (accept === undefined || accept.trim() === '') return 'json';
  const ranges = accept
    .slice(0, 2000)
    .split(',')
    .map((part, i) => {
      const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { type, q: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((r) => r.q > 0 && BY_MEDIA_TYPE.has(r.type))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const best = ranges[0];
  return best ? BY_MEDIA_TYPE.get(best.type) : undefined;
}
