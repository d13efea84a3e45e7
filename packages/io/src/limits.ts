import { type InputError, inputError, type Place } from './place.js';

/** How much an input may hold before it is refused, so a huge or hostile file fails fast and clearly. */
export interface ReadLimits {
  /** Largest input, in bytes. */
  readonly maxBytes: number;
  /** Most data rows (or JSON items) in a roster. */
  readonly maxRows: number;
  /** Most columns in a row. */
  readonly maxColumns: number;
  /** Longest cell, in characters. */
  readonly maxCellChars: number;
  /** Largest total an XLSX file may unpack to, in bytes (a guard against zip bombs). */
  readonly maxUnpackedBytes: number;
}

export const READ_LIMITS: ReadLimits = {
  maxBytes: 64 * 1024 * 1024,
  maxRows: 200_000,
  maxColumns: 200,
  maxCellChars: 10_000,
  maxUnpackedBytes: 512 * 1024 * 1024,
};

export function withLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  const out = { ...READ_LIMITS };
  for (const key of Object.keys(READ_LIMITS) as (keyof ReadLimits)[]) {
    const v = overrides[key];
    if (v !== undefined) {
      if (!Number.isSafeInteger(v) || v <= 0) throw new RangeError(`limit ${key} must be a whole number > 0`);
      out[key] = v;
    }
  }
  return out;
}

/** 67108864 → "64 MiB", for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} B`;
}

/**
 * Limits of an input read as a stream: no limit on rows or bytes unless one is given, since memory
 * does not grow with them (only the ids seen are kept, about 30 bytes each); the rest as
 * `READ_LIMITS`, which bound a single row.
 */
export function withStreamLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return withLimits({
    ...overrides,
    maxBytes: overrides.maxBytes ?? Number.MAX_SAFE_INTEGER,
    maxRows: overrides.maxRows ?? Number.MAX_SAFE_INTEGER,
  });
}

/** The one refusal of an input larger than its limit (vi, en), at `place`. */
export function tooLargeError(max: number, place: Place = {}): InputError {
  return inputError(place, 'input.too_large', `tệp lớn hơn giới hạn ${formatBytes(max)}`, `the file is larger than the limit of ${formatBytes(max)}`);
}

/**
 * Whether a file of `size` bytes may be read at all, before any of it is: the refusal when it is
 * larger than the limit (so a browser or a server never loads a huge file only to refuse it).
 */
export function checkFileSize(size: number, limits: Partial<ReadLimits> = {}): InputError | undefined {
  const max = limits.maxBytes ?? READ_LIMITS.maxBytes;
  return size > max ? tooLargeError(max) : undefined;
}
