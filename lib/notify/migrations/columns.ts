import { PostgresAdapter, type Kysely } from 'kysely';

/** An auto-incrementing key: `serial` on PostgreSQL, SQLite's integer primary key (the rowid) otherwise. */
export function idColumn(db: Kysely<unknown>): 'serial' | 'integer' {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'serial' : 'integer';
}
