import { rankingSheet, toCsv, toJson, toXlsx } from '@p135/io';
import { type Candidate, rankClass } from '@p135/rules';
import { Command } from 'commander';
import { type InputOptions, loadBook, loadPlan, loadRoster, type OutputOptions, terminalWidth, refuseOverwritingInput } from '../context.js';
import { EXIT, fail } from '../errors.js';
import { chooseFormat, emit, requireFormat } from '../output.js';
import { withCommon, withExamples, withInput, withOutput, wholeNumber } from '../options.js';
import { rankReport } from '../views/rank.js';
import { both } from '../words.js';

interface RankOptions extends InputOptions, OutputOptions {
  readonly class?: string;
  readonly plan?: string;
  readonly track?: string;
  readonly capacity?: number;
}

export async function runRank(file: string, o: RankOptions): Promise<number> {
  const book = await loadBook(o.pack, o.asOf);
  const format = chooseFormat(o.format, o.output, process.stdout.isTTY ? 'table' : 'csv');
  requireFormat(format, ['table', 'json', 'csv', 'xlsx']);
  if (o.class && !o.plan) throw fail('--class cần --plan KẾ_HOẠCH.json', '--class needs --plan PLAN.json');
  if (!o.class && !o.track) throw fail('cần --class ID --plan KẾ_HOẠCH.json, hoặc --track MÃ_LỚP', 'give --class ID --plan PLAN.json, or --track TRACK');
  await refuseOverwritingInput(o.output, [file, o.plan]);
  const roster = await loadRoster(file, book, o);
  let track = o.track;
  let candidates: readonly Candidate[] = roster;
  const plan = o.plan ? await loadPlan(o.plan, book, o) : undefined;
  if (o.class && plan && o.plan) {
    const cls = plan.classes.find((c) => c.id === o.class);
    if (!cls) throw fail(`${o.plan}: không có lớp "${o.class}"`, `${o.plan}: no class "${o.class}"`);
    if (track && track !== cls.track) throw fail(`lớp ${cls.id} thuộc loại ${cls.track}, không phải ${track}`, `class ${cls.id} is a ${cls.track} class, not ${track}`);
    track = cls.track;
    const byId = new Map(roster.map((c) => [c.id, c] as const));
    const missing = cls.trainees.filter((id) => !byId.has(id));
    if (missing.length) {
      throw fail(
        `${file}: không có ${missing.length} học viên của lớp ${cls.id}: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
        `${file}: ${missing.length} trainee(s) of class ${cls.id} are not in the roster: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}`,
      );
    }
    candidates = cls.trainees.map((id) => byId.get(id) as Candidate);
  }
  if (!track || !book.track(track)) {
    throw fail(
      `--track: lớp "${track}" không có; chấp nhận: ${book.tracks.map((t) => t.code).join(', ')}`,
      `--track: unknown track "${track}"; accepted: ${book.tracks.map((t) => t.code).join(', ')}`,
    );
  }
  const ranking = await rankClass(book, candidates, {
    track,
    ...(o.capacity !== undefined ? { capacity: o.capacity } : {}),
    ...(plan ? { plan } : {}),
    ...(o.class ? { classId: o.class } : {}),
  });
  if (format === 'table') await emit(rankReport(ranking, book, o.lang, terminalWidth(), o.class), o.output);
  else if (format === 'json') await emit(toJson(ranking), o.output);
  else if (format === 'csv') await emit(toCsv(rankingSheet(ranking, o.lang)), o.output);
  else await emit(await toXlsx([rankingSheet(ranking, o.lang)]), o.output);
  return EXIT.ok;
}

export function rankCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('rank')
    .summary(both('xếp hạng một lớp quá đông: được dự và danh sách chờ', 'rank an over-subscribed class: admitted and waiting'))
    .description(
      both(
        'Xếp hạng học viên của một lớp theo điểm ưu tiên: danh sách được dự và danh sách chờ. Lớp và học viên lấy từ kế hoạch (--class, --plan), hoặc xếp cả danh sách cho một loại lớp (--track). Số chỗ mặc định là sĩ số của loại lớp.',
        "Rank a class's trainees by priority: the admitted list and the waiting list. The class and its trainees come from the plan (--class, --plan), or rank the whole roster for one track (--track). Capacity defaults to the track's target size.",
      ),
    )
    .argument('<file>', both('tệp danh sách học viên, hoặc -', 'roster file, or -'))
    .option('--class <id>', both('mã lớp trong kế hoạch', 'class id in the plan'))
    .option('--plan <file>', both('tệp kế hoạch JSON', 'plan JSON file'))
    .option('--track <track>', both('loại lớp (không cần kế hoạch)', 'track code (no plan needed)'))
    .option('--capacity <n>', both('số chỗ (mặc định: sĩ số của loại lớp)', "places (default: the track's target size)"), wholeNumber);
  withInput(withCommon(cmd));
  withOutput(cmd, ['table', 'json', 'csv', 'xlsx'], { vi: 'mặc định: bảng trên terminal, CSV khi chuyển tiếp', en: 'default: a table on a terminal, CSV when piped' });
  withExamples(cmd, [
    'p135 rank examples/lang-son-2020/candidates.csv --plan examples/lang-son-2020/plan.json --class PN-1 --capacity 100 --format table',
    'p135 rank examples/lang-son-2020/candidates.csv --track province_community --format csv',
  ]);
  return cmd.action(async (file: string, o: RankOptions) => setCode(await runRank(file, o)));
}
