import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db';
import { hashToken } from '../queries';

/**
 * A refused objection form, kept for a short while so the form's page can show it again with
 * what to correct. Only the hash of its random key is stored; the key goes in the page's
 * address (`&draft=<key>`), never what was typed. A draft is shown only for its own change
 * and list, only until it expires, and only to the browser that typed it: the refusal sets a
 * cookie whose hash the draft keeps, so a link with someone else's draft key (a form filled
 * in by a stranger, sent to you) shows the empty form. Expired drafts are deleted whenever one
 * is written and by the notify job's clean-up.
 */
export const DRAFT_LIFETIME_MS = 60 * 60_000;
export const DRAFT_COOKIE = 'objection-draft';

const fieldName = z.enum(['organisation', 'name', 'email', 'grounds', 'reference']);
const draftData = z.object({
  values: z.object({ organisation: z.string(), name: z.string(), email: z.string(), grounds: z.string(), reference: z.string() }),
  problems: z.array(z.object({ field: fieldName, message: z.string() })),
  /** The personal link's key, only when it was valid for this change. */
  token: z.string().optional(),
  /** A personal link was used that is not valid for this change: the form asks for an address instead. */
  linkInvalid: z.boolean(),
  /** The hash of the cookie of the browser that typed it. */
  browser: z.string(),
});

export type Draft = Omit<z.infer<typeof draftData>, 'browser'> & { changeId: string; scope?: string };

/** A draft's key, and the value of the cookie that binds drafts to a browser. */
export const newDraftKey = () => randomBytes(24).toString('base64url');

/** Stores a draft under `key` for the browser whose cookie is `browser` (replacing the draft `replaces`, if any), and deletes every expired one. */
export async function saveDraft(db: Db, key: string, browser: string, draft: Draft, now: string, replaces?: string): Promise<void> {
  const { changeId, scope, ...rest } = draft;
  const data = { ...rest, browser: hashToken(browser) };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('objection_drafts').where((eb) => eb.or([eb('expires_at', '<=', now), ...(replaces ? [eb('hash', '=', hashToken(replaces))] : [])])).execute();
    await trx
      .insertInto('objection_drafts')
      .values({ hash: hashToken(key), change_id: changeId, scope: scope ?? null, data: JSON.stringify(draftData.parse(data)), created_at: now, expires_at: new Date(Date.parse(now) + DRAFT_LIFETIME_MS).toISOString() })
      .execute();
  });
}

/** The draft a key names, if it has not expired at `now` and was typed in the browser whose cookie is `browser`. */
export async function readDraft(db: Db, key: string, browser: string | undefined, now: string): Promise<Draft | undefined> {
  if (!key || !browser) return undefined;
  const row = await db.selectFrom('objection_drafts').selectAll().where('hash', '=', hashToken(key)).where('expires_at', '>', now).executeTakeFirst();
  if (!row) return undefined;
  const data = draftData.safeParse(JSON.parse(row.data));
  if (!data.success || data.data.browser !== hashToken(browser)) return undefined;
  const { values, problems, token, linkInvalid } = data.data;
  return { values, problems, token, linkInvalid, changeId: row.change_id, scope: row.scope ?? undefined };
}

/** Once the objection is sent, what was typed is no longer needed here. */
export async function deleteDraft(db: Db, key: string): Promise<void> {
  if (key) await db.deleteFrom('objection_drafts').where('hash', '=', hashToken(key)).execute();
}

/** The cookie that binds drafts to this browser, for an hour, sent only to the form's address. */
export function draftCookie(value: string, path: string, secure: boolean): string {
  return [`${DRAFT_COOKIE}=${value}`, `Path=${path}`, 'HttpOnly', 'SameSite=Lax', `Max-Age=${DRAFT_LIFETIME_MS / 1000}`, ...(secure ? ['Secure'] : [])].join('; ');
}

/** The cookie's value from a Cookie header, if it is one this site could have made. */
export function draftCookieValue(header: string | null): string | undefined {
  const match = new RegExp(`(?:^|;\\s*)${DRAFT_COOKIE}=([\\w-]{32})(?:;|$)`).exec(header ?? '');
  return match?.[1];
}

export async function deleteExpiredDrafts(db: Db, now: string): Promise<void> {
  await db.deleteFrom('objection_drafts').where('expires_at', '<=', now).execute();
}
