import { decisionsSheet, isStreamedFormat, toCsv, toJson, toJsonLines, toXlsx } from '@p135/io';
import { decideMany } from '@p135/rules';
import { Command, Option } from 'commander';
import { type InputOptions, limitsOf, loadBook, loadRosterInput, openInput, type OutputOptions, terminalWidth, refuseOverwritingInput } from '../context.js';
import { EXIT, fail } from '../errors.js';
import { chooseFormat, emit } from '../output.js';
import { positiveInt, withCommon, withExamples, withInput, withOutput } from '../options.js';
import { progressBar } from '../progress.js';
import { decideStreamed } from '../stream/decide-stream.js';
import { PARALLEL_MIN_BYTES, PARALLEL_MIN_CORES } from '../stream/threads.js';
import { isStreamedOutput } from '../stream/encode.js';
import { DecisionTally } from '../tally.js';
import { decisionsReport } from '../views/decisions.js';
import { both } from '../words.js';

interface DecideOptions extends InputOptions, OutputOptions {
  readonly check?: boolean;
  readonly require?: string[];
  /** `--threads`; undefined: chosen by `threadsFor` (one thread unless the file is large and the machine has the cores). */
  readonly threads?: number;
  readonly blockBytes: number;
}

/** Bytes of a CSV file a worker decides at a time. */
const BLOCK_BYTES = 512 * 1024;

export async function runDecide(file: string, o: DecideOptions): Promise<number> {
  const lang = o.lang;
  const book = await loadBook(o.pack, o.asOf);
  for (const track of o.require ?? []) {
    if (!book.track(track))
      throw fail(
        `--require: lớp "${track}" không có; chấp nhận: ${book.tracks.map((t) => t.code).join(', ')}`,
        `--require: unknown track "${track}"; accepted: ${book.tracks.map((t) => t.code).join(', ')}`,
      );
  }
  const format = chooseFormat(o.format, o.output, process.stdout.isTTY ? 'table' : 'csv');
  await refuseOverwritingInput(o.output, [file]);
  const input = await openInput(file, o);
  // CSV and JSON Lines to CSV or JSON Lines: a row at a time, memory flat whatever the roster's length.
  if (isStreamedFormat(input.format) && isStreamedOutput(format)) {
    return decideStreamed({ ...input, format: input.format }, book, format, { ...o, limits: limitsOf(o) });
  }
  // Everything else needs the whole roster (XLSX, a JSON document) or every result at once (table, JSON, XLSX).
  const candidates = await loadRosterInput(input, book, o);
  const progress = progressBar(process.stderr, candidates.length, lang);
  const decisions = await decideMany(book, candidates, { onProgress: (done, total) => progress.update(done, total) });
  progress.done();
  if (format === 'table') await emit(decisionsReport(decisions, book, lang, terminalWidth(), file), o.output);
  else if (format === 'json') await emit(toJson(decisions), o.output);
  else if (format === 'jsonl') await emit(toJsonLines(decisions), o.output);
  else if (format === 'csv') await emit(toCsv(decisionsSheet(decisions, book, lang)), o.output);
  else await emit(await toXlsx([decisionsSheet(decisions, book, lang)]), o.output);
  const tally = new DecisionTally(o);
  for (const d of decisions) tally.add(d);
  const failed = tally.lines(lang);
  for (const line of failed) process.stderr.write(`${line}\n`);
  return failed.length ? EXIT.findings : EXIT.ok;
}

export function decideCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('decide')
    .summary(both('xét từng người: được dự lớp nào, vì sao, ưu tiên, ai trả', 'decide each person: tracks, why, priority, who pays'))
    .description(
      [
        both(
          'Xét danh sách học viên (CSV, JSON, JSON Lines, XLSX, hoặc - để đọc từ đầu vào chuẩn): với mỗi người, các lớp được dự, lý do, điểm ưu tiên và ai trả tiền ăn, ở, đi lại.',
          'Decide a roster (CSV, JSON, JSON Lines, XLSX, or - for standard input): for each person, the tracks they may attend, why, their priority and who pays meals, lodging and travel.',
        ),
        both(
          'CSV hoặc JSON Lines ra csv hoặc jsonl được đọc, xét và ghi từng dòng: bộ nhớ không tăng theo số người. Một tệp có lỗi không bao giờ cho kết quả dở dang: ra đầu ra chuẩn, tệp được kiểm tra hết trước khi xét; với -o TỆP, TỆP chỉ được đặt vào chỗ khi không có lỗi nào. Đầu vào chuẩn (-) chỉ đọc được một lần: kết quả được ghi dần, và dòng lỗi đầu tiên dừng việc ghi (mã thoát 2, mỗi lỗi một dòng): kết quả đã ghi ra đến lúc đó là CHƯA ĐẦY ĐỦ.',
          'CSV or JSON Lines to csv or jsonl is read, decided and written a row at a time: memory does not grow with the roster. A file with an error never gives a partial result: to standard output, the file is checked whole before it is decided; with -o FILE, FILE is put in place only when no error was found. Standard input (-) can be read only once: results are written as they come, and the first row with an error stops the output (exit 2, one line per error): the output written so far is INCOMPLETE.',
        ),
      ].join('\n\n'),
    )
    .argument('<file>', both('tệp danh sách học viên, hoặc -', 'roster file, or -'))
    .option('--check', both('mã thoát 1 nếu có người không được dự lớp nào', 'exit 1 when someone is eligible for nothing'))
    .option(
      '--require <track>',
      both('mã thoát 1 nếu có người không được dự lớp này (lặp lại được)', 'exit 1 when someone is not eligible for this track (repeatable)'),
      (v: string, prev: string[] = []) => [...prev, v],
    )
    .addOption(
      new Option(
        '--threads <n>',
        both(
          `số luồng xét một tệp CSV ghi ra -o TỆP (mặc định: 1; tệp từ ${PARALLEL_MIN_BYTES / 2 ** 20} MiB trên máy từ ${PARALLEL_MIN_CORES} bộ xử lý: số bộ xử lý trừ 1)`,
          `threads deciding a CSV file written to -o FILE (default: 1; a file of ${PARALLEL_MIN_BYTES / 2 ** 20} MiB or more on a machine with ${PARALLEL_MIN_CORES} processors or more: the processors less one)`,
        ),
      ).argParser(positiveInt),
    )
    .addOption(new Option('--block-bytes <n>', 'bytes of input a worker thread decides at a time (tuning and tests)').argParser(positiveInt).default(BLOCK_BYTES).hideHelp());
  withInput(withCommon(cmd));
  withOutput(cmd, ['table', 'json', 'jsonl', 'csv', 'xlsx'], { vi: 'mặc định: bảng trên terminal, CSV khi chuyển tiếp', en: 'default: a table on a terminal, CSV when piped' });
  withExamples(cmd, [
    'p135 decide examples/lang-son-2020/candidates.csv --format table',
    'p135 decide examples/lang-son-2020/candidates-sample.xlsx --lang en --format table',
    'p135 decide examples/lang-son-2020/candidates.csv -o ket-qua.xlsx',
    'p135 decide examples/lang-son-2020/candidates.json --format jsonl --check',
  ]);
  return cmd.action(async (file: string, o: DecideOptions) => setCode(await runDecide(file, o)));
}
