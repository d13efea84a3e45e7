/**
 * The OpenAPI 3.1 document, generated from zod schemas with `z.toJSONSchema`: the package's
 * CandidateSchema, PlanSchema, PackSchema and ConditionSchema, and the result schemas of
 * schemas.ts. Nothing here is a JSON Schema written by hand.
 */
import {
  CandidateSchema,
  CategoryCapSchema,
  ConditionSchema,
  ConditionTraceSchema,
  CostDecisionSchema,
  DistrictReportSchema,
  IsoDateSchema,
  ProvinceReportSchema,
  MoneyDigitsSchema,
  PackSchema,
  PayerTableSchema,
  TextSchema,
  WhereSchema,
} from '@p135/rules';
import { z } from 'zod';
import { HUB_COMPONENTS, HUB_TAG, hubPaths } from './hub/openapi.js';
import { PROBLEM_KINDS, type ProblemKind, problemType } from './problems.js';
import { documentedReportRequests, MAX_REPORTS, REPORT_MEDIA_TYPES, REPORT_TABLES } from './reports.js';
import {
  BudgetSummarySchema,
  candidateBatchSchema,
  DecisionBatchResponseSchema,
  DecisionExplainedResponseSchema,
  DecisionResponseSchema,
  DecisionsQuerySchema,
  MatrixResponseSchema,
  PackCheckResponseSchema,
  DecisionSchema,
  FindingSchema,
  HealthSchema,
  LangSchema,
  PackDetailSchema,
  PackIdSchema,
  PackListSchema,
  PackRefSchema,
  PackSummarySchema,
  PlacementSchema,
  PlanReportSchema,
  planRequestSchema,
  ProblemErrorSchema,
  ProblemSchema,
  RankingSchema,
  ReasonSchema,
  rankRequestSchema,
  TrackDecisionSchema,
} from './schemas.js';

type Json = Record<string, unknown>;

/** The limits the server enforces (app.ts `ServerLimits`): the document states these very values. */
export interface OpenApiLimits {
  readonly bodyLimitBytes: number;
  readonly maxBatch: number;
  readonly maxJsonDepth: number;
  readonly requestTimeoutMs: number;
  readonly maxAnswerBytes: number;
  readonly maxInflightBodyBytes: number;
  readonly findingsPerRule: number;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every schema of a registry as components; `$schema`/`$id` dropped, references between them kept. */
function components(entries: Record<string, z.ZodType>, io: 'input' | 'output'): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(entries)) registry.add(schema, { id });
  const out = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'throw', cycles: 'ref' });
  const schemas: Record<string, Json> = {};
  for (const [id, schema] of Object.entries(out.schemas)) {
    if (!Object.hasOwn(entries, id)) throw new Error(`schema "${id}" is not a named component: name it in openapi.ts`);
    const { $schema: _s, $id: _i, ...rest } = schema as Json;
    schemas[id] = rest;
  }
  return schemas;
}

function inline(schema: z.ZodType): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as Json;
  return rest;
}

const json = (schema: Json) => ({ 'application/json': { schema } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });

function query(name: string, schema: z.ZodType, description: string): Json {
  return { name, in: 'query', required: false, description, schema: inline(schema) };
}

const langParam = query('lang', LangSchema, "Language of a problem's `title` and `detail`: `vi` (default) or `en`. Results keep both languages.");
const packParam = query('pack', PackIdSchema, "Id of the rule pack to apply (see `GET /v1/packs`); default: the server's default pack.");
const asOfParam = query(
  'asOf',
  IsoDateSchema,
  "The day the pack's dated parameters are read at (YYYY-MM-DD, a day that exists); default: the last day of the pack's plan year. The answer's `pack.asOf` says which day was used.",
);

function problemResponses(limits: OpenApiLimits): Json {
  return {
    '400': problem(
      'Malformed or unsafe JSON (`__proto__`/`constructor`/`prototype` keys, nested too deep), a field that is missing, unknown or of the wrong type, or an unknown `?pack`. Each error has the JSON path of the field.',
    ),
    '413': problem(
      `The body is over ${limits.bodyLimitBytes} bytes, it lists more than ${limits.maxBatch} candidates, or its answer would be over ${limits.maxAnswerBytes} bytes (\`answer-too-large\`: split the request).`,
    ),
    '415': problem('The body is not `application/json`.'),
    '500': problem('An unexpected error (logged with the request id; no details in the response).'),
    '503': problem(
      `The request took longer than ${limits.requestTimeoutMs} ms, the server is busy (more than ${limits.maxInflightBodyBytes} bytes of bodies being received at once, or its queue is full) or shutting down. Retry after \`Retry-After\` seconds.`,
    ),
  };
}

