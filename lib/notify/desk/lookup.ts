import type { Db } from '../db';
import { parseNoticeId } from '../queries';

/**
 * "Were we told?": everything the database holds about one address. The delivery log keeps a
 * row for every e-mail to it (until the address is erased); the subscription is there while
 * the address is pending or confirmed (an unsubscribed one is deleted at the next run of the
 * notify job, its deliveries kept).
 */
export type DeliveryRecord = { id: number; noticeId: string; what: string; scope: string | null; status: string; createdAt: string; sentAt: string | null; messageId: string | null; response: string | null; fingerprint: string | null; resent: boolean };
export type SubscriptionRecord = { status: string; createdAt: string; confirmSentAt: string | null; confirmedAt: string | null; unsubscribedAt: string | null; scopes: string[]; requestedScopes: string[] };
export type Lookup = { email: string; subscription?: SubscriptionRecord; deliveries: DeliveryRecord[] };

/** The e-mails about an objection (their ids name the objection or its state, not a day). */
const OBJECTION_MAILS: Record<string, string> = {
  'objection-confirm': 'Objection: the link to confirm it',
  'objection-receipt': 'Objection: its receipt',
  'objection-copy': "Objection: the objections contact's copy",
  'objection-outcome': 'Objection: its outcome',
};

/** What a notice id is, in words. */
export function describeNotice(id: string): string {
  const { kind, day } = parseNoticeId(id);
  if (kind === 'day') return `Notice of the changes announced on ${day}`;
  if (kind === 'welcome') return `Welcome e-mail on confirming (${day}), with the changes then upcoming`;
  if (kind === 'confirm') return 'Confirmation link (double opt-in)';
  if (Object.hasOwn(OBJECTION_MAILS, kind)) return OBJECTION_MAILS[kind];
  return id;
}

const split = (stored: string | null) => (stored ? stored.split(' ').filter(Boolean) : []);

export async function lookupAddress(db: Db, email: string): Promise<Lookup> {
  const subscriber = await db.selectFrom('subscribers').selectAll().where('email', '=', email).executeTakeFirst();
  const rows = await db
    .selectFrom('deliveries')
    .selectAll()
    .where((eb) => eb.or([eb('address', '=', email), ...(subscriber ? [eb('subscriber_id', '=', subscriber.id)] : [])]))
    .orderBy('id')
    .execute();
  const deliveries = rows.map((row) => ({
    id: row.id,
    noticeId: row.notice_id,
    what: describeNotice(row.notice_id),
    scope: row.scope,
    status: row.status,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    messageId: row.message_id,
    response: row.smtp_response,
    fingerprint: row.fingerprint,
    resent: Number(row.resent) === 1,
  }));
  const subscription = subscriber && {
    status: subscriber.status,
    createdAt: subscriber.created_at,
    confirmSentAt: subscriber.confirm_sent_at,
    confirmedAt: subscriber.confirmed_at,
    unsubscribedAt: subscriber.unsubscribed_at,
    scopes: split(subscriber.scopes),
    requestedScopes: split(subscriber.requested_scopes),
  };
  return { email, subscription, deliveries };
}
