import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { formatDecimalText, type Lang } from '@p135/rules';
import {
  type Cell,
  isMoneyCell,
  readResults,
  reportCsv,
  reportHtml,
  reportJson,
  type ReportTable,
  reportTableKeys,
  reportTables,
  reportXlsx,
  type ResultsReport,
  resultsTemplate,
  sheetsCsv,
  toXlsx,
} from '@p135/io';
import { readSource } from '@p135/io/node';
import { districtReport, type Plan, provinceReport, type Results, type Rulebook } from '@p135/rules';
import { Command, Option } from 'commander';
import { type InputOptions, limitsOf, loadBook, loadPlan, loadRoster, type OutputOptions } from '../context.js';
import { CliError, EXIT, fail } from '../errors.js';
import { emit } from '../output.js';
import { withCommon, withExamples, withInput } from '../options.js';
import { both } from '../words.js';

/** `p135 report`: results templates, a district's report and the provincial consolidation (KH.III.3, KH.III.1). */

const REPORT_FORMATS = ['table', 'json', 'csv', 'xlsx', 'html'] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];
const BY_EXTENSION: Readonly<Record<string, ReportFormat>> = { json: 'json', csv: 'csv', xlsx: 'xlsx', html: 'html', htm: 'html', txt: 'table' };

interface ReportOptions extends InputOptions, OutputOptions {
  readonly plan: string;
  readonly roster: string;
  readonly table?: string;
}

function formatOf(o: OutputOptions): ReportFormat {
  if (o.format) return o.format as ReportFormat;
  const ext = o.output ? /\.([A-Za-z0-9]+)$/.exec(o.output)?.[1]?.toLowerCase() : undefined;
  return (ext && Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined) ?? 'table';
}

/** One results file (JSON, the results workbook, or it as CSV), validated against the pack, plan and roster; or exit 2 with every problem's place. */
async function loadResults(file: string, book: Rulebook, plan: Plan, roster: ReadonlyMap<string, import('@p135/rules').Candidate>, o: InputOptions): Promise<Results> {
  const read = await readSource(file, { limits: limitsOf(o) });
  if ('error' in read) throw new CliError([read.error]);
  const results = await readResults(read.source, book, { plan, roster, limits: limitsOf(o) });
  if (!results.results) throw new CliError(results.errors);
  return results.results;
}

/** Files given, with each directory replaced by its .json, .xlsx and .csv files (in name order). */
async function expandFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (s?.isDirectory()) {
      const names = (await readdir(p)).filter((n) => /\.(json|xlsx|csv)$/i.test(n)).sort();
      if (!names.length) throw fail(`${p}: thư mục không có tệp kết quả (.json, .xlsx, .csv)`, `${p}: the folder has no results files (.json, .xlsx, .csv)`);
      out.push(...names.map((n) => join(p, n)));
    } else out.push(p);
  }
  return out;
}

const cellText = (c: Cell, lang: Lang): string => (c === null ? '' : typeof c === 'string' ? c : isMoneyCell(c) ? formatDecimalText(c.money, lang) : formatDecimalText(String(c), lang));

/** A report for the terminal: its heading, then each table as aligned text. */
function textReport(report: ResultsReport, lang: Lang): string {
  const h = report.heading;
  const lines = [h.issuer[lang], h.title[lang], h.dateline[lang], ...(h.note ? [h.note] : []), ''];
  const tables: ReportTable[] = reportTables(report, lang);
  tables.forEach((t, i) => {
    lines.push(`${i + 1}. ${t.title[lang]}`);
    const body = [
      t.columns.map((c) => c.header),
      ...t.rows.map((r) => t.columns.map((_, k) => cellText(r[k] ?? null, lang))),
      ...(t.total ? [t.columns.map((_, k) => cellText(t.total?.[k] ?? null, lang))] : []),
    ];
    const widths = t.columns.map((_, k) => Math.min(60, Math.max(...body.map((r) => (r[k] ?? '').length))));
    for (const r of body)
      lines.push(
        `  ${r
          .map((x, k) => (x.length > 60 ? `${x.slice(0, 59)}…` : x).padEnd(widths[k] ?? 0))
          .join('  ')
          .trimEnd()}`,
      );
    lines.push('');
  });
  lines.push(lang === 'vi' ? `Lỗi: ${report.errors}, cảnh báo: ${report.warnings}` : `Errors: ${report.errors}, warnings: ${report.warnings}`);
  return `${lines.join('\n')}\n`;
}

