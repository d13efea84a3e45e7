import { budgetSheet, findingsSheet, planTemplate, toCsv, toJson, toXlsx } from '@p135/io';
import { checkPlan } from '@p135/rules';
import { Command, Option } from 'commander';
import { type InputOptions, loadBook, loadPlan, loadRoster, type OutputOptions, refuseOverwritingInput, terminalWidth } from '../context.js';
import { EXIT, fail } from '../errors.js';
import { chooseFormat, emit, requireFormat } from '../output.js';
import { positiveInt, withCommon, withExamples, withInput, withOutput } from '../options.js';
import { planReport } from '../views/plan.js';
import { both } from '../words.js';

/** Findings listed per rule unless `--limit` says otherwise (the summary counts them all). */
export const DEFAULT_LIMIT = 20;

interface PlanCheckOptions extends InputOptions, OutputOptions {
  readonly roster?: string;
  readonly limit?: number;
}

export async function runPlanCheck(files: readonly string[], o: PlanCheckOptions): Promise<number> {
  const lang = o.lang;
  const book = await loadBook(o.pack, o.asOf);
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json', 'csv', 'xlsx']);
  await refuseOverwritingInput(o.output, [...files, o.roster]);
  const plan = await loadPlan(files, book, o);
  const candidates = o.roster ? await loadRoster(o.roster, book, o) : plan.candidates;
  const named = files.join(', ');
  if (!candidates) {
    throw fail(`${named}: kế hoạch không kèm danh sách học viên (candidates); hãy thêm --roster TỆP`, `${named}: the plan has no roster (candidates); pass --roster FILE`);
  }
  const report = await checkPlan(book, plan, { candidates, findingsPerRule: o.limit ?? DEFAULT_LIMIT });
  if (format === 'table') await emit(planReport(plan, report, book, lang, terminalWidth(), o.limit ?? DEFAULT_LIMIT), o.output);
  else if (format === 'json') await emit(toJson(report), o.output);
  else if (format === 'csv') await emit(toCsv(findingsSheet(report, lang, { book, candidates })), o.output);
  else await emit(await toXlsx([findingsSheet(report, lang, { book, candidates }), budgetSheet(report, book, lang)]), o.output);
  return report.passed ? EXIT.ok : EXIT.findings;
}

interface PlanTemplateOptions extends InputOptions {
  readonly from?: string;
  readonly output?: string;
}

/** `p135 plan template -o ke-hoach.xlsx`: the plan workbook, empty or filled from a plan (`--from`). */
export async function runPlanTemplate(o: PlanTemplateOptions): Promise<number> {
  const book = await loadBook(o.pack);
  if (!o.output) throw fail('cần -o TỆP.xlsx: mẫu kế hoạch là tệp XLSX', 'give -o FILE.xlsx: the plan template is an XLSX file');
  requireFormat(chooseFormat(undefined, o.output, 'xlsx'), ['xlsx']);
  await refuseOverwritingInput(o.output, [o.from]);
  const plan = o.from ? await loadPlan(o.from, book, o) : undefined;
  await emit(await toXlsx(planTemplate(book, o.lang, plan)), o.output);
  return EXIT.ok;
}

export function planCommand(setCode: (code: number) => void): Command {
  const check = new Command('check')
    .summary(both('kiểm tra kế hoạch và kinh phí', 'check a plan and its budget'))
    .description(
      both(
        'Kiểm tra kế hoạch (JSON, sổ kế hoạch XLSX của "p135 plan template", hoặc các tệp CSV mỗi tệp một trang): tóm tắt theo quy tắc trước, rồi chi tiết; các phát hiện theo lớp, đoàn, học viên, huyện, xã, và tổng kinh phí so với trần và các giới hạn. Mã thoát 1 nếu có lỗi.',
        'Check a plan (JSON, the plan workbook of "p135 plan template", or CSV files, one per sheet): a summary per rule first, then the details; findings per class, study tour, trainee, district and commune, and the budget against its ceiling and caps. Exit 1 when there is an error.',
      ),
    )
    .argument('<plan...>', both('tệp kế hoạch: JSON, XLSX, hoặc các tệp CSV (lớp, học viên, đoàn, dự toán)', 'plan file: JSON, XLSX, or CSV files (classes, trainees, tours, budget)'))
    .option('--roster <file>', both('danh sách học viên mà kế hoạch tham chiếu (mặc định: candidates trong kế hoạch)', "the roster the plan's trainee ids refer to (default: the plan's candidates)"))
    .addOption(
      new Option(
        '--limit <n>',
        both(
          `số phát hiện liệt kê chi tiết cho mỗi quy tắc (mặc định ${DEFAULT_LIMIT}; phần tóm tắt đếm tất cả)`,
          `findings listed in detail per rule (default ${DEFAULT_LIMIT}; the summary counts them all)`,
        ),
      ).argParser(positiveInt),
    );
  withInput(withCommon(check));
  withOutput(check, ['table', 'json', 'csv', 'xlsx'], {
    vi: 'mặc định: văn bản; CSV chỉ gồm các phát hiện; XLSX gồm phát hiện và kinh phí',
    en: 'default: text; CSV holds the findings; XLSX the findings and the budget',
  });
  withExamples(check, [
    'p135 plan check examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv',
    'p135 plan check examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates-sample.xlsx --limit 5',
  ]);
  check.action(async (files: string[], o: PlanCheckOptions) => setCode(await runPlanCheck(files, o)));

  const template = new Command('template')
    .summary(both('mẫu sổ kế hoạch (XLSX, tiêu đề tiếng Việt)', 'the plan workbook template (XLSX, Vietnamese headers)'))
    .description(
      both(
        'Ghi mẫu sổ kế hoạch để điền: trang Kế hoạch, Lớp, Học viên (mỗi người một dòng), Đoàn tham quan, Dự toán (số tiền là ô số hoặc chữ như 150.000.000), và danh sách loại lớp. "p135 plan check" đọc sổ đã điền. Với --from, điền sẵn từ một kế hoạch có sẵn.',
        'Write the plan workbook to fill in: Plan, Classes, Trainees (a row per person), Study tours, Budget sheets (amounts as number cells or text such as 150.000.000), and the list of tracks. "p135 plan check" reads the filled workbook. With --from, filled from an existing plan.',
      ),
    )
    .option('--from <file>', both('kế hoạch có sẵn (JSON, XLSX) để điền vào mẫu', 'an existing plan (JSON, XLSX) to fill the template from'))
    .option('-o, --output <file>', both('tệp XLSX để ghi', 'the XLSX file to write'));
  withInput(withCommon(template));
  withExamples(template, ['p135 plan template -o ke-hoach.xlsx', 'p135 plan template --from examples/lang-son-2020/plan.json -o ke-hoach-2020.xlsx']);
  template.action(async (o: PlanTemplateOptions) => setCode(await runPlanTemplate(o)));

  const plan = new Command('plan').summary(both('kế hoạch', 'plans')).description(both('Lệnh về kế hoạch', 'Plan commands')).addCommand(check).addCommand(template);
  withExamples(plan, ['p135 plan template -o ke-hoach.xlsx', 'p135 plan check examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv']);
  return plan;
}
