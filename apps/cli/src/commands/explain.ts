import { toJson } from '@p135/io';
import { decide, whatWouldChangeEach } from '@p135/rules';
import { Command } from 'commander';
import { type InputOptions, loadBook, loadRoster, type OutputOptions, terminalWidth } from '../context.js';
import { EXIT, fail } from '../errors.js';
import { chooseFormat, emit, requireFormat } from '../output.js';
import { withCommon, withExamples, withInput, withOutput } from '../options.js';
import { explainReport } from '../views/explain.js';
import { both } from '../words.js';

interface ExplainOptions extends InputOptions, OutputOptions {
  readonly id: string;
}

export async function runExplain(file: string, o: ExplainOptions): Promise<number> {
  const book = await loadBook(o.pack, o.asOf);
  const format = chooseFormat(o.format, o.output, 'table');
  requireFormat(format, ['table', 'json']);
  const candidates = await loadRoster(file, book, o);
  const candidate = candidates.find((c) => c.id === o.id);
  if (!candidate) throw fail(`${file}: không có người có mã "${o.id}"`, `${file}: no person with id "${o.id}"`);
  const decision = await decide(book, candidate, { explain: true });
  // For each track the person may not attend: the smallest change of the facts that can change that would open it.
  const changes = await whatWouldChangeEach(book, candidate, { decision });
  if (format === 'table') {
    await emit(explainReport(candidate, decision, book, o.lang, terminalWidth(), changes), o.output);
  } else {
    const cited = [...new Set(decision.tracks.flatMap((t) => [...t.satisfied, ...t.reasons, ...t.priority.criteria, ...t.cost.reasons].map((r) => r.clause)))];
    await emit(toJson({ candidate, decision, whatWouldChange: changes, clauses: cited.map((id) => book.clause(id)).filter(Boolean) }), o.output);
  }
  return EXIT.ok;
}

export function explainCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('explain')
    .summary(both('giải thích một người: mọi quy tắc và điều khoản', 'explain one person: every rule and clause'))
    .description(
      both(
        'Một người: mọi quy tắc đã đạt (✓) hoặc không đạt (✗), mã quy tắc, điều khoản được trích và nguyên văn điều khoản.',
        'One person: every rule that held (✓) or failed (✗), its id, the clause it cites and the clause text.',
      ),
    )
    .argument('<file>', both('tệp danh sách học viên, hoặc -', 'roster file, or -'))
    .requiredOption('--id <id>', both('mã người cần giải thích', 'id of the person to explain'));
  withInput(withCommon(cmd));
  withOutput(cmd, ['table', 'json'], { vi: 'mặc định: văn bản', en: 'default: text' });
  withExamples(cmd, ['p135 explain examples/lang-son-2020/candidates.csv --id LS-000001', 'p135 explain examples/lang-son-2020/candidates.csv --id LS-016243 --lang en']);
  return cmd.action(async (file: string, o: ExplainOptions) => setCode(await runExplain(file, o)));
}
