import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { toJson } from '@p135/io';
import {
  bundledPack,
  bundledPackTests,
  checkPack,
  diffPacks,
  type Lang,
  PACK_ID,
  type PackTestSuite,
  type Places,
  parsePackTests,
  parsePlaces,
  type RosterImpact,
  rosterImpact,
  runPackTests,
  scaffoldPack,
  type SuiteResult,
  type TrackAnswer,
} from '@p135/rules';
import { Command, Option } from 'commander';
import { parse as parseYaml } from 'yaml';
import { type CommonOptions, type InputOptions, loadBook, loadRoster, type OutputOptions, refuseOverwritingInput } from '../context.js';
import { CliError, EXIT, fail } from '../errors.js';
import { chooseFormat, emit, requireFormat } from '../output.js';
import { PACK_ARGUMENT, positiveInt, withCommon, withExamples, withInput, withOutput } from '../options.js';
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

/** Whether a pack file extends another (its findings' paths are then in the pack as extended). */
async function extendsAnother(file: string): Promise<boolean> {
  try {
    const value: unknown = JSON.parse(await readFile(file, 'utf8'));
    return typeof value === 'object' && value !== null && Object.hasOwn(value, 'extends');
  } catch {
    return false;
  }
}

/** `p135 pack check [pack]`: what the pack's rules mean; exit 1 only when there is an error, 2 when unreadable. */
export async function runPackCheck(idOrFile: string | undefined, o: Options & { tests?: string }): Promise<number> {
  const target = idOrFile ?? o.pack;
  const book = await loadBook(target, o.asOf);
  const found = o.tests ?? defaultTests(target);
  const tests = found === undefined ? undefined : typeof found === 'string' ? await readTests(found, o.lang) : found;
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  const report = await checkPack(book.pack, { ...(tests ? { tests } : {}), asOf: book.ref.asOf });
  if (format === 'json') {
    await emit(toJson(report), o.output);
    return report.errors > 0 ? EXIT.findings : EXIT.ok;
  }
  const testFile = typeof found === 'string' ? found : say(o.lang, 'các trường hợp kiểm thử có sẵn', 'the bundled test vectors');
  const lines = report.findings.map((f) => {
    const mark = f.severity === 'error' ? say(o.lang, '✗ lỗi', '✗ error') : say(o.lang, '! cảnh báo', '! warning');
    const where = f.in === 'tests' ? `${testFile} ${f.path}` : f.path;
    return `${mark} ${where}: ${f.message[o.lang]}`;
  });
  const head = say(
    o.lang,
    `${report.pack.id} ${report.pack.version} (ngày ${report.asOf}): ${report.errors} lỗi, ${report.warnings} cảnh báo`,
    `${report.pack.id} ${report.pack.version} (as of ${report.asOf}): ${report.errors} error(s), ${report.warnings} warning(s)`,
  );
  const extended = bundledPack(target) ? false : await extendsAnother(target);
  const asExtended = extended
    ? [say(o.lang, 'Đường dẫn là của bộ quy tắc sau khi kế thừa (xem: p135 pack show TỆP --format json).', 'Paths are in the pack as extended (see: p135 pack show FILE --format json).')]
    : [];
  const noTests = tests
    ? []
    : [say(o.lang, 'Không có tệp kiểm thử (--tests): chưa xét quy tắc nào thiếu trường hợp kiểm thử.', 'No test file (--tests): rules without a test vector were not looked for.')];
  await emit(`${[...lines, ...asExtended, ...noTests, head].join('\n')}\n`, o.output);
  return report.errors > 0 ? EXIT.findings : EXIT.ok;
}

/** One person's answer for a track, in a line: eligible, or not and every reason with its clause. */
function answerText(x: TrackAnswer, lang: Lang): string {
  if (!x.offered) return say(lang, 'bộ quy tắc không có loại lớp này', 'the pack has no such track');
  const points = x.points ? say(lang, `, ${x.points} điểm ưu tiên`, `, ${x.points} priority point(s)`) : '';
  if (x.eligible) return `${say(lang, 'đủ điều kiện', 'eligible')}${points}`;
  return `${say(lang, 'không đủ điều kiện', 'not eligible')}${points}: ${x.reasons.map((r) => `${r.ruleId} (${r.clause}) ${r.message[lang]}`).join('; ')}`;
}

