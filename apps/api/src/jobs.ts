/**
 * What each POST endpoint does with its body, from raw bytes to JSON text: parse safely, check
 * the envelope, validate with the package's parse functions, then call the package. The same
 * code runs on the main thread (small bodies) and in the worker threads (large ones).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import {
  type Candidate,
  checkPlan,
  decide,
  decideMany,
  jsonPath,
  type Localized,
  MAX_FINDINGS_PER_RULE,
  parseCandidate,
  parseCandidates,
  parseJsonText,
  parsePlan,
  type Problem,
  rankClass,
  type Rulebook,
  whatWouldChangeEach,
} from '@p135/rules';
import { z } from 'zod';
import type { PackRegistry } from './packs.js';
import { type ApiProblem, bodyErrors } from './problems.js';
import { formatPlace, type InputError, readRoster } from '@p135/io';
import { prepareReport, type ReportOutput } from './reports.js';
import { candidateBatchSchema, rankRequestSchema } from './schemas.js';

export type JobKind = 'decisions' | 'plan-check' | 'rank' | 'report-district' | 'report-province';

export interface JobLimits {
  readonly maxBatch: number;
  readonly maxJsonDepth: number;
  readonly bodyLimitBytes: number;
  /** Largest answer, in bytes of JSON. */
  readonly maxAnswerBytes: number;
}

/** Findings a plan check lists per rule (the rest are counted in one summary finding per rule). */
export const FINDINGS_PER_RULE = MAX_FINDINGS_PER_RULE;

/** Subjects a plan check checks between two turns of the event loop (main thread, no workers). */
export const PLAN_CHECK_CHUNK = 200;

