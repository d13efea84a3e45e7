/**
 * CLI benchmark: `p135 decide FILE --format csv -o OUT` on seeded 100,000- and 1,000,000-row
 * candidate CSVs, against the I/O floor (the same file streamed through the same parser and
 * written back as CSV, nothing else: bench/io-floor.mjs). Each run is a child process measured
 * by GNU time (`/usr/bin/time -v`: wall time, maximum resident set size); five rounds, each the
 * floor then decide, the medians kept (the time ratio is the median of the rounds' ratios). Ends
 * with one line:
 *
 *   cli-bench: time_ratio_1m=<default decide/floor at 1M> time_ratio_1m_one_thread=<--threads 1>
 *              time_ratio_1m_workers=<--threads one per processor> mem_ratio=<peak default decide 1M / 100k> ok=<true|false>
 *
 * where ok means time_ratio_1m ≤ 1.5 and mem_ratio ≤ 1.5 (the issue's targets). Each round runs
 * decide three ways (one thread, worker threads, the default): the default's rule
 * (src/stream/threads.ts) is the one these figures justify. Timings are reported, never asserted.
 *
 *   npx -y pnpm@10.34.8 --filter cli bench                # builds the CLI and its packages first
 *   BENCH_SIZES=100000 BENCH_ROUNDS=1 … --filter cli bench  # a quicker look
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledPack, createRulebook } from '@p135/rules';
import { examplePeople, writeRoster } from './roster.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BIN = join(ROOT, 'apps/cli/dist/p135.js');
const FLOOR = fileURLToPath(new URL('./io-floor.mjs', import.meta.url));
const TIME = '/usr/bin/time';
const SEED = 135;
const SIZES = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 1.5;

interface Measure {
  /** Wall time, seconds. */
  readonly seconds: number;
  /** Maximum resident set size, MiB. */
  readonly mib: number;
}

