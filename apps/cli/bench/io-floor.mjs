/**
 * The I/O floor of `p135 decide FILE --format csv -o OUT`: the same CSV streamed through the same
 * reading (`openRosterInput(…).chunks()`, the UTF-8 decoder, the incremental CSV parser) and
 * written back as CSV, a row at a time with backpressure (the io CSV writer) — and nothing else:
 * no validation, no decision.
 *
 *   node apps/cli/bench/io-floor.mjs IN.csv OUT.csv
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { CsvParser, csvRows, Utf8Decoder, withStreamLimits } from '@p135/io';
import { openRosterInput } from '@p135/io/node';

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  process.stderr.write('usage: node io-floor.mjs IN.csv OUT.csv\n');
  process.exit(2);
}
const limits = withStreamLimits();
const decoder = new Utf8Decoder(limits);
const parser = new CsvParser(limits);
const out = createWriteStream(output);
/** @type {ReturnType<typeof csvRows> | undefined} */
let writer;
let rows = 0;

/** @param {{ rows: { cells: readonly string[] }[], error?: { message: { en: string } } }} batch */
async function write(batch) {
  if (batch.error) throw new Error(batch.error.message.en);
  let text = '';
  for (const row of batch.rows) {
    if (writer) text += writer.row(row.cells);
    else {
      writer = csvRows(row.cells.map((header, k) => ({ key: String(k), header })));
      text = writer.start;
    }
    rows++;
  }
  if (text && !out.write(text)) await once(out, 'drain');
}

/** @param {{ text: string } | { error: { message: { en: string } } }} decoded */
const text = (decoded) => {
  if ('error' in decoded) throw new Error(decoded.error.message.en);
  return decoded.text;
};

const opened = await openRosterInput(input);
if ('error' in opened) throw new Error(opened.error.message.en);
for await (const chunk of opened.input.chunks()) await write(parser.push(text(decoder.decode(chunk))));
await write(parser.push(text(decoder.end())));
await write(parser.end());
out.end();
await once(out, 'close');
process.stderr.write(`io-floor: ${rows} rows\n`);
