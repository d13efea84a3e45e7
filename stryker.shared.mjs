// The Stryker options every package shares (`pnpm mutation` in packages/rules and packages/io);
// each package's stryker.config.mjs adds what it mutates.
// A long run can be split: `P135_MUTATION_RUN=decide pnpm mutation --mutate 'src/decide/**/*.ts'`
// keeps that part's reports under its own name (reports/mutation/decide.json), and
// `node ../../scripts/mutation-score.mjs reports/mutation/*.json` adds the parts up.
const run = process.env.P135_MUTATION_RUN || 'mutation';
// Read by the tests (packages/rules/test/helpers.ts `itOutsideMutationRuns`): the few tests of the
// packs' data rather than of the code are skipped in mutation runs. Test runners inherit it.
process.env.P135_MUTATION = '1';
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export const strykerShared = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: zod schemas, message tables) each need the whole
  // suite (about a minute here); they are ignored and reported as such, not counted in the score.
  ignoreStatic: true,
  // A mutant that runs both when a module loads and inside a test ("hybrid") is run with only the
  // tests that reached it, switched on after the module loaded: module-level parts of it never
  // apply. Two causes were found and mended: a test that first imported the package inside a test
  // (exports.test.ts), making every module-level constant "covered" by that one test; and test
  // files that computed at load what they assert (plan-index.test.ts). So: import at the top of a
  // test file, and build what a test asserts inside the test.
  // Only sources get `// @ts-nocheck`; test files are never rewritten.
  disableTypeChecks: 'src/**/*.ts',
  // Tests read files above the package (examples/, docs/), so mutants are placed in the tree
  // itself; Stryker restores the originals when it ends (do not commit while it runs).
  inPlace: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: `reports/stryker-incremental-${run}.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${run}.html` },
  jsonReporter: { fileName: `reports/mutation/${run}.json` },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 20000,
  // The first run of the whole suite (with coverage) takes 1.5 minutes on a quiet machine, far more on a busy one.
  dryRunTimeoutMinutes: 30,
  tempDirName: '.stryker-tmp',
  // Vitest's "related files" search for each mutant doubled the time per mutant (money.ts: 106 s
  // against 53 s for its 91 mutants); the test filter from coverage already names the tests to run.
  vitest: { related: false },
};
