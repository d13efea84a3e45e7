import { decisionsSheet, toCsv, toJson, toJsonLines, toXlsx } from '@p135/io';
import { type Decision, decideMany } from '@p135/rules';
import { Command } from 'commander';
import { type InputOptions, loadBook, loadRoster, type OutputOptions, terminalWidth } from '../context.js';
import { EXIT, fail } from '../errors.js';
import { chooseFormat, emit } from '../output.js';
import { withCommon, withExamples, withInput, withOutput } from '../options.js';
import { progressBar } from '../progress.js';
import { decisionsReport } from '../views/decisions.js';
import { both, count, say } from '../words.js';

interface DecideOptions extends InputOptions, OutputOptions {
  readonly check?: boolean;
  readonly require?: string[];
}

/** People who fail what the command was asked to check, and a one-line summary of them. */
function failures(decisions: readonly Decision[], o: DecideOptions, lang: DecideOptions['lang']): string[] {
  const lines: string[] = [];
  if (o.check) {
    const none = decisions.filter((d) => d.eligibleTracks.length === 0).length;
    if (none) lines.push(say(lang, `p135: ${count(none, lang)} người không được dự lớp nào`, `p135: ${count(none, lang)} people are eligible for nothing`));
  }
  for (const track of o.require ?? []) {
    const n = decisions.filter((d) => !d.eligibleTracks.includes(track)).length;
    if (n) lines.push(say(lang, `p135: ${count(n, lang)} người không được dự ${track}`, `p135: ${count(n, lang)} people are not eligible for ${track}`));
  }
  return lines;
}

export async function runDecide(file: string, o: DecideOptions): Promise<number> {
  const lang = o.lang;
  const book = await loadBook(o.pack);
  for (const track of o.require ?? []) {
    if (!book.track(track)) throw fail(`--require: lớp "${track}" không có; chấp nhận: ${book.tracks.map((t) => t.code).join(', ')}`, `--require: unknown track "${track}"; accepted: ${book.tracks.map((t) => t.code).join(', ')}`);
  }
  const format = chooseFormat(o.format, o.output, process.stdout.isTTY ? 'table' : 'csv');
  const candidates = await loadRoster(file, book, o);
  const progress = progressBar(process.stderr, candidates.length, lang);
  const decisions = await decideMany(book, candidates, { onProgress: (done, total) => progress.update(done, total) });
  progress.done();
  if (format === 'table') await emit(decisionsReport(decisions, book, lang, terminalWidth(), file), o.output);
  else if (format === 'json') await emit(toJson(decisions), o.output);
  else if (format === 'jsonl') await emit(toJsonLines(decisions), o.output);
  else if (format === 'csv') await emit(toCsv(decisionsSheet(decisions, book, lang)), o.output);
  else await emit(await toXlsx([decisionsSheet(decisions, book, lang)]), o.output);
  const failed = failures(decisions, o, lang);
  for (const line of failed) process.stderr.write(`${line}\n`);
  return failed.length ? EXIT.findings : EXIT.ok;
}

export function decideCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('decide')
    .summary(both('xét từng người: được dự lớp nào, vì sao, ưu tiên, ai trả', 'decide each person: tracks, why, priority, who pays'))
    .description(
      both(
        'Xét danh sách học viên (CSV, JSON, JSON Lines, XLSX, hoặc - để đọc từ đầu vào chuẩn): với mỗi người, các lớp được dự, lý do, điểm ưu tiên và ai trả tiền ăn, ở, đi lại.',
        'Decide a roster (CSV, JSON, JSON Lines, XLSX, or - for standard input): for each person, the tracks they may attend, why, their priority and who pays meals, lodging and travel.',
      ),
    )
    .argument('<file>', both('tệp danh sách học viên, hoặc -', 'roster file, or -'))
    .option('--check', both('mã thoát 1 nếu có người không được dự lớp nào', 'exit 1 when someone is eligible for nothing'))
    .option('--require <track>', both('mã thoát 1 nếu có người không được dự lớp này (lặp lại được)', 'exit 1 when someone is not eligible for this track (repeatable)'), (v: string, prev: string[] = []) => [...prev, v]);
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
