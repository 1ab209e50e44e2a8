import type { Kysely } from 'kysely';
import { idColumn } from './columns';

/**
 * Objections (SPEC §9), kept as the company's record of them.
 * - `objections`: one row per objection from the moment it is submitted. `reference`
 *   (OBJ-<year>-<number>) is given once the address is verified: at once through a subscriber's
 *   personal link, else when the Confirm link is used (`confirm_hash`, a SHA-256 of the link's
 *   token; kept after use, so a replayed link is recognised and files nothing new).
 *   `received_at` is the time it was submitted; `on_time` compares it with `deadline_at`.
 *   `view_hash`: the hash of the key in the address of the page shown after filing.
 * - `objection_counters`: the last number given in each year, updated in one statement, so two
 *   instances filing at once never give the same reference (with a unique index besides).
 * - `objection_states`: what happened to an objection, appended, never overwritten.
 * - `objection_drafts`: what was typed into a refused form, for one hour, so the form can show
 *   it again with what to correct; found by the hash of a random key in the form's address
 *   (the text itself never is in an address). Expired drafts are deleted whenever one is written.
 * - `notices.subject`, `notices.body`: the notice as it was sent (the text part), stored when its
 *   first e-mail went out, with each recipient's personal links left as placeholders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('objections')
    .addColumn('id', idColumn(db), (col) => col.primaryKey())
    .addColumn('reference', 'text', (col) => col.unique())
    .addColumn('status', 'text', (col) => col.notNull()) // unverified | filed
    .addColumn('change_id', 'text', (col) => col.notNull())
    .addColumn('scope', 'text') // the scope whose list named the change; null: the full list
    .addColumn('subscriber_id', 'integer') // set when filed through a personal link; null once that subscriber is gone
    .addColumn('email', 'text', (col) => col.notNull())
    .addColumn('organisation', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('grounds', 'text', (col) => col.notNull())
    .addColumn('contract_reference', 'text')
    .addColumn('received_at', 'text', (col) => col.notNull())
    .addColumn('deadline', 'text', (col) => col.notNull())
    .addColumn('deadline_at', 'text', (col) => col.notNull())
    .addColumn('on_time', 'integer', (col) => col.notNull())
    .addColumn('verified_by', 'text') // personal-link | confirm-link
    .addColumn('verified_at', 'text')
    .addColumn('confirm_hash', 'text', (col) => col.unique())
    .addColumn('confirm_expires_at', 'text')
    .addColumn('view_hash', 'text')
    .execute();
  await db.schema.createIndex('objections_change').on('objections').columns(['change_id', 'scope']).execute();
  await db.schema
    .createTable('objection_counters')
    .addColumn('year', 'integer', (col) => col.primaryKey())
    .addColumn('last', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('objection_states')
    .addColumn('id', idColumn(db), (col) => col.primaryKey())
    .addColumn('objection_id', 'integer', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull()) // received | resolved
    .addColumn('outcome', 'text') // withdrawn | alternative | not-engaged | terminated | other
    .addColumn('note', 'text')
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('by', 'text', (col) => col.notNull()) // who recorded it: "site", "command", a desk user
    .addColumn('notified', 'integer', (col) => col.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('objection_states_objection').on('objection_states').column('objection_id').execute();
  await db.schema
    .createTable('objection_drafts')
    .addColumn('hash', 'text', (col) => col.primaryKey())
    .addColumn('change_id', 'text', (col) => col.notNull())
    .addColumn('scope', 'text')
    .addColumn('data', 'text', (col) => col.notNull()) // JSON: the values typed, the problems found, the personal link's key if valid
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('objection_drafts_expiry').on('objection_drafts').column('expires_at').execute();
  await db.schema.alterTable('notices').addColumn('subject', 'text').execute();
  await db.schema.alterTable('notices').addColumn('body', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('notices').dropColumn('body').execute();
  await db.schema.alterTable('notices').dropColumn('subject').execute();
  for (const table of ['objection_drafts', 'objection_states', 'objection_counters', 'objections']) await db.schema.dropTable(table).execute();
}
