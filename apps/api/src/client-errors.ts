/**
 * Errors Node's HTTP parser meets before there is a request (headers too large, malformed
 * framing, a request line cut short), and requests no route takes with their method: each as
 * problem+json, like every other error of the server.
 */
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { PROBLEM_CONTENT_TYPE, type ProblemKind, problemBody } from './problems.js';

/** What a parser error code means for the client. */
function clientProblem(code: string | undefined): { status: number; kind: ProblemKind; detail: { vi: string; en: string } } {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      kind: 'headers-too-large',
      detail: { vi: 'Phần đầu (header) của yêu cầu quá lớn; hãy gửi ít header hơn hoặc ngắn hơn', en: 'the request headers are too large; send fewer or shorter headers' },
    };
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, kind: 'request-timeout', detail: { vi: 'Yêu cầu không được gửi xong trong thời gian cho phép', en: 'the request was not received within the time limit' } };
  }
  return {
    status: 400,
    kind: 'bad-request',
    detail: { vi: 'Yêu cầu HTTP sai cấu trúc (dòng đầu, header hoặc cách chia nội dung)', en: 'the HTTP request is malformed (request line, headers or body framing)' },
  };
}

/** Fastify's `clientErrorHandler` (called with the instance as `this`): a problem+json answer on the raw socket, then the socket is closed. */
export function clientErrorHandler(this: { log: FastifyBaseLogger }, err: NodeJS.ErrnoException, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, kind, detail } = clientProblem(err.code);
  const requestId = randomUUID();
  this.log.info({ code: err.code, status, requestId }, 'malformed request refused');
  if (socket.writable) {
    const body = JSON.stringify(problemBody({ kind, detail }, 'vi', '', requestId));
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** The methods each route pattern answers, to tell 405 (with `Allow`) from 404. */
export class RouteMethods {
  private readonly routes: { pattern: RegExp; method: string }[] = [];

  add(url: string, method: string | string[]): void {
    const source = url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    for (const m of Array.isArray(method) ? method : [method]) this.routes.push({ pattern: new RegExp(`^${source}/?$`), method: m.toUpperCase() });
  }

  /** The methods answered at `path` (no query string); empty when none. */
  allowed(path: string): string[] {
    return [...new Set(this.routes.filter((r) => r.pattern.test(path)).map((r) => r.method))].sort();
  }
}
