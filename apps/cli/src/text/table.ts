import { displayWidth, padEnd, padStart, truncate, wrap } from './width.js';

export interface TextColumn {
  readonly header: string;
  /** Fixed width; the one column without a width takes what is left and wraps. */
  readonly width?: number;
  readonly align?: 'left' | 'right';
  /** For the flexible column: at most this many lines, the last ending with `…` when cut. */
  readonly maxLines?: number;
}

/** Wraps text, keeping at most `max` lines. */
function wrapAtMost(text: string, width: number, max: number | undefined): string[] {
  const lines = wrap(text, width);
  if (max === undefined || lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = truncate(`${kept[max - 1]} ${lines[max]}`, width);
  if (!kept[max - 1]?.endsWith('…')) kept[max - 1] = truncate(`${kept[max - 1]}…`, width);
  return kept;
}

const GAP = '  ';

/**
 * A table for a terminal of `width` columns: fixed columns are cut with `…`, the flexible one
 * (the last without a width) wraps onto further lines, so no line is wider than `width`.
 */
export function renderTable(columns: readonly TextColumn[], rows: readonly (readonly string[])[], width: number): string[] {
  const fixed = columns.reduce((n, c) => n + (c.width ?? 0), 0) + GAP.length * (columns.length - 1);
  const flexAt = columns.findIndex((c) => c.width === undefined);
  const flexWidth = Math.max(10, width - fixed);
  const widthOf = (k: number) => columns[k]?.width ?? flexWidth;
  const cell = (text: string, k: number) => {
    const w = widthOf(k);
    const t = truncate(text, w);
    return columns[k]?.align === 'right' ? padStart(t, w) : padEnd(t, w);
  };
  const line = (cells: readonly string[]) => cells.join(GAP).trimEnd();
  const out = [line(columns.map((c, k) => cell(c.header, k))), line(columns.map((_, k) => '─'.repeat(widthOf(k))))];
  for (const row of rows) {
    const flexLines = flexAt >= 0 ? wrapAtMost(row[flexAt] ?? '', flexWidth, columns[flexAt]?.maxLines) : [];
    out.push(line(columns.map((_, k) => (k === flexAt ? padEnd(flexLines[0] ?? '', flexWidth) : cell(row[k] ?? '', k)))));
    for (const more of flexLines.slice(1)) out.push(line(columns.map((_, k) => (k === flexAt ? more : ' '.repeat(widthOf(k))))));
  }
  return out;
}

export { displayWidth };
