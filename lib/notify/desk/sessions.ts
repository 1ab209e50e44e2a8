import type { Db } from '../db';
import { hashToken } from '../queries';
import { DESK_TIMES } from './config';

/**
 * Sign-in links, sessions and the audit log of the desk, the same on SQLite and PostgreSQL.
 * Only SHA-256 hashes of links and session cookies are stored: a copy of the database signs
 * nobody in. Times are ISO strings passed in by the caller.
 */

const later = (now: string, ms: number) => new Date(Date.parse(now) + ms).toISOString();
const earlier = (now: string, ms: number) => new Date(Date.parse(now) - ms).toISOString();

/** Stores a new sign-in link for a team member's address; links over a day old are cleared. */
export async function createLink(db: Db, email: string, token: string, now: string): Promise<void> {
  await db.deleteFrom('desk_tokens').where('expires_at', '<', earlier(now, 86_400_000)).execute();
  await db.insertInto('desk_tokens').values({ hash: hashToken(token), purpose: 'link', email, data: null, created_at: now, expires_at: later(now, DESK_TIMES.linkMs), used_at: null }).execute();
}

export type LinkState = { state: 'valid' | 'expired' | 'used'; email: string } | { state: 'unknown' };

/** What a link is, without using it (the page with the button). */
export async function linkState(db: Db, token: string, now: string): Promise<LinkState> {
  const row = await db.selectFrom('desk_tokens').select(['email', 'expires_at', 'used_at']).where('hash', '=', hashToken(token)).where('purpose', '=', 'link').executeTakeFirst();
  if (!row?.email) return { state: 'unknown' };
  return { state: row.used_at ? 'used' : row.expires_at <= now ? 'expired' : 'valid', email: row.email };
}

/**
 * Uses a link: one conditional update, so of two simultaneous posts only one signs in.
 * The address it was sent to, or why not.
 */
export async function spendLink(db: Db, token: string, now: string): Promise<LinkState> {
  const used = await db
    .updateTable('desk_tokens')
    .set({ used_at: now })
    .where('hash', '=', hashToken(token))
    .where('purpose', '=', 'link')
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('email')
    .executeTakeFirst();
  return used?.email ? { state: 'valid', email: used.email } : linkState(db, token, now);
}

/** Keeps a single sign-on attempt's PKCE verifier and nonce under the hash of its state. */
export async function createSsoRequest(db: Db, state: string, data: { verifier: string; nonce: string }, now: string): Promise<void> {
  await db.deleteFrom('desk_tokens').where('expires_at', '<', earlier(now, 86_400_000)).execute();
  await db.insertInto('desk_tokens').values({ hash: hashToken(state), purpose: 'sso', email: null, data: JSON.stringify(data), created_at: now, expires_at: later(now, DESK_TIMES.ssoMs), used_at: null }).execute();
}

/** Takes a single sign-on attempt back, once. */
export async function takeSsoRequest(db: Db, state: string, now: string): Promise<{ verifier: string; nonce: string } | undefined> {
  const row = await db.deleteFrom('desk_tokens').where('hash', '=', hashToken(state)).where('purpose', '=', 'sso').returning(['data', 'expires_at']).executeTakeFirst();
  if (!row?.data || row.expires_at <= now) return undefined;
  return JSON.parse(row.data) as { verifier: string; nonce: string };
}

/** Starts a session for `email`; `token` is the cookie's value. Sessions over their end are cleared. */
export async function createSession(db: Db, email: string, token: string, method: 'link' | 'sso', now: string): Promise<void> {
  await db.deleteFrom('desk_sessions').where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', earlier(now, DESK_TIMES.idleMs))])).execute();
  await db.insertInto('desk_sessions').values({ hash: hashToken(token), email, method, created_at: now, last_seen_at: now, expires_at: later(now, DESK_TIMES.absoluteMs) }).execute();
}

export type Session = { email: string; method: 'link' | 'sso'; createdAt: string; expiresAt: string };

/**
 * The session a cookie's value belongs to, if it is still open: used within the idle time and
 * before its absolute end. Each use counts as activity. A made-up value matches nothing.
 */
export async function openSession(db: Db, token: string | undefined, now: string): Promise<Session | undefined> {
  if (!token) return undefined;
  const row = await db
    .updateTable('desk_sessions')
    .set({ last_seen_at: now })
    .where('hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', earlier(now, DESK_TIMES.idleMs))
    .returning(['email', 'method', 'created_at', 'expires_at'])
    .executeTakeFirst();
  return row && { email: row.email, method: row.method, createdAt: row.created_at, expiresAt: row.expires_at };
}

/** Ends every session of an address (taken off the team). */
export async function endSessionsOf(db: Db, email: string): Promise<void> {
  await db.deleteFrom('desk_sessions').where('email', '=', email).execute();
}

/** Ends a session (signing out). Whose it was, if it was open. */
export async function endSession(db: Db, token: string | undefined): Promise<string | undefined> {
  if (!token) return undefined;
  const row = await db.deleteFrom('desk_sessions').where('hash', '=', hashToken(token)).returning('email').executeTakeFirst();
  return row?.email;
}

/**
 * Text for one line of the log or a page: control characters (a NUL, which PostgreSQL refuses;
 * escape sequences; line breaks that would make one line read as two) become spaces. Some of it
 * comes from outside: a mail server's reply, a provider's error, an address it sent.
 */
export const oneLine = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');

/** One line in the audit log. */
export async function audit(db: Db, entry: { at: string; actor: string | null; action: string; detail?: string }): Promise<void> {
  const detail = entry.detail === undefined ? null : oneLine(entry.detail);
  await db.insertInto('desk_audit').values({ at: entry.at, actor: entry.actor && oneLine(entry.actor), action: entry.action, detail }).execute();
}

/** The largest id a page of the log can start before (PostgreSQL's `serial` is a 32-bit integer). */
const MAX_ID = 2_147_483_647;

/** The audit log, newest first, a page at a time; a `before` that is not an id shows the first page. */
export async function auditLog(db: Db, { limit = 100, before }: { limit?: number; before?: number } = {}) {
  let query = db.selectFrom('desk_audit').selectAll().orderBy('id', 'desc').limit(limit);
  if (before !== undefined && Number.isSafeInteger(before) && before > 0 && before <= MAX_ID) query = query.where('id', '<', before);
  return query.execute();
}
