/**
 * The hub's part of the OpenAPI document (openapi.ts adds it when the hub is on): its result
 * schemas, written with zod beside the package's report schemas, and its paths.
 */
import { DistrictReportSchema, ProvinceReportSchema } from '@p135/rules';
import { z } from 'zod';
import { FindingSchema } from '../schemas.js';

type Json = Record<string, unknown>;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const HubDistrict = z
  .string()
  .regex(/^(province|[0-9]{3})$/)
  .meta({ description: 'A district code (3 digits), or `province` for Ban Dân tộc’s own results.' });

export const HubSubmissionSchema = z
  .strictObject({
    id: z.int(),
    district: HubDistrict,
    version: z.int().min(1),
    receivedAt: z.string().meta({ description: 'When the hub stored it (ISO 8601, UTC).' }),
    fileName: z.string(),
    mediaType: z.string(),
    sha256: Sha256,
    size: z.int().min(1),
    errors: z.int().min(0),
    warnings: z.int().min(0),
    pack: z.strictObject({ id: z.string(), version: z.string(), hash: z.string() }),
    submittedBy: z.string().meta({ description: 'The id of the token that submitted it.' }),
  })
  .meta({ description: 'One stored version of a district’s results (its file is at `…/original`).' });

export const HubSubmitResponseSchema = z.strictObject({ submission: HubSubmissionSchema, errors: z.int(), warnings: z.int(), findings: z.array(FindingSchema) });
export const HubVersionListSchema = z.strictObject({ district: HubDistrict, versions: z.array(HubSubmissionSchema) });
export const HubVersionSchema = HubSubmissionSchema.extend({ findings: z.array(FindingSchema) });
export const HubHistorySchema = z.strictObject({ versions: z.array(HubSubmissionSchema) });
export const HubMeSchema = z.strictObject({ id: z.string(), role: z.string(), label: z.string(), district: z.string().nullable() });
export const HubConsolidationSchema = z.strictObject({
  asOf: z.string().meta({ description: 'The date of the consolidation (Vietnam): a district with no report by then is missing.' }),
  computedAt: z.string(),
  submissions: z.array(HubSubmissionSchema).meta({ description: 'The versions it is made of: each district’s latest.' }),
  report: ProvinceReportSchema,
});

/** Components the hub's paths refer to. */
export const HUB_COMPONENTS = {
  HubSubmission: HubSubmissionSchema,
  HubSubmitResponse: HubSubmitResponseSchema,
  HubVersionList: HubVersionListSchema,
  HubVersion: HubVersionSchema,
  HubHistory: HubHistorySchema,
  HubMe: HubMeSchema,
  HubConsolidation: HubConsolidationSchema,
  DistrictReport: DistrictReportSchema,
};

export const HUB_TAG = {
  name: 'hub',
  description: 'The province hub: districts submit their results, the province sees the consolidation. `Authorization: Bearer <token>` on every request (tokens from `p135-api token create`).',
};

export interface HubDocTools {
  readonly ref: (name: string) => Json;
  readonly json: (schema: Json) => Json;
  readonly problem: (description: string) => Json;
  readonly langParam: Json;
  readonly bodyLimitBytes: number;
}

