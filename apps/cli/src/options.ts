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

/** A whole number ≥ 0. */
export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(both('cần một số nguyên không âm', 'expected a whole number ≥ 0'));
  return n;
}

/** `--pack`, `--lang`, `--debug`: on every command. */
export function withCommon(cmd: Command): Command {
  return cmd
    .addOption(new Option('--pack <id|file>', both('bộ quy tắc: mã có sẵn hoặc tệp .json', 'rule pack: a bundled id or a .json file')).default(DEFAULT_PACK_ID))
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
