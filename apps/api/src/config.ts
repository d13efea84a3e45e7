/**
 * Start-up settings from the environment, validated by one zod schema. A bad value stops the
 * server with one line naming the variable, the value and what is accepted.
 */
import { availableParallelism } from 'node:os';
import { DEFAULT_PACK_ID, PackIdSchema } from '@p135/rules';
import { z } from 'zod';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Defaults, also used by `createServer` when an option is not given. */
export const DEFAULTS = {
  port: 8135,
  host: '127.0.0.1',
  bodyLimitBytes: 16 * 1024 * 1024,
  maxBatch: 20_000,
  maxJsonDepth: 12,
  requestTimeoutMs: 60_000,
  inlineMaxBytes: 16 * 1024,
  maxQueue: 32,
  /** Largest answer: a plan check or ranking over it is refused (413); a batch streamed past it is cut. */
  maxAnswerBytes: 256 * 1024 * 1024,
  /** Request body bytes held at once, over every connection; past it: 503 with Retry-After. */
  maxInflightBodyBytes: 256 * 1024 * 1024,
  defaultPack: DEFAULT_PACK_ID,
  logLevel: 'info' as (typeof LOG_LEVELS)[number],
  /** One worker per spare core (at least one), at most four. */
  workers: Math.max(1, Math.min(4, availableParallelism() - 1)),
} as const;

/** A whole number written with digits only (no sign, exponent, separators or spaces). */
function wholeNumber(min: number, max: number, fallback: number) {
  return z
    .string()
    .regex(/^[0-9]{1,10}$/, { message: `expected a whole number from ${min} to ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { message: `expected a whole number from ${min} to ${max}` })
        .max(max, { message: `expected a whole number from ${min} to ${max}` }),
    )
    .optional()
    .transform((v) => v ?? fallback);
}

export const EnvSchema = z.object({
  PORT: wholeNumber(0, 65_535, DEFAULTS.port),
  HOST: z
    .string()
    .min(1)
    .max(255)
    .optional()
    .transform((v) => v ?? DEFAULTS.host),
  P135_PACKS_DIR: z.string().min(1).max(4096).optional(),
  P135_WEB_DIR: z.string().min(1).max(4096).optional(),
  P135_DEFAULT_PACK: PackIdSchema.optional().transform((v) => v ?? DEFAULTS.defaultPack),
  P135_BODY_LIMIT_BYTES: wholeNumber(1024, 1024 * 1024 * 1024, DEFAULTS.bodyLimitBytes),
  P135_MAX_BATCH: wholeNumber(1, 200_000, DEFAULTS.maxBatch),
  P135_MAX_JSON_DEPTH: wholeNumber(4, 64, DEFAULTS.maxJsonDepth),
  P135_REQUEST_TIMEOUT_MS: wholeNumber(1_000, 3_600_000, DEFAULTS.requestTimeoutMs),
  P135_WORKERS: wholeNumber(0, 64, DEFAULTS.workers),
  P135_INLINE_MAX_BYTES: wholeNumber(0, 1024 * 1024, DEFAULTS.inlineMaxBytes),
  P135_MAX_QUEUE: wholeNumber(0, 10_000, DEFAULTS.maxQueue),
  P135_MAX_ANSWER_BYTES: wholeNumber(1024, 1024 * 1024 * 1024, DEFAULTS.maxAnswerBytes),
  P135_MAX_INFLIGHT_BODY_BYTES: wholeNumber(1024, 4 * 1024 * 1024 * 1024, DEFAULTS.maxInflightBodyBytes),
  LOG_LEVEL: z
    .enum(LOG_LEVELS, { message: `expected one of ${LOG_LEVELS.join(', ')}` })
    .optional()
    .transform((v) => v ?? DEFAULTS.logLevel),
});

export interface ServerConfig {
  port: number;
  host: string;
  packsDir: string | undefined;
  /** The built web app (apps/web/dist) to serve on the same origin; none by default. */
  webDir: string | undefined;
  defaultPack: string;
  bodyLimitBytes: number;
  maxBatch: number;
  maxJsonDepth: number;
  requestTimeoutMs: number;
  workers: number;
  inlineMaxBytes: number;
  maxQueue: number;
  maxAnswerBytes: number;
  maxInflightBodyBytes: number;
  logLevel: (typeof LOG_LEVELS)[number];
}

export type ConfigResult = { ok: true; config: ServerConfig } | { ok: false; message: string };

/** Reads the settings from `env`; on a bad value, one line that says which and why. */
export function readConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const known = Object.fromEntries(Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const r = EnvSchema.safeParse(known);
  if (!r.success) {
    const parts = r.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? '?');
      return `${name}=${JSON.stringify(String(env[name] ?? '').slice(0, 80))}: ${issue.message}`;
    });
    return { ok: false, message: `Cấu hình sai / invalid configuration: ${parts.join('; ')}` };
  }
  const e = r.data;
  return {
    ok: true,
    config: {
      port: e.PORT,
      host: e.HOST,
      packsDir: e.P135_PACKS_DIR,
      webDir: e.P135_WEB_DIR,
      defaultPack: e.P135_DEFAULT_PACK,
      bodyLimitBytes: e.P135_BODY_LIMIT_BYTES,
      maxBatch: e.P135_MAX_BATCH,
      maxJsonDepth: e.P135_MAX_JSON_DEPTH,
      requestTimeoutMs: e.P135_REQUEST_TIMEOUT_MS,
      workers: e.P135_WORKERS,
      inlineMaxBytes: e.P135_INLINE_MAX_BYTES,
      maxQueue: e.P135_MAX_QUEUE,
      maxAnswerBytes: e.P135_MAX_ANSWER_BYTES,
      maxInflightBodyBytes: e.P135_MAX_INFLIGHT_BODY_BYTES,
      logLevel: e.LOG_LEVEL,
    },
  };
}
