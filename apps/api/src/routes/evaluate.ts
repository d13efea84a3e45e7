/**
 * `POST /v1/decisions`, `POST /v1/plans/check`, `POST /v1/rank`: check the query, then hand the
 * body to the evaluator (jobs.ts says what each one does with it, by calling the package).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Evaluator } from '../evaluator.js';
import type { JobKind, JobSpec } from '../jobs.js';
import type { PackRegistry } from '../packs.js';
import { type ApiProblem, sendProblem, timeoutProblem } from '../problems.js';
import { EvaluateQuerySchema } from '../schemas.js';
import { readQuery } from './query.js';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export function evaluateRoutes(app: FastifyInstance, packs: PackRegistry, evaluator: Evaluator, timeoutMs: number): void {
  const handler = (kind: JobKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const q = readQuery(EvaluateQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    const packId = q.value.pack ?? packs.defaultId;
    const unknown = unknownPack(packs, packId);
    if (unknown) return sendProblem(reply, unknown);
    return answerJob(request, reply, evaluator, timeoutMs, q.value.asOf === undefined ? { kind, packId } : { kind, packId, asOf: q.value.asOf }, () => JSON_CONTENT_TYPE);
  };

  app.post('/v1/decisions', handler('decisions'));
  app.post('/v1/plans/check', handler('plan-check'));
  app.post('/v1/rank', handler('rank'));
}

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
