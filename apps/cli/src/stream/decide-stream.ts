import { type ReadLimits, withStreamLimits } from '@p135/io';
import { availableParallelism } from 'node:os';
import type { Lang, Rulebook } from '@p135/rules';
import { CliError, EXIT, writeNotices } from '../errors.js';
import { byteBar, progressBar, rateMeter } from '../progress.js';
import { DecisionTally } from '../tally.js';
import { count, say } from '../words.js';
import { decisionEncoder, type StreamedOutput } from './encode.js';
import { parallelDecidePass, type WorkerSetup, workersAvailable } from './parallel.js';
import { checkPass, decidePass, type OnPiece, type PassResult, type StreamedInput } from './passes.js';
import { openSink, type Sink } from './sink.js';
import { threadsFor } from './threads.js';

export interface StreamedDecideOptions {
  readonly lang: Lang;
  readonly output?: string;
  readonly limits: Partial<ReadLimits>;
  readonly check?: boolean;
  readonly require?: string[];
  readonly debug?: boolean;
  /** Worker threads for a CSV file written to `-o FILE` (1: none); undefined: `threadsFor` chooses. */
  readonly threads?: number;
  /** Bytes of input a worker decides at a time. */
  readonly blockBytes: number;
}

/** What `--debug` says of worker threads. */
const threadsUsed = (threads: number, pieces: number) =>
  [`p135: đã xét trên ${threads} luồng phụ, ${count(pieces, 'vi')} phần`, `p135: decided on ${threads} worker threads, ${count(pieces, 'en')} pieces`] as const;
const THREADS_GAVE_UP = [
  'p135: các luồng phụ gặp một lỗi; đọc lại tệp theo cách thường để nêu lỗi',
  'p135: the worker threads met a problem; the file is read again the usual way to say what it is',
] as const;

/** A file smaller than this many pieces is decided on one thread: starting workers would cost more than they save. */
const MIN_PIECES = 4;

/** Can this run be decided on worker threads? A CSV file (read again if need be) to `-o FILE`, large enough, with no row limit. */
function parallelFits(input: StreamedInput, sink: Sink, o: StreamedDecideOptions, threads: number): boolean {
  return (
    threads >= 2 &&
    input.format === 'csv' &&
    input.rereadable &&
    sink.retractable &&
    input.size !== undefined &&
    input.size >= MIN_PIECES * o.blockBytes &&
    input.size <= withStreamLimits(o.limits).maxBytes &&
    o.limits.maxRows === undefined &&
    workersAvailable()
  );
}

/** Stops (exit 2) when the file changed since it was opened: what was read may mix two versions of it. */
async function unchanged(input: StreamedInput, note?: { vi: string; en: string }): Promise<void> {
  const changed = await input.checkUnchanged();
  if (changed) throw new CliError([changed], EXIT.unreadable, note);
}

/** The line after the errors of a stream that stopped with results already on standard output. */
const incomplete = (people: number) => ({
  vi: `kết quả đã ghi ra (${count(people, 'vi')} người, trước dòng lỗi đầu tiên) là CHƯA ĐẦY ĐỦ`,
  en: `the output written so far (${count(people, 'en')} people, before the first row with an error) is INCOMPLETE`,
});

/**
 * `decide` on a CSV or JSON Lines input to CSV or JSON Lines, a row at a time: memory does not
 * grow with the roster. A file with an error never gives a partial result:
 * - to standard output (which cannot be taken back), the file is read twice: checked whole first
 *   (every problem listed, nothing written), then decided and written as it is read again;
 * - to `-o FILE`, it is checked and decided in one pass, written beside FILE under a temporary
 *   name and put in place only if no error was found (the same problems are listed either way);
 *   on a terminal it is still checked first, so that the bar can show the total.
 * Standard input can be read only once: results are written as they come, and the first row with
 * an error stops the output (exit 2; what was written is incomplete, and stderr says so).
 * Resolves to the exit code.
 */
export async function decideStreamed(input: StreamedInput, book: Rulebook, format: StreamedOutput, o: StreamedDecideOptions): Promise<number> {
  const { lang } = o;
  const read = { limits: o.limits };
  let sink = await openSink(o.output);
  let tally = new DecisionTally(o);
  try {
    let total: number | undefined;
    /** Notices are said once, by the first pass that reads the file. */
    let noticed = false;
    const threads = threadsFor(o.threads, input.size, availableParallelism());
    const parallel = parallelFits(input, sink, o, threads);
    // On a terminal, a file is checked first so that the bar can count people — unless it is decided on worker threads (a bar by bytes then).
    const checkFirst = input.rereadable && (!sink.retractable || (process.stderr.isTTY === true && !parallel));
    if (checkFirst) {
      const bar = byteBar(process.stderr, input.size ?? 0, lang);
      const checked = await checkPass(input, book, read, (_, rows, bytes) => bar.update(rows, bytes));
      bar.done();
      writeNotices(checked.warnings, lang);
      noticed = true;
      if (checked.errors.length) throw new CliError(checked.errors);
      await unchanged(input);
      total = checked.people;
    }
    const bar = total !== undefined ? progressBar(process.stderr, total, lang) : undefined;
    const meter = bar ? undefined : parallel && input.size ? byteBar(process.stderr, input.size, lang, 'deciding') : rateMeter(process.stderr, lang);
    const onPiece: OnPiece = (people, rows, bytes) => {
      bar?.update(people, total ?? people);
      meter?.update(rows, bytes);
    };
    const encoder = decisionEncoder(format, book, lang);
    let decided: PassResult | undefined;
    if (parallel) {
      const limits = withStreamLimits(o.limits);
      const setup: WorkerSetup = { pack: book.pack, asOf: book.ref.asOf, lang, format, limits, tally: { check: o.check, require: o.require } };
      const parallel = await parallelDecidePass(input, setup, { sink, encoder, tally }, onPiece, { threads, blockBytes: o.blockBytes });
      if (o.debug) {
        const [vi, en] = parallel ? threadsUsed(threads, parallel.pieces) : THREADS_GAVE_UP;
        process.stderr.write(`${say(lang, vi, en)}\n`);
      }
      decided = parallel;
      if (!decided) {
        // A problem somewhere: start again the usual way, which finds and words it.
        await sink.abort();
        sink = await openSink(o.output);
        tally = new DecisionTally(o);
      }
    }
    decided ??= await decidePass(input, book, read, { sink, encoder, tally }, onPiece);
    bar?.done();
    meter?.done();
    if (!noticed) writeNotices(decided.warnings, lang);
    if (decided.errors.length) throw new CliError(decided.errors, EXIT.unreadable, sink.shown ? incomplete(decided.people) : undefined);
    // Read twice (checked, then decided), or once on threads that each read their own piece: the
    // file must still be the one that was checked, or nothing is put in place.
    await unchanged(input, sink.shown ? incomplete(decided.people) : undefined);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  const failed = tally.lines(lang);
  for (const line of failed) process.stderr.write(`${line}\n`);
  return failed.length ? EXIT.findings : EXIT.ok;
}