/** `h:mm:ss.ss` or `m:ss.ss` (GNU time's wall clock) → seconds. */
function wallSeconds(text: string): number {
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/**
 * Runs `node …args` under GNU time; its wall time and peak memory. Throws if it fails. The output
 * file (`out`) of the round before is removed first, outside the timing: replacing a large file
 * makes the kernel free its cached pages during the run (about 0.5 s for decide's 1 GB here),
 * which is the earlier round's cost, not this one's; a first run has no file to replace.
 */
function measure(args: readonly string[], out: string): Measure {
  rmSync(out, { force: true });
  const r = spawnSync(TIME, ['-v', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(r.stderr)?.[1];
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
  if (r.status !== 0 || !wall || !rss) throw new Error(`node ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr.slice(0, 2000)}`);
  return { seconds: wallSeconds(wall), mib: Number(rss) / 1024 };
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const fixed = (n: number, digits = 2) => n.toFixed(digits);

/** The ways decide is run: one thread, worker threads (one per processor), and the default (no --threads). */
const MODES = [
  { name: 'one thread', args: ['--threads', '1'] },
  { name: 'workers', args: ['--threads', String(Math.max(2, Math.min(8, availableParallelism())))] },
  { name: 'default', args: [] },
] as const;
type Mode = (typeof MODES)[number]['name'];

interface Paired {
  readonly floor: Measure;
  readonly decide: Record<Mode, Measure>;
  /** For each mode, the median of each round's decide/floor (run one right after the other, so that they meet the same load). */
  readonly ratio: Record<Mode, number>;
}

/**
 * `ROUNDS` rounds of the floor and then decide in each mode, one right after the other: the
 * median time and peak memory of each, and the median of the rounds' ratios. These machines are
 * shared and their speed drifts over a minute; a ratio taken within a round is far steadier than
 * two medians taken minutes apart.
 */
function pairedRounds(floorArgs: readonly string[], decideArgs: readonly string[]): Paired {
  const floors: Measure[] = [];
  const decides = new Map<Mode, Measure[]>(MODES.map((m) => [m.name, []]));
  const outputOf = (args: readonly string[]) => args[args.length - 1] as string;
  for (let r = 0; r < ROUNDS; r++) {
    const floor = measure(floorArgs, outputOf(floorArgs));
    floors.push(floor);
    const said: string[] = [];
    for (const mode of MODES) {
      const decide = measure([...decideArgs, ...mode.args], outputOf(decideArgs));
      decides.get(mode.name)?.push(decide);
      said.push(`${mode.name} ${fixed(decide.seconds)} s (${fixed(decide.seconds / floor.seconds)})`);
    }
    process.stderr.write(`cli-bench:   round ${r + 1}: floor ${fixed(floor.seconds)} s; ${said.join(', ')}\n`);
  }
  const med = (ms: readonly Measure[]): Measure => ({ seconds: median(ms.map((m) => m.seconds)), mib: median(ms.map((m) => m.mib)) });
  const of = <T>(f: (ms: Measure[]) => T) => Object.fromEntries(MODES.map((m) => [m.name, f(decides.get(m.name) ?? [])])) as Record<Mode, T>;
  return { floor: med(floors), decide: of(med), ratio: of((ms) => median(ms.map((d, r) => d.seconds / (floors[r] as Measure).seconds))) };
}

const thousands = (n: number) => n.toLocaleString('en-US');

async function main(): Promise<void> {
  if (!existsSync(TIME)) {
    process.stderr.write(`cli-bench: ${TIME} (GNU time) is missing; install it: apt-get install -y time (Debian/Ubuntu), dnf install time (Fedora), apk add time (Alpine)\n`);
    process.exit(2);
  }
  process.stderr.write('cli-bench: building the CLI and its packages…\n');
  const build = spawnSync('npx', ['-y', 'pnpm@10.34.8', '--filter', '@p135/cli...', 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (build.status !== 0) {
    process.stderr.write(`${build.stdout}${build.stderr}cli-bench: the build failed\n`);
    process.exit(2);
  }

  const book = createRulebook(bundledPack()!);
  const people = examplePeople(join(ROOT, 'examples/lang-son-2020/candidates.json'), book);
  const dir = mkdtempSync(join(tmpdir(), 'p135-cli-bench-'));
  const results: { rows: number; mib: number; floor: Measure; decide: Record<Mode, Measure>; ratio: Record<Mode, number> }[] = [];
  try {
    for (const rows of SIZES) {
      const file = join(dir, `candidates-${rows}.csv`);
      await writeRoster(file, rows, people, book, SEED);
      const mib = statSync(file).size / 2 ** 20;
      process.stderr.write(`cli-bench: ${thousands(rows)} rows, ${fixed(mib, 1)} MiB (seed ${SEED}); ${ROUNDS} rounds each…\n`);
      const { floor, decide, ratio } = pairedRounds([FLOOR, file, join(dir, 'floor.csv')], [BIN, 'decide', file, '--format', 'csv', '-o', join(dir, 'decide.csv')]);
      const outMib = statSync(join(dir, 'decide.csv')).size / 2 ** 20;
      const each = MODES.map((m) => `${m.name} ${fixed(decide[m.name].seconds)} s, ratio ${fixed(ratio[m.name])}`).join('; ');
      process.stderr.write(`cli-bench:   floor ${fixed(floor.seconds)} s; ${each} (decisions: ${fixed(outMib, 0)} MiB)\n`);
      results.push({ rows, mib, floor, decide, ratio });
      rmSync(join(dir, 'decide.csv'), { force: true });
      rmSync(join(dir, 'floor.csv'), { force: true });
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const header = ['rows', 'input MiB', 'floor s', 'floor MiB', 'decide', 'decide s', 'decide MiB', 'decide/floor', 'rows/s (decide)'];
  const lines = results.flatMap((r) =>
    MODES.map((m) => [
      thousands(r.rows),
      fixed(r.mib, 1),
      fixed(r.floor.seconds),
      fixed(r.floor.mib, 1),
      m.name,
      fixed(r.decide[m.name].seconds),
      fixed(r.decide[m.name].mib, 1),
      fixed(r.ratio[m.name]),
      thousands(Math.round(r.rows / r.decide[m.name].seconds)),
    ]),
  );
  const widths = header.map((h, k) => Math.max(h.length, ...lines.map((l) => (l[k] as string).length)));
  const row = (cells: readonly string[]) => cells.map((c, k) => c.padStart(widths[k] as number)).join('  ');
  console.log(
    `\np135 decide FILE --format csv -o OUT vs the I/O floor (${ROUNDS} rounds, each the floor then decide one thread, on workers and by default; medians, and decide/floor the median of the rounds' ratios; wall time and peak RSS by ${TIME} -v; ${availableParallelism()} processors)\n`,
  );
  console.log(row(header));
  for (const l of lines) console.log(row(l));

  const big = results.find((r) => r.rows === 1_000_000) ?? results[results.length - 1];
  const small = results.find((r) => r.rows === 100_000) ?? results[0];
  if (!big || !small) return;
  const timeRatio = big.ratio.default;
  const memRatio = big.decide.default.mib / small.decide.default.mib;
  const ok = timeRatio <= TARGET && memRatio <= TARGET;
  console.log(
    `\ncli-bench: time_ratio_1m=${fixed(timeRatio)} time_ratio_1m_one_thread=${fixed(big.ratio['one thread'])} time_ratio_1m_workers=${fixed(big.ratio.workers)} mem_ratio=${fixed(memRatio)} ok=${ok}`,
  );
}

await main();
