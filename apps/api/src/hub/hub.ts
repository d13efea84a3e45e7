/**
 * The hub: districts submit their results, the province sees the consolidation. Everything that
 * decides is the packages' (readResults and the reports of @p135/io and @p135/rules); the store
 * keeps every version (@p135/store). The consolidation over each district's latest version is
 * recomputed when a submission lands, and kept while no new version comes.
 */
import { type Candidate, districtReport, type Plan, type ProvinceReport, parseResults, provinceReport, type ReportOptions, type Results, type Rulebook } from '@p135/rules';
import { formatInputError, readPlan, readResults } from '@p135/io';
import { readRosterFile, readSource } from '@p135/io/node';
import { HubStore, type StoreOptions, type SubmissionMeta, type TokenRecord } from '@p135/store';
import type { ApiProblem } from '../problems.js';
import type { ProblemError } from '../schemas.js';
import type { HubConfig } from './config.js';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const JSON_MEDIA_TYPE = 'application/json';
/** The results workbook saved as one CSV (its sheets one after another), as the web app and `p135 report` read it. */
export const CSV_MEDIA_TYPE = 'text/csv';

/** The hub could not start: one line, Vietnamese then English. */
export class HubStartError extends Error {
  override readonly name = 'HubStartError';
}

/** `province` for Ban Dân tộc's own results, else the district code. */
export type Scope = string;

/** What a token may see and do: a district token its own district only; the province token everything (and writes its own results). */
export function mayRead(token: TokenRecord, scope: Scope): boolean {
  return token.role === 'province' || token.role === `district:${scope}`;
}

export function writeScopeOf(token: TokenRecord): Scope {
  return token.role === 'province' ? 'province' : token.role.slice('district:'.length);
}

export interface Consolidation {
  /** The date of the consolidation (Vietnam time): a district with no report by then is missing. */
  readonly asOf: string;
  readonly computedAt: string;
  /** The versions it is made of: each district's latest. */
  readonly submissions: readonly SubmissionMeta[];
  readonly report: ProvinceReport;
}

export type SubmitOutcome = { ok: true; meta: SubmissionMeta; errors: number; warnings: number; findings: unknown } | { ok: false; problem: ApiProblem };

export interface HubInit {
  readonly config: HubConfig;
  readonly book: Rulebook;
  readonly storeOptions?: StoreOptions;
  /** The clock (tests). */
  readonly now?: () => Date;
}

const startError = (vi: string, en: string) => new HubStartError(`${vi} / ${en}`);

/** Today in Vietnam (UTC+7), as YYYY-MM-DD. */
const vietnamDate = (d: Date): string => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

function inputProblems(errors: readonly import('@p135/io').InputError[]): ProblemError[] {
  return errors.map((e) => ({
    in: 'body',
    path: e.place.path ?? (e.place.row !== undefined ? `row ${e.place.row}${e.place.column ? `, ${e.place.column}` : ''}` : '$'),
    code: e.code,
    message: { vi: formatInputError({ ...e, place: { ...e.place, file: undefined } }, 'vi'), en: formatInputError({ ...e, place: { ...e.place, file: undefined } }, 'en') },
  }));
}

export class Hub {
  /** The last consolidation made, under the key of the versions it was made from. */
  private made: { key: string; value: Consolidation } | undefined;
  /** The consolidation being made, if one is. */
  private making: Promise<Consolidation> | undefined;
  /** A version came while one was being made: make it again once that one is done. */
  private stale = false;
  /**
   * Each person's priority criteria, found once and shared by every report (the pack, plan and
   * roster do not change while the hub runs): a report decides only people not seen before.
   */
  private readonly criteria: NonNullable<ReportOptions['criteria']> = new Map();

  private constructor(
    readonly store: HubStore,
    readonly book: Rulebook,
    readonly plan: Plan,
    readonly roster: ReadonlyMap<string, Candidate>,
    private readonly now: () => Date,
  ) {}

