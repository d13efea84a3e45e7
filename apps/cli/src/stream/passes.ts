import type { InputError, ReadRosterOptions, StreamedFormat } from '@p135/io';
import { type RosterInput, streamRosterInput } from '@p135/io/node';
import { decideSync, type Rulebook } from '@p135/rules';
import type { DecisionTally } from '../tally.js';
import { ByteBatch } from './batch.js';
import type { DecisionEncoder } from './encode.js';
import { type Sink, writeTo } from './sink.js';

/** A roster input read as a stream (CSV or JSON Lines). */
export type StreamedInput = RosterInput & { readonly format: StreamedFormat };

export interface PassResult {
  /** Valid people read (before the first error). */
  readonly people: number;
  /** Every problem, each placed in the file (at most `maxErrors`, then one line saying so). */
  readonly errors: InputError[];
  /** How the input was read (header below title rows, columns left out, the list's end, its encoding). */
  readonly warnings: InputError[];
}

/** After each piece of input: people done, rows and bytes read so far. */
export type OnPiece = (people: number, rows: number, bytes: number) => void;

/** Reads the whole input and validates every row, deciding nothing: its problems, and how many people it holds. */
export async function checkPass(input: StreamedInput, book: Rulebook, options: ReadRosterOptions, onPiece: OnPiece): Promise<PassResult> {
  let people = 0;
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  for await (const piece of streamRosterInput(input, book, options)) {
    people += piece.candidates.length;
    errors.push(...piece.errors);
    warnings.push(...piece.warnings);
    onPiece(people, piece.rows, piece.bytes);
  }
  return { people, errors, warnings };
}

export interface DecideOutput {
  readonly sink: Sink;
  readonly encoder: DecisionEncoder;
  readonly tally: DecisionTally;
}

/**
 * Reads the input and decides each person as their row comes (`decideSync`), encoding each result
 * into byte batches written at once (at the latest when the piece of input is done), and waiting
 * whenever the output is full (backpressure). The first row with an
 * error ends the output there: nothing after it is written, but the rest is still read to list
 * the problems. The CSV header is written with the first person (or at the end, for none).
 */
export async function decidePass(input: StreamedInput, book: Rulebook, options: ReadRosterOptions, out: DecideOutput, onPiece: OnPiece): Promise<PassResult> {
  const { sink, encoder, tally } = out;
  const batch = new ByteBatch();
  let people = 0;
  let started = false;
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  for await (const piece of streamRosterInput(input, book, options)) {
    errors.push(...piece.errors);
    warnings.push(...piece.warnings);
    if (piece.candidates.length && !started) {
      started = true;
      batch.add(encoder.start);
    }
    for (const candidate of piece.candidates) {
      const decision = decideSync(book, candidate);
      tally.add(decision);
      encoder.row(decision, batch);
      if (batch.full) await writeTo(sink, batch.take());
    }
    people += piece.candidates.length;
    await writeTo(sink, batch.take());
    onPiece(people, piece.rows, piece.bytes);
  }
  if (!started && !errors.length) {
    batch.add(encoder.start);
    await writeTo(sink, batch.take());
  }
  return { people, errors, warnings };
}
