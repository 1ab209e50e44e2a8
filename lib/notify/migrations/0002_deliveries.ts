import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * The outbox and the proof in one table: a row is written (pending) before its message is
 * sent, claimed by one process for its SMTP transaction, and records the outcome after it.
 * `notices` keeps one row per notice with the time it first went out, for the changes page.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notices')
    .addColumn('id', 'text', (col) => col.primaryKey()) // day:YYYY-MM-DD or welcome:YYYY-MM-DD
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('first_sent_at', 'text')
    .execute();
  await db.schema
    .createTable('deliveries')
    .addColumn('id', idColumn(db), (col) => col.primaryKey())
    .addColumn('notice_id', 'text', (col) => col.notNull())
    .addColumn('subscriber_id', 'integer') // null once the address is erased
    .addColumn('address', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull()) // pending | sending | sent | failed | cancelled
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('next_attempt_at', 'text', (col) => col.notNull())
    .addColumn('attempts', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_at', 'text')
    // 1 when a claim was found abandoned by a process that died mid-send, and sent again.
    .addColumn('resent', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('message_id', 'text')
    .addColumn('fingerprint', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('smtp_response', 'text')
    .addUniqueConstraint('deliveries_once', ['notice_id', 'subscriber_id'])
    .execute();
  await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('deliveries_subscriber').on('deliveries').column('subscriber_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('deliveries').execute();
  await db.schema.dropTable('notices').execute();
}