/** The roster part of `pack diff --roster`: per track, how many answers change, and a few people with both sets of reasons. */
function impactReport(impact: RosterImpact, file: string, lang: Lang): string {
  const lines = [
    '',
    say(
      lang,
      `Trên danh sách ${file} (${impact.people} người): ${impact.changedPeople} người có kết quả đủ điều kiện thay đổi`,
      `On the roster ${file} (${impact.people} people): ${impact.changedPeople} people's eligibility changes`,
    ),
  ];
  for (const t of impact.tracks) {
    lines.push(
      `  ${t.track}: ${say(
        lang,
        `+${t.becameEligible} thành đủ điều kiện, −${t.becameIneligible} không còn đủ điều kiện, ${t.otherwiseChanged} thay đổi khác (lý do, điểm ưu tiên, bên chi trả)`,
        `+${t.becameEligible} become eligible, −${t.becameIneligible} no longer eligible, ${t.otherwiseChanged} otherwise changed (reasons, priority points, who pays)`,
      )}`,
    );
    for (const e of t.examples) {
      lines.push(`    · ${e.candidateId} ${e.name}`);
      lines.push(`        ${say(lang, 'trước', 'before')}: ${answerText(e.before, lang)}`);
      lines.push(`        ${say(lang, 'sau', 'after')}: ${answerText(e.after, lang)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `p135 pack diff A B [--roster FILE]`: the changes from A to B, in words; with a roster, whose answers change. */
export async function runPackDiff(a: string, b: string, o: Options & InputOptions & { roster?: string; examples?: number }): Promise<number> {
  const [from, to] = [await loadBook(a, o.asOf), await loadBook(b, o.asOf)];
  const changes = diffPacks(from.pack, to.pack);
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  await refuseOverwritingInput(o.output, [o.roster]);
  // The roster is read with the pack after (its words, its roles); both packs decide the same people.
  const impact = o.roster ? await rosterImpact(from, to, await loadRoster(o.roster, to, o), { examples: o.examples ?? 3 }) : undefined;
  if (format === 'json') {
    await emit(toJson(impact ? { changes, roster: impact } : changes), o.output);
    return EXIT.ok;
  }
  const sign = { added: '+', removed: '−', changed: '~' } as const;
  const body = changes.map((c) => `${sign[c.change]} ${c.message[o.lang]}`).join('\n');
  const head = say(
    o.lang,
    `${from.ref.id} ${from.ref.version} → ${to.ref.id} ${to.ref.version}: ${changes.length} thay đổi`,
    `${from.ref.id} ${from.ref.version} → ${to.ref.id} ${to.ref.version}: ${changes.length} change(s)`,
  );
  await emit(`${head}\n${body}${body ? '\n' : ''}${impact && o.roster ? impactReport(impact, o.roster, o.lang) : ''}`, o.output);
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

  const check = withCommon(
    new Command('check')
      .summary(both('các quy tắc của một bộ quy tắc có nghĩa gì: điều kiện không bao giờ đúng, quy tắc bị che…', "what a pack's rules mean: conditions that never hold, shadowed rules…"))
      .description(
        both(
          'Tìm trong bộ quy tắc: điều kiện không bao giờ đúng hoặc luôn đúng, quy tắc bị quy tắc khác che, tham số không dùng, loại lớp không chức vụ nào được học, chức vụ không loại lớp nào nhận, điều khoản không được dẫn, quy tắc chưa có trường hợp kiểm thử, mã trong tệp kiểm thử không có. Mỗi phát hiện kèm đường dẫn JSON; mã thoát 1 chỉ khi có lỗi.',
          'Find in a pack: conditions that never or always hold, rules another rule shadows, parameters nothing uses, tracks no role can enter, roles no track admits, clauses nothing cites, rules no test vector exercises, ids in the test vectors the pack does not have. Each finding with its JSON path; exit 1 only for errors.',
        ),
      )
      .argument(...PACK_ARGUMENT)
      .option(
        '--tests <file>',
        both('tệp kiểm thử (mặc định: tệp có sẵn, hoặc <tên>.tests.json|yaml cạnh tệp bộ quy tắc)', 'test file (default: the bundled one, or <name>.tests.json|yaml beside the pack file)'),
      ),
  );
  withOutput(check, ['table', 'json'], { vi: 'mặc định: danh sách', en: 'default: a list' });
  withExamples(check, ['p135 pack check lang-son-2020', 'p135 pack check my-pack.json --lang en', 'p135 pack check example-2021 --format json']);
  check.action(async (pack: string | undefined, o: Options & { tests?: string }) => setCode(await runPackCheck(pack, o)));

  const diff = withInput(
    withCommon(
      new Command('diff')
        .summary(both('so sánh hai bộ quy tắc', 'compare two packs'))
        .description(
          both(
            'Liệt kê tham số, quy tắc, điều khoản… khác nhau giữa hai bộ quy tắc, bằng lời. Với --roster: mỗi loại lớp có bao nhiêu người thay đổi kết quả, kèm vài ví dụ với lý do của cả hai bộ.',
            "List the parameters, rules, clauses… that differ between two packs, in words. With --roster: per track, how many people's answers change, with a few examples giving both packs' reasons.",
          ),
        )
        .argument('<a>', both('bộ quy tắc trước (mã hoặc tệp)', 'the pack before (id or file)'))
        .argument('<b>', both('bộ quy tắc sau (mã hoặc tệp)', 'the pack after (id or file)'))
        .option('--roster <file>', both('danh sách người (CSV, XLSX, JSON) để xét bằng cả hai bộ', 'a roster (CSV, XLSX, JSON) to decide with both packs'))
        .addOption(new Option('--examples <n>', both('số ví dụ mỗi loại lớp (mặc định 3)', 'examples per track (default 3)')).argParser(positiveInt)),
    ),
  );
  withOutput(diff, ['table', 'json'], { vi: 'mặc định: danh sách', en: 'default: a list' });
  withExamples(diff, [
    'p135 pack diff lang-son-2020 example-2021',
    'p135 pack diff lang-son-2020 example-2021 --lang en',
    'p135 pack diff lang-son-2020 example-2021 --roster examples/lang-son-2020/candidates.csv',
  ]);
  diff.action(async (a: string, b: string, o: Options & InputOptions & { roster?: string; examples?: number }) => setCode(await runPackDiff(a, b, o)));

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

  return [test, check, diff, init];
}
