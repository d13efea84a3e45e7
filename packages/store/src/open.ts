/**
 * Opening the database: PostgreSQL (node-postgres) when a URL is given, otherwise an embedded
 * SQLite file (better-sqlite3) in the data directory, in WAL mode with full sync, so that a
 * committed submission survives a crash or a power cut. The migrations run before anything else.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { Migrator } from 'kysely/migration';
import { StoreError } from './errors.js';
import { type Dialect, migrationsFor } from './migrations.js';
import { HubPostgresDialect } from './postgres-dialect.js';
import type { HubDatabase } from './schema.js';

/** Where the hub's data lives: `databaseUrl` (PostgreSQL) wins over `dataDir` (SQLite file `hub.sqlite` in it). */
export interface StoreLocation {
  readonly databaseUrl?: string | undefined;
  readonly dataDir?: string | undefined;
}

export const SQLITE_FILE = 'hub.sqlite';

/** Connections held by one store on PostgreSQL. */
const PG_POOL_SIZE = 10;

export interface OpenedDatabase {
  readonly db: Kysely<HubDatabase>;
  readonly dialect: Dialect;
  /** Where, for messages: the SQLite file, or the PostgreSQL host and database (never the password). */
  readonly where: string;
}

function pgWhere(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    throw new StoreError('store.open', {
      vi: 'DATABASE_URL không phải địa chỉ hợp lệ; dạng đúng: postgres://người_dùng:mật_khẩu@máy:5432/tên_csdl',
      en: 'DATABASE_URL is not a valid URL; expected postgres://user:password@host:5432/database',
    });
  }
}

async function openPostgres(url: string): Promise<OpenedDatabase> {
  const where = pgWhere(url);
  const pg = await import('pg');
  const Pool = pg.default?.Pool ?? pg.Pool;
  const pool = new Pool({ connectionString: url, max: PG_POOL_SIZE });
  // An idle connection that fails (the server restarted) is dropped, not a crash.
  pool.on('error', () => {});
  return { db: new Kysely<HubDatabase>({ dialect: new HubPostgresDialect({ pool }) }), dialect: 'postgres', where };
}

async function openSqlite(dataDir: string): Promise<OpenedDatabase> {
  let Database: typeof import('better-sqlite3');
  try {
    const mod = await import('better-sqlite3');
    Database = (mod as unknown as { default: typeof import('better-sqlite3') }).default ?? mod;
  } catch {
    throw new StoreError('store.driver', {
      vi: 'Chưa cài được thư viện SQLite (better-sqlite3); cài lại (pnpm install) hoặc đặt DATABASE_URL để dùng PostgreSQL',
      en: 'the SQLite library (better-sqlite3) is not installed; reinstall (pnpm install) or set DATABASE_URL to use PostgreSQL',
    });
  }
  const file = join(dataDir, SQLITE_FILE);
  let sqlite: import('better-sqlite3').Database;
  try {
    mkdirSync(dataDir, { recursive: true });
    sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 10000');
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'error';
    throw new StoreError('store.open', {
      vi: `Không mở được tệp dữ liệu ${file} (${code}); kiểm tra thư mục dữ liệu có tồn tại và ghi được`,
      en: `cannot open the data file ${file} (${code}); check that the data directory exists and is writable`,
    });
  }
  return { db: new Kysely<HubDatabase>({ dialect: new SqliteDialect({ database: sqlite }) }), dialect: 'sqlite', where: file };
}

/** Opens the database and brings its schema up to date; on any failure, a StoreError and nothing left open. */
export async function openDatabase(location: StoreLocation): Promise<OpenedDatabase> {
  let opened: OpenedDatabase;
  if (location.databaseUrl) opened = await openPostgres(location.databaseUrl);
  else if (location.dataDir) opened = await openSqlite(location.dataDir);
  else
    throw new StoreError('store.open', {
      vi: 'Chưa chọn nơi lưu dữ liệu: đặt P135_DATA_DIR (SQLite) hoặc DATABASE_URL (PostgreSQL)',
      en: 'no place to keep the data: set P135_DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL)',
    });
  const failed = (code: string | undefined) =>
    new StoreError('store.migrate', {
      vi: `Không mở hoặc cập nhật được cơ sở dữ liệu ${opened.where}${code ? ` (${code})` : ''}; kiểm tra địa chỉ, tài khoản và quyền`,
      en: `cannot open or update the database ${opened.where}${code ? ` (${code})` : ''}; check its address, account and rights`,
    });
  // On PostgreSQL, the migration tables are looked for in the schema the connection writes to
  // (its search_path), not in any schema that happens to have tables of the same name.
  let migrationTableSchema: string | undefined;
  if (opened.dialect === 'postgres') {
    try {
      const row = await opened.db.selectNoFrom((eb) => eb.fn<string>('current_schema').as('schema')).executeTakeFirstOrThrow();
      migrationTableSchema = row.schema;
    } catch (err) {
      await opened.db.destroy().catch(() => {});
      throw failed((err as { code?: string }).code);
    }
  }
  const migrator = new Migrator({
    db: opened.db as Kysely<unknown>,
    provider: migrationsFor(opened.dialect),
    migrationTableName: 'hub_migration',
    migrationLockTableName: 'hub_migration_lock',
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await opened.db.destroy().catch(() => {});
    throw failed((error as { code?: string }).code);
  }
  return opened;
}
