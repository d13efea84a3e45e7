/// <reference lib="webworker" />
import { decisionsSheet, readPlan, readRoster, toCsv, toXlsx } from '@p135/io';
import { bundledPack, type Candidate, checkPlan, createRulebook, type Decision, decideMany, type Pack, parsePack, type Problem, type Rulebook } from '@p135/rules';
import { withPlaceAndRole } from '../lib/export-sheet';
import { withoutRosterFindings } from '../lib/findings';
import type { Reply, Request } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const books = new Map<string, Rulebook>();
/** Packs the user loaded (valid), by id: a later job names one, and a later pack may extend one. */
const loaded = new Map<string, Pack>();
const packOf = (id: string): Pack | undefined => bundledPack(id) ?? loaded.get(id);
function bookOf(packId: string, asOf: string | undefined): Rulebook {
  const key = `${packId}@${asOf ?? ''}`;
  let book = books.get(key);
  if (!book) {
    const pack = packOf(packId);
    if (!pack) throw new Error(`no pack "${packId}"`);
    books.set(key, (book = createRulebook(pack, asOf ? { asOf } : {})));
  }
  return book;
}

/** The last roster read and decided: plan checks and exports use it. */
let roster: { packId: string; candidates: Candidate[]; decisions: Decision[] } | undefined;

const controllers = new Map<number, AbortController>();
/** People per message when sending a decided roster to the page. */
const PART = 1000;
const post = (reply: Reply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

/** A pack file read and validated as `p135 pack validate` does; a valid one replaces any loaded pack with its id. */
function readPackFile(req: Extract<Request, { kind: 'pack' }>): void {
  const at = (p: Problem) => ({ place: { file: req.name, path: p.path }, code: p.code, message: p.message });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(req.bytes);
  } catch {
    const message = { vi: 'tệp không phải văn bản UTF-8: hãy lưu bộ quy tắc thành JSON UTF-8', en: 'the file is not UTF-8 text: save the pack as UTF-8 JSON' };
    post({ kind: 'pack', job: req.job, errors: [{ place: { file: req.name }, code: 'file.unreadable', message }], warnings: [] });
    return;
  }
  const checked = parsePack(text, { resolveBase: packOf });
  const pack = checked.value;
  if (pack && bundledPack(pack.id)) {
    const message = { vi: `"${pack.id}" là mã của một bộ quy tắc có sẵn: hãy đặt mã khác cho bộ quy tắc của tỉnh`, en: `"${pack.id}" is the id of a bundled pack: give your pack another id` };
    post({ kind: 'pack', job: req.job, errors: [{ place: { file: req.name, path: '$.id' }, code: 'pack.duplicate_id', message }], warnings: [] });
    return;
  }
  if (pack) {
    loaded.set(pack.id, pack);
    for (const key of [...books.keys()]) if (key.startsWith(`${pack.id}@`)) books.delete(key);
  }
  post({ kind: 'pack', job: req.job, errors: checked.errors.map(at), warnings: checked.warnings.map(at), ...(pack ? { pack } : {}) });
}

async function handle(req: Exclude<Request, { kind: 'cancel' }>, signal: AbortSignal): Promise<void> {
  if (req.kind === 'pack') return readPackFile(req);
  const book = bookOf(req.packId, req.asOf);
  if (req.kind === 'roster') {
    roster = undefined;
    post({ kind: 'progress', job: req.job, phase: 'read', done: 0, total: 0 });
    const read = await readRoster({ name: req.name, bytes: req.bytes }, book);
    signal.throwIfAborted();
    if (read.errors.length) {
      post({ kind: 'roster', job: req.job, errors: read.errors, warnings: read.warnings, candidates: [], decisions: [] });
      return;
    }
    const total = read.candidates.length;
    const decisions = await decideMany(book, read.candidates, {
      chunkSize: 500,
      signal,
      onProgress: (done) => post({ kind: 'progress', job: req.job, phase: 'decide', done, total }),
    });
    roster = { packId: req.packId, candidates: read.candidates, decisions };
    // In slices: the page takes each in a short task instead of one long one.
    for (let i = 0; i < total; i += PART) {
      post({ kind: 'roster-part', job: req.job, candidates: read.candidates.slice(i, i + PART), decisions: decisions.slice(i, i + PART) });
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal.throwIfAborted();
    }
    post({ kind: 'roster', job: req.job, errors: [], warnings: read.warnings, candidates: [], decisions: [] });
  } else if (req.kind === 'plan') {
    post({ kind: 'progress', job: req.job, phase: 'read', done: 0, total: 0 });
    const read = await readPlan({ name: req.name, bytes: req.bytes }, book);
    if (!read.plan) {
      post({ kind: 'plan', job: req.job, errors: read.errors, warnings: read.warnings, rosterSize: null, rosterSource: 'none' });
      return;
    }
    post({ kind: 'progress', job: req.job, phase: 'check', done: 0, total: 0 });
    // The plan's trainees are checked against a roster only when the user chose it for this plan
    // (or the plan file carries its own list); otherwise what concerns the roster is left out.
    const people = req.withRoster && roster?.packId === req.packId ? roster.candidates : undefined;
    const source = people ? 'roster' : read.plan.candidates ? 'plan' : 'none';
    const checked = await checkPlan(book, read.plan, {
      ...(people ? { candidates: people } : {}),
      // every finding listed: the page counts plan and roster findings apart and lists them step by step
      findingsPerRule: Number.MAX_SAFE_INTEGER,
      chunkSize: 2000,
      signal,
      onProgress: (done, total) => post({ kind: 'progress', job: req.job, phase: 'check', done, total }),
    });
    const report = source === 'none' ? withoutRosterFindings(book, checked) : checked;
    post({
      kind: 'plan',
      job: req.job,
      errors: [],
      warnings: read.warnings,
      plan: read.plan,
      report,
      rosterSize: people ? people.length : (read.plan.candidates?.length ?? null),
      rosterSource: source,
    });
  } else {
    if (!roster || roster.packId !== req.packId) throw new Error('no decided roster to export');
    post({ kind: 'progress', job: req.job, phase: 'export', done: 0, total: 0 });
    const picked = req.indices.filter((i) => roster?.decisions[i] !== undefined && roster.candidates[i] !== undefined);
    const decisions = picked.map((i) => roster?.decisions[i]).filter((d): d is Decision => d !== undefined);
    const people = picked.map((i) => roster?.candidates[i]).filter((c): c is Candidate => c !== undefined);
    const sheet = withPlaceAndRole(decisionsSheet(decisions, book, req.lang), people, book, req.lang);
    const bytes = req.format === 'csv' ? new TextEncoder().encode(toCsv(sheet)) : await toXlsx([sheet]);
    const type = req.format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    post({ kind: 'export', job: req.job, bytes, name: req.name, type }, [bytes.buffer]);
  }
}

// One job at a time, in order; a cancel acts at once (deciding stops at its next chunk).
let queue: Promise<void> = Promise.resolve();
self.onmessage = (event: MessageEvent<Request>) => {
  const req = event.data;
  if (req.kind === 'cancel') {
    controllers.get(req.job)?.abort();
    return;
  }
  const controller = new AbortController();
  controllers.set(req.job, controller);
  queue = queue.then(async () => {
    try {
      if (controller.signal.aborted) throw controller.signal.reason;
      await handle(req, controller.signal);
    } catch (err) {
      if (controller.signal.aborted) post({ kind: 'cancelled', job: req.job });
      else post({ kind: 'failed', job: req.job, message: err instanceof Error ? err.message : String(err) });
    } finally {
      controllers.delete(req.job);
    }
  });
};