async function emitReport(report: ResultsReport, o: ReportOptions): Promise<void> {
  const format = formatOf(o);
  const lang = o.lang;
  if (!REPORT_FORMATS.includes(format))
    throw fail(`lệnh này không xuất được dạng ${format}; chọn: ${REPORT_FORMATS.join(', ')}`, `this command cannot write ${format}; choose: ${REPORT_FORMATS.join(', ')}`);
  if (o.table !== undefined && !reportTableKeys(report).includes(o.table)) {
    throw fail(`không có bảng "${o.table}"; chọn: ${reportTableKeys(report).join(', ')}`, `no table "${o.table}"; choose: ${reportTableKeys(report).join(', ')}`);
  }
  if (format === 'json') await emit(reportJson(report), o.output);
  else if (format === 'csv') await emit(reportCsv(report, lang, o.table) ?? '', o.output);
  else if (format === 'xlsx') await emit(await reportXlsx(report, lang), o.output);
  else if (format === 'html') await emit(reportHtml(report, lang), o.output);
  else await emit(textReport(report, lang), o.output);
}

async function loadInputs(o: ReportOptions) {
  const book = await loadBook(o.pack, o.asOf);
  const plan = await loadPlan(o.plan, book, o);
  const roster = new Map((await loadRoster(o.roster, book, o)).map((c) => [c.id, c] as const));
  return { book, plan, roster };
}

export async function runDistrict(file: string, o: ReportOptions): Promise<number> {
  const { book, plan, roster } = await loadInputs(o);
  const results = await loadResults(file, book, plan, roster, o);
  const report = await districtReport(book, plan, results, { roster });
  await emitReport(report, o);
  return report.errors > 0 ? EXIT.findings : EXIT.ok;
}

export async function runProvince(files: readonly string[], o: ReportOptions): Promise<number> {
  const { book, plan, roster } = await loadInputs(o);
  const all: Results[] = [];
  for (const f of await expandFiles(files)) all.push(await loadResults(f, book, plan, roster, o));
  const report = await provinceReport(book, plan, all, { roster, ...(o.asOf ? { asOf: o.asOf } : {}) });
  await emitReport(report, o);
  return report.errors > 0 ? EXIT.findings : EXIT.ok;
}

interface TemplateOptions extends InputOptions, OutputOptions {
  readonly plan?: string;
  readonly district?: string;
}

export async function runTemplate(o: TemplateOptions): Promise<number> {
  const book = await loadBook(o.pack, o.asOf);
  const plan = o.plan ? await loadPlan(o.plan, book, o) : undefined;
  if (o.district !== undefined && !/^[0-9]{3}$/.test(o.district)) throw fail(`mã huyện "${o.district}" phải có 3 chữ số, ví dụ 180`, `district code "${o.district}" must have 3 digits, e.g. 180`);
  const sheets = resultsTemplate(book, plan, o.lang, o.district);
  // `-o ket-qua.csv`: the same workbook as one CSV, each sheet under a line with its name.
  await emit(o.output && /\.csv$/i.test(o.output) ? sheetsCsv(sheets) : await toXlsx(sheets), o.output);
  return EXIT.ok;
}

const withReportOutput = (cmd: Command) =>
  cmd
    .requiredOption('--plan <file>', both('tệp kế hoạch JSON mà kết quả trả lời', 'the plan JSON file the results answer'))
    .requiredOption('--roster <file>', both('danh sách học viên mà mã học viên tham chiếu', 'the roster the trainee ids refer to'))
    .addOption(
      new Option(
        '--format <format>',
        both('định dạng: table (văn bản), json, csv, xlsx (in như báo cáo), html (trang in A4)', 'format: table (text), json, csv, xlsx (printed layout), html (printable A4 page)'),
      ).choices([...REPORT_FORMATS]),
    )
    .option('-o, --output <file>', both('ghi kết quả vào tệp (định dạng theo đuôi tệp nếu không có --format)', 'write the result to a file (format from its extension unless --format)'))
    .option('--table <key>', both('CSV: chỉ một bảng (vd. findings, trainees, spending)', 'CSV: one table only (e.g. findings, trainees, spending)'));

