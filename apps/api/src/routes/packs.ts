/** `GET /v1/packs`, `GET /v1/packs/{id}` and what a pack's rules mean (`…/matrix`, `…/check`): the packs, their clauses, parameters and rules. */
import { bundledPackTests, checkPack, parsePackTests, roleTrackMatrix, type Rulebook } from '@p135/rules';
import type { FastifyInstance } from 'fastify';
import type { LoadedPack, PackRegistry } from '../packs.js';
import { type ApiProblem, sendProblem } from '../problems.js';
import { LangQuerySchema, PackIdSchema, PackReadQuerySchema } from '../schemas.js';
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
    const found = findPack(packs, request.params.id);
    if ('problem' in found) return sendProblem(reply, found.problem);
    const loaded = found.loaded;
    return { ref: loaded.book.ref, source: loaded.source, pack: loaded.pack };
  });

  // What the pack's rules mean, as of `?asOf` (the package's roleTrackMatrix and checkPack).
  app.get<{ Params: { id: string } }>('/v1/packs/:id/matrix', async (request, reply) => {
    const q = readQuery(PackReadQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    const found = findPack(packs, request.params.id);
    if ('problem' in found) return sendProblem(reply, found.problem);
    const book = packs.book(found.loaded.pack.id, q.value.asOf) as Rulebook;
    return { pack: book.ref, ...roleTrackMatrix(book) };
  });

  app.get<{ Params: { id: string } }>('/v1/packs/:id/check', async (request, reply) => {
    const q = readQuery(PackReadQuerySchema, request);
    if (!q.ok) return sendProblem(reply, q.problem);
    const found = findPack(packs, request.params.id);
    if ('problem' in found) return sendProblem(reply, found.problem);
    const { pack, source } = found.loaded;
    const book = packs.book(pack.id, q.value.asOf) as Rulebook;
    // A bundled pack's own test vectors (a file of the directory replacing it is checked without them).
    const suite = source === 'bundled' ? parsePackTests(bundledPackTests(pack.id)).value : undefined;
    const report = await checkPack(pack, { asOf: book.ref.asOf, ...(suite ? { tests: suite } : {}) });
    return { pack: book.ref, asOf: report.asOf, tests: suite !== undefined, findings: report.findings, errors: report.errors, warnings: report.warnings };
  });
}

/** The pack a path names, or the problem to answer: an invalid file of the packs directory is said to be one, not a missing pack. */
function findPack(packs: PackRegistry, id: string): { loaded: LoadedPack } | { problem: ApiProblem } {
  const loaded = PackIdSchema.safeParse(id).success ? packs.get(id) : undefined;
  const invalid = loaded ? undefined : packs.invalid.find((s) => s.file === `${id}.json`);
  if (invalid) {
    const first = invalid.errors[0];
    return {
      problem: {
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
      },
    };
  }
  if (!loaded) {
    const known = packs.ids.join(', ');
    return {
      problem: {
        kind: 'unknown-pack',
        errors: [{ in: 'path', path: 'id', code: 'pack.unknown', message: { vi: `Không có bộ quy tắc này; các bộ có: ${known}`, en: `no pack with this id; loaded: ${known}` } }],
      },
    };
  }
  return { loaded };
}
