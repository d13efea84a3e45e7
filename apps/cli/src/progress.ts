import type { Lang } from '@p135/rules';
import { count } from './words.js';

/** Rosters with at least this many people show a progress bar (on a terminal only). */
export const PROGRESS_THRESHOLD = 2000;

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

const NONE: Progress = { update: () => {}, done: () => {} };

/**
 * A progress bar on standard error: `Đang xét  [██████░░░░░░]  52%  8.600/16.600`. Drawn only when
 * the stream is a terminal and the input is large; redrawn in place; erased when done.
 */
export function progressBar(stream: ProgressStream, total: number, lang: Lang): Progress {
  if (!stream.isTTY || total < PROGRESS_THRESHOLD) return NONE;
  const label = lang === 'vi' ? 'Đang xét' : 'Deciding';
  const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
  let last = -1;
  return {
    update(done, all) {
      const pct = Math.floor((done / Math.max(all, 1)) * 100);
      if (pct === last) return;
      last = pct;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\r${label}  [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${done}/${all}`);
    },
    done() {
      if (last >= 0) stream.write('\r\x1b[2K');
    },
  };
}

/** Redraws of a counter are at least this far apart (ms). */
const REDRAW_MS = 200;

export interface StreamProgress {
  /** `rows` read so far (CSV records or lines), `bytes` of the input read so far. */
  update(rows: number, bytes: number): void;
  done(): void;
}

const NO_STREAM: StreamProgress = { update: () => {}, done: () => {} };

const BAR_LABELS = { checking: { vi: 'Đang kiểm tra', en: 'Checking' }, deciding: { vi: 'Đang xét', en: 'Deciding' } } as const;

/**
 * While a file is read whose size is known but not its rows — checked before it is decided, or
 * decided on worker threads: `Đang kiểm tra  [█████░░░░░░░]  45%  7.470 dòng`, by bytes read.
 * On a terminal, from 2,000 rows.
 */
export function byteBar(stream: ProgressStream, totalBytes: number, lang: Lang, what: keyof typeof BAR_LABELS = 'checking'): StreamProgress {
  if (!stream.isTTY) return NO_STREAM;
  const label = BAR_LABELS[what][lang];
  const unit = lang === 'vi' ? 'dòng' : 'rows';
  const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - 40));
  let last = -1;
  return {
    update(rows, bytes) {
      if (rows < PROGRESS_THRESHOLD) return;
      const pct = Math.min(100, Math.floor((bytes / Math.max(totalBytes, 1)) * 100));
      if (pct === last) return;
      last = pct;
      const filled = Math.round((pct / 100) * width);
      stream.write(`\r${label}  [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(pct).padStart(3)}%  ${count(rows, lang)} ${unit}`);
    },
    done() {
      if (last >= 0) stream.write('\r\x1b[2K');
    },
  };
}

/**
 * While a stream of unknown length (standard input) is decided, there is no percentage to give:
 * `Đang xét  12.345 dòng  45.678 dòng/giây`. On a terminal, from 2,000 rows.
 */
export function rateMeter(stream: ProgressStream, lang: Lang, now: () => number = Date.now): StreamProgress {
  if (!stream.isTTY) return NO_STREAM;
  const label = lang === 'vi' ? 'Đang xét' : 'Deciding';
  const [unit, perSecond] = lang === 'vi' ? ['dòng', 'dòng/giây'] : ['rows', 'rows/s'];
  const start = now();
  let drawn = false;
  let lastAt = 0;
  return {
    update(rows) {
      const t = now();
      if (rows < PROGRESS_THRESHOLD || t - lastAt < REDRAW_MS) return;
      lastAt = t;
      drawn = true;
      const rate = Math.round((rows * 1000) / Math.max(t - start, 1));
      stream.write(`\r\x1b[2K${label}  ${count(rows, lang)} ${unit}  ${count(rate, lang)} ${perSecond}`);
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
