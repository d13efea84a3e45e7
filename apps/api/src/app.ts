/**
 * `createServer(options)`: the Fastify instance, routes registered, not listening.
 * Packs are loaded (and their rulebooks built) here, once; worker threads start on `ready()`
 * and stop on `close()`.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { BodyBudget, BodyRefused, registerBodyReader } from './body.js';
import { clientErrorHandler, RouteMethods } from './client-errors.js';
import { DEFAULTS } from './config.js';
import { Evaluator } from './evaluator.js';
import { FINDINGS_PER_RULE, type JobLimits } from './jobs.js';
import { buildOpenApi } from './openapi.js';
import { loadPacks, type PackRegistry, registryOf } from './packs.js';
import { WorkerPool } from './pool.js';
import { type ApiProblem, instanceOf, sendProblem, timeoutProblem } from './problems.js';
import type { Hub } from './hub/hub.js';
import { type HubSettings, openHub } from './hub/register.js';
import { evaluateRoutes } from './routes/evaluate.js';
import { packRoutes } from './routes/packs.js';
import { reportRoutes } from './routes/reports.js';
import { serviceRoutes } from './routes/service.js';
import { webRoutes } from './web.js';

export interface ServerOptions {
  /** A directory of `*.json` packs served beside the bundled ones. */
  readonly packsDir?: string;
  /** The pack used when a request does not name one. Default `lang-son-2020`. */
  readonly defaultPack?: string;
  readonly bodyLimitBytes?: number;
  readonly maxBatch?: number;
  readonly maxJsonDepth?: number;
  readonly requestTimeoutMs?: number;
  /** Worker threads for large bodies; 0: evaluate everything on the main thread, in pieces. */
  readonly workers?: number;
  /** Bodies up to this size are evaluated on the main thread. */
  readonly inlineMaxBytes?: number;
  /** Large jobs that may wait for a worker; more are answered 503. */
  readonly maxQueue?: number;
  /** Largest answer in bytes: a plan check or ranking over it is refused (413), a batch streamed past it is cut. */
  readonly maxAnswerBytes?: number;
  /** Request body bytes held at once over every connection; more: 503 with Retry-After. */
  readonly maxInflightBodyBytes?: number;
  /** Fastify/pino logger options; default: no logs. */
  readonly logger?: FastifyServerOptions['logger'];
  /** The province hub (hub/): on when given (a data directory or a database URL, a plan and a roster). */
  readonly hub?: HubSettings;
  /** The built web app's directory (apps/web/dist), served on the same origin (web.ts); none by default. */
  readonly webDir?: string;
}

export interface P135Server extends FastifyInstance {
  readonly p135: {
    readonly packs: PackRegistry;
    readonly openapi: Record<string, unknown>;
    readonly limits: ServerLimits;
    readonly evaluator: Evaluator;
    readonly pool: WorkerPool | undefined;
    readonly bodies: BodyBudget;
    readonly hub: Hub | undefined;
  };
}

