/**
 * The hub's one schema, as Kysely sees it. Dates are ISO 8601 text in UTC (the same on SQLite and
 * PostgreSQL); JSON is stored as text; the original file as bytes (SQLite `blob`, PostgreSQL `bytea`).
 */
import type { Generated } from 'kysely';

export interface SubmissionTable {
  id: Generated<number>;
  /** A district code (3 digits), or `province` for Ban Dân tộc's own classes and study tours. */
  district: string;
  /** 1, 2, 3… per district: max + 1, unique with `district`. */
  version: number;
  received_at: string;
  file_name: string;
  media_type: string;
  sha256: string;
  size: number;
  original: Uint8Array;
  results_json: string;
  findings_json: string;
  errors: number;
  warnings: number;
  pack_id: string;
  pack_version: string;
  pack_hash: string;
  /** The id of the token that submitted it. */
  submitted_by: string;
}

export interface TokenTable {
  /** A short public id (shown in the audit log; never enough to sign in). */
  id: string;
  /** SHA-256 (hex) of the token: the token itself is never stored. */
  token_hash: string;
  /** `province` or `district:<code>`. */
  role: string;
  label: string;
  created_at: string;
  created_by: string;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  /** The token id, or `admin` for the command line. */
  actor: string;
  action: string;
  target: string;
  detail_json: string;
}

export interface HubDatabase {
  hub_submission: SubmissionTable;
  hub_token: TokenTable;
  hub_audit: AuditTable;
}
