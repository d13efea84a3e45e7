import type { Lang } from '@p135/rules';

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
