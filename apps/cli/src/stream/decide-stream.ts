import type { ReadLimits } from '@p135/io';
import type { Lang, Rulebook } from '@p135/rules';
import { CliError, EXIT } from '../errors.js';
import { checkingBar, progressBar, rateMeter } from '../progress.js';
import { DecisionTally } from '../tally.js';
import { count } from '../words.js';
import { decisionEncoder, type StreamedOutput } from './encode.js';
import { checkPass, decidePass, type StreamedInput } from './passes.js';
import { openSink } from './sink.js';

export interface StreamedDecideOptions {
  readonly lang: Lang;
  readonly output?: string;
  readonly limits: Partial<ReadLimits>;
  readonly check?: boolean;
  readonly require?: string[];
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
  const sink = await openSink(o.output);
  const tally = new DecisionTally(o);
  try {
    let total: number | undefined;
    const checkFirst = input.rereadable && (!sink.retractable || process.stderr.isTTY === true);
    if (checkFirst) {
      const bar = checkingBar(process.stderr, input.size ?? 0, lang);
      const checked = await checkPass(input, book, read, (_, rows, bytes) => bar.update(rows, bytes));
      bar.done();
      if (checked.errors.length) throw new CliError(checked.errors);
      total = checked.people;
    }
    const bar = total !== undefined ? progressBar(process.stderr, total, lang) : undefined;
    const meter = bar ? undefined : rateMeter(process.stderr, lang);
    const decided = await decidePass(input, book, read, { sink, encoder: decisionEncoder(format, book, lang), tally }, (people, rows, bytes) => {
      bar?.update(people, total ?? people);
      meter?.update(rows, bytes);
    });
    bar?.done();
    meter?.done();
    if (decided.errors.length) throw new CliError(decided.errors, EXIT.unreadable, sink.shown ? incomplete(decided.people) : undefined);
    await sink.commit();
  } catch (e) {
    await sink.abort();
    throw e;
  }
  const failed = tally.lines(lang);
  for (const line of failed) process.stderr.write(`${line}\n`);
  return failed.length ? EXIT.findings : EXIT.ok;
}
