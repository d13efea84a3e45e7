import { CommanderError } from 'commander';
import { CliError, EXIT, problemLines } from './errors.js';
import { quietOnBrokenPipe } from './output.js';
import { buildProgram } from './program.js';
import { langOf } from './words.js';

declare const P135_VERSION: string;

/** Commander's own errors (unknown option, missing argument…), in the user's language. */
const USAGE_WORDS: Readonly<Record<string, string>> = {
  'commander.unknownOption': 'tùy chọn không có',
  'commander.unknownCommand': 'lệnh không có',
  'commander.missingArgument': 'thiếu tham số',
  'commander.optionMissingArgument': 'tùy chọn thiếu giá trị',
  'commander.missingMandatoryOptionValue': 'thiếu tùy chọn bắt buộc',
  'commander.invalidArgument': 'giá trị không hợp lệ',
  'commander.excessArguments': 'thừa tham số',
  'commander.conflictingOption': 'các tùy chọn xung đột',
};

function usageLine(e: CommanderError, lang: 'vi' | 'en'): string {
  const text = e.message.replace(/^error: /, '');
  if (lang === 'en') return `p135: ${text} (see p135 --help)`;
  return `p135: ${USAGE_WORDS[e.code] ?? 'dòng lệnh không hợp lệ'}: ${text} (xem p135 --help)`;
}

/** Turns any failure into one line per problem on stderr (a stack only with --debug) and an exit code. */
function report(e: unknown, argv: readonly string[]): number {
  const lang = langOf(argv);
  const debug = argv.includes('--debug');
  const write = (line: string) => process.stderr.write(`${line}\n`);
  if (e instanceof CommanderError) {
    if (e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version') return EXIT.ok;
    if (e.code === 'commander.help') return EXIT.unreadable;
    write(usageLine(e, lang));
    if (debug && e.stack) write(e.stack);
    return EXIT.unreadable;
  }
  if (e instanceof CliError) {
    for (const line of problemLines(e.problems, lang)) write(line);
    if (e.note) write(`p135: ${e.note[lang]}`);
    if (debug && e.stack) write(e.stack);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  write(lang === 'vi' ? `p135: lỗi không lường trước: ${message} (chạy lại với --debug để xem chi tiết)` : `p135: unexpected error: ${message} (run again with --debug for details)`);
  if (debug && e instanceof Error && e.stack) write(e.stack);
  return EXIT.unreadable;
}

/** Runs the command line; resolves to the exit code, never throws. */
export async function main(argv: readonly string[]): Promise<number> {
  quietOnBrokenPipe();
  let code: number = EXIT.ok;
  try {
    const program = buildProgram(typeof P135_VERSION === 'string' ? P135_VERSION : '0.0.0', (c) => {
      code = c;
    });
    await program.parseAsync([...argv]);
    return code;
  } catch (e) {
    return report(e, argv);
  }
}
