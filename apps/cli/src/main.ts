import { CommanderError } from 'commander';
import { CliError, EXIT, problemLines } from './errors.js';
import { quietOnBrokenPipe } from './output.js';
import { buildProgram } from './program.js';
import { langOf } from './words.js';

declare const P135_VERSION: string;

/**
 * Commander's own errors (unknown option, missing argument…) in Vietnamese, from its English
 * message: the names it quotes are kept (`--bogus`, `<file>`), the words around them translated.
 */
const USAGE_WORDS: Readonly<Record<string, (q: readonly string[], text: string) => string>> = {
  'commander.unknownOption': (q, text) => {
    const hint = /Did you mean (\S+?)\??\)?$/m.exec(text)?.[1];
    return `tùy chọn ${q[0] ?? ''} không có${hint ? ` (có phải ${hint}?)` : ''}`;
  },
  'commander.unknownCommand': (q, text) => {
    const hint = /Did you mean (\S+?)\??\)?$/m.exec(text)?.[1];
    return `lệnh ${q[0] ?? ''} không có${hint ? ` (có phải ${hint}?)` : ''}`;
  },
  'commander.missingArgument': (q) => `thiếu tham số <${q[0] ?? ''}>`,
  'commander.optionMissingArgument': (q) => `tùy chọn ${q[0] ?? ''} cần một giá trị`,
  'commander.missingMandatoryOptionValue': (q) => `thiếu tùy chọn bắt buộc ${q[0] ?? ''}`,
  'commander.invalidArgument': (q, text) => {
    const choices = /Allowed choices are (.+?)\.?$/m.exec(text)?.[1];
    const why = /is invalid\. (.+)$/m.exec(text)?.[1];
    const what = q.length > 1 ? `${q[0]}: giá trị ${q[1]} không hợp lệ` : `giá trị ${q[0] ?? ''} không hợp lệ`;
    return `${what}${choices ? `; chọn một trong: ${choices}` : why && !choices ? `: ${why.split(' / ')[0]}` : ''}`;
  },
  'commander.excessArguments': (q, text) => {
    const counts = /Expected (\d+) arguments? but got (\d+)/.exec(text);
    return `thừa tham số cho lệnh ${q[0] ?? ''}${counts ? `: cần ${counts[1]}, có ${counts[2]}` : ''}`;
  },
  'commander.conflictingOption': (q) => `không dùng cùng lúc ${q.join(' và ')}`,
};

/** `p135: tùy chọn --bogus không có / unknown option '--bogus' (xem p135 --help)`: Vietnamese first, then commander's English. */
function usageLine(e: CommanderError, lang: 'vi' | 'en'): string {
  const text = e.message.replace(/^error: /, '').trim();
  const oneLine = text.replace(/\s*\n\s*/g, ' ');
  if (lang === 'en') return `p135: ${oneLine} (see p135 --help)`;
  const quoted = [...text.matchAll(/'([^']*)'/g)].map((m) => m[1] as string);
  const vi = Object.hasOwn(USAGE_WORDS, e.code) ? (USAGE_WORDS[e.code] as (q: readonly string[], t: string) => string)(quoted, text) : 'dòng lệnh không hợp lệ';
  return `p135: ${vi} / ${oneLine} (xem p135 --help)`;
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