/** Every limit the server enforces; the OpenAPI document is written from the same values. */
export interface ServerLimits extends JobLimits {
  readonly maxInflightBodyBytes: number;
  readonly requestTimeoutMs: number;
  readonly findingsPerRule: number;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's own errors (body too large, unsupported media type, timeout…) as problems. */
function frameworkProblem(err: FastifyError, limits: JobLimits, timeoutMs: number): { problem: ApiProblem; expected: boolean } {
  if (err instanceof BodyRefused) return { problem: err.problem, expected: true };
  const byCode: Record<string, ApiProblem> = {
    FST_ERR_CTP_BODY_TOO_LARGE: {
      kind: 'body-too-large',
      detail: { vi: `Nội dung tối đa ${limits.bodyLimitBytes} byte; hãy chia nhỏ`, en: `the body may have at most ${limits.bodyLimitBytes} bytes; split it` },
    },
    FST_ERR_CTP_INVALID_MEDIA_TYPE: {
      kind: 'unsupported-media-type',
      detail: { vi: 'Chỉ nhận nội dung JSON: Content-Type: application/json', en: 'only JSON bodies are accepted: Content-Type: application/json' },
    },
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: { kind: 'bad-request', detail: { vi: 'Content-Length không khớp với nội dung', en: 'Content-Length does not match the body' } },
    FST_ERR_CTP_EMPTY_JSON_BODY: { kind: 'missing-body' },
    FST_ERR_HANDLER_TIMEOUT: timeoutProblem(timeoutMs),
  };
  const known = err.code ? byCode[err.code] : undefined;
  if (known) return { problem: known, expected: true };
  const status = err.statusCode ?? 500;
  if (status === 404) return { problem: { kind: 'not-found' }, expected: true };
  if (status === 405) return { problem: { kind: 'method-not-allowed' }, expected: true };
  if (status === 413) return { problem: { kind: 'body-too-large' }, expected: true };
  if (status === 415) return { problem: { kind: 'unsupported-media-type' }, expected: true };
  if (status >= 400 && status < 500) return { problem: { kind: 'bad-request' }, expected: true };
  return { problem: { kind: 'internal' }, expected: false };
}

export async function createServer(options: ServerOptions = {}): Promise<P135Server> {
  const requestTimeoutMs = options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs;
  const limits: ServerLimits = {
    maxBatch: options.maxBatch ?? DEFAULTS.maxBatch,
    maxJsonDepth: options.maxJsonDepth ?? DEFAULTS.maxJsonDepth,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULTS.bodyLimitBytes,
    maxAnswerBytes: options.maxAnswerBytes ?? DEFAULTS.maxAnswerBytes,
    maxInflightBodyBytes: options.maxInflightBodyBytes ?? DEFAULTS.maxInflightBodyBytes,
    requestTimeoutMs,
    findingsPerRule: FINDINGS_PER_RULE,
  };
  const jobLimits: JobLimits = { maxBatch: limits.maxBatch, maxJsonDepth: limits.maxJsonDepth, bodyLimitBytes: limits.bodyLimitBytes, maxAnswerBytes: limits.maxAnswerBytes };
  const workers = options.workers ?? DEFAULTS.workers;

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: limits.bodyLimitBytes,
    // Receiving a request within the time limit (Node's check, every few seconds), and
    // answering it: Fastify's handler timeout for GETs; the POST routes keep their own
    // deadline (routes/evaluate.ts), as Fastify's stops once a body has been read on Node 20.
    requestTimeout: requestTimeoutMs,
    handlerTimeout: requestTimeoutMs,
    // Start-up waits for the evaluator workers, each building every pack's rulebook: on a busy
    // 2-core machine that has taken longer than Fastify's default 10 s, and a server should start
    // late rather than not at all (a worker that cannot start still fails start-up at once).
    pluginTimeout: 120_000,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    routerOptions: { maxParamLength: 100 },
    // A request without Host is answered by the onRequest hook below, as problem+json (Node's
    // own answer is an empty 400).
    http: { requireHostHeader: false },
    // Headers too large, malformed framing: problem+json on the socket.
    clientErrorHandler,
    // Errors the router meets before any route: a malformed URL, a path parameter too long.
    frameworkErrors: (err, _request, reply) => {
      const kind = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'uri-too-long' : 'bad-request';
      return sendProblem(reply, { kind });
    },
  });

  const loaded = await loadPacks(options.packsDir);
  for (const s of loaded.skipped) {
    app.log.error({ file: s.file, problems: s.errors.slice(0, 20).map((e) => `${e.path}: ${e.message.en}`), count: s.errors.length }, 'invalid pack skipped');
  }
  for (const id of loaded.replaced) app.log.warn({ pack: id }, 'a pack of the packs directory replaces the bundled pack with the same id');
  const packs = registryOf(loaded.packs, options.defaultPack ?? DEFAULTS.defaultPack, loaded.skipped);
  app.log.info({ packs: packs.ids.map((id) => `${id}@${packs.get(id)?.pack.version}`), default: packs.defaultId }, 'packs loaded');

  const pool =
    workers > 0
      ? new WorkerPool({
          size: workers,
          maxQueue: options.maxQueue ?? DEFAULTS.maxQueue,
          init: { packs: loaded.packs, defaultId: packs.defaultId, limits: jobLimits },
          hashes: Object.fromEntries(packs.ids.map((id) => [id, packs.get(id)?.book.ref.hash ?? ''])),
          log: app.log,
        })
      : undefined;
  if (pool) {
    app.addHook('onReady', async () => pool.start());
    app.addHook('onClose', async () => pool.close());
  }
  const evaluator = new Evaluator({ packs, limits: jobLimits, pool, inlineMaxBytes: options.inlineMaxBytes ?? DEFAULTS.inlineMaxBytes });
  const openapi = buildOpenApi(limits, { hub: options.hub !== undefined });

  app.addHook('onRequest', async (request, reply) => {
    if (!request.headers.host && request.raw.httpVersion === '1.1') {
      reply.header('connection', 'close');
      return sendProblem(reply, { kind: 'missing-host', detail: { vi: 'Yêu cầu HTTP/1.1 phải có header Host', en: 'an HTTP/1.1 request must have a Host header' } });
    }
  });

  // Bodies are read as bytes, each within the body limit and all together within the
  // in-flight limit; the thread that evaluates them parses them with the package's safe
  // reader (size, depth, `__proto__`/`constructor`/`prototype` keys). JSON only.
  const bodies = new BodyBudget(limits.maxInflightBodyBytes);
  registerBodyReader(app, bodies, limits.bodyLimitBytes);

  const methods = new RouteMethods();
  app.addHook('onRoute', (route) => methods.add(route.url, route.method));

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('cache-control', 'no-store');
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const { problem, expected } = frameworkProblem(err, limits, requestTimeoutMs);
    if (expected) request.log.info({ code: err.code, status: err.statusCode }, 'request refused');
    else request.log.error({ err }, 'unexpected error');
    if (reply.sent || reply.raw.headersSent) return;
    // A body refused half-way is not read further: the connection closes after the answer.
    if (err instanceof BodyRefused) reply.header('connection', 'close');
    return sendProblem(reply, problem);
  });
  // On close, connections whose answer finishes are closed too, not kept alive (72 s) for
  // requests that will not come.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onResponse', async (request) => {
    if (closing) request.raw.socket?.end();
  });

  app.setNotFoundHandler((request, reply) => {
    const allowed = methods.allowed(instanceOf(request));
    if (allowed.length === 0) return sendProblem(reply, { kind: 'not-found' });
    reply.header('allow', allowed.join(', '));
    return sendProblem(reply, {
      kind: 'method-not-allowed',
      detail: { vi: `Đường dẫn này chỉ nhận ${allowed.join(', ')}`, en: `this path accepts ${allowed.join(', ')} only` },
    });
  });

  packRoutes(app, packs);
  evaluateRoutes(app, packs, evaluator, requestTimeoutMs, bodies, limits.bodyLimitBytes);
  reportRoutes(app, packs, evaluator, requestTimeoutMs);
  serviceRoutes(app, packs, openapi);
  const hub = options.hub ? await openHub(app, options.hub, packs, bodies, limits.bodyLimitBytes) : undefined;
  if (options.webDir) await webRoutes(app, options.webDir, { hub: hub !== undefined });

  app.decorate('p135', { packs, openapi, limits, evaluator, pool, bodies, hub });
  return app as unknown as P135Server;
}
