import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * The legal team's desk (SPEC §10):
 * - `desk_tokens`: one-time sign-in links (`link`, 15 minutes, single use) and single sign-on
 *   requests in flight (`sso`, with the PKCE verifier and nonce), stored only as SHA-256
 *   hashes of the random value the e-mail or the browser holds.
 * - `desk_sessions`: signed-in sessions, by the hash of the cookie's value, with the time of
 *   the last request (idle expiry) and the absolute expiry.
 * - `desk_audit`: every sign-in, refusal and action on the desk, with who and when; rows are
 *   only ever added.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('desk_tokens')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('purpose', 'text', (col) => col.notNull()) // link | sso
    .addColumn('email', 'text')
    .addColumn('data', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('desk_sessions')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('method', 'text', (col) => col.notNull()) // link | sso
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('last_seen_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('desk_audit')
    .addColumn('id', idColumn(db), (col) => col.primaryKey())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text')
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('detail', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['desk_audit', 'desk_sessions', 'desk_tokens']) await db.schema.dropTable(table).execute();
}
