/**
 * The main job on the bundled Lạng Sơn example, through the package alone: decide every
 * candidate, check the plan, print the decisions' summary, the findings and the budget.
 *
 *   pnpm example [--lang vi|en] [--dir examples/lang-son-2020]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundledPack,
  checkPlan,
  createRulebook,
  decideMany,
  formatMoneyText,
  formatPercentText,
  type Lang,
  parseCandidates,
  parsePlan,
  type Problem,
} from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const lang: Lang = opt('lang', 'vi') === 'en' ? 'en' : 'vi';
const dir = resolve(opt('dir', join(here, '../../../examples/lang-son-2020')));
const t = (vi: string, en: string) => (lang === 'vi' ? vi : en);

function fail(what: string, problems: readonly Problem[]): never {
  console.error(`${what}: ${problems.length} problem(s)`);
  for (const p of problems.slice(0, 20)) console.error(`  ${p.path}: ${p.message[lang]}`);
  process.exit(2);
}

const pack = bundledPack();
if (!pack) throw new Error('no bundled pack');
const book = createRulebook(pack);

const roster = parseCandidates(JSON.parse(readFileSync(join(dir, 'candidates.json'), 'utf8')), book);
if (!roster.value) fail(join(dir, 'candidates.json'), roster.errors);
const plan = parsePlan(JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')), book);
if (!plan.value) fail(join(dir, 'plan.json'), plan.errors);

const decisions = await decideMany(book, roster.value);
console.log(t(`Bộ quy tắc ${pack.id} ${pack.version} (sha256 ${book.ref.hash.slice(0, 12)}…)`, `Rule pack ${pack.id} ${pack.version} (sha256 ${book.ref.hash.slice(0, 12)}…)`));
console.log(t(`\nĐã xét ${decisions.length} người:`, `\nDecided ${decisions.length} people:`));
for (const track of book.tracks) {
  const n = decisions.filter((d) => d.eligibleTracks.includes(track.code)).length;
  console.log(`  ${track.label[lang].padEnd(52)} ${String(n).padStart(6)} ${t('đủ điều kiện', 'eligible')}`);
}
const none = decisions.filter((d) => d.eligibleTracks.length === 0);
console.log(`  ${t('Không đủ điều kiện lớp nào', 'Eligible for nothing').padEnd(52)} ${String(none.length).padStart(6)}`);
for (const d of none.slice(0, 3)) {
  const reasons = d.tracks.flatMap((x) => x.reasons).map((r) => `${r.clause}: ${r.message[lang]}`);
  console.log(`    ${d.candidateId} ${d.name}: ${[...new Set(reasons)].slice(0, 2).join(' | ')}`);
}

const report = await checkPlan(book, plan.value, { candidates: roster.value });
console.log(t(`\nKiểm tra kế hoạch: ${report.errors} lỗi, ${report.warnings} cảnh báo`, `\nPlan check: ${report.errors} error(s), ${report.warnings} warning(s)`));
for (const [track, n] of Object.entries(report.counts.classesByTrack)) console.log(`  ${book.track(track)?.label[lang] ?? track}: ${n} ${t('lớp', 'classes')}`);
for (const f of report.findings.slice(0, 15)) {
  const where = Object.entries(f.where).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : v}`).join(' ');
  console.log(`  [${f.severity}] ${f.clause} ${f.ruleId} ${where}: ${f.message[lang]}`);
}
if (report.findings.length > 15) console.log(t(`  … và ${report.findings.length - 15} phát hiện khác`, `  … and ${report.findings.length - 15} more`));

const b = report.budget;
console.log(t('\nKinh phí:', '\nBudget:'));
console.log(`  ${t('Tổng dự toán', 'Budget lines total')}: ${formatMoneyText(b.total, lang)} / ${formatMoneyText(b.ceiling, lang)} ${b.withinCeiling ? '✓' : '✗'}`);
for (const c of b.caps) {
  console.log(`  ${book.track(c.category)?.label[lang] ?? c.category}: ${formatMoneyText(c.total, lang)} / ${formatMoneyText(c.cap, lang)} (${formatPercentText(c.share, lang)}) ${c.within ? '✓' : '✗'}`);
}
