/**
 * The web app's surface for hostile and broken files: every file of the readers' hostile corpus
 * (packages/io/test/corpus: truncated, binary, zip bombs with lying headers, prototype names, huge
 * lines, money edge strings…) and a file far over the size limit, each given to the page as a user
 * would pick it. None may break the page (no page or console error), show a stack trace or a path,
 * or leave the page unable to load the next file. The time each took is printed for the notes.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { appUnderTest, DESKTOP } from './harness.ts';

const CORPUS = fileURLToPath(new URL('../../../../packages/io/test/corpus/', import.meta.url));
const files = (prefix: string) =>
  readdirSync(CORPUS)
    .filter((f) => f.startsWith(prefix))
    .sort();
/** What the CLI must do with each file (the corpus's cases.json): exit 2 is a refusal, which the page must show as errors too. */
const refused = new Set((JSON.parse(readFileSync(join(CORPUS, 'cases.json'), 'utf8')) as { file: string; exit: number }[]).filter((c) => c.exit === 2).map((c) => c.file));
const app = appUnderTest();
const timings: { surface: string; file: string; ms: number; shown: string }[] = [];
afterAll(() => {
  console.log('web hostile corpus: file, outcome, time');
  for (const t of timings) console.log(`  ${t.surface.padEnd(6)} ${t.file.padEnd(34)} ${String(t.ms).padStart(6)} ms  ${t.shown.slice(0, 90)}`);
  if (timings.length) console.log(`  worst: ${Math.max(...timings.map((t) => t.ms))} ms over ${timings.length} files`);
});

/** What a stack trace, an exception's name or a path on a machine looks like in a page's text. */
const LEAK = /\n\s*at\s|\bat [\w.<>]+ \(|(?:Type|Range|Reference|Syntax)Error\b|\/src\/|\/home\/|\/work\/|\/tmp\/|node_modules|file:\/\/|chunk-[A-Z0-9]{6}/;

/** The page's answer to the file just given: its errors, the people it read, or the plan's report. */
async function outcome(page: Page): Promise<string> {
  const answer = page.locator('.input-errors, p.matching, .plan-report').first();
  await answer.waitFor({ timeout: 90_000 });
  return ((await answer.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

async function give(page: Page, surface: string, file: string, path: string): Promise<string> {
  const t0 = Date.now();
  await page.locator('input[type="file"]').setInputFiles(path);
  // The previous answer goes away when the new file is taken: wait for the new one's file name first.
  await page.locator('p.file-name', { hasText: file }).first().waitFor({ timeout: 90_000 });
  await page.locator('.progress, [role="progressbar"]').first().waitFor({ state: 'detached', timeout: 90_000 });
  const shown = await outcome(page);
  timings.push({ surface, file, ms: Date.now() - t0, shown });
  const body = (await page.locator('main, body').first().innerText()) ?? '';
  expect(body, `${file}: no stack trace or path in the page`).not.toMatch(LEAK);
  expect(await page.getByRole('heading', { level: 1 }).count(), `${file}: the page still has its heading`).toBeGreaterThan(0);
  return shown;
}

describe('hostile files given to the web app', () => {
  it('every roster file of the hostile corpus is answered with its errors (or read), never a crash or a leak; the page then reads the sample', async () => {
    await app.run(DESKTOP, '#/roster', async ({ page }) => {
      const rosters = files('roster-');
      expect(rosters.length).toBeGreaterThan(20);
      for (const f of rosters) {
        await give(page, 'roster', f, join(CORPUS, f));
        // A file the CLI refuses is shown as errors; an honest odd file (CR line ends, a header only) is read.
        expect(await page.locator('.input-errors').count(), f).toBe(refused.has(f) ? 1 : 0);
      }
      await page.getByRole('button', { name: 'Dùng mẫu nhỏ (XLSX)' }).click();
      await expect.poll(() => page.locator('p.matching').textContent(), { timeout: 60_000 }).toBe('50 / 50 người khớp bộ lọc');
    });
  });

  it('a file far over the size limit (200 MB) is refused by its size, at once, without being read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'p135-web-huge-'));
    try {
      const huge = join(dir, 'danh-sach-rat-lon.csv');
      writeFileSync(huge, '');
      truncateSync(huge, 200 * 1024 * 1024); // sparse: 200 MB of zero bytes, no disk used
      await app.run(DESKTOP, '#/roster', async ({ page }) => {
        const shown = await give(page, 'roster', 'danh-sach-rat-lon.csv', huge);
        expect(shown).toContain('tệp lớn hơn giới hạn 64 MiB');
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every plan file of the hostile corpus is answered with its errors, never a crash or a leak; the page then checks the example plan', async () => {
    await app.run(DESKTOP, '#/plan', async ({ page }) => {
      const plans = files('plan-');
      expect(plans.length).toBeGreaterThan(8);
      for (const f of plans) {
        await give(page, 'plan', f, join(CORPUS, f));
        // Refused by the CLI: errors here too; read by it (a vi-VN amount "150.000.000"): a report here.
        expect(await page.locator(refused.has(f) ? '.input-errors' : '.plan-report').count(), f).toBe(1);
      }
      await page.getByRole('button', { name: 'Dùng kế hoạch ví dụ (Lạng Sơn 2020)' }).click();
      await page.locator('.plan-report').waitFor({ timeout: 90_000 });
    });
  });
});
