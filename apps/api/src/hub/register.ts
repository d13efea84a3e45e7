/** Opens the hub (plan, roster, store) and registers its routes on a server; closes it with the server. */
import type { FastifyInstance } from 'fastify';
import type { BodyBudget } from '../body.js';
import type { PackRegistry } from '../packs.js';
import { Hub, type HubInit } from './hub.js';
import { hubRoutes } from './routes.js';

/** What `createServer` needs to run the hub: its settings (and, in tests, store options and a clock). */
export type HubSettings = Omit<HubInit, 'book'>;

export async function openHub(app: FastifyInstance, settings: HubSettings, packs: PackRegistry, bodies: BodyBudget, bodyLimit: number): Promise<Hub> {
  const loaded = packs.get(packs.defaultId);
  if (!loaded) throw new Error('no default pack');
  const hub = await Hub.open({ ...settings, book: loaded.book });
  app.addHook('onClose', async () => hub.close());
  hubRoutes(app, hub, bodies, bodyLimit);
  app.log.info({ store: hub.store.dialect, where: hub.store.where, pack: loaded.book.ref.id }, 'hub on');
  return hub;
}
