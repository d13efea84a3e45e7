/**
 * The hub's store: submissions are append-only versions (a new one is max + 1 for its district,
 * inside one transaction with its audit row; nothing is updated or deleted), tokens are kept
 * hashed, every write is audited.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { isTransient, isUniqueViolation, StoreError } from './errors.js';
import type { Dialect } from './migrations.js';
import { type OpenedDatabase, openDatabase, type StoreLocation } from './open.js';
import type { HubDatabase, SubmissionTable } from './schema.js';
import { isRole, looksLikeToken, newToken, type Role, sha256Hex, tokenHash } from './tokens.js';

/** `province` (Ban Dân tộc's own classes and tours) or a 3-digit district code. */
const DISTRICT_SHAPE = /^(province|[0-9]{3})$/;

/** Attempts at a version number when other writers keep taking it first. */
const MAX_ATTEMPTS = 50;

export interface PackRef {
  readonly id: string;
  readonly version: string;
  readonly hash: string;
}

export interface NewSubmission {
  readonly district: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: Uint8Array;
  /** The parsed results (stored as JSON). */
  readonly results: unknown;
  /** The findings on them (stored as JSON). */
  readonly findings: unknown;
  readonly errors: number;
  readonly warnings: number;
  readonly pack: PackRef;
  /** The id of the token that submitted it. */
  readonly submittedBy: string;
}

/** A stored version, without its bytes or JSON. */
export interface SubmissionMeta {
  readonly id: number;
  readonly district: string;
  readonly version: number;
  readonly receivedAt: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly sha256: string;
  readonly size: number;
  readonly errors: number;
  readonly warnings: number;
  readonly pack: PackRef;
  readonly submittedBy: string;
}

/** A stored version with its results and findings (parsed back from JSON). */
export interface SubmissionData extends SubmissionMeta {
  readonly results: unknown;
  readonly findings: unknown;
}

export interface TokenRecord {
  readonly id: string;
  readonly role: Role;
  readonly label: string;
  readonly createdAt: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly detail: unknown;
}

export interface StoreOptions {
  /** Tests only: called inside a submission's transaction, after its rows are written and before it commits. */
  readonly beforeCommit?: (meta: SubmissionMeta) => Promise<void>;
  /** The clock (tests). */
  readonly now?: () => Date;
}

const META_COLUMNS = ['id', 'district', 'version', 'received_at', 'file_name', 'media_type', 'sha256', 'size', 'errors', 'warnings', 'pack_id', 'pack_version', 'pack_hash', 'submitted_by'] as const;

type MetaRow = Pick<Selectable<SubmissionTable>, (typeof META_COLUMNS)[number]>;

function metaOf(r: MetaRow): SubmissionMeta {
  return {
    id: Number(r.id),
    district: r.district,
    version: Number(r.version),
    receivedAt: r.received_at,
    fileName: r.file_name,
    mediaType: r.media_type,
    sha256: r.sha256,
    size: Number(r.size),
    errors: Number(r.errors),
    warnings: Number(r.warnings),
    pack: { id: r.pack_id, version: r.pack_version, hash: r.pack_hash },
    submittedBy: r.submitted_by,
  };
}

const invalid = (vi: string, en: string) => new StoreError('store.invalid', { vi, en });

function checkDistrict(district: string): void {
  if (!DISTRICT_SHAPE.test(district))
    throw invalid(`Mã huyện "${district.slice(0, 20)}" phải có 3 chữ số (hoặc "province")`, `district code "${district.slice(0, 20)}" must have 3 digits (or be "province")`);
}

export class HubStore {
  private constructor(
    private readonly db: Kysely<HubDatabase>,
    /** `sqlite` or `postgres`. */
    readonly dialect: Dialect,
    /** The SQLite file, or the PostgreSQL host and database (no password). */
    readonly where: string,
    private readonly options: StoreOptions,
  ) {}

