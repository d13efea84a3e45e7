/**
 * Request bodies, read as bytes under two limits: each body's size (413), and the bytes held
 * at once over every connection (503 with Retry-After), so that many clients each sending a
 * large body cannot together take the server's memory. A body's bytes are counted from its
 * first byte until its answer is finished (or its connection closed).
 */
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type ApiProblem, busyBodiesProblem } from './problems.js';

/** An error a body parser gives Fastify; the error handler sends its problem. */
export class BodyRefused extends Error {
  constructor(
    readonly problem: ApiProblem,
    readonly statusCode: number,
  ) {
    super(problem.kind);
    this.name = 'BodyRefused';
  }
}

/** The bytes of request bodies held at once, over every connection of one server. */
export class BodyBudget {
  private held = 0;
  private readonly byRequest = new WeakMap<IncomingMessage, number>();

  constructor(readonly maxBytes: number) {}

  /** Bytes held now. */
  get inFlight(): number {
    return this.held;
  }

  /** Takes `n` more bytes for `req`; false (nothing taken) when that would go over the limit. */
  take(req: IncomingMessage, n: number): boolean {
    if (this.held + n > this.maxBytes) return false;
    this.held += n;
    this.byRequest.set(req, (this.byRequest.get(req) ?? 0) + n);
    return true;
  }

  /** Gives back every byte `req` holds. */
  release(req: IncomingMessage): void {
    const n = this.byRequest.get(req);
    if (!n) return;
    this.byRequest.delete(req);
    this.held -= n;
  }
}

function tooLarge(limit: number): BodyRefused {
  return new BodyRefused({ kind: 'body-too-large', detail: { vi: `Nội dung tối đa ${limit} byte; hãy chia nhỏ`, en: `the body may have at most ${limit} bytes; split it` } }, 413);
}

/**
 * Registers the JSON body reader: bytes, at most `bodyLimit` each, within `budget` over all
 * requests. The bytes are given back when the answer is finished or the connection closes.
 */
export function registerBodyReader(app: FastifyInstance, budget: BodyBudget, bodyLimit: number): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.raw.once('close', () => budget.release(request.raw));
  });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', bytesBodyParser(budget, bodyLimit));
}

/**
 * A content-type parser that reads a body as bytes (a Buffer), at most `bodyLimit`, within
 * `budget` over all requests. Used for JSON here, and for the hub's workbooks (hub/routes.ts).
 */
export function bytesBodyParser(budget: BodyBudget, bodyLimit: number) {
  return (request: FastifyRequest, payload: IncomingMessage, done: (err: Error | null, body?: unknown) => void) => {
    const raw = request.raw;
    const declared = Number(raw.headers['content-length']);
    const refuse = (err: BodyRefused) => {
      payload.removeAllListeners('data');
      payload.pause();
      budget.release(raw);
      done(err);
    };
    if (Number.isFinite(declared) && declared > bodyLimit) return refuse(tooLarge(bodyLimit));
    // A declared length is taken at once, so that a slow sender is counted from its first byte.
    if (Number.isFinite(declared) && declared > 0 && !budget.take(raw, declared)) return refuse(new BodyRefused(busyBodiesProblem(budget.maxBytes), 503));
    const counted = Number.isFinite(declared) && declared > 0;
    const chunks: Buffer[] = [];
    let received = 0;
    let finished = false;
    payload.on('data', (chunk: Buffer) => {
      if (finished) return;
      received += chunk.length;
      if (received > bodyLimit) {
        finished = true;
        return refuse(tooLarge(bodyLimit));
      }
      if (!counted && !budget.take(raw, chunk.length)) {
        finished = true;
        return refuse(new BodyRefused(busyBodiesProblem(budget.maxBytes), 503));
      }
      chunks.push(chunk);
    });
    payload.once('end', () => {
      if (finished) return;
      finished = true;
      if (counted && received !== declared) {
        return done(new BodyRefused({ kind: 'bad-request', detail: { vi: 'Content-Length không khớp với nội dung', en: 'Content-Length does not match the body' } }, 400));
      }
      done(null, Buffer.concat(chunks, received));
    });
    payload.once('error', (err) => {
      if (finished) return;
      finished = true;
      budget.release(raw);
      done(err);
    });
  };
}
