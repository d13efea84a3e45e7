/**
 * The built web app (`apps/web/dist`), served by the API when `P135_WEB_DIR` is set, so that the
 * page and the hub share one origin and the page's Content-Security-Policy stays `'self'`.
 *
 * - `GET`/`HEAD` of any path that is not the API's (`/v1/…`, `/healthz`, `/openapi.json`, `/docs`):
 *   the file of that path inside the directory, with the API's security headers (`nosniff`,
 *   `no-store`, the request id) and, for HTML, the page's CSP as a header too.
 * - A path with no file extension that is no file (`/`, `/hub`): `index.html` (the one page of the app).
 * - `/v1/…` is never answered with a file: an unknown API path stays a 404 problem.
 * - Refused (404 problem, nothing read): `..` or `.`-starting segments, backslashes, NUL bytes,
 *   undecodable paths, and any path that goes through a symbolic link (its real path must be the
 *   path itself, inside the directory), so nothing outside the directory is ever sent.
 * When the hub is on, `index.html` carries `<meta name="p135-hub" content="v1/hub/">`: the page then
 * shows its hub view without probing (an offline copy of the app, served elsewhere, has no marker).
 */
import { constants } from 'node:fs';
import { open, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendProblem } from './problems.js';

/** The web page's own Content-Security-Policy (apps/web/vite/csp.ts), sent as a header too, with what a meta tag cannot say. */
export const WEB_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** The marker `index.html` carries when the hub is on (read by the page, apps/web/src/lib/hub-api.ts). */
export const HUB_MARKER = '<meta name="p135-hub" content="v1/hub/">';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The web directory could not be served: one line, Vietnamese then English. */
export class WebDirError extends Error {
  override readonly name = 'WebDirError';
}

/** The path's segments, decoded and checked; undefined when the path is refused. */
export function safeSegments(urlPath: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\\') || decoded.includes('\0')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s.startsWith('.') || s.length > 255)) return undefined;
  return segments;
}

const isApiPath = (path: string): boolean => path === '/v1' || path.startsWith('/v1/');

interface Served {
  readonly root: string;
  readonly index: Buffer;
}

/** The bytes of `file` when it is a regular file reached without any symbolic link inside `root`. */
async function readInside(root: string, file: string): Promise<Buffer | undefined> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return undefined;
  }
  if (real !== file || !real.startsWith(root + sep)) return undefined;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
    if (!(await handle.stat()).isFile()) return undefined;
    return await handle.readFile();
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

function sendFile(reply: FastifyReply, name: string, bytes: Buffer) {
  const type = TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
  reply.type(type);
  if (type.startsWith('text/html')) reply.header('content-security-policy', WEB_CSP).header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  return reply.send(bytes);
}

/** Opens the directory (it must hold `index.html`) and registers `GET /*` for its files. */
export async function webRoutes(app: FastifyInstance, dir: string, options: { hub: boolean }): Promise<void> {
  let root: string;
  try {
    root = await realpath(dir);
    if (!(await stat(root)).isDirectory()) throw new Error('not a directory');
  } catch {
    throw new WebDirError(`P135_WEB_DIR: không đọc được thư mục trang web / cannot read the web app's directory`);
  }
  const indexBytes = await readInside(root, join(root, 'index.html'));
  if (!indexBytes)
    throw new WebDirError(
      'P135_WEB_DIR: thư mục không có index.html; hãy build trang web (pnpm --filter web build) và trỏ tới apps/web/dist / the directory has no index.html; build the web app (pnpm --filter web build) and point to apps/web/dist',
    );
  const html = indexBytes.toString('utf8');
  const served: Served = { root, index: Buffer.from(options.hub ? html.replace(/<head>/i, `<head>${HUB_MARKER}`) : html, 'utf8') };

  app.get('/*', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = (request.raw.url ?? '/').split('?')[0] ?? '/';
    if (isApiPath(path)) return sendProblem(reply, { kind: 'not-found' });
    const segments = safeSegments(path);
    if (!segments) return sendProblem(reply, { kind: 'not-found' });
    if (segments.length === 0 || (segments.length === 1 && segments[0] === 'index.html')) return sendFile(reply, 'index.html', served.index);
    const bytes = await readInside(served.root, join(served.root, ...segments));
    if (bytes) return sendFile(reply, segments[segments.length - 1] as string, bytes);
    // A page of the app (no extension): the app itself; a missing file: 404.
    if (!(segments[segments.length - 1] as string).includes('.')) return sendFile(reply, 'index.html', served.index);
    return sendProblem(reply, { kind: 'not-found' });
  });
}