  static async open(init: HubInit): Promise<Hub> {
    const { config, book } = init;
    const planRead = await readSource(config.planFile);
    if ('error' in planRead) throw startError(`P135_HUB_PLAN: ${formatInputError(planRead.error, 'vi')}`, `P135_HUB_PLAN: ${formatInputError(planRead.error, 'en')}`);
    const plan = await readPlan(planRead.source, book);
    if (!plan.plan) {
      const first = plan.errors[0];
      throw startError(
        `P135_HUB_PLAN: kế hoạch có ${plan.errors.length} lỗi; ${first ? formatInputError(first, 'vi') : ''}`,
        `P135_HUB_PLAN: the plan has ${plan.errors.length} errors; ${first ? formatInputError(first, 'en') : ''}`,
      );
    }
    const roster = await readRosterFile(config.rosterFile, book);
    if (roster.errors.length) {
      const first = roster.errors[0];
      throw startError(
        `P135_HUB_ROSTER: danh sách có ${roster.errors.length} lỗi; ${first ? formatInputError(first, 'vi') : ''}`,
        `P135_HUB_ROSTER: the roster has ${roster.errors.length} errors; ${first ? formatInputError(first, 'en') : ''}`,
      );
    }
    const store = await HubStore.open({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, init.storeOptions);
    return new Hub(store, book, plan.plan, new Map(roster.candidates.map((c) => [c.id, c] as const)), init.now ?? (() => new Date()));
  }

  /**
   * A district's (or the province's) results, as sent: read and validated by the packages against
   * the pack, the plan and the roster; its report's findings made; stored as a new version.
   */
  async submit(input: { bytes: Uint8Array; mediaType: string; fileName: string | undefined; token: TokenRecord }): Promise<SubmitOutcome> {
    const scope = writeScopeOf(input.token);
    const extension = input.mediaType === XLSX_MEDIA_TYPE ? 'xlsx' : input.mediaType === CSV_MEDIA_TYPE ? 'csv' : 'json';
    const fileName = input.fileName ?? `ket-qua-${scope}.${extension}`;
    // Read as its media type says, whatever the name kept with it.
    const read = await readResults({ name: `ket-qua.${extension}`, bytes: input.bytes }, this.book, { plan: this.plan, roster: this.roster });
    if (!read.results) {
      await this.store.audit({
        actor: input.token.id,
        action: 'submission.invalid',
        target: scope,
        detail: { errors: read.errors.length, codes: [...new Set(read.errors.map((e) => e.code))].slice(0, 20) },
      });
      return { ok: false, problem: { kind: 'invalid-input', errors: inputProblems(read.errors) } };
    }
    const results = read.results;
    const reported: Scope = results.district ?? 'province';
    if (reported !== scope) {
      await this.store.audit({ actor: input.token.id, action: 'submission.refused', target: reported, detail: { role: input.token.role } });
      return {
        ok: false,
        problem: {
          kind: 'forbidden',
          detail: {
            vi: `Mã truy cập này chỉ gửi được báo cáo của ${scope === 'province' ? 'Ban Dân tộc (district để trống)' : `huyện ${scope}`}; báo cáo này là của ${reported === 'province' ? 'Ban Dân tộc' : `huyện ${reported}`}`,
            en: `this token may only submit ${scope === 'province' ? "Ban Dân tộc's own results (district empty)" : `district ${scope}'s results`}; these are ${reported === 'province' ? "Ban Dân tộc's" : `district ${reported}'s`}`,
          },
        },
      };
    }
    const report = await districtReport(this.book, this.plan, results, { roster: this.roster, criteria: this.criteria });
    const meta = await this.store.submit({
      district: scope,
      fileName,
      mediaType: input.mediaType,
      bytes: input.bytes,
      results,
      findings: report.findings,
      errors: report.errors,
      warnings: report.warnings,
      pack: { id: this.book.ref.id, version: this.book.ref.version, hash: this.book.ref.hash },
      submittedBy: input.token.id,
    });
    // Made again now (one at a time: submissions during it are taken in by the next one), so
    // that the province's next look finds it ready.
    this.refresh();
    return { ok: true, meta, errors: report.errors, warnings: report.warnings, findings: report.findings };
  }

  /** A stored version's results, read back and checked against the current pack. */
  private resultsOf(stored: unknown): Results {
    const checked = parseResults(stored, this.book);
    if (!checked.value) throw new Error(`a stored version no longer reads: ${checked.errors[0]?.message.en ?? ''}`);
    return checked.value;
  }

  /** The district report of one stored version. */
  async districtReportOf(scope: Scope, version: number) {
    const s = await this.store.submission(scope, version);
    if (!s) return undefined;
    return { meta: s, report: await districtReport(this.book, this.plan, this.resultsOf(s.results), { roster: this.roster, criteria: this.criteria }) };
  }

  /** Makes the consolidation of the latest versions now, or once the one being made is done. */
  private refresh(): Promise<Consolidation> {
    if (this.making) {
      this.stale = true;
      return this.making;
    }
    const making = this.make().finally(() => {
      this.making = undefined;
      if (this.stale) {
        this.stale = false;
        this.refresh().catch(() => {});
      }
    });
    this.making = making;
    making.catch(() => {});
    return making;
  }

  private async make(): Promise<Consolidation> {
    const asOf = vietnamDate(this.now());
    const latest = await this.store.latest();
    const key = `${asOf}|${latest.map((s) => `${s.district}:${s.version}`).join(',')}`;
    if (this.made?.key === key) return this.made.value;
    const reports = latest.map((s) => this.resultsOf(s.results));
    const report = await provinceReport(this.book, this.plan, reports, { roster: this.roster, asOf, criteria: this.criteria });
    const submissions: SubmissionMeta[] = latest.map(({ results: _r, findings: _f, ...meta }) => meta);
    const value: Consolidation = { asOf, computedAt: this.now().toISOString(), submissions, report };
    this.made = { key, value };
    return value;
  }

  /**
   * The consolidation over each district's latest version: the one kept if no version came since
   * (asked of the database, so versions stored by another server count too), else made again.
   */
  async consolidation(): Promise<Consolidation> {
    for (;;) {
      const key = `${vietnamDate(this.now())}|${[...(await this.store.latestVersions())].map(([d, v]) => `${d}:${v}`).join(',')}`;
      if (this.made?.key === key) return this.made.value;
      const value = await (this.making ?? this.refresh());
      // What was being made may be older than what is stored: then once more.
      if (this.made?.key === key) return value;
      if (!this.making) return this.refresh();
    }
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
