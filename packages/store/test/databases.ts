/**
 * The databases every storage test runs on: SQLite in a fresh temporary directory, and
 * PostgreSQL when `P135_TEST_DATABASE_URL` is set (its hub tables are dropped before each test;
 * use a database for tests only). Without it, the PostgreSQL cases are skipped, saying why.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { StoreLocation } from '../src/index.js';

export const PG_URL = process.env.P135_TEST_DATABASE_URL || undefined;

export const PG_SKIP_REASON = 'PostgreSQL skipped: P135_TEST_DATABASE_URL is not set (scripts/ci-postgres.sh prints one)';

export interface TestDatabase {
  readonly name: 'sqlite' | 'postgres';
  readonly available: boolean;
  /** A fresh, empty location for one test. */
  fresh(): Promise<StoreLocation>;
  cleanup(): void;
}

const HUB_TABLES = ['hub_submission', 'hub_token', 'hub_audit', 'hub_migration', 'hub_migration_lock'] as const;

export function sqliteDatabase(): TestDatabase {
  const dirs: string[] = [];
  return {
    name: 'sqlite',
    available: true,
    async fresh() {
      const dir = mkdtempSync(join(tmpdir(), 'p135-store-'));
      dirs.push(dir);
      return { dataDir: dir };
    },
    cleanup() {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    },
  };
}

/**
 * PostgreSQL, in a schema of its own (`schema`), so that test files of different packages run at
 * the same time (turbo) never touch each other's tables.
 */
export function postgresDatabase(schema = 'p135_test_store'): TestDatabase {
  return {
    name: 'postgres',
    available: PG_URL !== undefined,
    async fresh() {
      const base = new URL(PG_URL as string);
      base.searchParams.set('options', `-c search_path=${schema}`);
      const url = base.toString();
      const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }) });
      try {
        await db.schema.createSchema(schema).ifNotExists().execute();
        for (const t of HUB_TABLES) await db.schema.withSchema(schema).dropTable(t).ifExists().execute();
      } finally {
        await db.destroy();
      }
      return { databaseUrl: url };
    },
    cleanup() {},
  };
}

/** The databases of one test file; `schema`: its own PostgreSQL schema. */
export const databasesFor = (schema: string): TestDatabase[] => [sqliteDatabase(), postgresDatabase(schema)];

export const DATABASES = databasesFor('p135_test_store');
