/** A server with the hub on (plan and roster of the example), on a fresh database, with tokens. */
import { readFileSync } from 'node:fs';
import { HubStore, type StoreLocation } from '@p135/store';
import type { HubSettings } from '../src/hub/register.js';
import { EXAMPLES, startServer, type TestServer } from './helpers.js';

export const RESULTS = `${EXAMPLES}results/`;
export const resultsBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(`${RESULTS}${name}.json`));

export interface HubServer extends TestServer {
  tokens: Record<'province' | '180' | '181' | '182', string>;
  location: StoreLocation;
}

export async function startHub(location: StoreLocation, extra: Partial<HubSettings> = {}, options: Parameters<typeof startServer>[0] = {}): Promise<HubServer> {
  const admin = await HubStore.open(location);
  const tokens = {
    province: (await admin.createToken('province', 'Ban Dân tộc', 'admin')).token,
    '180': (await admin.createToken('district:180', 'Huyện Tràng Định', 'admin')).token,
    '181': (await admin.createToken('district:181', 'Huyện Văn Lãng', 'admin')).token,
    '182': (await admin.createToken('district:182', 'Huyện Bình Gia', 'admin')).token,
  };
  await admin.close();
  // No worker threads: the hub does not use them, and starting them (tsx) on a loaded machine can
  // pass Fastify's 10 s start-up limit.
  const server = await startServer({
    workers: 0,
    ...options,
    hub: { config: { dataDir: location.dataDir, databaseUrl: location.databaseUrl, planFile: `${EXAMPLES}plan.json`, rosterFile: `${EXAMPLES}candidates.csv` }, ...extra },
  });
  return Object.assign(server, { tokens, location });
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A results file as the results workbook a district fills in (the sheets of `p135 report template`), for the tests. */
export async function resultsWorkbook(name: string): Promise<Uint8Array> {
  const { resultsTemplate, toXlsx } = await import('@p135/io');
  const { bundledPack, createRulebook } = await import('@p135/rules');
  // biome-ignore lint/suspicious/noExplicitAny: the example's JSON, read field by field
  const r: any = JSON.parse(new TextDecoder().decode(resultsBytes(name)));
  const book = createRulebook(bundledPack('lang-son-2020')!);
  const [report, classes, attendance, tours, spending, ...rest] = resultsTemplate(book, undefined, 'vi', r.district ?? undefined);
  const people: (string | null)[][] = [];
  const money: (string | null)[][] = [];
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const classRows = r.classes.map((c: any) => {
    for (const t of c.trainees) people.push([c.id, t]);
    for (const s of c.spending) money.push([c.id, s.line, s.amount]);
    return [c.id, c.planClass, c.track, c.district ?? null, c.commune ?? null, c.place, c.start, c.end, c.days];
  });
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const tourRows = r.studyTours.map((t: any) => {
    for (const m of t.members) people.push([t.id, m]);
    for (const s of t.spending) money.push([t.id, s.line, s.amount]);
    return [t.id, t.planTour, t.destination ?? null, t.start, t.end];
  });
  if (!report || !classes || !attendance || !tours || !spending) throw new Error('template sheets');
  return toXlsx([
    { ...report, rows: [[r.district, r.districtName, r.sentOn, r.note ?? null]] },
    { ...classes, rows: classRows },
    { ...attendance, rows: people },
    { ...tours, rows: tourRows },
    { ...spending, rows: money },
    ...rest,
  ]);
}
