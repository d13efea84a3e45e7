/**
 * `@p135/store`: the province hub's storage. Districts' results submissions as append-only
 * versions, access tokens stored hashed, and an audit log of every write, in an embedded SQLite
 * file (default) or PostgreSQL (`DATABASE_URL`), through Kysely; the schema's migrations run on open.
 */
export { StoreError, type StoreErrorCode, type StoreMessage } from './errors.js';
export type { Dialect } from './migrations.js';
export { SQLITE_FILE, type StoreLocation } from './open.js';
export type { HubDatabase } from './schema.js';
export {
  type AuditEntry,
  HubStore,
  type NewSubmission,
  type PackRef,
  type StoreOptions,
  type SubmissionData,
  type SubmissionMeta,
  type TokenRecord,
} from './store.js';
export { isRole, ROLE_SHAPE, type Role, TOKEN_PREFIX } from './tokens.js';
