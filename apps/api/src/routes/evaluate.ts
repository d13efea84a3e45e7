/**
 * `POST /v1/decisions`, `POST /v1/plans/check`, `POST /v1/rank`: check the query, then hand the
 * body to the evaluator (jobs.ts says what each one does with it, by calling the package).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type BodyBudget, bytesBodyParser } from '../body.js';
import type { Evaluator } from '../evaluator.js';
import type { JobKind, JobSpec } from '../jobs.js';
import type { PackRegistry } from '../packs.js';
import { type ApiProblem, sendProblem, timeoutProblem } from '../problems.js';
import { DecisionsQuerySchema, EvaluateQuerySchema } from '../schemas.js';
import { readQuery } from './query.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function evaluateRoutes(app: FastifyInstance, packs: PackRegistry, evaluator: Evaluator, timeoutMs: number, bodies: BodyBudget, bodyLimit: number): void {
  const handler = (kind: JobKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const q = readQuery(kind === 'decisions' ? DecisionsQuerySchema : EvaluateQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    const packId = q.value.pack ?? packs.defaultId;
    const unknown = unknownPack(packs, packId);
    if (unknown) return sendProblem(reply, unknown);
    const whatWouldChange = 'whatWouldChange' in q.value && q.value.whatWouldChange === 'true';
    return answerJob(
      request,
      reply,
      evaluator,
      timeoutMs,
      { kind, packId, ...(q.value.asOf === undefined ? {} : { asOf: q.value.asOf }), ...(whatWouldChange ? { whatWouldChange } : {}), ...rosterOf(request) },
      () => JSON_CONTENT_TYPE,
    );
  };

  // A roster file as the body of POST /v1/decisions only: CSV or an XLSX workbook, as bytes under the same limits as JSON.
  void app.register(async (scope) => {
    const parser = bytesBodyParser(bodies, bodyLimit);
    scope.addContentTypeParser('text/csv', parser);
    scope.addContentTypeParser(XLSX_CONTENT_TYPE, parser);
    scope.post('/v1/decisions', handler('decisions'));
  });
  app.post('/v1/plans/check', handler('plan-check'));
  app.post('/v1/rank', handler('rank'));
}

/** A body sent as a roster file (`text/csv`, an XLSX workbook) rather than JSON: read by @p135/io's roster reader. */
function rosterOf(request: FastifyRequest): { roster?: 'csv' | 'xlsx' } {
  const type = String(request.headers['content-type'] ?? '')
    .split(';')[0]
    ?.trim()
    .toLowerCase();
  if (type === 'text/csv') return { roster: 'csv' };
  if (type === XLSX_CONTENT_TYPE) return { roster: 'xlsx' };
  return {};
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `?pack=` naming no loaded pack, as a problem of the query. */
export function unknownPack(packs: PackRegistry, packId: string): ApiProblem | undefined {
  if (packs.get(packId)) return undefined;
  const known = packs.ids.join(', ');
  return {
    kind: 'invalid-query',
    errors: [{ in: 'query', path: 'pack', code: 'pack.unknown', message: { vi: `Không có bộ quy tắc "${packId}"; các bộ có: ${known}`, en: `no pack "${packId}"; loaded: ${known}` } }],
  };
}

/**
 * Hands a POST body to the evaluator (`spec` says which job) under the time limit, and sends
 * its answer with `contentType()`, or its problem. Shared by every POST route.
 */
export async function answerJob(request: FastifyRequest, reply: FastifyReply, evaluator: Evaluator, timeoutMs: number, spec: Omit<JobSpec, 'body'>, contentType: () => string): Promise<FastifyReply> {
  const body = request.body;
  if (!(body instanceof Uint8Array) || body.byteLength === 0) {
    return sendProblem(reply, {
      kind: 'missing-body',
      errors: [{ in: 'body', path: '$', code: 'body.missing', message: { vi: 'Cần gửi nội dung JSON (Content-Type: application/json)', en: 'send a JSON body (Content-Type: application/json)' } }],
    });
  }
  // Stop the work when the time runs out or the client goes away (the response closes
  // before it is finished). request.signal cannot say: on Node 20 it aborts as soon as the
  // body has been read, which also stops Fastify's handlerTimeout for requests with a body.
  const stop = new AbortController();
  const deadline = setTimeout(() => {
    stop.abort();
    // An answer already streaming cannot become a problem: the connection is cut without
    // the final chunk, so the client sees a truncated transfer, never a complete 200.
    if (reply.raw.headersSent && !reply.raw.writableFinished) {
      request.log.warn({ bytesSent: reply.raw.socket?.bytesWritten, timeoutMs }, 'answer cut: the time limit ran out while it was being sent');
      reply.raw.destroy();
    }
  }, timeoutMs);
  reply.raw.once('close', () => {
    clearTimeout(deadline);
    stop.abort();
  });
  const result = await evaluator.run({ ...spec, body }, stop.signal);
  if (reply.sent || reply.raw.destroyed) {
    if (result.ok && typeof result.body !== 'string' && !Buffer.isBuffer(result.body)) result.body.destroy();
    return reply;
  }
  if (!result.ok) return sendProblem(reply, result.problem.kind === 'timeout' ? timeoutProblem(timeoutMs) : result.problem);
  return reply.type(contentType()).send(result.body);
}