/** Thrown by an answer's pieces when the answer would be larger than `maxAnswerBytes`. */
export class AnswerTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the answer would exceed ${maxBytes} bytes`);
    this.name = 'AnswerTooLarge';
  }
}

/** V8's own limit on a string (about 512 MB) is an answer too large too, never a 500. */
export function asAnswerTooLarge(err: unknown, maxBytes: number): AnswerTooLarge | undefined {
  if (err instanceof AnswerTooLarge) return err;
  if (err instanceof RangeError && /Invalid string length|Array buffer allocation failed/.test(err.message)) return new AnswerTooLarge(maxBytes);
  return undefined;
}

export interface JobSpec {
  readonly kind: JobKind;
  readonly packId: string;
  /** The day the pack's dated parameters are read at; the pack's own day when absent. */
  readonly asOf?: string;
  readonly body: Uint8Array;
  /** For the reports: the format and language of the answer (reports.ts). */
  readonly report?: ReportOutput;
  /** `POST /v1/decisions?whatWouldChange=true`: for one person, what would change each "no". */
  readonly whatWouldChange?: boolean;
  /** `POST /v1/decisions` with a roster file as the body (`text/csv`, XLSX), read by @p135/io. */
  readonly roster?: 'csv' | 'xlsx';
}

/** The answer as JSON text (or, for a report as XLSX, bytes), produced piece by piece; it stops between pieces when `signal` aborts. */
export type JsonChunks = (signal?: AbortSignal) => AsyncGenerator<string | Uint8Array, void, undefined>;

export type Prepared = { readonly ok: false; readonly problem: ApiProblem } | { readonly ok: true; readonly chunks: JsonChunks };

/** People decided per piece of a batch answer (about 0.8 MB of JSON each). */
export const DECISION_CHUNK = 100;

const UNSAFE_JSON = new Set(['json.forbidden_key', 'json.too_deep', 'json.too_many_values', 'json.too_large']);

/** Bytes → value, with the package's safe reader: size, depth and `__proto__`/`constructor`/`prototype` keys. */
export function readJsonBody(body: Uint8Array, limits: JobLimits): { value: unknown } | { problem: ApiProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { problem: { kind: 'invalid-json', errors: [{ in: 'body', path: '$', code: 'json.not_utf8', message: { vi: 'Nội dung không phải văn bản UTF-8', en: 'the body is not UTF-8 text' } }] } };
  }
  const parsed = parseJsonText(text, { maxChars: limits.bodyLimitBytes, maxDepth: limits.maxJsonDepth, maxNodes: limits.bodyLimitBytes });
  if (parsed.errors.length) {
    const unsafe = parsed.errors.some((e) => UNSAFE_JSON.has(e.code));
    return { problem: { kind: unsafe ? 'unsafe-json' : 'invalid-json', errors: bodyErrors(parsed.errors) } };
  }
  return { value: parsed.value };
}

const ENVELOPE_TEXT_VI: Record<string, string> = {
  invalid_type: 'sai kiểu dữ liệu',
  unrecognized_keys: 'có trường không được phép',
  too_small: 'cần ít nhất một học viên',
  too_big: 'quá nhiều',
};

/** Envelope issues (the batch wrapper, not a person) as Problems with a JSON path, vi and en. */
function envelopeProblems(error: z.ZodError, max: number): { problems: Problem[]; tooMany: boolean } {
  let tooMany = false;
  const problems = error.issues.map((issue): Problem => {
    const path = jsonPath(issue.path as (string | number)[]);
    if (issue.code === 'too_big' && issue.path[0] === 'candidates' && issue.path.length === 1) {
      tooMany = true;
      return { path, code: 'input.too_many', message: { vi: `Tối đa ${max} học viên mỗi yêu cầu; hãy chia nhỏ danh sách`, en: `at most ${max} candidates per request; split the list` } };
    }
    let en = issue.message;
    if (issue.code === 'unrecognized_keys') en = `unknown field(s): ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; remove them or check their spelling`;
    return { path, code: `schema.${issue.code}`, message: { vi: `${ENVELOPE_TEXT_VI[issue.code] ?? 'giá trị không hợp lệ'}: ${en}`, en } };
  });
  return { problems, tooMany };
}

/** `$[3].birthYear` (a path in the list) → `$.candidates[3].birthYear` (a path in the body). */
function under(prefix: string, problems: readonly Problem[]): Problem[] {
  return problems.map((p) => ({ ...p, path: prefix + p.path.slice(1) }));
}

function invalid(problems: readonly Problem[]): Prepared {
  return { ok: false, problem: { kind: 'invalid-input', errors: bodyErrors(problems) } };
}

function tooMany(max: number, path: string): Prepared {
  const message: Localized = { vi: `Tối đa ${max} học viên mỗi yêu cầu; hãy chia nhỏ danh sách`, en: `at most ${max} candidates per request; split the list` };
  return { ok: false, problem: { kind: 'too-many-candidates', detail: message, errors: [{ in: 'body', path, code: 'input.too_many', message }] } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An answer in one piece, refused (AnswerTooLarge) when it is over `maxBytes`. */
function once(json: (signal?: AbortSignal) => Promise<string>, maxBytes: number): JsonChunks {
  return async function* (signal) {
    let text: string;
    try {
      text = await json(signal);
    } catch (err) {
      throw asAnswerTooLarge(err, maxBytes) ?? err;
    }
    if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) throw new AnswerTooLarge(maxBytes);
    yield text;
  };
}

/** Counts the bytes of a streamed answer; past `maxBytes`, the answer stops (AnswerTooLarge). */
function byteMeter(maxBytes: number): (piece: string) => string {
  let sent = 0;
  return (piece) => {
    sent += Buffer.byteLength(piece, 'utf8');
    if (sent > maxBytes) throw new AnswerTooLarge(maxBytes);
    return piece;
  };
}

function decisionBatch(book: Rulebook, candidates: readonly Candidate[], maxBytes: number, notices?: readonly unknown[]): JsonChunks {
  return async function* (signal) {
    const meter = byteMeter(maxBytes);
    yield meter(`{"pack":${JSON.stringify(book.ref)},"count":${candidates.length},${notices ? `"notices":${JSON.stringify(notices)},` : ''}"decisions":[`);
    for (let i = 0; i < candidates.length; i += DECISION_CHUNK) {
      signal?.throwIfAborted();
      if (i > 0) await nextTurn();
      const part = await decideMany(book, candidates.slice(i, i + DECISION_CHUNK), { chunkSize: 0 });
      yield meter((i > 0 ? ',' : '') + part.map((d) => JSON.stringify(d)).join(','));
    }
    yield meter(']}');
  };
}

/** `POST /v1/decisions`: one candidate, or `{ candidates: [...] }`. */
function decisions(book: Rulebook, value: unknown, limits: JobLimits, spec: JobSpec): Prepared {
  const batch = isObject(value) && Object.hasOwn(value, 'candidates');
  if (spec.whatWouldChange && batch) return oneOnly();
  if (batch) {
    const envelope = candidateBatchSchema(z.unknown(), limits.maxBatch).safeParse(value);
    if (!envelope.success) {
      const { problems, tooMany: over } = envelopeProblems(envelope.error, limits.maxBatch);
      return over ? tooMany(limits.maxBatch, '$.candidates') : invalid(problems);
    }
    const roster = parseCandidates(envelope.data.candidates, book);
    if (!roster.value) return invalid(under('$.candidates', roster.errors));
    return { ok: true, chunks: decisionBatch(book, roster.value, limits.maxAnswerBytes) };
  }
  const one = parseCandidate(value, book);
  if (!one.value) return invalid(one.errors);
  const candidate = one.value;
  if (spec.whatWouldChange) return { ok: true, chunks: once(async () => JSON.stringify(await decisionExplained(book, candidate)), limits.maxAnswerBytes) };
  return { ok: true, chunks: once(async () => JSON.stringify({ pack: book.ref, decision: await decide(book, candidate) }), limits.maxAnswerBytes) };
}

/** One decision, and for each track the person may not enter, what would change that (the package's whatWouldChange). */
async function decisionExplained(book: Rulebook, candidate: Candidate) {
  const decision = await decide(book, candidate);
  return { pack: book.ref, decision, whatWouldChange: await whatWouldChangeEach(book, candidate, { decision }) };
}

function oneOnly(): Prepared {
  return {
    ok: false,
    problem: {
      kind: 'invalid-query',
      errors: [
        {
          in: 'query',
          path: 'whatWouldChange',
          code: 'query.invalid_value',
          message: {
            vi: 'whatWouldChange chỉ dùng cho một người: gửi một học viên, không phải { "candidates": [...] }',
            en: 'whatWouldChange is for one person: send one candidate, not { "candidates": [...] }',
          },
        },
      ],
    },
  };
}

/** `POST /v1/plans/check`: a plan, with the roster it draws on in `candidates`. */
function planCheck(book: Rulebook, value: unknown, limits: JobLimits): Prepared {
  if (isObject(value) && Array.isArray(value.candidates) && value.candidates.length > limits.maxBatch) return tooMany(limits.maxBatch, '$.candidates');
  const plan = parsePlan(value, book);
  if (!plan.value) return invalid(plan.errors);
  const checked = plan.value;
  return {
    ok: true,
    chunks: once(
      async (signal) => JSON.stringify(await checkPlan(book, checked, { chunkSize: PLAN_CHECK_CHUNK, findingsPerRule: FINDINGS_PER_RULE, ...(signal ? { signal } : {}) })),
      limits.maxAnswerBytes,
    ),
  };
}

/** `POST /v1/rank`: `{ track, capacity?, candidates }`. */
function rank(book: Rulebook, value: unknown, limits: JobLimits): Prepared {
  const envelope = rankRequestSchema(z.unknown(), limits.maxBatch).safeParse(value);
  if (!envelope.success) {
    const { problems, tooMany: over } = envelopeProblems(envelope.error, limits.maxBatch);
    return over ? tooMany(limits.maxBatch, '$.candidates') : invalid(problems);
  }
  const { track, capacity, candidates } = envelope.data;
  const problems: Problem[] = [];
  if (!book.track(track)) {
    const known = book.tracks.map((t) => t.code).join(', ');
    problems.push({ path: '$.track', code: 'input.unknown_track', message: { vi: `Loại lớp "${track}" không có; các loại: ${known}`, en: `unknown track "${track}"; accepted: ${known}` } });
  }
  const roster = parseCandidates(candidates, book);
  problems.push(...under('$.candidates', roster.errors));
  if (problems.length || !roster.value) return invalid(problems);
  const people = roster.value;
  return { ok: true, chunks: once(async () => JSON.stringify(await rankClass(book, people, capacity === undefined ? { track } : { track, capacity })), limits.maxAnswerBytes) };
}

const JOBS: Record<JobKind, (book: Rulebook, value: unknown, limits: JobLimits, spec: JobSpec) => Prepared> = {
  decisions: (book, value, limits, spec) => decisions(book, value, limits, spec),
  'plan-check': planCheck,
  rank,
  'report-district': (book, value, limits, spec) => prepareReport(book, value, limits, spec.report ?? { format: 'json', lang: 'vi' }, false),
  'report-province': (book, value, limits, spec) => prepareReport(book, value, limits, spec.report ?? { format: 'json', lang: 'vi' }, true),
};

/** Where a roster problem is, as a person finds it in the file: `row 14, column "Chức vụ"`. */
const placeOf = (e: InputError) => formatPlace({ ...e.place, file: undefined }, 'en') || '$';

/**
 * `POST /v1/decisions` with a roster file (CSV or XLSX) as the body: read by @p135/io's roster
 * reader, as the CLI reads one (its limits: rows up to the batch size, bytes up to the body
 * limit); its notices (a title row skipped, columns left out, another encoding) come with the answer.
 */
async function rosterDecisions(book: Rulebook, spec: JobSpec, limits: JobLimits): Promise<Prepared> {
  const format = spec.roster as 'csv' | 'xlsx';
  const read = await readRoster({ name: `roster.${format}`, bytes: spec.body, format }, book, { limits: { maxRows: limits.maxBatch, maxBytes: limits.bodyLimitBytes } });
  if (read.errors.some((e) => e.code === 'input.too_many_rows')) return tooMany(limits.maxBatch, '$');
  const asProblems = (es: readonly InputError[]): Problem[] => es.map((e) => ({ path: placeOf(e), code: e.code, message: e.message }));
  if (read.errors.length) return invalid(asProblems(read.errors));
  if (read.candidates.length === 0) return invalid([{ path: '$', code: 'input.empty', message: { vi: 'Danh sách không có người nào', en: 'the roster has no one in it' } }]);
  return { ok: true, chunks: decisionBatch(book, read.candidates, limits.maxAnswerBytes, bodyErrors(asProblems(read.warnings))) };
}

/** Reads and validates a request body; on success, returns how to produce the answer. */
export async function prepareJob(packs: PackRegistry, spec: JobSpec, limits: JobLimits): Promise<Prepared> {
  const book = packs.book(spec.packId, spec.asOf);
  if (!book) throw new Error(`pack "${spec.packId}" is not loaded`);
  if (spec.kind === 'decisions' && spec.roster) return spec.whatWouldChange ? oneOnly() : rosterDecisions(book, spec, limits);
  const read = readJsonBody(spec.body, limits);
  if ('problem' in read) return { ok: false, problem: read.problem };
  return JOBS[spec.kind](book, read.value, limits, spec);
}