function describeProblems(): string {
  return (Object.entries(PROBLEM_KINDS) as [ProblemKind, (typeof PROBLEM_KINDS)[ProblemKind]][])
    .map(([kind, def]) => `- \`${problemType(kind)}\` (${def.status}): ${def.title.vi} / ${def.title.en}`)
    .join('\n');
}

const formatParam = query(
  'format',
  z.enum(['json', 'xlsx', 'csv', 'html']),
  'The answer’s format: `json` (the report model), `xlsx` (the printed layout), `csv` (every table, or one with `table`), `html` (a printable A4 page). Default: from `Accept`, else JSON.',
);

/** One report endpoint: its body, its four formats (by `?format=` or `Accept`), its problems. */
function reportPath(level: 'district' | 'province', errors: Json, limits: OpenApiLimits): Json {
  const district = level === 'district';
  const model = ref(district ? 'DistrictReport' : 'ProvinceReport');
  return {
    post: {
      tags: ['reports'],
      operationId: district ? 'districtReport' : 'provinceReport',
      summary: district ? 'A district’s results report (KH.III.3)' : 'The provincial consolidation of the results (KH.III.1)',
      description: district
        ? `One district's results (what was held: classes, trainees, spending; or Ban Dân tộc's own, district null) with the plan they answer and the roster their trainee ids refer to (up to ${limits.maxBatch} people): classes planned against held, trainees by track, gender and ethnic group, spending per budget line against the estimate, every finding with its clause, and whether the report is on time.`
        : `Every district's results and Ban Dân tộc's own (up to ${MAX_REPORTS} reports), with the plan and the roster: districts on time, late and missing (as of \`asOf\`), a person reported by two districts, spending against the ceiling and the 10% study-tour cap, and the plan's targets against what was done.`,
      parameters: [
        packParam,
        query('lang', LangSchema, 'Language of the words of an XLSX, CSV or HTML report, and of a problem’s `title` and `detail`: `vi` (default) or `en`. The JSON report keeps both languages.'),
        formatParam,
        query('table', z.enum(district ? REPORT_TABLES.district : REPORT_TABLES.province), 'With `format=csv`: only this table.'),
      ],
      requestBody: { required: true, content: json(ref(district ? 'DistrictReportRequest' : 'ProvinceReportRequest')) },
      responses: {
        '200': {
          description: 'The report, in the format asked for.',
          content: {
            [REPORT_MEDIA_TYPES.json]: { schema: model },
            [REPORT_MEDIA_TYPES.xlsx]: { schema: { type: 'string', contentMediaType: REPORT_MEDIA_TYPES.xlsx } },
            [REPORT_MEDIA_TYPES.csv]: { schema: { type: 'string' } },
            [REPORT_MEDIA_TYPES.html]: { schema: { type: 'string' } },
          },
        },
        ...errors,
        '406': problem('`Accept` names none of the four formats (and there is no `?format=`).'),
      },
    },
  };
}

