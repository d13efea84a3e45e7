/// <reference lib="webworker" />
import { readPlan, readResults, readRoster, reportCsv, reportHtml, reportXlsx, type InputError } from '@p135/io';
import { bundledPack, createRulebook, districtReport, provinceReport, type Results } from '@p135/rules';
import type { ReportReply, ReportRequest } from './report-protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (reply: ReportReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv;charset=utf-8', html: 'text/html;charset=utf-8' } as const;

/** Reads the plan, the roster and each results file (every error at its file and place), then builds the report. */
async function build(req: Extract<ReportRequest, { kind: 'build' }>): Promise<ReportReply> {
  const pack = bundledPack(req.packId) ?? (req.pack?.id === req.packId ? req.pack : undefined);
  if (!pack) throw new Error(`no pack "${req.packId}"`);
  const book = createRulebook(pack);
  // Files refused before they were read (too large, unreadable): their one error each, nothing else read.
  const refused = [req.plan, req.roster, ...req.results].flatMap((f) => (f.refused ? [{ ...f.refused, place: { ...f.refused.place, file: f.name } }] : []));
  if (refused.length) return { kind: 'built', job: req.job, errors: refused };
  const plan = await readPlan(req.plan, book);
  const roster = await readRoster(req.roster, book);
  const errors: InputError[] = [...plan.errors, ...roster.errors];
  if (!plan.plan || errors.length) return { kind: 'built', job: req.job, errors };
  const people = new Map(roster.candidates.map((c) => [c.id, c] as const));
  const results: Results[] = [];
  for (const file of req.results) {
    const read = await readResults(file, book, { plan: plan.plan, roster: people });
    if (read.results) results.push(read.results);
    else errors.push(...read.errors);
  }
  if (errors.length) return { kind: 'built', job: req.job, errors };
  const report =
    req.level === 'province'
      ? await provinceReport(book, plan.plan, results, { roster: people, ...(req.asOf ? { asOf: req.asOf } : {}) })
      : await districtReport(book, plan.plan, results[0] as Results, { roster: people });
  return { kind: 'built', job: req.job, errors: [], report, plan: plan.plan };
}

self.onmessage = (event: MessageEvent<ReportRequest>) => {
  const req = event.data;
  void (async () => {
    try {
      if (req.kind === 'build') {
        post(await build(req));
        return;
      }
      const out =
        req.format === 'xlsx' ? await reportXlsx(req.report, req.lang) : new TextEncoder().encode(req.format === 'csv' ? (reportCsv(req.report, req.lang) ?? '') : reportHtml(req.report, req.lang));
      post({ kind: 'rendered', job: req.job, bytes: out, type: TYPES[req.format] }, [out.buffer as ArrayBuffer]);
    } catch (err) {
      post({ kind: 'failed', job: req.job, message: err instanceof Error ? err.message : String(err) });
    }
  })();
};
