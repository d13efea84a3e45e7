/**
 * PostgreSQL as the hub uses it: Kysely's dialect with an introspector that sees only the
 * connection's own schema (`current_schema()`).
 *
 * Kysely's migrator asks the introspector whether its two tables exist, and Kysely's own
 * PostgreSQL introspector reads every table of every schema, calling `pg_get_serial_sequence`
 * on each by name. When another program drops a table anywhere in the same database at that
 * moment, the name no longer resolves and opening the hub fails with 42P01 (seen in CI, where
 * two packages' tests share one database). The hub only needs to know which of its tables
 * exist, in the schema it writes to; this introspector answers exactly that and nothing else
 * (tables' columns are not read: nothing here uses them).
 */
import { type DatabaseIntrospector, type Kysely, PostgresDialect, type SchemaMetadata, sql, type TableMetadata } from 'kysely';

class CurrentSchemaIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(this.#db);
    return rows.map((r) => ({ name: r.name }));
  }

  async getTables(): Promise<TableMetadata[]> {
    const { rows } = await sql<{ name: string; schema: string; kind: string }>`
      select c.relname as name, n.nspname as schema, c.relkind as kind
      from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p', 'v', 'm', 'f') and n.nspname = current_schema()
      order by c.relname`.execute(this.#db);
    return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v' || r.kind === 'm', isForeign: r.kind === 'f', columns: [] }));
  }
}

/** Kysely's PostgreSQL dialect, introspecting only the connection's own schema. */
export class HubPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}
