/**
 * The hub's routes, in their own Fastify context (their own body types and token check):
 *   POST /v1/hub/submissions                                   a district (or the province) submits its results
 *   GET  /v1/hub/me                                            who the token is
 *   GET  /v1/hub/districts/{district}/submissions              its versions
 *   GET  /v1/hub/districts/{district}/submissions/{version}    one version: description and findings
 *   GET  /v1/hub/districts/{district}/submissions/{version}/original   the file as sent, byte for byte
 *   GET  /v1/hub/districts/{district}/submissions/{version}/report     its district report (json, xlsx, html)
 *   GET  /v1/hub/consolidation                                 the province's consolidation (json, xlsx, html) — province only
 *   GET  /v1/hub/history                                       every version received — province only
 * Every request needs `Authorization: Bearer <token>` (401 without a valid one); a district token
 * reaches only its own district (403). The rules are the packages'; nothing is decided here.
 */
import { reportHtml, reportJson, reportXlsx, type ResultsReport } from '@p135/io';
import type { TokenRecord } from '@p135/store';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type BodyBudget, bytesBodyParser } from '../body.js';
import { sendProblem } from '../problems.js';
import { readQuery } from '../routes/query.js';
import { CSV_MEDIA_TYPE, type Hub, JSON_MEDIA_TYPE, mayRead, XLSX_MEDIA_TYPE } from './hub.js';

const JSON_TYPE = 'application/json; charset=utf-8';
const LANG = z.enum(['vi', 'en']).optional();
const FORMAT = z.enum(['json', 'xlsx', 'html']).optional();
const LangQuery = z.strictObject({ lang: LANG });
const ReportQuery = z.strictObject({ lang: LANG, format: FORMAT });
/** A file name kept with a submission: letters, digits, spaces and `._()-`, at most 100 characters. */
const SubmitQuery = z.strictObject({
  lang: LANG,
  name: z
    .string()
    .regex(/^[\p{L}\p{N} ._()-]{1,100}$/u, { message: 'a file name of letters, digits, spaces and ._()- (at most 100 characters)' })
    .optional(),
});
const DISTRICT = /^(province|[0-9]{3})$/;
const VERSION = /^[1-9][0-9]{0,8}$/;

const tokenOf = (request: FastifyRequest): TokenRecord => (request as FastifyRequest & { hubToken: TokenRecord }).hubToken;

/** The Bearer token of a request, if it has exactly one well-formed Authorization header. */
function bearer(request: FastifyRequest): string | undefined {
  const h = request.headers.authorization;
  if (typeof h !== 'string') return undefined;
  const m = /^Bearer[ ]+([^\s]{1,200})[ ]*$/i.exec(h);
  return m?.[1];
}

function unauthorized(reply: FastifyReply, given: boolean) {
  reply.header('www-authenticate', 'Bearer realm="p135-hub"');
  return sendProblem(reply, {
    kind: 'unauthorized',
    detail: given
      ? { vi: 'Mã truy cập không đúng; hãy dùng mã mà Ban Dân tộc cấp (Authorization: Bearer p135_…)', en: 'the token is not valid; use the token Ban Dân tộc gave you (Authorization: Bearer p135_…)' }
      : { vi: 'Cần mã truy cập: gửi header Authorization: Bearer p135_…', en: 'a token is needed: send the header Authorization: Bearer p135_…' },
  });
}

function forbidden(reply: FastifyReply, token: TokenRecord, what: string) {
  const own = token.role === 'province' ? 'Ban Dân tộc' : `huyện ${token.role.slice('district:'.length)}`;
  return sendProblem(reply, {
    kind: 'forbidden',
    detail: {
      vi: `Mã truy cập của ${own} không xem hay gửi được ${what}`,
      en: `the token of ${own === 'Ban Dân tộc' ? own : `district ${token.role.slice('district:'.length)}`} cannot read or write ${what}`,
    },
  });
}

function badParam(reply: FastifyReply, name: string, vi: string, en: string) {
  return sendProblem(reply, { kind: 'bad-request', errors: [{ in: 'path', path: name, code: `path.${name}`, message: { vi, en } }] });
}

