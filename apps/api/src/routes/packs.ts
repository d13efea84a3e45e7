/** `GET /v1/packs` and `GET /v1/packs/{id}`: the packs, their clauses, parameters and rules. */
import type { FastifyInstance } from 'fastify';
import type { PackRegistry } from '../packs.js';
import { sendProblem } from '../problems.js';
import { LangQuerySchema, PackIdSchema } from '../schemas.js';
import { readQuery } from './query.js';

export function packRoutes(app: FastifyInstance, packs: PackRegistry): void {
  app.get('/v1/packs', async (request, reply) => {
    const q = readQuery(LangQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    return {
      default: packs.defaultId,
      packs: packs.ids.map((id) => {
        const { pack, book, source } = packs.get(id)!;
        return {
          ...book.ref,
          default: id === packs.defaultId,
          source,
          title: pack.meta.title,
          province: pack.meta.province,
          year: pack.meta.year,
          status: pack.meta.status,
          counts: { clauses: pack.clauses.length, parameters: Object.keys(pack.parameters).length, rules: pack.rules.length, tracks: pack.tracks.length },
        };
      }),
    };
  });

  app.get<{ Params: { id: string } }>('/v1/packs/:id', async (request, reply) => {
    const q = readQuery(LangQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    const id = request.params.id;
    const loaded = PackIdSchema.safeParse(id).success ? packs.get(id) : undefined;
    if (!loaded) {
      const known = packs.ids.join(', ');
      return sendProblem(reply, {
        kind: 'unknown-pack',
        errors: [{ in: 'path', path: 'id', code: 'pack.unknown', message: { vi: `Không có bộ quy tắc này; các bộ có: ${known}`, en: `no pack with this id; loaded: ${known}` } }],
      });
    }
    return { ref: loaded.book.ref, source: loaded.source, pack: loaded.pack };
  });
}