/** The document; with `hub`, the province hub's paths too (when the server runs it). */
export function buildOpenApi(limits: OpenApiLimits, options: { hub?: boolean } = {}): Json {
  const plan = planRequestSchema(limits.maxBatch);
  const input = components(
    {
      Candidate: CandidateSchema,
      Plan: plan,
      ...documentedReportRequests(plan, limits.maxBatch),
      DecisionBatchRequest: candidateBatchSchema(CandidateSchema, limits.maxBatch),
      RankRequest: rankRequestSchema(CandidateSchema, limits.maxBatch),
    },
    'input',
  );
  const output = components(
    {
      Pack: PackSchema,
      Condition: ConditionSchema,
      PackRef: PackRefSchema,
      PackSummary: PackSummarySchema,
      PackList: PackListSchema,
      PackDetail: PackDetailSchema,
      Text: TextSchema,
      MoneyDigits: MoneyDigitsSchema,
      ConditionTrace: ConditionTraceSchema,
      Reason: ReasonSchema,
      PayerTable: PayerTableSchema,
      CostDecision: CostDecisionSchema,
      TrackDecision: TrackDecisionSchema,
      Where: WhereSchema,
      CategoryCap: CategoryCapSchema,
      Decision: DecisionSchema,
      DecisionResponse: DecisionResponseSchema,
      DecisionBatchResponse: DecisionBatchResponseSchema,
      DecisionExplainedResponse: DecisionExplainedResponseSchema,
      MatrixResponse: MatrixResponseSchema,
      PackCheckResponse: PackCheckResponseSchema,
      Finding: FindingSchema,
      BudgetSummary: BudgetSummarySchema,
      PlanReport: PlanReportSchema,
      Placement: PlacementSchema,
      Ranking: RankingSchema,
      DistrictReport: DistrictReportSchema,
      ProvinceReport: ProvinceReportSchema,
      Health: HealthSchema,
      ProblemError: ProblemErrorSchema,
      Problem: ProblemSchema,
      ...(options.hub ? HUB_COMPONENTS : {}),
    },
    'output',
  );
  const clash = Object.keys(input).filter((k) => Object.hasOwn(output, k));
  if (clash.length) throw new Error(`component names used for both requests and results: ${clash.join(', ')}`);

  const errors = problemResponses(limits);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Program 135 rules API',
      version: '0.1.0',
      description: [
        'Decisions, plan checks and class rankings for Program 135 training plans, from declarative rule packs (`@p135/rules`). Lạng Sơn 2020 is bundled.',
        '',
        `Limits: body ≤ ${limits.bodyLimitBytes} bytes; bodies being received ≤ ${limits.maxInflightBodyBytes} bytes in all; ≤ ${limits.maxBatch} candidates per request; JSON nested ≤ ${limits.maxJsonDepth} levels; answer ≤ ${limits.maxAnswerBytes} bytes; a plan check lists ≤ ${limits.findingsPerRule} findings per rule (then one finding saying how many more); ${limits.requestTimeoutMs} ms per request. The same values are in \`x-limits\`.`,
        'Money is whole đồng as strings of digits. Every result names the pack (id, version, SHA-256) that produced it.',
        '',
        'Errors are RFC 9457 `application/problem+json`; `type` is one of:',
        describeProblems(),
      ].join('\n'),
      license: { name: 'MIT', identifier: 'MIT' },
    },
    'x-limits': { ...limits },
    servers: [{ url: '/' }],
    tags: [
      { name: 'packs', description: 'Rule packs: clauses, parameters and rules.' },
      { name: 'evaluate', description: 'Decisions, plan checks and rankings.' },
      { name: 'reports', description: 'Results reports: a district’s (KH.III.3) and the provincial consolidation (KH.III.1).' },
      { name: 'service', description: 'Health and documentation.' },
      ...(options.hub ? [HUB_TAG] : []),
    ],
    paths: {
      '/v1/packs': {
        get: {
          tags: ['packs'],
          operationId: 'listPacks',
          summary: 'The rule packs this server answers with',
          parameters: [langParam],
          responses: { '200': { description: 'The packs, and which is the default.', content: json(ref('PackList')) }, '400': errors['400'] },
        },
      },
      '/v1/packs/{id}': {
        get: {
          tags: ['packs'],
          operationId: 'getPack',
          summary: 'One pack: its clauses (vi and en), parameters, tracks, roles, rates and rules',
          parameters: [{ name: 'id', in: 'path', required: true, schema: inline(PackIdSchema) }, langParam],
          responses: {
            '200': { description: 'The pack and its reference.', content: json(ref('PackDetail')) },
            '400': errors['400'],
            '404': problem('No pack with this id.'),
            '414': problem('The id is longer than 100 characters.'),
          },
        },
      },
      '/v1/packs/{id}/matrix': {
        get: {
          tags: ['packs'],
          operationId: 'packMatrix',
          summary: 'Which roles may enter which track, read from the pack’s eligibility rules',
          description:
            'For each role and track: open (whatever else is true of the person), closed (by which rules, with their clauses) or depending on other facts (which). `?asOf` reads dated parameters on that day.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: inline(PackIdSchema) }, asOfParam, langParam],
          responses: {
            '200': { description: 'The role × track matrix.', content: json(ref('MatrixResponse')) },
            '400': errors['400'],
            '404': problem('No pack with this id, or its file is invalid.'),
          },
        },
      },
      '/v1/packs/{id}/check': {
        get: {
          tags: ['packs'],
          operationId: 'packCheck',
          summary: 'What the pack’s rules mean: conditions that never or always hold, shadowed rules, closed tracks…',
          description:
            'Static findings, each with its JSON path and severity: conditions that can never or always hold, rules another rule shadows, parameters nothing uses, tracks no role can enter, roles no track admits, clauses nothing cites; for a bundled pack, rules its test vectors do not exercise and ids they name that the pack lacks.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: inline(PackIdSchema) }, asOfParam, langParam],
          responses: { '200': { description: 'The findings.', content: json(ref('PackCheckResponse')) }, '400': errors['400'], '404': problem('No pack with this id, or its file is invalid.') },
        },
      },
      '/v1/decisions': {
        post: {
          tags: ['evaluate'],
          operationId: 'decide',
          summary: `Decide one candidate, or a batch of up to ${limits.maxBatch}`,
          description:
            'For each track of the pack: eligible or not and every reason why (with its clause), priority points and criteria, and who pays meals, lodging and travel. A batch answers in the order given. The body may also be a roster file — `text/csv` or an XLSX workbook — read as `p135 decide` reads one (Vietnamese or English headers, title rows skipped, other encodings), within the same limits; what the reader noticed is in `notices`. With `?whatWouldChange=true`, one candidate’s answer says what would change each “no”.',
          parameters: [
            packParam,
            asOfParam,
            langParam,
            query('whatWouldChange', DecisionsQuerySchema.shape.whatWouldChange, 'For one candidate: what would change each track they are not eligible for.'),
          ],
          requestBody: {
            required: true,
            content: {
              ...json({ oneOf: [ref('Candidate'), ref('DecisionBatchRequest')] }),
              'text/csv': { schema: { type: 'string', description: 'A roster, one person a row, with a header row (Vietnamese or English column names).' } },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentEncoding: 'binary', description: 'A roster workbook (its first sheet).' } },
            },
          },
          responses: {
            '200': {
              description: '`{ pack, decision }` for one candidate (with `whatWouldChange` when asked); `{ pack, count, notices?, decisions }` for a batch or a roster file.',
              content: json({ oneOf: [ref('DecisionResponse'), ref('DecisionExplainedResponse'), ref('DecisionBatchResponse')] }),
            },
            ...errors,
          },
        },
      },
      '/v1/plans/check': {
        post: {
          tags: ['evaluate'],
          operationId: 'checkPlan',
          summary: 'Check a plan: roster-level findings and the budget summary',
          description: `The plan's classes, study tours and budget lines, with the roster its trainee ids refer to in \`candidates\` (up to ${limits.maxBatch}).`,
          parameters: [packParam, asOfParam, langParam],
          requestBody: { required: true, content: json(ref('Plan')) },
          responses: { '200': { description: 'Findings (errors and warnings, each with its clause and where it is), the budget summary and counts.', content: json(ref('PlanReport')) }, ...errors },
        },
      },
      '/v1/rank': {
        post: {
          tags: ['evaluate'],
          operationId: 'rankClass',
          summary: 'Rank the candidates for an over-subscribed class',
          description: 'Eligible people by priority points (highest first), ties broken by id; the first `capacity` are admitted, the rest wait; the ineligible are listed with their reasons.',
          parameters: [packParam, asOfParam, langParam],
          requestBody: { required: true, content: json(ref('RankRequest')) },
          responses: { '200': { description: 'The ranking.', content: json(ref('Ranking')) }, ...errors },
        },
      },
      '/v1/reports/district': reportPath('district', errors, limits),
      '/v1/reports/province': reportPath('province', errors, limits),
      '/openapi.json': {
        get: {
          tags: ['service'],
          operationId: 'openapi',
          summary: 'This document',
          responses: { '200': { description: 'OpenAPI 3.1', content: { 'application/json': { schema: { type: 'object' } } } } },
        },
      },
      '/docs': {
        get: {
          tags: ['service'],
          operationId: 'docs',
          summary: 'This document as a web page',
          responses: { '200': { description: 'HTML', content: { 'text/html': { schema: { type: 'string' } } } } },
        },
      },
      '/healthz': {
        get: { tags: ['service'], operationId: 'health', summary: 'Liveness: the server is up and its packs are loaded', responses: { '200': { description: 'Up', content: json(ref('Health')) } } },
      },
      ...(options.hub ? hubPaths({ ref, json, problem, langParam, bodyLimitBytes: limits.bodyLimitBytes }) : {}),
    },
    components: { schemas: { ...input, ...output }, ...(options.hub ? { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } } : {}) },
  };
}
