import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { toJson } from '@p135/io';
import { bundledPack, bundledPackTests, diffPacks, type Lang, PACK_ID, type PackTestSuite, type Places, parsePackTests, parsePlaces, runPackTests, scaffoldPack, type SuiteResult } from '@p135/rules';
import { Command, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { type CommonOptions, loadBook, type OutputOptions } from '../context.js';
import { CliError, EXIT, fail } from '../errors.js';
import { chooseFormat, emit, requireFormat } from '../output.js';
import { PACK_ARGUMENT, positiveInt, withCommon, withExamples, withOutput } from '../options.js';
import { both, say } from '../words.js';

type Options = CommonOptions & OutputOptions;

const TEST_FILE_MAX_BYTES = 20_000_000;

/** A test file, JSON or YAML (by extension, else by content), validated; exit 2 when it cannot be read. */
async function readTests(file: string, lang: Lang): Promise<PackTestSuite> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > TEST_FILE_MAX_BYTES) throw fail(`${file}: tệp quá lớn (> ${TEST_FILE_MAX_BYTES} byte)`, `${file}: too large (> ${TEST_FILE_MAX_BYTES} bytes)`);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw fail(`${file}: không đọc được tệp kiểm thử`, `${file}: cannot read the test file`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) || !/^\s*[[{]/.test(text) ? parseYaml(text, { maxAliasCount: 100, uniqueKeys: true }) : JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : '';
    throw fail(`${file}: không phải JSON hoặc YAML hợp lệ (${why})`, `${file}: not valid JSON or YAML (${why})`);
  }
  const suite = parsePackTests(value);
  if (!suite.value) throw new CliError(suite.errors.map((p) => ({ place: { file, path: p.path }, code: p.code, message: p.message })));
  void lang;
  return suite.value;
}

/** Where a pack's tests are when no --tests is given: bundled, or `<name>.tests.(json|yaml|yml)` beside the file. */
function defaultTests(idOrFile: string): string | PackTestSuite | undefined {
  if (bundledPack(idOrFile)) return bundledPackTests(idOrFile);
  const stem = idOrFile.replace(/\.json$/i, '');
  return [`${stem}.tests.json`, `${stem}.tests.yaml`, `${stem}.tests.yml`].find((f) => existsSync(f));
}

function suiteReport(r: SuiteResult, lang: Lang): string {
  const lines: string[] = [];
  for (const c of r.cases) {
    lines.push(`${c.passed ? '✓' : '✗'} ${c.name}`);
    for (const d of c.differences) {
      lines.push(`    ${d.field}: ${d.message ? d.message[lang] : `${say(lang, 'cần', 'expected')} ${JSON.stringify(d.expected)}, ${say(lang, 'nhận', 'got')} ${JSON.stringify(d.actual)}`}`);
      for (const reason of d.reasons ?? []) lines.push(`      · ${reason.ruleId} (${reason.clause}): ${reason.message[lang]}`);
    }
  }
  if (r.unexercised.length) {
    lines.push(
      '',
      say(
        lang,
        `Chưa trường hợp nào cho thấy ${r.unexercised.length} quy tắc hoạt động (sửa chúng cũng không làm trường hợp nào sai):`,
        `No case shows ${r.unexercised.length} rule(s) at work (changing them would fail no case):`,
      ),
    );
    for (const id of r.unexercised) lines.push(`    ${id}`);
  }
  lines.push('', say(lang, `${r.pack}: ${r.passed} đạt, ${r.failed} không đạt`, `${r.pack}: ${r.passed} passed, ${r.failed} failed`));
  return `${lines.join('\n')}\n`;
}

/** `p135 pack test [pack]`: exit 0 when every case passes, 1 when one differs, 2 when unreadable. */
export async function runPackTest(idOrFile: string | undefined, o: Options & { tests?: string }): Promise<number> {
  const target = idOrFile ?? o.pack;
  const book = await loadBook(target, o.asOf);
  const found = o.tests ?? defaultTests(target);
  if (!found) throw fail(`không tìm thấy tệp kiểm thử cho "${target}": dùng --tests TỆP`, `no test file found for "${target}": use --tests FILE`);
  const suite = typeof found === 'string' ? await readTests(found, o.lang) : found;
  const result = await runPackTests(book.pack, suite);
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  await emit(format === 'json' ? toJson(result) : suiteReport(result, o.lang), o.output);
  return result.failed > 0 ? EXIT.findings : EXIT.ok;
}

