import { writeOutputFile } from '@p135/io/node';
import { CliError, fail } from './errors.js';

export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const BY_EXTENSION: Readonly<Record<string, OutputFormat>> = { json: 'json', jsonl: 'jsonl', ndjson: 'jsonl', csv: 'csv', xlsx: 'xlsx', txt: 'table' };

/** Refuses `-o x.xls` (Excel 97–2003, which the toolkit does not write): say `.xlsx`, before anything is read or written. */
export function refuseOldExcel(output: string | undefined): void {
  if (output && /\.xls$/i.test(output)) {
    throw fail(
      `-o ${output}: không ghi được tệp .xls (Excel 97–2003); hãy dùng đuôi .xlsx, ví dụ -o ${output}x`,
      `-o ${output}: cannot write an .xls file (Excel 97–2003); use .xlsx, e.g. -o ${output}x`,
    );
  }
}

/**
 * The output format: `--format` if given; else the extension of `--output`; else `fallback`
 * (a readable table on a terminal). `-o x.xls` is refused (say `.xlsx`).
 */
export function chooseFormat(format: string | undefined, output: string | undefined, fallback: OutputFormat): OutputFormat {
  refuseOldExcel(output);
  if (format) return format as OutputFormat;
  const ext = output ? /\.([A-Za-z0-9]+)$/.exec(output)?.[1]?.toLowerCase() : undefined;
  return (ext && Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined) ?? fallback;
}

/** Refuses a format the command cannot give. */
export function requireFormat(format: OutputFormat, allowed: readonly OutputFormat[]): void {
  if (!allowed.includes(format)) throw fail(`lệnh này không xuất được dạng ${format}; chọn: ${allowed.join(', ')}`, `this command cannot write ${format}; choose: ${allowed.join(', ')}`);
}

/** Writes to standard output and waits until it is flushed (so a large output is never cut short). */
export function writeStdout(data: string | Uint8Array): Promise<void> {
  return new Promise((resolve) => {
    process.stdout.write(data, () => resolve());
  });
}

/** Writes the result to `--output FILE`, or to standard output (never binary XLSX to a terminal). */
export async function emit(data: string | Uint8Array, output: string | undefined): Promise<void> {
  refuseOldExcel(output);
  if (output && output !== '-') {
    const error = await writeOutputFile(output, data);
    if (error) throw new CliError([error]);
    return;
  }
  if (typeof data !== 'string' && process.stdout.isTTY) {
    throw fail('không ghi tệp XLSX ra màn hình; hãy dùng -o TỆP.xlsx', 'will not write an XLSX file to a terminal; use -o FILE.xlsx');
  }
  await writeStdout(data);
}

/** `p135 … | head` closes the pipe early: stop quietly. Any other write error is one line, exit 2. */
export function quietOnBrokenPipe(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`p135: không ghi được kết quả / cannot write the output (${e.code ?? e.message})\n`);
    process.exit(2);
  });
}
