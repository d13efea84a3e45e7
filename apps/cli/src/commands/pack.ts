import { toJson } from '@p135/io';
import { bundledPack, bundledPackIds, createRulebook, DEFAULT_PACK_ID, type Lang, type Pack, type Problem, roleTrackMatrix } from '@p135/rules';
import { readPackFile } from '@p135/rules/node';
import { Command } from 'commander';
import { type CommonOptions, loadBook, type OutputOptions, terminalWidth } from '../context.js';
import { EXIT } from '../errors.js';
import { chooseFormat, emit, requireFormat } from '../output.js';
import { PACK_ARGUMENT, withCommon, withExamples, withOutput } from '../options.js';
import { packListTable, packMatrixTable, packReport } from '../views/pack.js';
import { packToolCommands } from './pack-tools.js';
import { both, say } from '../words.js';

type PackOptions = CommonOptions & OutputOptions;

export async function runPackList(o: PackOptions): Promise<number> {
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  const packs = bundledPackIds().map((id) => bundledPack(id) as Pack);
  if (format === 'json') await emit(toJson(packs.map((p) => ({ id: p.id, version: p.version, title: p.meta.title, default: p.id === DEFAULT_PACK_ID }))), o.output);
  else await emit(packListTable(packs, o.lang, terminalWidth(), DEFAULT_PACK_ID), o.output);
  return EXIT.ok;
}

export async function runPackShow(idOrFile: string | undefined, o: PackOptions): Promise<number> {
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  const book = await loadBook(idOrFile ?? o.pack, o.asOf);
  await emit(format === 'json' ? toJson(book.pack) : packReport(book, o.lang, terminalWidth()), o.output);
  return EXIT.ok;
}

export async function runPackMatrix(idOrFile: string | undefined, o: PackOptions): Promise<number> {
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  const book = await loadBook(idOrFile ?? o.pack, o.asOf);
  const matrix = roleTrackMatrix(book);
  await emit(format === 'json' ? toJson({ pack: book.ref, ...matrix }) : packMatrixTable(book, matrix, o.lang, terminalWidth()), o.output);
  return EXIT.ok;
}

/** A pack file: exit 0 when valid, 1 when it was read and has problems, 2 when it cannot be read as JSON. */
/** A valid pack's warnings, one line each (`! path: message`), the first 20, then how many more. */
function warningLines(file: string, warnings: readonly Problem[], lang: Lang): string {
  if (!warnings.length) return '';
  const shown = warnings.slice(0, 20).map((p) => `  ! ${file}${p.path === '$' ? '' : ` ${p.path}`}: ${p.message[lang]}`);
  const more = warnings.length - shown.length;
  const head = say(lang, `${warnings.length} cảnh báo:`, `${warnings.length} warning(s):`);
  const tail = more > 0 ? [say(lang, `  … và ${more} cảnh báo khác`, `  … and ${more} more`)] : [];
  return `${[head, ...shown, ...tail].join('\n')}\n`;
}

