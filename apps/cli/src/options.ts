import { INPUT_FORMATS } from '@p135/io';
import { DEFAULT_PACK_ID, LANGS } from '@p135/rules';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { OUTPUT_FORMATS, type OutputFormat } from './output.js';
import { both } from './words.js';

/** A whole number > 0, for limits and capacities. */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(both('cần một số nguyên dương', 'expected a whole number > 0'));
  return n;
}

/** A day of the calendar as YYYY-MM-DD that exists (not 2021-02-30). */
export function isoDay(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const day = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !day || day.toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(both('ngày không tồn tại hoặc không viết dạng YYYY-MM-DD, ví dụ 2021-07-01', 'not a day of the calendar as YYYY-MM-DD, e.g. 2021-07-01'));
  }
  return value;
}

/** A whole number ≥ 0. */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(both('cần một số nguyên không âm', 'expected a whole number ≥ 0'));
  return n;
}

/** The optional pack argument of the `pack` commands: a bundled id or a file, `--pack` by default. */
export const PACK_ARGUMENT = ['[pack]', both('mã có sẵn hoặc tệp .json (mặc định: --pack)', 'bundled id or .json file (default: --pack)')] as const;

/** `--pack`, `--as-of`, `--lang`, `--debug`: on every command. */
export function withCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('--pack <id|file>', both('bộ quy tắc: mã có sẵn hoặc tệp .json', 'rule pack: a bundled id or a .json file')).default(DEFAULT_PACK_ID))
    .addOption(
      new Option(
        '--as-of <date>',
        both(
          'ngày xét, YYYY-MM-DD: các tham số có giá trị theo ngày của bộ quy tắc lấy giá trị tại ngày này (mặc định: ngày cuối năm kế hoạch)',
          "the day of reckoning, YYYY-MM-DD: the pack's dated parameters take their value on that day (default: the last day of the plan year)",
        ),
      ).argParser(isoDay),
    )
    .addOption(new Option('--lang <lang>', both('ngôn ngữ hiển thị', 'language of the output')).choices([...LANGS]).default('vi'))
    .option('--debug', both('in chi tiết: stack khi có lỗi, cách tệp được xét', 'print details: the stack trace of an error, how a file was decided'));
}

/** Limits and format of the input file. */
export function withInput(cmd: Command): Command {
  return cmd
    .addOption(
      new Option('--input-format <format>', both('định dạng tệp vào (mặc định: theo đuôi tệp hoặc nội dung)', 'input format (default: from the extension or the content)')).choices([...INPUT_FORMATS]),
    )
    .addOption(new Option('--max-rows <n>', both('số dòng tối đa của tệp vào', 'most rows an input may have')).argParser(positiveInt))
    .addOption(new Option('--max-bytes <n>', both('dung lượng tối đa của tệp vào (byte)', 'largest input, in bytes')).argParser(positiveInt));
}

/** `--format` and `-o/--output`. */
export function withOutput(cmd: Command, formats: readonly OutputFormat[], defaultNote: { vi: string; en: string }): Command {
  return cmd
    .addOption(new Option('--format <format>', both(`định dạng kết quả (${defaultNote.vi})`, `output format (${defaultNote.en})`)).choices(formats.filter((f) => OUTPUT_FORMATS.includes(f))))
    .option('-o, --output <file>', both('ghi kết quả vào tệp (định dạng theo đuôi tệp nếu không có --format)', 'write the result to a file (format from its extension unless --format)'));
}

/** The example lines under every command's help; each runs from the repository root. */
export function withExamples(cmd: Command, examples: readonly string[]): Command {
  return cmd.addHelpText('after', `\n${both('Ví dụ (chạy từ thư mục gốc của kho mã)', 'Examples (run from the repository root)')}:\n${examples.map((e) => `  ${e}`).join('\n')}\n`);
}
