import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * Subscribers hold only what the feature needs: the address, its state and times. Tokens
 * live in their own table, stored as SHA-256 hashes, each for one purpose. A `scopes`
 * column can be added to `subscribers` later (SPEC §8) without touching the rest.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('subscribers')
    .addColumn('id', idColumn(db), (col) => col.primaryKey())
    .addColumn('email', 'text', (col) => col.notNull().unique())
    .addColumn('status', 'text', (col) => col.notNull()) // pending | confirmed | unsubscribed
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('confirm_sent_at', 'text')
    .addColumn('confirmed_at', 'text')
    // The site's calendar date of confirming: day notices go to those confirmed before the day.
    .addColumn('confirmed_on', 'text')
    .addColumn('unsubscribed_at', 'text')
    .execute();
  await db.schema
    .createTable('tokens')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('purpose', 'text', (col) => col.notNull()) // confirm | unsubscribe
    .addColumn('subscriber_id', 'integer', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text')
    .execute();
  await db.schema.createIndex('tokens_subscriber').on('tokens').column('subscriber_id').execute();
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (col) => col.primaryKey()) // a hash of the IP address or e-mail address
    .addColumn('window_start', 'text', (col) => col.notNull())
    .addColumn('count', 'integer', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['rate_limits', 'tokens', 'subscribers']) await db.schema.dropTable(table).execute();
}
