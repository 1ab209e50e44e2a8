import { createHash } from 'node:crypto';
import { PostgresAdapter, sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db, DeliveryStatus, SubscriberStatus, Tables } from './db';

/**
 * Every read and write of subscribers and deliveries, as named functions that run alike on
 * the embedded database and on PostgreSQL. Times are ISO strings, passed in by the caller.
 */

export const CONFIRM_DAYS = 7;
const DAY_MS = 86_400_000;

/** Tokens are stored only as this hash: a copy of the database cannot confirm or unsubscribe anyone. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const isPostgres = (db: Db) => db.getExecutor().adapter instanceof PostgresAdapter;
const minus = (now: string, ms: number) => new Date(Date.parse(now) - ms).toISOString();

/** Counts one request against `key` (a keyed hash, `rateKey`); false once `limit` is exceeded in the current window. */
export async function hitRateLimit(db: Db, key: string, limit: number, windowMs: number, now: string): Promise<boolean> {
  const cutoff = minus(now, windowMs);
  const row = await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_limits.window_start < ${cutoff} then 1 else rate_limits.count + 1 end`,
        window_start: sql<string>`case when rate_limits.window_start < ${cutoff} then ${now} else rate_limits.window_start end`,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  return row.count <= limit;
}

/** A notice's id: `day:2026-01-05` for the full list, `day:2026-01-05:eu` for the list of scope `eu`. */
export function noticeId(kind: 'day' | 'welcome' | 'confirm', day: string, scope?: string): string {
  return `${kind}:${day}${scope ? `:${scope}` : ''}`;
}

export function parseNoticeId(id: string): { kind: string; day: string; scope?: string } {
  const [kind, day, scope] = id.split(':');
  return { kind, day, ...(scope && { scope }) };
}

/** Chosen scope ids as stored: space-separated; none (null) is the full list. */
const joinScopes = (ids: readonly string[]): string | null => (ids.length ? ids.join(' ') : null);
const splitScopes = (stored: string | null | undefined): string[] => (stored ? stored.split(' ').filter(Boolean) : []);

/**
 * The lists a subscriber gets, as scope ids (undefined: the full list): the chosen scopes that
 * site.yaml still names; the full list when none was chosen or none of them is left.
 */
function subscribedLists(stored: string | null | undefined, siteScopes: readonly string[]): (string | undefined)[] {
  const chosen = splitScopes(stored).filter((id) => siteScopes.includes(id));
  return chosen.length ? chosen : [undefined];
}

/**
 * Records a request to subscribe `email` to the lists of `scopes` (none: the full list) and
 * queues its confirmation e-mail, which the notify job sends with a new link: not for an
 * address confirmed with the same choice, nor within 10 minutes of the last one. Whether one
 * was queued, for the caller to wake the job; the visitor's answer is the same either way.
 * A confirmed subscriber who asks for other scopes stays subscribed as before until the new
 * link is confirmed; confirming applies the choice made with that link (only the newest works).
 */
export async function requestSubscription(db: Db, email: string, now: string, scopes: readonly string[] = []): Promise<boolean> {
  const choice = joinScopes(scopes);
  return db.transaction().execute(async (trx) => {
    await trx.insertInto('subscribers').values({ email, status: 'pending', created_at: now }).onConflict((oc) => oc.column('email').doNothing()).execute();
    // One conditional update decides, so simultaneous requests cannot all find the 10 minutes
    // over: the first locks the row, the others then see its new time and change nothing.
    const subscriber = await trx
      .updateTable('subscribers')
      .set({ status: sql<SubscriberStatus>`case when status = 'confirmed' then 'confirmed' else 'pending' end`, confirm_sent_at: now, requested_scopes: choice })
      .where('email', '=', email)
      .where((eb) => eb.or([eb('confirm_sent_at', 'is', null), eb('confirm_sent_at', '<=', minus(now, 10 * 60_000))]))
      .where((eb) => eb.not(eb.and([eb('status', '=', 'confirmed'), choice === null ? eb('scopes', 'is', null) : eb('scopes', '=', choice)])))
      .returning('id')
      .executeTakeFirst();
    if (!subscriber) return false;
    await trx
      .insertInto('deliveries')
      .values({ notice_id: noticeId('confirm', now), subscriber_id: subscriber.id, address: email, status: 'pending', created_at: now, next_attempt_at: now, scope: null })
      .onConflict((oc) => oc.columns(['notice_id', 'subscriber_id']).doNothing())
      .execute();
    return true;
  });
}

export type ConfirmRequest = { email: string; confirmed: boolean; current: string[]; requested: string[] };

/**
 * Makes the link of a queued confirmation e-mail, just before it is sent: stores the token's
 * hash with the choice requested (older links stop working). Undefined when the request is gone.
 */
export async function issueConfirmToken(db: Db, subscriberId: number, token: string, now: string): Promise<ConfirmRequest | undefined> {
  return db.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('subscribers').select(['email', 'status', 'scopes', 'requested_scopes']).where('id', '=', subscriberId).executeTakeFirst();
    if (!subscriber) return undefined;
    await trx.deleteFrom('tokens').where('subscriber_id', '=', subscriberId).where('purpose', '=', 'confirm').execute();
    const expires = new Date(Date.parse(now) + CONFIRM_DAYS * DAY_MS).toISOString();
    await trx.insertInto('tokens').values({ hash: hashToken(token), purpose: 'confirm', subscriber_id: subscriberId, created_at: now, expires_at: expires, scopes: subscriber.requested_scopes }).execute();
    return { email: subscriber.email, confirmed: subscriber.status === 'confirmed', current: splitScopes(subscriber.scopes), requested: splitScopes(subscriber.requested_scopes) };
  });
}

/** The subscriber a still-valid token belongs to (for the pages that show a button; reading changes nothing), with the choice of scopes it carries. */
export async function tokenSubscriber(db: Db, token: string, purpose: 'confirm' | 'unsubscribe', now: string) {
  return db
    .selectFrom('tokens')
    .innerJoin('subscribers', 'subscribers.id', 'tokens.subscriber_id')
    .select(['subscribers.id', 'subscribers.email', 'subscribers.status', 'tokens.scopes as chosen'])
    .where('tokens.hash', '=', hashToken(token))
    .where('tokens.purpose', '=', purpose)
    .where((eb) => eb.or([eb('tokens.expires_at', 'is', null), eb('tokens.expires_at', '>', now)]))
    .executeTakeFirst();
}

/**
 * Confirms the subscriber of a confirmation token with the scopes chosen for it, and queues
 * their welcome: one per list they get (`siteScopes`: the scope ids in site.yaml). False for
 * an unknown, used or expired link. `confirmed_on` becomes today also when a confirmed
 * subscriber changes scopes, so the new lists' past days are not sent to them; the welcome
 * brings the changes announced and not yet in effect.
 */
export async function confirmSubscription(db: Db, token: string, now: string, today: string, siteScopes: readonly string[] = []): Promise<boolean> {
  const subscriber = await tokenSubscriber(db, token, 'confirm', now);
  if (!subscriber) return false;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('subscribers')
      .set({ status: 'confirmed', confirmed_at: now, confirmed_on: today, unsubscribed_at: null, scopes: subscriber.chosen })
      .where('id', '=', subscriber.id)
      .execute();
    await trx.deleteFrom('tokens').where('subscriber_id', '=', subscriber.id).where('purpose', '=', 'confirm').execute();
    for (const scope of subscribedLists(subscriber.chosen, siteScopes)) {
      const id = noticeId('welcome', today, scope);
      await trx.insertInto('notices').values({ id, created_at: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
      await trx
        .insertInto('deliveries')
        .values({ notice_id: id, subscriber_id: subscriber.id, address: subscriber.email, status: 'pending', created_at: now, next_attempt_at: now, scope: scope ?? null })
        .onConflict((oc) => oc.columns(['notice_id', 'subscriber_id']).doNothing())
        .execute();
    }
  });
  return true;
}

/** Whether an unsubscribe link was used by someone whose address has since been deleted. */
export async function spentToken(db: Db, token: string): Promise<boolean> {
  return Boolean(await db.selectFrom('spent_tokens').select('hash').where('hash', '=', hashToken(token)).executeTakeFirst());
}

/** Unsubscribes at once: no further notice is claimed for the address, queued ones are cancelled. */
export async function unsubscribe(db: Db, token: string, now: string): Promise<boolean> {
  const subscriber = await tokenSubscriber(db, token, 'unsubscribe', now);
  if (!subscriber) return false;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('subscribers').set({ status: 'unsubscribed', unsubscribed_at: now }).where('id', '=', subscriber.id).execute();
    await trx.updateTable('deliveries').set({ status: 'cancelled' }).where('subscriber_id', '=', subscriber.id).where('status', '=', 'pending').execute();
  });
  return true;
}

/** Whether a subscriber's stored choice names scope `id` (ids are slugs: no LIKE wildcards). */
const chose = (id: string) => sql<boolean>`(' ' || ${sql.ref('subscribers.scopes')} || ' ') like ${`% ${id} %`}`;

/**
 * Queues the notice of announcement day `day` of one list (`scope`, or the full list) for
 * every subscriber of that list confirmed before that day who has not had it. The full list
 * goes to those who chose no scope, and to those whose chosen scopes are all gone from
 * site.yaml (`siteScopes`): so nobody is left without notices, but only for days after the
 * last day notice they had, so that removing a scope does not send them the past.
 */
export async function enqueueDayNotice(db: Db, day: string, now: string, { scope, siteScopes = [] }: { scope?: string; siteScopes?: readonly string[] } = {}): Promise<number> {
  const id = noticeId('day', day, scope);
  const result = await db
    .insertInto('deliveries')
    .columns(['notice_id', 'subscriber_id', 'address', 'status', 'created_at', 'next_attempt_at', 'scope'])
    .expression((eb) =>
      eb
        .selectFrom('subscribers')
        .select([sql.lit(id).as('notice_id'), 'id', 'email', sql.lit('pending').as('status'), sql.val(now).as('created_at'), sql.val(now).as('next_attempt_at'), sql.val(scope ?? null).as('scope')])
        .where('status', '=', 'confirmed')
        .where('confirmed_on', '<', day)
        .where((eb) =>
          scope
            ? chose(scope)
            : eb.or([
                eb('subscribers.scopes', 'is', null),
                eb.and([
                  ...siteScopes.map((known) => eb.not(chose(known))),
                  eb.not(
                    eb.exists(
                      eb
                        .selectFrom('deliveries as later')
                        .select('later.id')
                        .whereRef('later.subscriber_id', '=', 'subscribers.id')
                        .where('later.notice_id', '>=', noticeId('day', day))
                        .where('later.notice_id', 'like', 'day:%'),
                    ),
                  ),
                ]),
              ]),
        )
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('deliveries as d').select('d.id').where('d.notice_id', '=', id).whereRef('d.subscriber_id', '=', 'subscribers.id')))),
    )
    .onConflict((oc) => oc.columns(['notice_id', 'subscriber_id']).doNothing())
    .executeTakeFirst();
  const queued = Number(result.numInsertedOrUpdatedRows ?? 0);
  if (queued) await db.insertInto('notices').values({ id, created_at: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
  return queued;
}

export type Claimed = { id: number; notice_id: string; subscriber_id: number | null; address: string; attempts: number; interrupted: boolean };

/**
 * Claims up to `limit` deliveries for `runId`: first those whose claim is older than
 * `staleBefore` (their process died: a live run renews its claims, `renewClaims`), then those
 * due, oldest first. On PostgreSQL the rows are locked and skipped by concurrent claimers;
 * SQLite runs one writer at a time.
 */
export async function claimDeliveries(db: Db, runId: string, now: string, staleBefore: string, limit: number): Promise<Claimed[]> {
  const stale = await claimWhere(db, runId, now, limit, (eb) => eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)]));
  if (stale.length >= limit) return stale;
  const due = await claimWhere(db, runId, now, limit - stale.length, (eb) => eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]));
  return [...stale, ...due];
}

async function claimWhere(db: Db, runId: string, now: string, limit: number, condition: (eb: ExpressionBuilder<Tables, 'deliveries'>) => Expression<SqlBool>): Promise<Claimed[]> {
  const picked = db.selectFrom('deliveries').select('id').where(condition).orderBy('id').limit(limit);
  const claim = db.updateTable('deliveries').set((eb) => ({
    resent: sql<number>`case when status = 'sending' then 1 else resent end`,
    status: 'sending',
    claimed_by: runId,
    claimed_at: now,
    attempts: eb('attempts', '+', 1),
  }));
  const returned = ['id', 'notice_id', 'subscriber_id', 'address', 'attempts', 'resent'] as const;
  // On PostgreSQL the rows are picked once, locked, skipping those another claimer holds: as a
  // plain `id in (…)` subquery, the planner may run the LIMIT again per row and claim them all.
  const rows = isPostgres(db)
    ? await claim
        .where('id', 'in', sql<number>`(with picked as materialized (${picked.forUpdate().skipLocked()}) select id from picked)`)
        .where(condition)
        .returning(returned)
        .execute()
    : await claim
        .where('id', 'in', picked)
        // Checked again on the row itself: another process may have taken it since the subquery read it.
        .where(condition)
        .returning(returned)
        .execute();
  return rows.map(({ resent, ...row }) => ({ ...row, interrupted: Number(resent) === 1 })).sort((a, b) => a.id - b.id);
}

/** Renews every claim `runId` holds: a run that is slow but alive keeps its work. */
export async function renewClaims(db: Db, runId: string, now: string): Promise<void> {
  await db.updateTable('deliveries').set({ claimed_at: now }).where('status', '=', 'sending').where('claimed_by', '=', runId).execute();
}

/**
 * Checked just before a message is handed to SMTP: true if `runId` still holds the claim (and
 * renews it). False when another run took it over, or an unsubscribe or erasure cancelled it.
 */
export async function holdClaim(db: Db, id: number, runId: string, now: string): Promise<boolean> {
  const result = await db.updateTable('deliveries').set({ claimed_at: now }).where('id', '=', id).where('status', '=', 'sending').where('claimed_by', '=', runId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores the hashes of one-click unsubscribe tokens, one per message. */
export async function addUnsubscribeTokens(db: Db, tokens: { token: string; subscriberId: number }[], now: string): Promise<void> {
  if (tokens.length === 0) return;
  await db
    .insertInto('tokens')
    .values(tokens.map(({ token, subscriberId }) => ({ hash: hashToken(token), purpose: 'unsubscribe' as const, subscriber_id: subscriberId, created_at: now, expires_at: null })))
    .execute();
}

type Outcome = { status: Extract<DeliveryStatus, 'sent' | 'failed' | 'pending'>; at: string; messageId: string; response: string; fingerprint?: string; nextAttemptAt?: string };

/** Records what the SMTP server answered, if this run still holds the claim. */
export async function recordOutcome(db: Db, id: number, runId: string, outcome: Outcome): Promise<void> {
  await db
    .updateTable('deliveries')
    .set({
      status: outcome.status,
      message_id: outcome.messageId,
      smtp_response: outcome.response.slice(0, 1000),
      fingerprint: outcome.fingerprint ?? null,
      sent_at: outcome.status === 'sent' ? outcome.at : null,
      ...(outcome.nextAttemptAt && { next_attempt_at: outcome.nextAttemptAt }),
    })
    .where('id', '=', id)
    .where('claimed_by', '=', runId)
    .execute();
}

/** Records when a notice first went out (once per batch, not per message). */
export async function markNoticeSent(db: Db, noticeId: string, at: string): Promise<void> {
  await db.updateTable('notices').set({ first_sent_at: at }).where('id', '=', noticeId).where('first_sent_at', 'is', null).execute();
}

/** Keeps the notice as it went out (subject and text part), once: the first run to send it stores it. */
export async function storeNoticeCopy(db: Db, noticeId: string, copy: { subject: string; text: string }): Promise<void> {
  await db.updateTable('notices').set({ subject: copy.subject, body: copy.text }).where('id', '=', noticeId).where('subject', 'is', null).execute();
}

/** How many deliveries a run could claim now, and when the next retry falls due. */
export async function queueState(db: Db, now: string, staleBefore: string): Promise<{ due: number; nextRetry?: string }> {
  const due = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.or([eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]), eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<', staleBefore)])]))
    .executeTakeFirstOrThrow();
  const next = await db.selectFrom('deliveries').select((eb) => eb.fn.min('next_attempt_at').as('at')).where('status', '=', 'pending').executeTakeFirst();
  return { due: Number(due.n), nextRetry: (next?.at as string | null) ?? undefined };
}

/** When each notice first went out (for "E-mailed to subscribers on …"). */
export async function noticeSentTimes(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('notices').select(['id', 'first_sent_at']).where('first_sent_at', 'is not', null).execute();
  return new Map(rows.map((row) => [row.id, row.first_sent_at!]));
}

export type NoticeStats = { noticeId: string; sent: number; failed: number; pending: number; firstSent?: string; lastSent?: string; resent: number };

/** Per notice: how many were sent, failed and still pending, and when they went out. */
export async function noticeStats(db: Db): Promise<Map<string, NoticeStats>> {
  const rows = await db
    .selectFrom('deliveries')
    .select((eb) => [
      'notice_id',
      'status',
      eb.fn.countAll<number>().as('n'),
      eb.fn.min('sent_at').as('first'),
      eb.fn.max('sent_at').as('last'),
      eb.fn.sum<number>('resent').as('resent'),
    ])
    .groupBy(['notice_id', 'status'])
    .execute();
  const stats = new Map<string, NoticeStats>();
  for (const row of rows) {
    const entry = stats.get(row.notice_id) ?? { noticeId: row.notice_id, sent: 0, failed: 0, pending: 0, resent: 0 };
    const n = Number(row.n);
    if (row.status === 'sent') Object.assign(entry, { sent: n, firstSent: row.first ?? undefined, lastSent: row.last ?? undefined });
    else if (row.status === 'failed') entry.failed = n;
    else if (row.status === 'pending' || row.status === 'sending') entry.pending += n;
    entry.resent += Number(row.resent ?? 0);
    stats.set(row.notice_id, entry);
  }
  return stats;
}

/** Every delivery in id order, a page at a time, so a large log never sits in memory at once. */
export async function* deliveryLog(db: Db, pageSize = 1000) {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('deliveries').selectAll().where('id', '>', after).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows.at(-1)!.id;
  }
}

export async function subscriberCounts(db: Db): Promise<Record<string, number>> {
  const rows = await db.selectFrom('subscribers').select((eb) => ['status', eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/** Confirmed subscribers, a page at a time. */
export async function* confirmedSubscribers(db: Db, pageSize = 1000) {
  let after = 0;
  for (;;) {
    const rows = await db.selectFrom('subscribers').select(['id', 'email', 'confirmed_at', 'scopes']).where('status', '=', 'confirmed').where('id', '>', after).orderBy('id').limit(pageSize).execute();
    if (rows.length === 0) return;
    yield* rows;
    after = rows.at(-1)!.id;
  }
}

/**
 * Right to erasure: the address leaves every table. The delivery log keeps its rows (counts
 * and times stay true) without the address; what was still to be sent to it is cancelled,
 * also a message a running job has claimed (it checks its claim just before sending).
 * `rateKey`: the address's rate-limit key. SQLite overwrites what is deleted (secure_delete);
 * `compact` (after) also leaves no old copy of a page in the file or its write-ahead log.
 */
export async function eraseAddress(db: Db, email: string, rateKey: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('subscribers').select('id').where('email', '=', email).executeTakeFirst();
    await trx
      .updateTable('deliveries')
      .set({
        address: 'erased',
        subscriber_id: null,
        smtp_response: sql<string>`replace(smtp_response, ${email}, '[erased]')`,
        status: sql<DeliveryStatus>`case when status in ('pending', 'sending') then 'cancelled' else status end`,
        claimed_by: sql<string>`case when status in ('pending', 'sending') then null else claimed_by end`,
      })
      .where((eb) => eb.or([eb('address', '=', email), ...(subscriber ? [eb('subscriber_id', '=', subscriber.id)] : [])]))
      .execute();
    await trx.deleteFrom('rate_limits').where('key', '=', rateKey).execute();
    if (!subscriber) return false;
    // Objections are the company's legal record (docs/objections.md): kept, no longer linked to a subscriber.
    await trx.updateTable('objections').set({ subscriber_id: null }).where('subscriber_id', '=', subscriber.id).execute();
    await trx.deleteFrom('tokens').where('subscriber_id', '=', subscriber.id).execute();
    await trx.deleteFrom('subscribers').where('id', '=', subscriber.id).execute();
    return true;
  });
}

/**
 * After an erasure on the embedded database: rewrites the file (VACUUM) and empties the
 * write-ahead log, so no former version of a page holding the address is left on disk.
 * PostgreSQL keeps old row versions until its own VACUUM reuses them (see docs/security.md).
 */
export async function compact(db: Db): Promise<void> {
  if (isPostgres(db)) return;
  await sql`vacuum`.execute(db);
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}

/**
 * The clean-up at the start of every notify run: unconfirmed requests once their link has
 * expired; unsubscribed addresses with their tokens (their used unsubscribe links are kept as
 * bare hashes for a year, so they still answer "unsubscribed"; the delivery log keeps its
 * rows, the proof of what was sent, without the link to the subscriber); expired tokens and
 * old rate-limit windows.
 */
export async function deleteExpired(db: Db, now: string): Promise<number> {
  const cutoff = minus(now, CONFIRM_DAYS * DAY_MS);
  const result = await db.deleteFrom('subscribers').where('status', '=', 'pending').where('confirm_sent_at', '<', cutoff).executeTakeFirst();
  await db.transaction().execute(async (trx) => {
    const gone = trx.selectFrom('subscribers').select('id').where('status', '=', 'unsubscribed');
    await trx
      .insertInto('spent_tokens')
      .columns(['hash', 'spent_at'])
      .expression(trx.selectFrom('tokens').select(['hash', sql.val(now).as('spent_at')]).where('purpose', '=', 'unsubscribe').where('subscriber_id', 'in', gone))
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    await trx.updateTable('deliveries').set({ subscriber_id: null }).where('subscriber_id', 'in', gone).execute();
    await trx.updateTable('objections').set({ subscriber_id: null }).where('subscriber_id', 'in', gone).execute();
    await trx.deleteFrom('subscribers').where('status', '=', 'unsubscribed').execute();
  });
  await db.deleteFrom('spent_tokens').where('spent_at', '<', minus(now, 365 * DAY_MS)).execute();
  await db.deleteFrom('tokens').where('expires_at', '<', now).execute();
  await db.deleteFrom('tokens').where(({ not, exists, selectFrom }) => not(exists(selectFrom('subscribers').select('id').whereRef('subscribers.id', '=', 'tokens.subscriber_id')))).execute();
  await db.deleteFrom('rate_limits').where('window_start', '<', minus(now, DAY_MS)).execute();
  return Number(result.numDeletedRows);
}
