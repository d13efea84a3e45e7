import type { Candidate, Rulebook } from '@p135/rules';
import { type CsvBatch, type CsvLimits, CsvParser } from '../csv-parser.js';
import type { InputError } from '../place.js';
import { RosterTableReader } from './from-table.js';

/** A CSV file's header row and its delimiter, to read a later piece of the same file. */
export interface CsvHeader {
  readonly cells: readonly string[];
  readonly delimiter: ',' | ';' | '\t';
}

export interface CsvRosterOptions {
  readonly limits: CsvLimits;
  /** Stop after this many errors (default 1000). */
  readonly maxErrors?: number;
  /** Check that no id repeats (default true): off only where the caller checks ids itself, across pieces of a file. */
  readonly checkIds?: boolean;
  /** A piece from the middle of a file: its header (read from the file's start), so that the text begins with a record. */
  readonly header?: CsvHeader;
}

/**
 * CSV text → people and errors: the one way a CSV roster is read as it comes, whole or in pieces
 * (`streamRoster`, and the CLI's worker threads, each on a piece of a file). Text goes in a piece
 * at a time (`push`, then `end`); the people of the rows completed come out in order, up to the
 * first row with an error; after it, rows are still read for their errors (up to `maxErrors`)
 * unless the text cannot be read further (`done`).
 */
export class CsvRosterReader {
  readonly #parser: CsvParser;
  readonly #table: RosterTableReader;
  #fatal: InputError | undefined;
  #rows = 0;

  constructor(book: Rulebook, options: CsvRosterOptions) {
    const { header } = options;
    this.#parser = new CsvParser(options.limits, header ? { delimiter: header.delimiter } : {});
    this.#table = new RosterTableReader(book, { maxErrors: options.maxErrors ?? 1000, checkIds: options.checkIds ?? true });
    if (header) this.#table.read({ place: { row: 0 }, cells: header.cells });
  }

  /** Adds the people of the records this text completes to `out`. */
  push(text: string, out: Candidate[]): void {
    this.#take(this.#parser.push(text), out);
  }

  /** The last record (a final line break is optional); a file with no row of data is an error. */
  end(out: Candidate[]): void {
    this.#take(this.#parser.end(), out);
    this.#table.end();
  }

  /** Every problem so far, each placed by row and column. */
  get errors(): InputError[] {
    return this.#fatal ? [...this.#table.errors, this.#fatal] : this.#table.errors;
  }

  /** What was read differently from a plain table: the header below title rows, columns left out, a footer. */
  get warnings(): InputError[] {
    return this.#table.warnings;
  }

  /** Records read so far (blank ones and the header too). */
  get rows(): number {
    return this.#rows;
  }

  /** Nothing more will be read: the header is wrong, too many errors, or the text cannot be parsed further. */
  get done(): boolean {
    return this.#table.stopped || this.#fatal !== undefined;
  }

  /** The header row and its delimiter, once read. */
  get header(): CsvHeader | undefined {
    const delimiter = this.#parser.delimiter;
    const cells = this.#table.headerCells;
    return cells && delimiter ? { cells, delimiter } : undefined;
  }

  /** Text given that does not complete a record yet: the start of the next one. */
  get pending(): string {
    return this.#parser.pending;
  }

  #take(batch: CsvBatch, out: Candidate[]): void {
    for (const row of batch.rows) {
      this.#rows++;
      const candidate = this.#table.read(row);
      if (candidate && this.#table.errors.length === 0) out.push(candidate);
      if (this.#table.stopped) return;
    }
    if (batch.error) this.#fatal = batch.error;
  }
}
