/** What the store says when it cannot do something: a stable code and a message in Vietnamese and English, never a stack. */
export interface StoreMessage {
  readonly vi: string;
  readonly en: string;
}

export type StoreErrorCode = 'store.open' | 'store.driver' | 'store.migrate' | 'store.conflict' | 'store.invalid';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly text: StoreMessage,
  ) {
    super(`${text.vi} / ${text.en}`);
    this.name = 'StoreError';
  }
}

/** A database error's code (SQLite `SQLITE_…`, PostgreSQL SQLSTATE), if it has one. */
export function dbErrorCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Another writer took the same version number first (SQLite unique constraint, PostgreSQL 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const code = dbErrorCode(err);
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

/** The database is held by another writer for now (SQLite busy/locked, PostgreSQL serialization/deadlock). */
export function isTransient(err: unknown): boolean {
  const code = dbErrorCode(err);
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === '40001' || code === '40P01';
}
