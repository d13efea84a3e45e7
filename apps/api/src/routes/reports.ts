/**
 * `POST /v1/reports/district`, `POST /v1/reports/province`: check the query and the format asked
 * for (`?format=`, else `Accept`), then hand the body to the evaluator (reports.ts says what is
 * done with it, by calling the package and `@p135/io`'s renderers).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Evaluator } from '../evaluator.js';
import type { PackRegistry } from '../packs.js';
import { sendProblem } from '../problems.js';
import { formatFromAccept, REPORT_FORMATS, REPORT_MEDIA_TYPES, type ReportFormat } from '../reports.js';
import { ReportQuerySchema } from '../schemas.js';
import { answerJob, unknownPack } from './evaluate.js';
import { readQuery } from './query.js';

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  xlsx: REPORT_MEDIA_TYPES.xlsx,
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The file name a download is saved under (ASCII, Vietnamese without accents). */
const FILE_NAMES = { district: 'bao-cao-ket-qua-huyen', province: 'bao-cao-tong-hop-tinh' } as const;

export function reportRoutes(app: FastifyInstance, packs: PackRegistry, evaluator: Evaluator, timeoutMs: number): void {
  const handler = (level: 'district' | 'province') => async (request: FastifyRequest, reply: FastifyReply) => {
    const q = readQuery(ReportQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    const packId = q.value.pack ?? packs.defaultId;
    const unknown = unknownPack(packs, packId);
    if (unknown) return sendProblem(reply, unknown);
    const format = q.value.format ?? formatFromAccept(request.headers.accept);
    if (!format) {
      const accepted = REPORT_FORMATS.map((f) => REPORT_MEDIA_TYPES[f]).join(', ');
      return sendProblem(reply, {
        kind: 'not-acceptable',
        detail: {
          vi: `Báo cáo có các dạng: ${accepted}; hãy sửa header Accept, hoặc dùng ?format=json|xlsx|csv|html`,
          en: `a report is available as: ${accepted}; change the Accept header, or use ?format=json|xlsx|csv|html`,
        },
      });
    }
    const { lang, table } = q.value;
    if (table !== undefined && format !== 'csv') {
      const message = { vi: '?table= chỉ dùng với dạng CSV (?format=csv)', en: '?table= applies to the CSV format only (?format=csv)' };
      return sendProblem(reply, { kind: 'invalid-query', detail: message, errors: [{ in: 'query', path: 'table', code: 'query.table_not_csv', message }] });
    }
    reply.header('vary', 'accept');
    if (format === 'xlsx' || format === 'csv') reply.header('content-disposition', `attachment; filename="${FILE_NAMES[level]}.${format}"`);
    // The printable page has its own inline style and nothing else: no script, no request anywhere.
    if (format === 'html') reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    const report = { format, lang, ...(table !== undefined ? { table } : {}) };
    return answerJob(request, reply, evaluator, timeoutMs, { kind: level === 'district' ? 'report-district' : 'report-province', packId, report }, () => CONTENT_TYPES[format]);
  };

  app.post('/v1/reports/district', handler('district'));
  app.post('/v1/reports/province', handler('province'));
}