/** `p135 pack diff A B`: the changes from A to B, in words. */
export async function runPackDiff(a: string, b: string, o: Options): Promise<number> {
  const [from, to] = [await loadBook(a, o.asOf), await loadBook(b, o.asOf)];
  const changes = diffPacks(from.pack, to.pack);
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  if (format === 'json') {
    await emit(toJson(changes), o.output);
    return EXIT.ok;
  }
  const sign = { added: '+', removed: '−', changed: '~' } as const;
  const body = changes.map((c) => `${sign[c.change]} ${c.message[o.lang]}`).join('\n');
  const head = say(
    o.lang,
    `${from.ref.id} ${from.ref.version} → ${to.ref.id} ${to.ref.version}: ${changes.length} thay đổi`,
    `${from.ref.id} ${from.ref.version} → ${to.ref.id} ${to.ref.version}: ${changes.length} change(s)`,
  );
  await emit(`${head}\n${body}${body ? '\n' : ''}`, o.output);
  return EXIT.ok;
}

/** `p135 pack init ID --from BASE`: a new pack extending BASE, and its first test file. */
/** `--province 04:"Cao Bằng"`: a two-digit province code and the province's name. */
function provinceOption(text: string | undefined): { code: string; name: string } | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d{2}):(.+)$/.exec(text.trim());
  if (!m) throw fail(`--province "${text}": viết MÃ:TÊN, ví dụ --province "04:Cao Bằng"`, `--province "${text}": write CODE:NAME, e.g. --province "04:Cao Bằng"`);
  return { code: m[1] as string, name: (m[2] as string).trim() };
}

/** `--places FILE`: the province's districts and communes, read and checked path by path. */
async function placesOption(file: string | undefined): Promise<Places | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw fail(`Không đọc được tệp danh sách huyện, xã ${file}`, `cannot read the places file ${file}`);
  }
  const r = parsePlaces(text);
  if (!r.value) throw new CliError(r.errors.map((p) => ({ place: { file, path: p.path }, code: p.code, message: p.message })));
  return r.value;
}