export async function runPackValidate(file: string, o: PackOptions): Promise<number> {
  const checked = await readPackFile(file);
  if (checked.value) {
    const book = createRulebook(checked.value);
    process.stdout.write(
      `${say(o.lang, `✓ ${file}: hợp lệ`, `✓ ${file}: valid`)} (${book.ref.id} ${book.ref.version}, ${book.pack.rules.length} ${say(o.lang, 'quy tắc', 'rules')}, sha256 ${book.ref.hash.slice(0, 12)}…)\n`,
    );
    process.stdout.write(warningLines(file, checked.warnings, o.lang));
    return EXIT.ok;
  }
  const unreadable = checked.errors.some((p) => p.code.startsWith('file.') || p.code.startsWith('json.'));
  const lines = checked.errors.map((p) => `${file}${p.path === '$' ? '' : ` ${p.path}`}: ${p.message[o.lang]}`);
  if (unreadable) {
    for (const line of lines.slice(0, 10)) process.stderr.write(`p135: ${line}\n`);
    return EXIT.unreadable;
  }
  process.stdout.write(`${say(o.lang, `✗ ${file}: ${checked.errors.length} lỗi`, `✗ ${file}: ${checked.errors.length} problem(s)`)}\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
  return EXIT.findings;
}

export function packCommand(setCode: (code: number) => void): Command {
  const list = withCommon(
    new Command('list').summary(both('các bộ quy tắc có sẵn', 'bundled packs')).description(both('Các bộ quy tắc có sẵn trong công cụ.', 'The rule packs bundled with the tool.')),
  );
  withOutput(list, ['table', 'json'], { vi: 'mặc định: bảng', en: 'default: a table' });
  withExamples(list, ['p135 pack list']);
  list.action(async (o: PackOptions) => setCode(await runPackList(o)));

  const show = withCommon(
    new Command('show')
      .summary(both('tham số và quy tắc của một bộ quy tắc', "a pack's parameters and rules"))
      .description(both('Thông tin, các lớp, tham số (giá trị và nguồn) và quy tắc của một bộ quy tắc.', "A pack's description, tracks, parameters (value and source) and rules."))
      .argument(...PACK_ARGUMENT),
  );
  withOutput(show, ['table', 'json'], { vi: 'mặc định: bảng', en: 'default: a table' });
  withExamples(show, ['p135 pack show lang-son-2020', 'p135 pack show packages/rules/packs/lang-son-2020.json --lang en']);
  show.action(async (pack: string | undefined, o: PackOptions) => setCode(await runPackShow(pack, o)));

  const matrix = withCommon(
    new Command('matrix')
      .summary(both('chức vụ nào được học loại lớp nào', 'which roles may enter which track'))
      .description(
        both(
          'Bảng chức vụ × loại lớp, đọc từ chính các quy tắc điều kiện: được học (✓), không được học và vì quy tắc nào (✗), hay còn tùy thông tin khác và thông tin nào (?).',
          'A role × track table read from the eligibility rules themselves: open (✓), closed and by which rule (✗), or depending on other facts, and which (?).',
        ),
      )
      .argument(...PACK_ARGUMENT),
  );
  withOutput(matrix, ['table', 'json'], { vi: 'mặc định: bảng', en: 'default: a table' });
  withExamples(matrix, ['p135 pack matrix', 'p135 pack matrix example-2021 --format json']);
  matrix.action(async (pack: string | undefined, o: PackOptions) => setCode(await runPackMatrix(pack, o)));

  const validate = withCommon(
    new Command('validate')
      .summary(both('kiểm tra một tệp bộ quy tắc', 'validate a pack file'))
      .description(
        both('Kiểm tra tệp bộ quy tắc: mã thoát 0 nếu hợp lệ, 1 nếu có lỗi, 2 nếu không đọc được.', 'Validate a pack file: exit 0 when valid, 1 when it has problems, 2 when it cannot be read.'),
      )
      .argument('<file>', both('tệp bộ quy tắc .json', 'pack .json file')),
  );
  withExamples(validate, ['p135 pack validate packages/rules/packs/lang-son-2020.json']);
  validate.action(async (file: string, o: PackOptions) => setCode(await runPackValidate(file, o)));

  const pack = new Command('pack')
    .summary(both('bộ quy tắc: list, show, matrix, validate, test, check, diff, init', 'rule packs: list, show, matrix, validate, test, check, diff, init'))
    .description(both('Lệnh về bộ quy tắc', 'Rule pack commands'));
  withExamples(pack, [
    'p135 pack list',
    'p135 pack show',
    'p135 pack validate packages/rules/packs/lang-son-2020.json',
    'p135 pack test example-2021',
    'p135 pack check lang-son-2020',
    'p135 pack diff lang-son-2020 example-2021',
  ]);
  pack.addCommand(list).addCommand(show).addCommand(matrix).addCommand(validate);
  for (const cmd of packToolCommands(setCode)) pack.addCommand(cmd);
  return pack;
}
