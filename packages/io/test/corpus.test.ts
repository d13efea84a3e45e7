/**
 * The hostile corpus (test/corpus, made by make.mjs there; the same files the CLI test runs through
 * the binary) through @p135/io: each file read whole (`readRoster`, `readPlan`) and, for CSV and JSON
 * Lines, as a stream (`streamRoster`) gives the expected error code, never throws, and no message
 * holds a stack or a path. The worst time and the peak memory seen are printed, never asserted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { formatInputError, type InputError, readPlan, readRoster, streamRoster } from '../src/index.js';
import { book, itOutsideMutationRuns } from './helpers.js';

const CORPUS = fileURLToPath(new URL('./corpus/', import.meta.url));

interface Case {
  readonly file: string;
  readonly code: string | null;
}

const cases: Case[] = JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8'));
const seen: { file: string; ms: number }[] = [];
let peakRss = 0;

const clean = (errors: readonly InputError[]) =>
  errors.flatMap((e) => [formatInputError(e, 'vi'), formatInputError(e, 'en')]).filter((line) => /\n\s+at |node_modules|file:\/\/|\/work\/|\/tmp\//.test(line));

async function* chunksOf(bytes: Uint8Array, size = 4096): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

describe('the hostile corpus through @p135/io', () => {
  it('lists every file of the corpus', () => {
    expect(cases.map((c) => c.file).sort()).toEqual(
      readdirSync(CORPUS)
        .filter((f) => /^(roster|plan)-/.test(f))
        .sort(),
    );
  });

  // The zip bomb with lying headers inflates to the reader's limit (seconds); xlsx.test.ts refuses a
  // smaller one the same way, and that one runs in mutation runs too.
  const inflating = (c: Case) => c.file === 'roster-zip-bomb-lying.xlsx';
  it.each(cases.filter((c) => !inflating(c)))('$file: read whole, $code', readWhole);
  itOutsideMutationRuns.each(cases.filter(inflating))('$file: read whole, $code', readWhole);

  async function readWhole(c: Case) {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, c.file)));
    const started = performance.now();
    const r = c.file.startsWith('plan-') ? await readPlan({ name: c.file, bytes }, book) : await readRoster({ name: c.file, bytes }, book);
    seen.push({ file: c.file, ms: performance.now() - started });
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    expect(r.errors[0]?.code ?? null).toBe(c.code);
    expect(clean(r.errors)).toEqual([]);
  }

  const streamed = cases.filter((c) => /^roster-.*\.(csv|jsonl)$/.test(c.file));
  it.each(streamed)('$file: read as a stream, as when read whole', async (c) => {
    const bytes = new Uint8Array(readFileSync(join(CORPUS, c.file)));
    const errors: InputError[] = [];
    let people = 0;
    for await (const piece of streamRoster(chunksOf(bytes), book, { name: c.file, format: c.file.endsWith('.csv') ? 'csv' : 'jsonl' })) {
      errors.push(...piece.errors);
      if (errors.length === 0) people += piece.candidates.length;
    }
    expect(errors.length > 0).toBe(c.code !== null);
    if (c.code !== null) expect(errors.map((e) => e.code)).toContain(c.code);
    expect(clean(errors)).toEqual([]);
    // A file it takes gives, a piece at a time, the same people as read whole.
    if (c.code === null) expect(people).toBe((await readRoster({ name: c.file, bytes }, book)).candidates.length);
  });

  afterAll(() => {
    if (!seen.length) return;
    const worst = seen.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`corpus (io): ${seen.length} files; worst time ${(worst.ms / 1000).toFixed(2)} s (${worst.file}); peak RSS of the test process ${(peakRss / 2 ** 20).toFixed(0)} MiB`);
  });
});
