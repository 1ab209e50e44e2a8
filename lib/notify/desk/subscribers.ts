import { stringify } from 'csv-stringify/sync';
import type { Db, SubscriberStatus } from '../db';
import { eraseOutbox } from '../mailer';
import { compact, confirmedSubscribers, eraseAddress } from '../queries';

type Env = Record<string, string | undefined>;

/** Subscribers by state and list: `list` is a scope id, or `''` for the full list. */
export type SubscriberCount = { status: SubscriberStatus; list: string; count: number };

export async function subscriberCountsByList(db: Db): Promise<SubscriberCount[]> {
  const rows = await db.selectFrom('subscribers').select((eb) => ['status', 'scopes', eb.fn.countAll<number>().as('n')]).groupBy(['status', 'scopes']).execute();
  const counts = new Map<string, SubscriberCount>();
  for (const row of rows) {
    for (const list of row.scopes ? row.scopes.split(' ').filter(Boolean) : ['']) {
      const key = `${row.status} ${list}`;
      const count = counts.get(key) ?? { status: row.status, list, count: 0 };
      count.count += Number(row.n);
      counts.set(key, count);
    }
  }
  return [...counts.values()].sort((a, b) => a.list.localeCompare(b.list) || a.status.localeCompare(b.status));
}

/**
 * The confirmed subscribers as CSV, a chunk at a time: address, when confirmed, the scopes
 * chosen (empty: the full list). A cell starting with = + - @ is escaped, so a spreadsheet
 * never runs it as a formula.
 */
export async function* subscribersCsv(db: Db): AsyncGenerator<string> {
  yield stringify([['address', 'confirmed_at', 'scopes']], { escape_formulas: true });
  for await (const row of confirmedSubscribers(db)) yield stringify([[row.email, row.confirmed_at ?? '', row.scopes ?? '']], { escape_formulas: true });
}

/**
 * Right to erasure, as `npm run subscribers -- --erase` does it: the database (and, on the
 * embedded one, no copy left in the file), the outbox's `.eml` files, and the address in the
 * desk's own activity log. Whether it was a subscriber, and how many outbox files went.
 */
export async function eraseEverywhere(db: Db, email: string, rateKey: string, env: Env = process.env): Promise<{ found: boolean; files: number }> {
  const found = await eraseAddress(db, email, rateKey);
  await db
    .updateTable('desk_audit')
    .set((eb) => ({ detail: eb.fn<string>('replace', ['detail', eb.val(email), eb.val('[erased]')]) }))
    .where('detail', 'is not', null)
    .execute();
  // A refused objection kept for its browser (an hour at most) may hold the address too.
  await db.deleteFrom('objection_drafts').where('data', 'like', `%${email}%`).execute();
  await compact(db);
  return { found, files: eraseOutbox(email, env) };
}