/** The path's district and version, checked, and whether the token may read them; undefined when a problem was sent. */
function target(request: FastifyRequest<{ Params: { district: string; version?: string } }>, reply: FastifyReply): { district: string; version: number } | undefined {
  const { district, version } = request.params;
  if (!DISTRICT.test(district)) {
    badParam(reply, 'district', 'Mã huyện phải có 3 chữ số (ví dụ 180) hoặc là "province"', 'the district code must have 3 digits (e.g. 180) or be "province"');
    return undefined;
  }
  if (!mayRead(tokenOf(request), district)) {
    forbidden(reply, tokenOf(request), district === 'province' ? 'báo cáo của Ban Dân tộc' : `huyện ${district}`);
    return undefined;
  }
  if (version !== undefined && !VERSION.test(version)) {
    badParam(reply, 'version', 'Số phiên bản là số nguyên dương (1, 2, 3…)', 'the version is a positive whole number (1, 2, 3…)');
    return undefined;
  }
  return { district, version: version === undefined ? 0 : Number(version) };
}

const notFound = (reply: FastifyReply, district: string, version: number) =>
  sendProblem(reply, { kind: 'not-found', detail: { vi: `Huyện ${district} chưa có phiên bản ${version}`, en: `district ${district} has no version ${version}` } });