/** The hub's paths. */
export function hubPaths(t: HubDocTools): Record<string, Json> {
  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const security = [{ bearer: [] }];
  const common = {
    '400': t.problem('A path or query parameter is not valid (a district is 3 digits or `province`; a version is 1, 2, 3…).'),
    '401': t.problem('No token, or not a token the hub gave (`WWW-Authenticate: Bearer`).'),
    '403': t.problem('The token is another district’s: a district token reads and writes its own district only; the consolidation and history are the province’s.'),
    '500': t.problem('An unexpected error (logged with the request id).'),
    '503': t.problem('The request took too long, or the server is busy or shutting down.'),
  };
  const district = { name: 'district', in: 'path', required: true, schema: { type: 'string', pattern: '^(province|[0-9]{3})$' } };
  const version = { name: 'version', in: 'path', required: true, schema: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } };
  const format = {
    name: 'format',
    in: 'query',
    required: false,
    description: '`json` (default), `xlsx` (the printed layout) or `html` (a printable A4 page).',
    schema: { type: 'string', enum: ['json', 'xlsx', 'html'] },
  };
  const rendered = (schema: string) => ({
    ...t.json(t.ref(schema)),
    [xlsx]: { schema: { type: 'string', contentMediaType: xlsx } },
    'text/html': { schema: { type: 'string' } },
  });
  const notFound = t.problem('The district has no such version.');
  return {
    '/v1/hub/submissions': {
      post: {
        tags: ['hub'],
        operationId: 'hubSubmit',
        summary: 'A district (or the province, for its own classes) submits its results: a new version',
        description: `The results file as it is: JSON, the results workbook (\`p135 report template\`), or that workbook saved as one CSV (\`text/csv\`). Read and checked against the pack, the hub's plan and roster; its findings made; stored with the file, byte for byte. Nothing is overwritten: each submission is the district's next version. Body ≤ ${t.bodyLimitBytes} bytes.`,
        security,
        parameters: [t.langParam, { name: 'name', in: 'query', required: false, description: 'The file name to keep (letters, digits, spaces, `._()-`, ≤ 100).', schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { type: 'object' } }, [xlsx]: { schema: { type: 'string', contentMediaType: xlsx } }, 'text/csv': { schema: { type: 'string' } } },
        },
        responses: {
          '201': { description: 'Stored: the version, its findings and their counts.', content: t.json(t.ref('HubSubmitResponse')) },
          ...common,
          '400': t.problem('The results are not valid: each problem with its place (JSON path, or sheet row and column).'),
          '403': t.problem('The results are another district’s (or the province’s) than the token’s.'),
          '413': t.problem(`The body is over ${t.bodyLimitBytes} bytes.`),
          '415': t.problem('Not JSON, an XLSX workbook or CSV, or not what its Content-Type says.'),
        },
      },
    },
    '/v1/hub/me': {
      get: {
        tags: ['hub'],
        operationId: 'hubMe',
        summary: 'Who this token is',
        security,
        parameters: [t.langParam],
        responses: { '200': { description: 'The token’s id, role and label.', content: t.json(t.ref('HubMe')) }, ...common },
      },
    },
    '/v1/hub/districts/{district}/submissions': {
      get: {
        tags: ['hub'],
        operationId: 'hubVersions',
        summary: 'A district’s versions, oldest first',
        security,
        parameters: [district, t.langParam],
        responses: { '200': { description: 'Its versions.', content: t.json(t.ref('HubVersionList')) }, ...common },
      },
    },
    '/v1/hub/districts/{district}/submissions/{version}': {
      get: {
        tags: ['hub'],
        operationId: 'hubVersion',
        summary: 'One version: its description and findings',
        security,
        parameters: [district, version, t.langParam],
        responses: { '200': { description: 'The version.', content: t.json(t.ref('HubVersion')) }, ...common, '404': notFound },
      },
    },
    '/v1/hub/districts/{district}/submissions/{version}/original': {
      get: {
        tags: ['hub'],
        operationId: 'hubOriginal',
        summary: 'One version’s file, byte for byte, with its media type (`x-content-sha256` gives its SHA-256)',
        security,
        parameters: [district, version, t.langParam],
        responses: {
          '200': { description: 'The file as it was sent.', content: { 'application/json': { schema: {} }, [xlsx]: { schema: { type: 'string', contentMediaType: xlsx } } } },
          ...common,
          '404': notFound,
        },
      },
    },
    '/v1/hub/districts/{district}/submissions/{version}/report': {
      get: {
        tags: ['hub'],
        operationId: 'hubDistrictReport',
        summary: 'One version’s district report (KH.III.3)',
        security,
        parameters: [district, version, format, t.langParam],
        responses: { '200': { description: 'The report.', content: rendered('DistrictReport') }, ...common, '404': notFound },
      },
    },
    '/v1/hub/consolidation': {
      get: {
        tags: ['hub'],
        operationId: 'hubConsolidation',
        summary: 'The province’s consolidation over each district’s latest version (KH.III.1) — province token only',
        description: 'Made again when a new version has come since the last one; districts on time, late and missing as of today (Vietnam).',
        security,
        parameters: [format, t.langParam],
        responses: { '200': { description: 'The consolidation (JSON: with the versions it is made of).', content: rendered('HubConsolidation') }, ...common },
      },
    },
    '/v1/hub/history': {
      get: {
        tags: ['hub'],
        operationId: 'hubHistory',
        summary: 'Every version received, in order — province token only',
        security,
        parameters: [t.langParam],
        responses: { '200': { description: 'The versions.', content: t.json(t.ref('HubHistory')) }, ...common },
      },
    },
  };
}
