// Mutation testing of @p135/rules (`pnpm mutation`; not part of `pnpm test`: it takes tens of minutes).
// Every source file is mutated except the ethnic-groups reference table (data copied from the
// official list, checked by its own tests against the JSON, not logic). Globs stay at directory
// level so splitting or moving files inside src/ needs no change here.
import { strykerShared } from '../../stryker.shared.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...strykerShared,
  mutate: ['src/**/*.ts', '!src/reference/**'],
};