export async function runPackInit(id: string, o: Options & { from?: string; year?: number; dir?: string; force?: boolean; province?: string; places?: string }): Promise<number> {
  if (!PACK_ID.test(id))
    throw fail(`"${id}" không phải mã bộ quy tắc: dùng chữ thường nối bằng "-", ví dụ "quang-tri-2021"`, `"${id}" is not a pack id: use lower-case words joined by "-", e.g. "quang-tri-2021"`);
  const base = await loadBook(o.from ?? o.pack, o.asOf);
  const dir = o.dir ?? '.';
  const packFile = join(dir, `${id}.json`);
  const testFile = join(dir, `${id}.tests.json`);
  for (const f of [packFile, testFile]) {
    if (existsSync(f) && !o.force) throw fail(`${f} đã có; dùng --force để ghi đè`, `${f} already exists; use --force to overwrite`);
  }
  const province = provinceOption(o.province);
  const places = await placesOption(o.places);
  const { pack, tests } = await scaffoldPack({ id, base: base.pack, ...(o.year ? { year: o.year } : {}), ...(province ? { province } : {}), ...(places ? { places } : {}) });
  // Point editors at the JSON Schemas shipped with the rules package, when it can be found.
  const schema = (name: string) => {
    try {
      return relative(dir, createRequire(import.meta.url).resolve(`@p135/rules/schema/${name}`))
        .split(sep)
        .join('/');
    } catch {
      return undefined;
    }
  };
  const withSchema = <T extends object>(name: string, value: T) => {
    const $schema = schema(name);
    return $schema ? { $schema, ...value } : value;
  };
  await mkdir(dirname(packFile), { recursive: true });
  await writeFile(packFile, `${JSON.stringify(withSchema('pack.schema.json', pack), null, 2)}\n`);
  await writeFile(testFile, `${JSON.stringify(withSchema('pack-tests.schema.json', tests), null, 2)}\n`);
  process.stdout.write(
    `${say(
      o.lang,
      `Đã tạo ${packFile} (kế thừa ${base.ref.id} ${base.ref.version}) và ${testFile}.\nTiếp theo: sửa các tham số khác với kế hoạch của tỉnh, rồi chạy\n  p135 pack validate ${packFile}\n  p135 pack test ${packFile}\n  p135 pack diff ${base.ref.id} ${packFile}`,
      `Wrote ${packFile} (extending ${base.ref.id} ${base.ref.version}) and ${testFile}.\nNext: change the parameters that differ in your province's plan, then run\n  p135 pack validate ${packFile}\n  p135 pack test ${packFile}\n  p135 pack diff ${base.ref.id} ${packFile}`,
    )}\n`,
  );
  return EXIT.ok;
}

export function packToolCommands(setCode: (code: number) => void): Command[] {
  const test = withCommon(
    new Command('test')
      .summary(both('chạy các trường hợp kiểm thử của một bộ quy tắc', "run a pack's test vectors"))
      .description(
        both(
          'Chạy các trường hợp kiểm thử (JSON hoặc YAML) của bộ quy tắc; mã thoát 1 nếu có trường hợp sai, kèm các lý do khác nhau.',
          "Run a pack's test vectors (JSON or YAML); exit 1 when a case differs, with the reasons that differ.",
        ),
      )
      .argument(...PACK_ARGUMENT)
      .option(
        '--tests <file>',
        both('tệp kiểm thử (mặc định: tệp có sẵn, hoặc <tên>.tests.json|yaml cạnh tệp bộ quy tắc)', 'test file (default: the bundled one, or <name>.tests.json|yaml beside the pack file)'),
      ),
  );
  withOutput(test, ['table', 'json'], { vi: 'mặc định: danh sách', en: 'default: a list' });
  withExamples(test, ['p135 pack test lang-son-2020', 'p135 pack test example-2021 --lang en', 'p135 pack test packages/rules/packs/example-2021.json']);
  test.action(async (pack: string | undefined, o: Options & { tests?: string }) => setCode(await runPackTest(pack, o)));

  const diff = withCommon(
    new Command('diff')
      .summary(both('so sánh hai bộ quy tắc', 'compare two packs'))
      .description(both('Liệt kê tham số, quy tắc, điều khoản… khác nhau giữa hai bộ quy tắc, bằng lời.', 'List the parameters, rules, clauses… that differ between two packs, in words.'))
      .argument('<a>', both('bộ quy tắc trước (mã hoặc tệp)', 'the pack before (id or file)'))
      .argument('<b>', both('bộ quy tắc sau (mã hoặc tệp)', 'the pack after (id or file)')),
  );
  withOutput(diff, ['table', 'json'], { vi: 'mặc định: danh sách', en: 'default: a list' });
  withExamples(diff, ['p135 pack diff lang-son-2020 example-2021', 'p135 pack diff lang-son-2020 example-2021 --lang en']);
  diff.action(async (a: string, b: string, o: Options) => setCode(await runPackDiff(a, b, o)));

  const init = withCommon(
    new Command('init')
      .summary(both('tạo bộ quy tắc mới kế thừa một bộ có sẵn', 'start a new pack that extends another'))
      .description(
        both(
          'Tạo <mã>.json (kế thừa bộ quy tắc --from, chưa thay đổi gì) và <mã>.tests.json (một trường hợp kiểm thử đầu tiên, đạt ngay).',
          'Write <id>.json (extending the --from pack, changing nothing yet) and <id>.tests.json (a first test case, passing at once).',
        ),
      )
      .argument('<id>', both('mã bộ quy tắc mới, ví dụ quang-tri-2021', 'the new pack id, e.g. quang-tri-2021'))
      .option('--from <pack>', both('bộ quy tắc gốc (mặc định: --pack)', 'the base pack (default: --pack)'))
      .addOption(new Option('--year <year>', both('năm kế hoạch: mọi ngày và khung thời gian được chuyển sang năm này', 'plan year: every date and window is moved into it')).argParser(positiveInt))
      .option('--province <code:name>', both('tỉnh của bộ quy tắc mới, ví dụ "04:Cao Bằng"', 'the new pack\'s province, e.g. "04:Cao Bằng"'))
      .option(
        '--places <file>',
        both(
          'tệp JSON danh sách huyện, xã của tỉnh (mã và tên; như examples/lang-son-2020/units.json); mặc định: của bộ gốc',
          "a JSON file of the province's districts and communes (codes and names; like examples/lang-son-2020/units.json); default: the base's",
        ),
      )
      .option('--dir <dir>', both('thư mục ghi tệp (mặc định: thư mục hiện tại)', 'directory to write to (default: the current one)'))
      .option('--force', both('ghi đè tệp đã có', 'overwrite existing files')),
  );
  withExamples(init, ['p135 pack init cao-bang-2021 --from lang-son-2020 --year 2021 --province "04:Tỉnh Cao Bằng" --places examples/cao-bang-2021/places.json --dir /tmp/packs']);
  init.action(async (id: string, o: Options & { from?: string; year?: number; dir?: string; force?: boolean; province?: string; places?: string }) => setCode(await runPackInit(id, o)));

  return [test, diff, init];
}
