import { csvRows, decisionColumns, decisionRow, jsonLine } from '@p135/io';
import type { Decision, Lang, Rulebook } from '@p135/rules';

/** The formats `decide` writes a row at a time. */
export const STREAMED_OUTPUTS = ['csv', 'jsonl'] as const;
export type StreamedOutput = (typeof STREAMED_OUTPUTS)[number];

export const isStreamedOutput = (format: string): format is StreamedOutput => (STREAMED_OUTPUTS as readonly string[]).includes(format);

/** Decisions as text a row at a time: `start` once, then `row(d)` per person; byte for byte what the whole table gives. */
export interface DecisionEncoder {
  readonly start: string;
  row(decision: Decision): string;
}

export function decisionEncoder(format: StreamedOutput, book: Rulebook, lang: Lang): DecisionEncoder {
  if (format === 'jsonl') return { start: '', row: jsonLine };
  const rows = csvRows(decisionColumns(book, lang));
  return { start: rows.start, row: (d) => rows.row(decisionRow(d, book, lang)) };
}
