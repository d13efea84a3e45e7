import { formatInputError, type InputError } from '@p135/io';
import type { Lang, Localized } from '@p135/rules';

export const EXIT = {
  /** All clear. */
  ok: 0,
  /** The input was read, and has violations or ineligible people the command was asked to check. */
  findings: 1,
  /** The input could not be read, or the command line is wrong. */
  unreadable: 2,
} as const;

/** A failure the user can act on: one line per problem, never a stack (unless --debug). */
export class CliError extends Error {
  readonly problems: readonly InputError[];
  readonly exitCode: number;
  /** A line printed after the problems (`p135: …`), e.g. that the output written so far is incomplete. */
  readonly note?: Localized;

  constructor(problems: readonly InputError[] | Localized, exitCode: number = EXIT.unreadable, note?: Localized) {
    const list = Array.isArray(problems) ? problems : [{ place: {}, code: 'cli', message: problems as Localized }];
    super(list.map((p) => formatInputError(p, 'en')).join('\n'));
    this.name = 'CliError';
    this.problems = list;
    this.exitCode = exitCode;
    if (note) this.note = note;
  }
}

export const fail = (vi: string, en: string): CliError => new CliError({ vi, en });

/** At most this many problems are printed; the rest are counted. */
export const MAX_PRINTED = 10;

/** The lines to print for problems: `p135: file dòng 3, cột "X": …`, then how many more there are. */
export function problemLines(problems: readonly InputError[], lang: Lang): string[] {
  const lines = problems.slice(0, MAX_PRINTED).map((p) => `p135: ${formatInputError(p, lang)}`);
  const more = problems.length - MAX_PRINTED;
  if (more > 0) lines.push(lang === 'vi' ? `p135: … và ${more} lỗi khác` : `p135: … and ${more} more`);
  return lines;
}

/**
 * Notices of a roster read (the header found below title rows, columns left out, the list's end,
 * the encoding it was read in) to standard error: `p135: lưu ý: file dòng 3: …`. Nothing is wrong;
 * the person should know how the file was read.
 */
export function writeNotices(notices: readonly InputError[], lang: Lang): void {
  for (const n of notices.slice(0, MAX_PRINTED)) process.stderr.write(`p135: ${lang === 'vi' ? 'lưu ý' : 'note'}: ${formatInputError(n, lang)}\n`);
}
