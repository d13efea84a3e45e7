// Mutation testing of @p135/rules (`pnpm mutation`; not part of `pnpm test`: it takes tens of minutes).
// Every source file is mutated except the ethnic-groups reference table (data copied from the
// official list, checked by its own tests against the JSON, not logic). Globs stay at directory
// level so splitting or moving files inside src/ needs no change here.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: ['src/**/*.ts', '!src/reference/**'],
  coverageAnalysis: 'perTest',
  // Static mutants (module-level constants: zod schemas, message tables) each need the whole
  // suite (about a minute here); they are ignored and reported as such, not counted in the score.
  ignoreStatic: true,
  // Only sources get `// @ts-nocheck`; test files are never rewritten.
  disableTypeChecks: 'src/**/*.ts',
  // Tests read files above the package (examples/, docs/), so mutants are placed in the tree
  // itself; Stryker restores the originals when it ends (do not commit while it runs).
  inPlace: true,
  concurrency: 2,
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 85, break: null },
  timeoutMS: 20000,
  tempDirName: '.stryker-tmp',
};
