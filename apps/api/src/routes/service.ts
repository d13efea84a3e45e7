/** `GET /healthz`, `GET /openapi.json`, `GET /docs`. */
import type { FastifyInstance } from 'fastify';
import { renderDocsPage } from '../docs-page.js';
import type { PackRegistry } from '../packs.js';

export function serviceRoutes(app: FastifyInstance, packs: PackRegistry, openapi: Record<string, unknown>): void {
  const openapiText = JSON.stringify(openapi);
  const page = renderDocsPage(openapi);

  app.get('/healthz', async () => ({ status: 'ok' as const, packs: [...packs.ids] }));

  app.get('/openapi.json', async (_request, reply) => reply.type('application/json; charset=utf-8').send(openapiText));

  app.get('/docs', async (_request, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'").send(page),
  );
}