async function sendReport(reply: FastifyReply, report: ResultsReport, format: 'json' | 'xlsx' | 'html', lang: 'vi' | 'en', fileName: string, extra?: Record<string, unknown>) {
  if (format === 'xlsx')
    return reply
      .type(XLSX_MEDIA_TYPE)
      .header('content-disposition', `attachment; filename="${fileName}.xlsx"`)
      .send(Buffer.from(await reportXlsx(report, lang)));
  if (format === 'html') return reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'").send(reportHtml(report, lang));
  return reply.type(JSON_TYPE).send(
    extra
      ? `{${Object.entries(extra)
          .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},`)
          .join('')}"report":${reportJson(report)}}`
      : reportJson(report),
  );
}

export function hubRoutes(app: FastifyInstance, hub: Hub, bodies: BodyBudget, bodyLimit: number): void {
  void app.register(async (scope) => {
    scope.addContentTypeParser(XLSX_MEDIA_TYPE, bytesBodyParser(bodies, bodyLimit));
    scope.addContentTypeParser(CSV_MEDIA_TYPE, bytesBodyParser(bodies, bodyLimit));
    scope.decorateRequest('hubToken', null);

    // The token first, before any body is read.
    scope.addHook('onRequest', async (request, reply) => {
      const given = bearer(request);
      const token = given ? await hub.store.findToken(given) : undefined;
      if (!token) {
        request.log.info({ given: request.headers.authorization !== undefined }, 'hub: no valid token');
        return unauthorized(reply, request.headers.authorization !== undefined);
      }
      (request as FastifyRequest & { hubToken: TokenRecord }).hubToken = token;
    });

    scope.get('/v1/hub/me', async (request, reply) => {
      const q = readQuery(LangQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const t = tokenOf(request);
      return { id: t.id, role: t.role, label: t.label, district: t.role === 'province' ? null : t.role.slice('district:'.length) };
    });

    scope.post('/v1/hub/submissions', async (request, reply) => {
      const q = readQuery(SubmitQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const body = request.body;
      if (!(body instanceof Uint8Array) || body.byteLength === 0)
        return sendProblem(reply, {
          kind: 'missing-body',
          errors: [
            {
              in: 'body',
              path: '$',
              code: 'body.missing',
              message: {
                vi: `Gửi tệp kết quả: JSON (Content-Type: ${JSON_MEDIA_TYPE}), sổ kết quả XLSX (Content-Type: ${XLSX_MEDIA_TYPE}) hoặc sổ đó lưu thành một tệp CSV (Content-Type: ${CSV_MEDIA_TYPE})`,
                en: `send the results file: JSON (Content-Type: ${JSON_MEDIA_TYPE}), the results workbook (Content-Type: ${XLSX_MEDIA_TYPE}) or that workbook saved as one CSV (Content-Type: ${CSV_MEDIA_TYPE})`,
              },
            },
          ],
        });
      const given = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      const mediaType = given === XLSX_MEDIA_TYPE ? XLSX_MEDIA_TYPE : given === CSV_MEDIA_TYPE ? CSV_MEDIA_TYPE : JSON_MEDIA_TYPE;
      const isZip = body.byteLength >= 4 && body[0] === 0x50 && body[1] === 0x4b;
      if ((mediaType === XLSX_MEDIA_TYPE) !== isZip)
        return sendProblem(reply, {
          kind: 'unsupported-media-type',
          detail:
            mediaType === XLSX_MEDIA_TYPE
              ? { vi: 'Nội dung không phải sổ XLSX; gửi JSON với Content-Type: application/json', en: 'the body is not an XLSX workbook; send JSON with Content-Type: application/json' }
              : { vi: `Nội dung là sổ XLSX; gửi với Content-Type: ${XLSX_MEDIA_TYPE}`, en: `the body is an XLSX workbook; send it with Content-Type: ${XLSX_MEDIA_TYPE}` },
        });
      const outcome = await hub.submit({ bytes: body, mediaType, fileName: q.value.name, token: tokenOf(request) });
      if (!outcome.ok) return sendProblem(reply, outcome.problem);
      const m = outcome.meta;
      reply.header('location', `/v1/hub/districts/${m.district}/submissions/${m.version}`);
      return reply.code(201).type(JSON_TYPE).send({ submission: m, errors: outcome.errors, warnings: outcome.warnings, findings: outcome.findings });
    });

    scope.get<{ Params: { district: string } }>('/v1/hub/districts/:district/submissions', async (request, reply) => {
      const q = readQuery(LangQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const t = target(request, reply);
      if (!t) return reply;
      return { district: t.district, versions: await hub.store.versions(t.district) };
    });

    scope.get<{ Params: { district: string; version: string } }>('/v1/hub/districts/:district/submissions/:version', async (request, reply) => {
      const q = readQuery(LangQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const t = target(request, reply);
      if (!t) return reply;
      const s = await hub.store.submission(t.district, t.version);
      if (!s) return notFound(reply, t.district, t.version);
      const { results: _results, ...rest } = s;
      return rest;
    });

    scope.get<{ Params: { district: string; version: string } }>('/v1/hub/districts/:district/submissions/:version/original', async (request, reply) => {
      const q = readQuery(LangQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const t = target(request, reply);
      if (!t) return reply;
      const o = await hub.store.original(t.district, t.version);
      if (!o) return notFound(reply, t.district, t.version);
      const ascii = o.meta.fileName.replace(/[^A-Za-z0-9._()-]/g, '_');
      return reply
        .type(o.meta.mediaType)
        .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(o.meta.fileName)}`)
        .header('x-content-sha256', o.meta.sha256)
        .send(Buffer.from(o.bytes));
    });

    scope.get<{ Params: { district: string; version: string } }>('/v1/hub/districts/:district/submissions/:version/report', async (request, reply) => {
      const q = readQuery(ReportQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const t = target(request, reply);
      if (!t) return reply;
      const made = await hub.districtReportOf(t.district, t.version);
      if (!made) return notFound(reply, t.district, t.version);
      return sendReport(reply, made.report, q.value.format ?? 'json', q.value.lang ?? 'vi', `bao-cao-${t.district}-v${t.version}`);
    });

    scope.get('/v1/hub/consolidation', async (request, reply) => {
      const q = readQuery(ReportQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const token = tokenOf(request);
      if (token.role !== 'province') return forbidden(reply, token, 'báo cáo tổng hợp của tỉnh');
      const c = await hub.consolidation();
      return sendReport(reply, c.report, q.value.format ?? 'json', q.value.lang ?? 'vi', `tong-hop-${c.asOf}`, { asOf: c.asOf, computedAt: c.computedAt, submissions: c.submissions });
    });

    scope.get('/v1/hub/history', async (request, reply) => {
      const q = readQuery(LangQuery, request);
      if (!q.ok) return sendProblem(reply, q.problem);
      const token = tokenOf(request);
      if (token.role !== 'province') return forbidden(reply, token, 'lịch sử gửi của mọi huyện');
      return { versions: await hub.store.history() };
    });
  });
}
