import { budgetSheet, findingsSheet, toCsv, toJson, toXlsx } from '@p135/io';
import { checkPlan } from '@p135/rules';
import { Command } from 'commander';
import { type InputOptions, loadBook, loadPlan, loadRoster, type OutputOptions, terminalWidth, refuseOverwritingInput } from '../context.js';
import { EXIT, fail } from '../errors.js';
import { chooseFormat, emit, requireFormat } from '../output.js';
import { withCommon, withExamples, withInput, withOutput } from '../options.js';
import { planReport } from '../views/plan.js';
import { both } from '../words.js';

interface PlanCheckOptions extends InputOptions, OutputOptions {
  readonly roster?: string;
}

export async function runPlanCheck(file: string, o: PlanCheckOptions): Promise<number> {
  const lang = o.lang;
  const book = await loadBook(o.pack, o.asOf);
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json', 'csv', 'xlsx']);
  await refuseOverwritingInput(o.output, [file, o.roster]);
  const plan = await loadPlan(file, book, o);
  const candidates = o.roster ? await loadRoster(o.roster, book, o) : plan.candidates;
  if (!candidates) {
    throw fail(`${file}: kế hoạch không kèm danh sách học viên (candidates); hãy thêm --roster TỆP`, `${file}: the plan has no roster (candidates); pass --roster FILE`);
  }
  const report = await checkPlan(book, plan, { candidates });
  if (format === 'table') await emit(planReport(plan, report, book, lang, terminalWidth()), o.output);
  else if (format === 'json') await emit(toJson(report), o.output);
  else if (format === 'csv') await emit(toCsv(findingsSheet(report, lang)), o.output);
  else await emit(await toXlsx([findingsSheet(report, lang), budgetSheet(report, book, lang)]), o.output);
  return report.passed ? EXIT.ok : EXIT.findings;
}

export function planCommand(setCode: (code: number) => void): Command {
  const check = new Command('check')
    .summary(both('kiểm tra kế hoạch và kinh phí', 'check a plan and its budget'))
    .description(
      both(
        'Kiểm tra kế hoạch (JSON): các phát hiện theo lớp, đoàn, học viên, huyện, xã, và tổng kinh phí so với trần và các giới hạn. Mã thoát 1 nếu có lỗi.',
        'Check a plan (JSON): findings per class, study tour, trainee, district and commune, and the budget against its ceiling and caps. Exit 1 when there is an error.',
      ),
    )
    .argument('<plan>', both('tệp kế hoạch JSON', 'plan JSON file'))
    .option('--roster <file>', both('danh sách học viên mà kế hoạch tham chiếu (mặc định: candidates trong kế hoạch)', "the roster the plan's trainee ids refer to (default: the plan's candidates)"));
  withInput(withCommon(check));
  withOutput(check, ['table', 'json', 'csv', 'xlsx'], {
    vi: 'mặc định: văn bản; CSV chỉ gồm các phát hiện; XLSX gồm phát hiện và kinh phí',
    en: 'default: text; CSV holds the findings; XLSX the findings and the budget',
  });
  withExamples(check, ['p135 plan check examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv']);
  check.action(async (file: string, o: PlanCheckOptions) => setCode(await runPlanCheck(file, o)));
  const plan = new Command('plan').summary(both('kế hoạch', 'plans')).description(both('Lệnh về kế hoạch', 'Plan commands')).addCommand(check);
  withExamples(plan, ['p135 plan check examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv']);
  return plan;
}
