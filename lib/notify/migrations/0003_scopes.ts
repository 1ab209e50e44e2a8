import type { Kysely } from 'kysely';

/**
 * Scopes (SPEC §8): a subscriber may choose the lists of some scopes instead of the full list.
 * - `subscribers.scopes`: the chosen scope ids, space-separated in site.yaml's order; null is
 *   the full list (every subscriber before this migration keeps getting exactly that).
 * - `tokens.scopes`: the choice made with a confirmation request, applied when that link is
 *   confirmed, so nobody can change a confirmed subscriber's lists without their mailbox.
 * - `deliveries.scope`: the list a delivery's notice was of, null for the full list. A scope's
 *   notices have ids of their own (`day:2026-01-05:eu`, `welcome:2026-01-05:eu`; the full
 *   list's keep `day:2026-01-05`), so `deliveries_once` still allows one delivery of each.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('subscribers').addColumn('scopes', 'text').execute();
  await db.schema.alterTable('tokens').addColumn('scopes', 'text').execute();
  await db.schema.alterTable('deliveries').addColumn('scope', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('deliveries').dropColumn('scope').execute();
  await db.schema.alterTable('tokens').dropColumn('scopes').execute();
  await db.schema.alterTable('subscribers').dropColumn('scopes').execute();
}
