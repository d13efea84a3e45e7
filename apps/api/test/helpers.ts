/**
 * Test helpers: a server listening on 127.0.0.1 that tests call both over real HTTP and
 * through Fastify's injection, the example data, and a check of every response against the
 * OpenAPI document the server publishes (ajv, JSON Schema 2020-12).
 */
import { Writable } from 'node:stream';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { expect } from 'vitest';
import { createServer, type P135Server, type ServerOptions } from '../src/app.js';

export { EXAMPLES, exampleCandidates, examplePlan, manyCandidates } from './data.js';

/** Parsed JSON in tests: shapes are checked by the assertions and by the OpenAPI document. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON responses, asserted field by field
export type Json = any;

export interface Res {
  status: number;
  headers: Record<string, string>;
  text: string;
  json: () => Json;
}

export interface Req {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or bytes as they are. */
  body?: unknown;
}

export type Transport = 'inject' | 'http';
export const TRANSPORTS: Transport[] = ['inject', 'http'];

export interface TestServer {
  app: P135Server;
  base: string;
  call(t: Transport, req: Req): Promise<Res>;
  close(): Promise<void>;
  logs: string[];
}

function encode(req: Req): { headers: Record<string, string>; payload: string | Buffer | undefined } {
  const headers = { ...(req.headers ?? {}) };
  if (req.body === undefined) return { headers, payload: undefined };
  if (typeof req.body === 'string') return { headers: { 'content-type': 'application/json', ...headers }, payload: req.body };
  if (req.body instanceof Uint8Array) return { headers, payload: Buffer.from(req.body) };
  return { headers: { 'content-type': 'application/json', ...headers }, payload: JSON.stringify(req.body) };
}

/** Starts a server on 127.0.0.1 (a free port); logs are kept in `logs`, one JSON line each. */
export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  const app = await createServer({ workers: 1, logger: { level: 'info', stream }, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const base = `http://127.0.0.1:${address.port}`;
  return {
    app,
    base,
    logs,
    async call(t, req) {
      const { headers, payload } = encode(req);
      if (t === 'inject') {
        const r = await app.inject({ method: req.method, url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
        return { status: r.statusCode, headers: r.headers as Record<string, string>, text: r.body, json: () => JSON.parse(r.body) };
      }
      const r = await fetch(base + req.url, { method: req.method, headers, ...(payload === undefined ? {} : { body: payload }) });
      const text = await r.text();
      return { status: r.status, headers: Object.fromEntries(r.headers), text, json: () => JSON.parse(text) };
    },
    close: () => app.close(),
  };
}

// ---------- responses against the OpenAPI document ----------

const DOC_ID = 'https://p135.test/openapi.json';
const ajvByDoc = new WeakMap<object, InstanceType<typeof Ajv2020>>();

function ajvFor(doc: Record<string, unknown>): InstanceType<typeof Ajv2020> {
  let ajv = ajvByDoc.get(doc);
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    ajv.addSchema({ ...doc, $id: DOC_ID });
    ajvByDoc.set(doc, ajv);
  }
  return ajv;
}

const pointer = (parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/**
 * Checks that the document declares this status and content type for the operation, and that
 * the body matches the declared schema. `path` is the document's path template.
 */
export function expectMatchesDoc(doc: Record<string, Json>, method: string, path: string, res: Res): void {
  const op = doc.paths?.[path]?.[method.toLowerCase()];
  expect(op, `${method} ${path} is in the document`).toBeTruthy();
  const declared = op.responses[String(res.status)];
  expect(declared, `${method} ${path} declares status ${res.status}`).toBeTruthy();
  const type = (res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '';
  expect(Object.keys(declared.content ?? {}), `${method} ${path} ${res.status} declares ${type}`).toContain(type);
  if (type.endsWith('json')) {
    const ref = `${DOC_ID}#/${pointer(['paths', path, method.toLowerCase(), 'responses', String(res.status), 'content', type, 'schema'])}`;
    const validate = ajvFor(doc).getSchema(ref);
    expect(validate, `schema for ${ref}`).toBeTruthy();
    const ok = validate?.(res.json());
    expect(ok ? [] : validate?.errors?.slice(0, 5), `${method} ${path} ${res.status} body matches the document`).toEqual([]);
  }
}

/** Validates a value against one named component schema of the document. */
export function validateComponent(doc: Record<string, Json>, name: string, value: unknown): unknown[] {
  const validate = ajvFor(doc).getSchema(`${DOC_ID}#/components/schemas/${name}`);
  if (!validate) throw new Error(`no component ${name}`);
  return validate(value) ? [] : (validate.errors ?? []);
}

/** A problem+json response: status, media type, fields, and no stack trace or file path. */
export function expectProblem(res: Res, status: number, kind: string): Json {
  expect(res.status, res.text.slice(0, 500)).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.type).toBe(`/docs#problem-${kind}`);
  expect(body.status).toBe(status);
  expect(typeof body.title).toBe('string');
  expect(typeof body.detail).toBe('string');
  expect(body.requestId).toBe(res.headers['x-request-id']);
  expectNoLeaks(res.text);
  return body;
}

/** No stack frames, no file paths, no source file names in a response. */
export function expectNoLeaks(text: string): void {
  expect(text).not.toMatch(/\bat [\w.<>]+ \(|node:internal|\/work\/|file:\/\/|\.ts:\d+|\.js:\d+|node_modules/);
}
