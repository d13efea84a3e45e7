/**
 * Errors as RFC 9457 `application/problem+json`. Each kind of problem has a stable `type`
 * (a link to its section of /docs), a status, and a title in Vietnamese and English; the
 * `errors` array keeps every field's JSON path and both languages. Never a stack or a file path.
 */
import type { Lang, Localized, Problem } from '@p135/rules';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ProblemBody, ProblemError } from './schemas.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export const PROBLEM_KINDS = {
  'invalid-json': { status: 400, title: { vi: 'Nội dung không phải JSON hợp lệ', en: 'The body is not valid JSON' } },
  'unsafe-json': { status: 400, title: { vi: 'JSON bị từ chối vì lý do an toàn', en: 'The JSON was refused for safety' } },
  'invalid-input': { status: 400, title: { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request body is invalid' } },
  'invalid-query': { status: 400, title: { vi: 'Tham số truy vấn không hợp lệ', en: 'A query parameter is invalid' } },
  'missing-body': { status: 400, title: { vi: 'Thiếu nội dung yêu cầu', en: 'The request has no body' } },
  'bad-request': { status: 400, title: { vi: 'Yêu cầu không hợp lệ', en: 'Bad request' } },
  'request-timeout': { status: 408, title: { vi: 'Yêu cầu gửi quá chậm', en: 'The request was too slow to arrive' } },
  'headers-too-large': { status: 431, title: { vi: 'Header của yêu cầu quá lớn', en: 'The request headers are too large' } },
  'missing-host': { status: 400, title: { vi: 'Thiếu header Host', en: 'The Host header is missing' } },
  unauthorized: { status: 401, title: { vi: 'Cần mã truy cập', en: 'A token is needed' } },
  forbidden: { status: 403, title: { vi: 'Không được phép', en: 'Not allowed' } },
  'not-found': { status: 404, title: { vi: 'Không tìm thấy', en: 'Not found' } },
  'unknown-pack': { status: 404, title: { vi: 'Không có bộ quy tắc này', en: 'No such rule pack' } },
  'method-not-allowed': { status: 405, title: { vi: 'Phương thức không được hỗ trợ', en: 'Method not allowed' } },
  'not-acceptable': { status: 406, title: { vi: 'Không có dạng báo cáo theo yêu cầu', en: 'No report in the format asked for' } },
  'body-too-large': { status: 413, title: { vi: 'Nội dung quá lớn', en: 'The body is too large' } },
  'uri-too-long': { status: 414, title: { vi: 'Đường dẫn quá dài', en: 'The URI is too long' } },
  'answer-too-large': { status: 413, title: { vi: 'Câu trả lời sẽ quá lớn', en: 'The answer would be too large' } },
  'too-many-candidates': { status: 413, title: { vi: 'Quá nhiều học viên trong một yêu cầu', en: 'Too many candidates in one request' } },
  'unsupported-media-type': { status: 415, title: { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported media type' } },
  busy: { status: 503, title: { vi: 'Máy chủ đang bận', en: 'The server is busy' } },
  timeout: { status: 503, title: { vi: 'Xử lý quá thời gian cho phép', en: 'The request took too long' } },
  internal: { status: 500, title: { vi: 'Lỗi máy chủ', en: 'Internal server error' } },
} as const satisfies Record<string, { status: number; title: Localized }>;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

/** A response lists at most this many field errors; `errorCount` says how many there were. */
export const MAX_ERRORS_LISTED = 100;

/** A problem before it is put into words for one language. */
export interface ApiProblem {
  readonly kind: ProblemKind;
  /** What happened, in both languages; default: the first error's message, or the title. */
  readonly detail?: Localized;
  readonly errors?: readonly ProblemError[];
}

/** The answer would be larger than the server sends. */
export function answerTooLargeProblem(maxBytes: number): ApiProblem {
  return {
    kind: 'answer-too-large',
    detail: {
      vi: `Câu trả lời sẽ vượt quá ${maxBytes} byte (giới hạn của máy chủ); hãy chia nhỏ yêu cầu, ví dụ kiểm tra từng huyện hoặc gửi ít người hơn`,
      en: `the answer would exceed ${maxBytes} bytes (the server's limit); split the request, e.g. check one district at a time or send fewer people`,
    },
  };
}

/** Too many request bodies are being received at once. */
export function busyBodiesProblem(maxBytes: number): ApiProblem {
  return {
    kind: 'busy',
    detail: {
      vi: `Máy chủ đang nhận quá nhiều dữ liệu cùng lúc (tối đa ${maxBytes} byte cho mọi yêu cầu); hãy thử lại sau ít giây`,
      en: `the server is receiving too much data at once (at most ${maxBytes} bytes over all requests); retry in a few seconds`,
    },
  };
}

/** The time limit ran out. */
export function timeoutProblem(ms: number): ApiProblem {
  return { kind: 'timeout', detail: { vi: `Không xử lý xong trong ${ms} ms; hãy gửi ít dữ liệu hơn hoặc thử lại sau`, en: `not done within ${ms} ms; send less or retry later` } };
}

/** The package's Problems (JSON path + vi/en) as problem+json `errors` of the body. */
export function bodyErrors(problems: readonly Problem[]): ProblemError[] {
  return problems.map((p) => ({ in: 'body', path: p.path, code: p.code, message: { vi: p.message.vi, en: p.message.en } }));
}

/** Longest piece of the request (a key, a value) a problem echoes; longer ones end with "…". */
export const MAX_ECHO_CHARS = 100;
/** Longest text of one message, path or detail in a problem. */
const MAX_TEXT_CHARS = 600;

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A text with every quoted part longer than MAX_ECHO_CHARS cut, and the whole kept short. */
export function clipEcho(text: string): string {
  const clipped = text.replace(/"(?:[^"\\]|\\.){101,}"/g, (quoted) => `"${cut(quoted.slice(1, -1), MAX_ECHO_CHARS)}"`);
  return cut(clipped, MAX_TEXT_CHARS);
}

function clipError(e: ProblemError): ProblemError {
  return { in: e.in, path: clipEcho(e.path), code: e.code, message: { vi: clipEcho(e.message.vi), en: clipEcho(e.message.en) } };
}

export function problemType(kind: ProblemKind): string {
  return `/docs#problem-${kind}`;
}

function summary(p: ApiProblem): Localized {
  if (p.detail) return p.detail;
  const errors = p.errors ?? [];
  const first = errors[0];
  if (!first) return PROBLEM_KINDS[p.kind].title;
  const more = errors.length - 1;
  return {
    vi: `${first.path}: ${first.message.vi}${more > 0 ? ` (và ${more} lỗi khác)` : ''}`,
    en: `${first.path}: ${first.message.en}${more > 0 ? ` (and ${more} more)` : ''}`,
  };
}

export function problemBody(p: ApiProblem, lang: Lang, instance: string, requestId: string): ProblemBody {
  const def = PROBLEM_KINDS[p.kind];
  const body: ProblemBody = {
    type: problemType(p.kind),
    title: def.title[lang],
    status: def.status,
    detail: clipEcho(summary(p)[lang]),
    instance,
    requestId,
  };
  if (p.errors?.length) {
    body.errors = p.errors.slice(0, MAX_ERRORS_LISTED).map(clipError);
    body.errorCount = p.errors.length;
  }
  return body;
}

/** The language asked for with `?lang=`, if it is a valid one; Vietnamese otherwise. */
export function requestLang(request: FastifyRequest): Lang {
  // Read from the URL itself: router errors come before the query string is parsed.
  const url = request.raw.url ?? '';
  const q = url.indexOf('?');
  return q >= 0 && new URLSearchParams(url.slice(q + 1)).getAll('lang').join() === 'en' ? 'en' : 'vi';
}

/** The path part of the request URL, without the query string (which may hold anything). */
export function instanceOf(request: FastifyRequest): string {
  const url = request.url;
  const q = url.indexOf('?');
  return (q < 0 ? url : url.slice(0, q)).slice(0, 300);
}

export function sendProblem(reply: FastifyReply, p: ApiProblem): FastifyReply {
  const { request } = reply;
  const body = problemBody(p, requestLang(request), instanceOf(request), String(request.id));
  if (p.kind === 'busy' || p.kind === 'timeout') reply.header('retry-after', '5');
  // Also set by the onSend hook; router errors (URL too long, bad URL) do not run hooks.
  reply.header('x-request-id', String(request.id)).header('x-content-type-options', 'nosniff').header('cache-control', 'no-store');
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
}
