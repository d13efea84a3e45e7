/** A server with the hub on (plan and roster of the example), on a fresh database, with tokens. */
import { readFileSync } from 'node:fs';
import { HubStore, type StoreLocation } from '@p135/store';
import type { HubSettings } from '../src/hub/register.js';
import { EXAMPLES, startServer, type TestServer } from './helpers.js';

export const RESULTS = `${EXAMPLES}results/`;
export const resultsBytes = (name: string): Uint8Array => new Uint8Array(readFileSync(`${RESULTS}${name}.json`));

export interface HubServer extends TestServer {
  tokens: Record<'province' | '180' | '181', string>;
  location: StoreLocation;
}

export async function startHub(location: StoreLocation, extra: Partial<HubSettings> = {}, options: Parameters<typeof startServer>[0] = {}): Promise<HubServer> {
  const admin = await HubStore.open(location);
  const tokens = {
    province: (await admin.createToken('province', 'Ban Dân tộc', 'admin')).token,
    '180': (await admin.createToken('district:180', 'Huyện Tràng Định', 'admin')).token,
    '181': (await admin.createToken('district:181', 'Huyện Văn Lãng', 'admin')).token,
  };
  await admin.close();
  const server = await startServer({
    ...options,
    hub: { config: { dataDir: location.dataDir, databaseUrl: location.databaseUrl, planFile: `${EXAMPLES}plan.json`, rosterFile: `${EXAMPLES}candidates.csv` }, ...extra },
  });
  return Object.assign(server, { tokens, location });
}

export const auth = (token: string) => ({ authorization: `Bearer ${token}` });
