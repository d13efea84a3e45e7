import { describe, expect, it } from 'vitest';
import { DEFAULTS, readConfig } from '../src/config.js';

describe('readConfig', () => {
  it('defaults', () => {
    const r = readConfig({});
    expect(r).toEqual({
      ok: true,
      config: {
        port: 8135,
        host: '127.0.0.1',
        packsDir: undefined,
        defaultPack: 'lang-son-2020',
        bodyLimitBytes: 16 * 1024 * 1024,
        maxBatch: 20_000,
        maxJsonDepth: 12,
        requestTimeoutMs: 60_000,
        workers: DEFAULTS.workers,
        inlineMaxBytes: 16 * 1024,
        maxQueue: 32,
        maxAnswerBytes: 256 * 1024 * 1024,
        maxInflightBodyBytes: 256 * 1024 * 1024,
        logLevel: 'info',
      },
    });
    expect(DEFAULTS.workers).toBeGreaterThanOrEqual(1);
  });

  it('reads every variable; an empty one is the default', () => {
    const r = readConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      P135_PACKS_DIR: '/srv/packs',
      P135_DEFAULT_PACK: 'cao-bang-2021',
      P135_BODY_LIMIT_BYTES: '2048',
      P135_MAX_BATCH: '50',
      P135_MAX_JSON_DEPTH: '8',
      P135_REQUEST_TIMEOUT_MS: '5000',
      P135_WORKERS: '0',
      P135_INLINE_MAX_BYTES: '0',
      P135_MAX_QUEUE: '3',
      P135_MAX_ANSWER_BYTES: '100000',
      P135_MAX_INFLIGHT_BODY_BYTES: '300000',
      LOG_LEVEL: '',
    });
    expect(r.ok && r.config).toEqual({
      port: 9000,
      host: '0.0.0.0',
      packsDir: '/srv/packs',
      defaultPack: 'cao-bang-2021',
      bodyLimitBytes: 2048,
      maxBatch: 50,
      maxJsonDepth: 8,
      requestTimeoutMs: 5000,
      workers: 0,
      inlineMaxBytes: 0,
      maxQueue: 3,
      maxAnswerBytes: 100_000,
      maxInflightBodyBytes: 300_000,
      logLevel: 'info',
    });
  });

  it.each([
    ['PORT', '80a'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['P135_MAX_BATCH', '0'],
    ['P135_MAX_BATCH', '1e4'],
    ['P135_MAX_BATCH', '20_000'],
    ['P135_BODY_LIMIT_BYTES', '1.5'],
    ['P135_BODY_LIMIT_BYTES', ' 1024'],
    ['P135_MAX_JSON_DEPTH', '1000'],
    ['P135_REQUEST_TIMEOUT_MS', '10'],
    ['P135_WORKERS', 'many'],
    ['P135_DEFAULT_PACK', '../etc'],
    ['LOG_LEVEL', 'verbose'],
  ])('%s=%s is refused in one line naming it', (name, value) => {
    const r = readConfig({ [name]: value });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).not.toContain('\n');
    expect(r.message).toContain(`${name}=${JSON.stringify(value)}`);
  });
});
