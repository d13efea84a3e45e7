// Mutation testing of the money and reading parts of @p135/io (`pnpm mutation`; not part of
// `pnpm test`: it takes tens of minutes): the CSV parser and reader, the JSON reader, the JSON Lines
// splitter, the XLSX reader and its zip checks, the byte-to-text decoding, the exact-number
// reading of cells (safety.ts), the plan's cell readers (amounts in whole đồng, dates, days, codes:
// plans/cells.ts) and the roster cell readers (years, numbers, codes, yes/no) that turn every table
// into candidates. Writers, result tables and roster assembly are left out.
//
// Known equivalent mutants (no behaviour a user sees changes):
// - roster/values.ts columnReader's memo (which kinds are memoised, the '' shortcut, the MAX_MEMO
//   bound): it only saves work; mutants there read every cell the same, slower (they time out on
//   the 16,600-person example rather than fail).
// - roster/values.ts padCode's guards: a code that is not all digits is refused by the candidate
//   schema whether or not it was padded, and padding a code already as long as its width is a no-op.
// - text.ts decodeText's `rest.text === ''` shortcut: the fatal UTF-8 decoder's end() returns ''
//   or an error, never text, so both branches give the same string.
// - utf8-decoder.ts unfinishedTail and the tail kept between pieces: the tail only places an error
//   (the line named) after TextDecoder has refused the bytes. A tail longer than needed (sizes
//   rounded up, `size >= k`, the whole 4 last bytes, joining the previous tail for longer pieces)
//   holds only valid, complete characters, which the placement subtracts again; only a tail too
//   short moves the line named, and test/utf8-decoder.test.ts splits a text at every place to catch that.
// - utf8-decoder.ts firstInvalidUtf8's `i + need >= bytes.length`: a character cut by the end is
//   also found by the `c === undefined` check on its missing byte.
// - zip.ts `entry.localOffset + 30 > start`: a local header that close to the directory always
//   fails the next check too (its data would start past the directory); and the `start` of each
//   entry's span only orders them, so shifting every start by the buffer's offset changes nothing.
import { strykerShared } from '../../stryker.shared.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...strykerShared,
  mutate: ['src/csv-parser.ts', 'src/csv-read.ts', 'src/json-read.ts', 'src/xlsx-read.ts', 'src/zip.ts', 'src/utf8-decoder.ts', 'src/text.ts', 'src/lines.ts', 'src/safety.ts', 'src/plans/cells.ts', 'src/roster/values.ts'],
};
