import { decisionCsvWriter, jsonLine } from '@p135/io';
import type { Decision, Lang, Rulebook } from '@p135/rules';
import type { ByteBatch } from './batch.js';

/** The formats `decide` writes a row at a time. */
export const STREAMED_OUTPUTS = ['csv', 'jsonl'] as const;
export type StreamedOutput = (typeof STREAMED_OUTPUTS)[number];

export const isStreamedOutput = (format: string): format is StreamedOutput => (STREAMED_OUTPUTS as readonly string[]).includes(format);

/** Decisions as bytes a row at a time: `start` once, then `row(d, batch)` per person; byte for byte what the whole table gives. */
export interface DecisionEncoder {
  readonly start: string;
  row(decision: Decision, batch: ByteBatch): void;
}

export function decisionEncoder(format: StreamedOutput, book: Rulebook, lang: Lang): DecisionEncoder {
  if (format === 'jsonl') return { start: '', row: (d, batch) => batch.add(jsonLine(d)) };
  const writer = decisionCsvWriter(book, lang);
  // The bytes of a recurring text, by the object it stands for: owned by this encoder (never put on
  // the decision), and weak, so that they go when the object does.
  const bytesOf = new WeakMap<object, Buffer>();
  const shared = (text: string, by: object): Buffer => {
    let bytes = bytesOf.get(by);
    if (bytes === undefined) {
      bytes = Buffer.from(text, 'utf8');
      bytesOf.set(by, bytes);
    }
    return bytes;
  };
  let target: ByteBatch | undefined;
  const piece = (text: string, sharedBy?: object) => (sharedBy ? target?.addBytes(shared(text, sharedBy)) : target?.add(text));
  return {
    start: writer.start,
    row(d, batch) {
      target = batch;
      writer.row(d, piece);
    },
  };
}
