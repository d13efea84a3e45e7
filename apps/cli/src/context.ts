import { type InputError, type InputFormat, readPlan, type ReadLimits } from '@p135/io';
import { openRosterInput, readRosterFile, readRosterInput, readSource, type RosterInput } from '@p135/io/node';
import { bundledPackIds, type Candidate, createRulebook, type Lang, type Plan, type Problem, type Rulebook } from '@p135/rules';
import { resolvePack } from '@p135/rules/node';
import { CliError, writeNotices } from './errors.js';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

/** Options every command has. */
export interface CommonOptions {
  readonly pack: string;
  /** The day the pack's dated parameters are read at (`--as-of`); the pack's default when absent. */
  readonly asOf?: string;
  readonly lang: Lang;
  readonly debug?: boolean;
}

/** Options of the commands that read a roster or a plan. */
export interface InputOptions extends CommonOptions {
  readonly maxRows?: number;
  readonly maxBytes?: number;
  readonly inputFormat?: InputFormat;
}

/** Options of the commands that write a result. */
export interface OutputOptions {
  readonly format?: string;
  readonly output?: string;
}

/** The limits given on the command line (`--max-rows`, `--max-bytes`); the rest are the defaults. */
export const limitsOf = (o: InputOptions): Partial<ReadLimits> => ({
  ...(o.maxRows !== undefined ? { maxRows: o.maxRows } : {}),
  ...(o.maxBytes !== undefined ? { maxBytes: o.maxBytes } : {}),
});

/** A pack problem placed in the pack file; an unknown id or an unreadable file already says which. */
function packError(idOrPath: string, p: Problem): InputError {
  const inFile = !bundledPackIds().includes(idOrPath) && p.code !== 'pack.unknown' && !p.code.startsWith('file.');
  return { place: inFile ? { file: idOrPath, ...(p.path !== '$' ? { path: p.path } : {}) } : {}, code: p.code, message: p.message };
}

/** `--pack ID|FILE` (as of `--as-of`) → a rulebook; an unknown id or an invalid pack file stops the command (exit 2). */
export async function loadBook(idOrPath: string, asOf?: string): Promise<Rulebook> {
  const pack = await resolvePack(idOrPath);
  if (!pack.value) throw new CliError(pack.errors.map((p) => packError(idOrPath, p)));
  return createRulebook(pack.value, asOf ? { asOf } : {});
}

/** Every person of a roster file, or exit 2 with each problem's row and column. */
export async function loadRoster(file: string, book: Rulebook, o: InputOptions): Promise<Candidate[]> {
  const read = await readRosterFile(file, book, { limits: limitsOf(o), ...(o.inputFormat ? { format: o.inputFormat } : {}) });
  writeNotices(read.warnings, o.lang);
  if (read.errors.length) throw new CliError(read.errors);
  return read.candidates;
}

/** A roster file (or `-`) opened, its format known from `--input-format` or its name and first bytes; or exit 2. */
export async function openInput(file: string, o: InputOptions): Promise<RosterInput> {
  const opened = await openRosterInput(file, o.inputFormat ? { format: o.inputFormat } : {});
  if ('error' in opened) throw new CliError([opened.error]);
  return opened.input;
}

/** Every person of an opened roster input, read whole, or exit 2 with each problem's row and column. */
export async function loadRosterInput(input: RosterInput, book: Rulebook, o: InputOptions): Promise<Candidate[]> {
  const read = await readRosterInput(input, book, { limits: limitsOf(o) });
  writeNotices(read.warnings, o.lang);
  if (read.errors.length) throw new CliError(read.errors);
  return read.candidates;
}

/**
 * A plan: a JSON file, the plan workbook (XLSX), or CSV files one per sheet; validated against the
 * pack, or exit 2 with each problem's place (JSON path, or sheet, row, the row's id and column).
 */
export async function loadPlan(files: string | readonly string[], book: Rulebook, o: InputOptions): Promise<Plan> {
  const sources = [];
  for (const file of typeof files === 'string' ? [files] : files) {
    const read = await readSource(file, { limits: limitsOf(o) });
    if ('error' in read) throw new CliError([read.error]);
    sources.push(read.source);
  }
  const plan = await readPlan(sources, book, limitsOf(o));
  writeNotices(plan.warnings, o.lang);
  if (!plan.plan) throw new CliError(plan.errors);
  return plan.plan;
}

/** Columns of the terminal (at least 60), or 80 when the output is not a terminal. */
export function terminalWidth(): number {
  return process.stdout.isTTY ? Math.max(60, process.stdout.columns ?? 80) : 80;
}

/** Same file: the same path, or (when both exist) the same inode on the same device (a link, `./x.csv`). */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // one of them does not exist (yet): not the same file
  }
}

/** `-o FILE` naming one of the command's inputs is refused (exit 2) before anything is read or written: the input would be lost. */
export async function refuseOverwritingInput(output: string | undefined, inputs: readonly (string | undefined)[]): Promise<void> {
  if (!output || output === '-') return;
  for (const input of inputs) {
    if (!input || input === '-' || !(await sameFile(input, output))) continue;
    throw new CliError([
      {
        place: { file: output },
        code: 'file.output_is_input',
        message: {
          vi: `-o ${output} là chính tệp đầu vào; ghi ra đó sẽ làm mất tệp. Hãy chọn một tệp khác`,
          en: `-o ${output} is the input file itself; writing there would lose it. Choose another file`,
        },
      },
    ]);
  }
}