  /** Opens (and migrates) the store at `location`. */
  static async open(location: StoreLocation, options: StoreOptions = {}): Promise<HubStore> {
    const opened: OpenedDatabase = await openDatabase(location);
    return new HubStore(opened.db, opened.dialect, opened.where, options);
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  /**
   * Stores a new version of a district's results: version = the district's highest + 1, with its
   * audit row, in one transaction. When another writer takes the number first (the unique
   * constraint), it tries again with the next one.
   */
  async submit(input: NewSubmission): Promise<SubmissionMeta> {
    checkDistrict(input.district);
    const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength);
    const sha256 = sha256Hex(bytes);
    const resultsJson = JSON.stringify(input.results);
    const findingsJson = JSON.stringify(input.findings);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction().execute(async (trx) => {
          const top = await trx
            .selectFrom('hub_submission')
            .select((eb) => eb.fn.max('version').as('v'))
            .where('district', '=', input.district)
            .executeTakeFirst();
          const version = Number(top?.v ?? 0) + 1;
          const at = this.now();
          const row = await trx
            .insertInto('hub_submission')
            .values({
              district: input.district,
              version,
              received_at: at,
              file_name: input.fileName,
              media_type: input.mediaType,
              sha256,
              size: bytes.byteLength,
              original: bytes,
              results_json: resultsJson,
              findings_json: findingsJson,
              errors: input.errors,
              warnings: input.warnings,
              pack_id: input.pack.id,
              pack_version: input.pack.version,
              pack_hash: input.pack.hash,
              submitted_by: input.submittedBy,
            })
            .returning(META_COLUMNS)
            .executeTakeFirstOrThrow();
          const meta = metaOf(row);
          await this.auditIn(trx, {
            actor: input.submittedBy,
            action: 'submission.create',
            target: `${input.district}/v${version}`,
            detail: { sha256, size: meta.size, errors: meta.errors, warnings: meta.warnings, pack: meta.pack },
          });
          if (this.options.beforeCommit) await this.options.beforeCommit(meta);
          return meta;
        });
      } catch (err) {
        if ((isUniqueViolation(err) || isTransient(err)) && attempt < MAX_ATTEMPTS) {
          await new Promise((r) => setTimeout(r, Math.min(50, attempt * 2) * Math.random()));
          continue;
        }
        if (isUniqueViolation(err) || isTransient(err))
          throw new StoreError('store.conflict', { vi: 'Quá nhiều bản gửi cùng lúc; hãy gửi lại sau ít giây', en: 'too many submissions at once; submit again in a few seconds' });
        throw err;
      }
    }
  }

  /** A district's versions, oldest first (no bytes). */
  async versions(district: string): Promise<SubmissionMeta[]> {
    checkDistrict(district);
    const rows = await this.db.selectFrom('hub_submission').select(META_COLUMNS).where('district', '=', district).orderBy('version', 'asc').execute();
    return rows.map(metaOf);
  }

  /** Every version of every district, in the order received (no bytes), at most `limit`. */
  async history(limit = 10_000): Promise<SubmissionMeta[]> {
    const rows = await this.db.selectFrom('hub_submission').select(META_COLUMNS).orderBy('id', 'asc').limit(limit).execute();
    return rows.map(metaOf);
  }

  /** One version's original file, byte for byte, with its description. */
  async original(district: string, version: number): Promise<{ meta: SubmissionMeta; bytes: Uint8Array } | undefined> {
    checkDistrict(district);
    const row = await this.db
      .selectFrom('hub_submission')
      .select([...META_COLUMNS, 'original'])
      .where('district', '=', district)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? { meta: metaOf(row), bytes: new Uint8Array(row.original) } : undefined;
  }

  /** One version with its results and findings. */
  async submission(district: string, version: number): Promise<SubmissionData | undefined> {
    checkDistrict(district);
    const row = await this.db
      .selectFrom('hub_submission')
      .select([...META_COLUMNS, 'results_json', 'findings_json'])
      .where('district', '=', district)
      .where('version', '=', version)
      .executeTakeFirst();
    return row ? { ...metaOf(row), results: JSON.parse(row.results_json), findings: JSON.parse(row.findings_json) } : undefined;
  }

  /** Each district's latest version: district → version number. Cheap; tells whether a consolidation is current. */
  async latestVersions(): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('hub_submission')
      .select((eb) => ['district', eb.fn.max('version').as('v')])
      .groupBy('district')
      .orderBy('district')
      .execute();
    return new Map(rows.map((r) => [r.district, Number(r.v)] as const));
  }

  /** Each district's latest version with its results and findings, by district code. */
  async latest(): Promise<SubmissionData[]> {
    const rows = await this.db
      .selectFrom('hub_submission as s')
      .select([...META_COLUMNS.map((c) => `s.${c}` as const), 's.results_json', 's.findings_json'])
      .where('s.version', '=', (eb) =>
        eb
          .selectFrom('hub_submission as t')
          .select((e) => e.fn.max('t.version').as('m'))
          .whereRef('t.district', '=', 's.district'),
      )
      .orderBy('s.district')
      .execute();
    return rows.map((r) => ({ ...metaOf(r), results: JSON.parse(r.results_json), findings: JSON.parse(r.findings_json) }));
  }

  /** A new token for `role`, stored hashed; the token itself is returned once and never again. */
  async createToken(role: string, label: string, actor: string): Promise<TokenRecord & { token: string }> {
    if (!isRole(role))
      throw invalid(`Vai trò "${role.slice(0, 30)}" không đúng: dùng province hoặc district:<mã 3 chữ số>`, `role "${role.slice(0, 30)}" is wrong: use province or district:<3-digit code>`);
    const { token, id } = newToken();
    const at = this.now();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('hub_token')
        .values({ id, token_hash: tokenHash(token), role, label: label.slice(0, 200), created_at: at, created_by: actor })
        .execute();
      await this.auditIn(trx, { actor, action: 'token.create', target: id, detail: { role, label: label.slice(0, 200) } });
    });
    return { id, role, label: label.slice(0, 200), createdAt: at, token };
  }

  /** The token's record, if the text is a token the hub gave (looked up by its hash). */
  async findToken(token: string): Promise<TokenRecord | undefined> {
    if (!looksLikeToken(token)) return undefined;
    const row = await this.db.selectFrom('hub_token').select(['id', 'role', 'label', 'created_at']).where('token_hash', '=', tokenHash(token)).executeTakeFirst();
    if (!row || !isRole(row.role)) return undefined;
    return { id: row.id, role: row.role, label: row.label, createdAt: row.created_at };
  }

  /** Every token's record (never the token), oldest first. */
  async tokens(): Promise<TokenRecord[]> {
    const rows = await this.db.selectFrom('hub_token').select(['id', 'role', 'label', 'created_at']).orderBy('created_at').orderBy('id').execute();
    return rows.flatMap((r) => (isRole(r.role) ? [{ id: r.id, role: r.role, label: r.label, createdAt: r.created_at }] : []));
  }

  /** Records something done (or refused) that is not itself a stored row: e.g. a submission refused. */
  async audit(entry: { actor: string; action: string; target: string; detail?: unknown }): Promise<void> {
    await this.auditIn(this.db, entry);
  }

  private async auditIn(db: Kysely<HubDatabase> | Transaction<HubDatabase>, entry: { actor: string; action: string; target: string; detail?: unknown }): Promise<void> {
    await db
      .insertInto('hub_audit')
      .values({ at: this.now(), actor: entry.actor.slice(0, 100), action: entry.action.slice(0, 100), target: entry.target.slice(0, 200), detail_json: JSON.stringify(entry.detail ?? null) })
      .execute();
  }

  /** The audit log, oldest first, at most `limit` entries. */
  async auditLog(limit = 10_000): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('hub_audit').selectAll().orderBy('id', 'asc').limit(limit).execute();
    return rows.map((r) => ({ id: Number(r.id), at: r.at, actor: r.actor, action: r.action, target: r.target, detail: JSON.parse(r.detail_json) }));
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}
