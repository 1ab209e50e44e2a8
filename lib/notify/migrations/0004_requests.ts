import type { Kysely } from 'kysely';

/**
 * - `subscribers.requested_scopes`: the choice of lists made with the latest request, until
 *   the notify job mails its confirmation link (the link's token, made then, carries it).
 *   The request answers at once: the e-mail is a delivery like any other.
 * - `spent_tokens`: hashes of the unsubscribe links of people whose address was deleted, so a
 *   used link still answers "unsubscribed"; a hash of a random token names nobody.
 * - `deliveries_queue`: the queue in order, so claiming a few at a time stays cheap.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('subscribers').addColumn('requested_scopes', 'text').execute();
  await db.schema
    .createTable('spent_tokens')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('spent_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('deliveries_queue').on('deliveries').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('deliveries_queue').execute();
  await db.schema.dropTable('spent_tokens').execute();
  await db.schema.alterTable('subscribers').dropColumn('requested_scopes').execute();
}
