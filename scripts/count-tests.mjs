// Sums the vitest JSON reports of every workspace package (and, with --with-dependency-checks,
// the dependency audit and licence check) into one line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
let skipped = 0;
const missing = [];
for (const root of ['packages', 'apps']) {
  if (!existsSync(root)) continue;
  for (const name of readdirSync(root)) {
    const dir = join(root, name);
    if (!existsSync(join(dir, 'package.json'))) continue;
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    if (!pkg.scripts?.test) continue;
    const file = join(dir, 'test-results.json');
    if (!existsSync(file)) {
      missing.push(dir);
      continue;
    }
    const r = JSON.parse(readFileSync(file, 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  }
}
// The dependency audit and licence check (scripts/check-deps.mjs), when .ci/run ran them.
if (process.argv.includes('--with-dependency-checks')) {
  if (existsSync('dependency-results.json')) {
    const r = JSON.parse(readFileSync('dependency-results.json', 'utf8'));
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += r.numPendingTests ?? 0;
  } else missing.push('scripts/check-deps.mjs');
}
for (const dir of missing) console.error(`no test report from ${dir}: its tests did not run`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || missing.length > 0 ? 1 : 0);
