// CI checks of the production dependencies (issue 16), run by .ci/run after the tests:
//  1. audit: `pnpm audit --prod --audit-level high` finds no high or critical advisory. The check
//     fails closed: when the advisory database cannot be reached, it is not passed.
//  2. licences: every production dependency (`pnpm licenses list --prod --json`) has a licence on
//     the permissive allow-list below, or is a reviewed exception naming its version and why.
// Writes dependency-results.json (read by count-tests.mjs, one test per check) and exits 1 when a
// check fails. `node scripts/check-deps.mjs licences` runs one check only. Where the registry's
// audit endpoint is known to be blocked, P135_AUDIT_UNREACHABLE=skip reports an unreachable
// database as skipped (still printed) instead of failed; advisories found always fail.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const PNPM = ['-y', 'pnpm@10.34.8'];

/** SPDX ids accepted without review: permissive, no copyleft on our code. */
const ALLOWED = new Set(['MIT', 'MIT/X11', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0', 'Unlicense', 'Zlib', 'CC0-1.0']);

/** Packages whose published metadata names no licence, checked by hand: `name@version` → why it is allowed. */
const REVIEWED = new Map([
  ['buffers@0.1.1', 'no licence field in the published package (exceljs → unzipper → binary → buffers); its repository github.com/substack/node-buffers has an MIT LICENSE file'],
]);

function pnpm(args) {
  const r = spawnSync('npx', [...PNPM, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status ?? 1, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** Whether an SPDX expression is allowed: `A OR B` needs one side, `A AND B` both. */
function licenceAllowed(expression) {
  const text = expression
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  if (/\sOR\s/.test(text)) return text.split(/\s+OR\s+/).some(licenceAllowed);
  if (/\sAND\s/.test(text)) return text.split(/\s+AND\s+/).every(licenceAllowed);
  return ALLOWED.has(text);
}

function unreachable(why) {
  const skip = process.env.P135_AUDIT_UNREACHABLE === 'skip';
  return { ok: false, skipped: skip, text: `audit: could not read the advisory database, so the dependencies are not verified (${why})${skip ? '; skipped (P135_AUDIT_UNREACHABLE=skip)' : ''}` };
}

function audit() {
  const r = pnpm(['audit', '--prod', '--audit-level', 'high', '--json']);
  let report;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    const why =
      `${r.stdout}\n${r.stderr}`
        .split('\n')
        .find((l) => /ERR_|error/i.test(l))
        ?.trim() ?? `exit ${r.status}`;
    return unreachable(why);
  }
  if (report.error) return unreachable(`${report.error.code ?? ''} ${report.error.message ?? ''}`.trim());
  const bad = Object.values(report.advisories ?? {}).filter((a) => a.severity === 'high' || a.severity === 'critical');
  const counts = report.metadata?.vulnerabilities ?? {};
  const summary = Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  if (bad.length === 0) return { ok: true, text: `audit: no high or critical advisory in production dependencies (${summary || 'none'})` };
  const lines = bad.map((a) => `  ${a.severity} ${a.module_name} ${a.vulnerable_versions}: ${a.title} (${a.url}); fixed in ${a.patched_versions}`);
  return { ok: false, text: `audit: ${bad.length} high or critical advisories:\n${lines.join('\n')}` };
}

function licences() {
  const r = pnpm(['licenses', 'list', '--prod', '--json']);
  let byLicence;
  try {
    byLicence = JSON.parse(r.stdout);
  } catch {
    return { ok: false, text: `licences: could not list the production dependencies' licences (exit ${r.status}: ${r.stderr.trim().split('\n')[0] ?? ''})` };
  }
  const refused = [];
  let count = 0;
  for (const [licence, packages] of Object.entries(byLicence)) {
    for (const p of packages) {
      for (const version of p.versions) {
        count++;
        if (licenceAllowed(licence) || REVIEWED.has(`${p.name}@${version}`)) continue;
        refused.push(`  ${p.name}@${version}: ${licence}`);
      }
    }
  }
  if (refused.length === 0) return { ok: true, text: `licences: ${count} production packages, all on the allow-list or reviewed (${[...REVIEWED.keys()].join(', ')})` };
  return {
    ok: false,
    text: `licences: ${refused.length} production packages with a licence not on the allow-list (scripts/check-deps.mjs); review each and add it to REVIEWED with why, or replace the package:\n${refused.join('\n')}`,
  };
}

const CHECKS = { audit, licences };

function main() {
  const only = process.argv[2];
  if (only !== undefined && !Object.hasOwn(CHECKS, only)) {
    console.error(`unknown check ${JSON.stringify(only)}: expected one of ${Object.keys(CHECKS).join(', ')}`);
    process.exit(2);
  }
  const names = only === undefined ? Object.keys(CHECKS) : [only];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const name of names) {
    const result = CHECKS[name]();
    const word = result.ok ? 'ok' : result.skipped ? 'SKIPPED' : 'FAILED';
    (result.ok ? console.log : console.error)(`${word} ${result.text}`);
    if (result.ok) passed++;
    else if (result.skipped) skipped++;
    else failed++;
  }
  writeFileSync('dependency-results.json', `${JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped })}\n`);
  process.exit(failed > 0 ? 1 : 0);
}

main();
