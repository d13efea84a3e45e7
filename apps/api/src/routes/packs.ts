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
      invalid: packs.invalid.map((s) => ({ file: s.file, problemCount: s.errors.length, problems: s.errors.slice(0, 20).map(({ path, code, message }) => ({ path, code, message })) })),
    };
  });

  app.get<{ Params: { id: string } }>('/v1/packs/:id', async (request, reply) => {
    const q = readQuery(LangQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    const id = request.params.id;
    const loaded = PackIdSchema.safeParse(id).success ? packs.get(id) : undefined;
    const invalid = loaded ? undefined : packs.invalid.find((s) => s.file === `${id}.json`);
    if (invalid) {
      const first = invalid.errors[0];
      return sendProblem(reply, {
        kind: 'unknown-pack',
        errors: [
          {
            in: 'path',
            path: 'id',
            code: 'pack.invalid_file',
            message: {
              vi: `Tệp ${invalid.file} trong thư mục bộ quy tắc không hợp lệ nên không được dùng (${invalid.errors.length} lỗi; lỗi đầu tiên ở ${first?.path}: ${first?.message.vi}); hãy sửa tệp rồi khởi động lại máy chủ`,
              en: `the file ${invalid.file} of the packs directory is invalid, so it is not served (${invalid.errors.length} problem(s); the first at ${first?.path}: ${first?.message.en}); fix the file and restart the server`,
            },
          },
        ],
      });
    }
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
