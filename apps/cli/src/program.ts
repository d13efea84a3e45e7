import { Command } from 'commander';
import { decideCommand } from './commands/decide.js';
import { explainCommand } from './commands/explain.js';
import { packCommand } from './commands/pack.js';
import { planCommand } from './commands/plan-check.js';
import { rankCommand } from './commands/rank.js';
import { reportCommand } from './commands/report.js';
import { withExamples } from './options.js';
import { both } from './words.js';

/** Headings of commander's help, in both languages. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'Cách dùng / Usage:',
  'Arguments:': 'Tham số / Arguments:',
  'Options:': 'Tùy chọn / Options:',
  'Commands:': 'Lệnh / Commands:',
  'Global Options:': 'Tùy chọn chung / Global Options:',
};

/** The same help, error and exit behaviour on every command and subcommand. */
function configure(cmd: Command): void {
  cmd
    .exitOverride()
    .configureOutput({ outputError: () => {} })
    .configureHelp({ styleTitle: (title) => TITLES[title] ?? title, sortSubcommands: false })
    .helpOption('-h, --help', both('xem hướng dẫn', 'show help'));
  if (cmd.commands.length) cmd.helpCommand('help [command]', both('xem hướng dẫn của một lệnh', 'show help for a command'));
  for (const sub of cmd.commands) configure(sub);
}

export function buildProgram(version: string, setCode: (code: number) => void): Command {
  const program = new Command('p135')
    .description(
      both(
        'Chương trình 135 — xét đối tượng, giải thích, kiểm tra kế hoạch và xếp hạng theo bộ quy tắc (mặc định: Lạng Sơn 2020).',
        'Program 135 — decide, explain, check plans and rank by a rule pack (default: Lạng Sơn 2020).',
      ),
    )
    .version(version, '-V, --version', both('phiên bản', 'version'))
    .addCommand(decideCommand(setCode))
    .addCommand(explainCommand(setCode))
    .addCommand(planCommand(setCode))
    .addCommand(rankCommand(setCode))
    .addCommand(packCommand(setCode))
    .addCommand(reportCommand(setCode))
    .addHelpText(
      'after',
      [
        '',
        `${both('Mã thoát', 'Exit codes')}:`,
        `  0  ${both('ổn', 'all clear')}`,
        `  1  ${both('đã đọc đầu vào; có vi phạm hoặc người không đủ điều kiện mà lệnh được yêu cầu kiểm tra', 'the input was read and has violations or ineligible people the command was asked to check')}`,
        `  2  ${both('không đọc được đầu vào (một dòng nói lỗi gì, ở đâu)', 'the input could not be read (one line says what and where)')}`,
      ].join('\n'),
    );
  withExamples(program, [
    'p135 decide examples/lang-son-2020/candidates.csv --format table',
    'p135 explain examples/lang-son-2020/candidates.csv --id LS-000001',
    'p135 plan check examples/lang-son-2020/plan.json --roster examples/lang-son-2020/candidates.csv',
  ]);
  configure(program);
  return program;
}
