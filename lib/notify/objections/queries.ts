import { randomBytes } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { todayIn } from '../../content/dates';
import type { Db, Tables } from '../db';
import { CONFIRM_DAYS, hashToken } from '../queries';

/**
 * Every read and write of objections, as plain functions of the database (the commands, the
 * form handlers and the team's desk call these). Times are ISO strings passed in by the
 * caller; states are appended, never changed.
 */

export const OUTCOMES = ['withdrawn', 'alternative', 'not-engaged', 'terminated', 'other'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** What the objector typed, checked, and what the site knows of the change at the moment it was submitted. */
export type Submission = {
  changeId: string;
  scope?: string;
  email: string;
  organisation: string;
  name: string;
  grounds: string;
  contractReference?: string;
  receivedAt: string;
  deadline: string;
  deadlineAt: string;
  /** The first instant after the deadline day. */
  closesAt: string;
};

/** The mails an objection sends, each a delivery like a notice: sent, retried and recorded by the notify job. */
export const objectionMail = {
  confirm: (id: number) => `objection-confirm:${id}`,
  receipt: (id: number) => `objection-receipt:${id}`,
  copy: (id: number) => `objection-copy:${id}`,
  outcome: (stateId: number) => `objection-outcome:${stateId}`,
};

export function parseObjectionMail(noticeId: string): { kind: 'confirm' | 'receipt' | 'copy' | 'outcome'; id: number } | undefined {
  const match = /^objection-(confirm|receipt|copy|outcome):(\d+)$/.exec(noticeId);
  return match ? { kind: match[1] as 'confirm' | 'receipt' | 'copy' | 'outcome', id: Number(match[2]) } : undefined;
}

type Trx = Transaction<Tables>;

const queue = (trx: Trx, noticeId: string, address: string, now: string) =>
  trx.insertInto('deliveries').values({ notice_id: noticeId, subscriber_id: null, address, status: 'pending', created_at: now, next_attempt_at: now, scope: null }).execute();

/**
 * The next reference of a year: one statement that inserts or increments the year's counter
 * and returns the number, so concurrent filings, on any number of instances, each get their own.
 */
async function nextReference(trx: Trx, year: number): Promise<string> {
  const row = await trx
    .insertInto('objection_counters')
    .values({ year, last: 1 })
    .onConflict((oc) => oc.column('year').doUpdateSet({ last: sql<number>`objection_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  return `OBJ-${year}-${String(row.last).padStart(4, '0')}`;
}

/** Gives a verified objection its reference, records it as received (at the time it was submitted) and queues the receipt and the copy. */
async function file(trx: Trx, id: number, how: 'personal-link' | 'confirm-link', now: string, { timeZone, copyTo }: FileOptions): Promise<{ reference: string; viewKey: string }> {
  const objection = await trx.selectFrom('objections').select(['received_at', 'email']).where('id', '=', id).executeTakeFirstOrThrow();
  const reference = await nextReference(trx, Number(todayIn(timeZone, new Date(objection.received_at)).slice(0, 4)));
  const viewKey = randomBytes(24).toString('base64url');
  await trx.updateTable('objections').set({ reference, status: 'filed', verified_by: how, verified_at: now, view_hash: hashToken(viewKey) }).where('id', '=', id).execute();
  await trx.insertInto('objection_states').values({ objection_id: id, state: 'received', outcome: null, note: null, at: objection.received_at, by: 'site' }).execute();
  await queue(trx, objectionMail.receipt(id), objection.email, now);
  await queue(trx, objectionMail.copy(id), copyTo, now);
  return { reference, viewKey };
}

/** `timeZone`: the site's, whose calendar year numbers the reference; `copyTo`: contact.objections. */
export type FileOptions = { timeZone: string; copyTo: string };

const row = (submission: Submission, subscriberId: number | null) => ({
  status: 'unverified' as const,
  change_id: submission.changeId,
  scope: submission.scope ?? null,
  subscriber_id: subscriberId,
  email: submission.email,
  organisation: submission.organisation,
  name: submission.name,
  grounds: submission.grounds,
  contract_reference: submission.contractReference || null,
  received_at: submission.receivedAt,
  deadline: submission.deadline,
  deadline_at: submission.deadlineAt,
  on_time: Date.parse(submission.receivedAt) < Date.parse(submission.closesAt) ? 1 : 0,
});

/** An objection from a subscriber's personal link: its address is the subscriber's, already verified; filed at once. */
export async function fileFromSubscriber(db: Db, submission: Omit<Submission, 'email'>, subscriberId: number, now: string, options: FileOptions) {
  return db.transaction().execute(async (trx) => {
    const subscriber = await trx.selectFrom('subscribers').select('email').where('id', '=', subscriberId).executeTakeFirst();
    if (!subscriber) return undefined;
    const { id } = await trx.insertInto('objections').values(row({ ...submission, email: subscriber.email }, subscriberId)).returning('id').executeTakeFirstOrThrow();
    return { id, email: subscriber.email, ...(await file(trx, id, 'personal-link', now, options)) };
  });
}

/** An objection from any other address: kept unverified, with its Confirm e-mail queued (the job makes the link as it sends it). */
export async function submitUnverified(db: Db, submission: Submission, now: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx.insertInto('objections').values(row(submission, null)).returning('id').executeTakeFirstOrThrow();
    await queue(trx, objectionMail.confirm(id), submission.email, now);
    return id;
  });
}

/** Makes the Confirm link of an unverified objection just before its e-mail is sent (an earlier link stops working). */
export async function issueObjectionConfirmToken(db: Db, id: number, token: string, now: string) {
  const expires = new Date(Date.parse(now) + CONFIRM_DAYS * 86_400_000).toISOString();
  const result = await db.updateTable('objections').set({ confirm_hash: hashToken(token), confirm_expires_at: expires }).where('id', '=', id).where('status', '=', 'unverified').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1 ? objectionById(db, id) : undefined;
}

export const objectionById = (db: Db, id: number) => db.selectFrom('objections').selectAll().where('id', '=', id).executeTakeFirst();

/** What a Confirm link is, for the page that shows its button (reading changes nothing). */
export async function confirmLinkState(db: Db, token: string, now: string) {
  const objection = await db.selectFrom('objections').selectAll().where('confirm_hash', '=', hashToken(token)).executeTakeFirst();
  if (!objection) return { state: 'invalid' as const };
  if (objection.status === 'filed') return { state: 'used' as const };
  if (!objection.confirm_expires_at || objection.confirm_expires_at <= now) return { state: 'invalid' as const };
  return { state: 'open' as const, objection };
}

/**
 * Confirms an objection by its link: files it, once. The same link again (a second click, a
 * replay) files nothing and answers `used`; an unknown or expired one `invalid`.
 */
export async function confirmObjection(db: Db, token: string, now: string, options: FileOptions) {
  return db.transaction().execute(async (trx) => {
    // Claimed by the update itself: of two confirmations at once, one changes the row.
    const claimed = await trx
      .updateTable('objections')
      .set({ status: 'filed' })
      .where('confirm_hash', '=', hashToken(token))
      .where('status', '=', 'unverified')
      .where('confirm_expires_at', '>', now)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) {
      const used = await trx.selectFrom('objections').select('id').where('confirm_hash', '=', hashToken(token)).where('status', '=', 'filed').executeTakeFirst();
      return { state: used ? ('used' as const) : ('invalid' as const) };
    }
    return { state: 'filed' as const, id: claimed.id, ...(await file(trx, claimed.id, 'confirm-link', now, options)) };
  });
}

/** The objection a receipt page's key belongs to (the key is in the address only its filer was sent to). */
export const objectionByViewKey = (db: Db, key: string) => db.selectFrom('objections').selectAll().where('view_hash', '=', hashToken(key)).where('status', '=', 'filed').executeTakeFirst();

/** Unverified objections whose Confirm link has expired are deleted with the notify job's clean-up: they were never filed. */
export async function deleteUnverifiedObjections(db: Db, now: string): Promise<void> {
  const cutoff = new Date(Date.parse(now) - (CONFIRM_DAYS + 1) * 86_400_000).toISOString();
  await db
    .deleteFrom('objections')
    .where('status', '=', 'unverified')
    .where('received_at', '<', cutoff)
    .where((eb) => eb.or([eb('confirm_expires_at', 'is', null), eb('confirm_expires_at', '<', now)]))
    .execute();
}