export function reportCommand(setCode: (code: number) => void): Command {
  const template = new Command('template')
    .summary(both('mẫu sổ kết quả (XLSX, tiêu đề tiếng Việt)', 'the results workbook template (XLSX, Vietnamese headers)'))
    .description(
      both(
        'Ghi mẫu sổ kết quả để huyện điền: trang Báo cáo, Lớp đã tổ chức, Học viên, Đoàn tham quan, Kinh phí; với --plan, điền sẵn các lớp của kế hoạch (của huyện nếu có --district).',
        'Write the results workbook a district fills in: Report, Classes held, Attendance, Study tours, Spending sheets; with --plan, pre-filled with the plan’s classes (the district’s with --district).',
      ),
    )
    .option('--plan <file>', both('tệp kế hoạch JSON để điền sẵn các lớp', 'plan JSON file to pre-fill the classes from'))
    .option('--district <code>', both('mã huyện (3 chữ số)', 'district code (3 digits)'))
    .option('-o, --output <file>', both('tệp XLSX để ghi (.csv: cùng các trang trong một tệp CSV)', 'the XLSX file to write (.csv: the same sheets in one CSV file)'));
  withInput(withCommon(template));
  withExamples(template, ['p135 report template --plan examples/lang-son-2020/plan.json --district 180 -o ket-qua-180.xlsx']);
  template.action(async (o: TemplateOptions) => setCode(await runTemplate(o)));

  const district = new Command('district')
    .summary(both('báo cáo kết quả của một huyện', "a district's results report"))
    .description(
      both(
        'Báo cáo kết quả của một huyện (KH.III.3) từ tệp kết quả (JSON, sổ kết quả XLSX hoặc CSV): lớp theo kế hoạch và đã tổ chức, học viên, kinh phí, các phát hiện, đúng hạn hay chậm. Mã thoát 1 nếu có lỗi.',
        "A district's results report (KH.III.3) from a results file (JSON, the results workbook, or it as CSV): classes planned and held, trainees, spending, findings, on time or late. Exit 1 when there is an error.",
      ),
    )
    .argument('<results>', both('tệp kết quả của huyện', "the district's results file"));
  withReportOutput(withInput(withCommon(district)));
  withExamples(district, [
    'p135 report district examples/lang-son-2020/results/district-180.json --plan examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv -o bao-cao-180.xlsx',
  ]);
  district.action(async (file: string, o: ReportOptions) => setCode(await runDistrict(file, o)));

  const province = new Command('province')
    .summary(both('báo cáo tổng hợp của tỉnh', 'the provincial consolidation'))
    .description(
      both(
        'Tổng hợp báo cáo của các huyện và của Ban Dân tộc (KH.III.1): huyện chậm, chưa gửi; người được nhiều huyện báo cáo; kinh phí so với tổng dự toán và mức trần tham quan 10%; mục tiêu của kế hoạch so với kết quả. Mã thoát 1 nếu có lỗi.',
        "Consolidate the districts' and Ban Dân tộc's results (KH.III.1): districts late or missing; people reported by two districts; spending against the ceiling and the 10% study-tour cap; the plan's targets against what was done. Exit 1 when there is an error.",
      ),
    )
    .argument('<results...>', both('các tệp kết quả, hoặc một thư mục', 'results files, or a folder of them'))
    .addHelpText('after', `\n--as-of: ${both('cũng là ngày tổng hợp: huyện chưa gửi đến ngày này là thiếu', 'also the day of the consolidation: a district with no report by then is missing')}\n`);
  withReportOutput(withInput(withCommon(province)));
  withExamples(province, ['p135 report province examples/lang-son-2020/results --plan examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv -o tong-hop.html']);
  province.action(async (files: string[], o: ReportOptions) => {
    setCode(await runProvince(files, o));
  });

  const report = new Command('report')
    .summary(both('báo cáo kết quả (huyện, tỉnh)', 'results reports (district, province)'))
    .description(both('Lệnh về báo cáo kết quả các lớp đã tổ chức', 'Results report commands'))
    .addCommand(template)
    .addCommand(district)
    .addCommand(province);
  withExamples(report, ['p135 report district examples/lang-son-2020/results/district-180.json --plan examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv']);
  return report;
}
