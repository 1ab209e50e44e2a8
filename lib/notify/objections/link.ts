import { createHmac, timingSafeEqual } from 'node:crypto';
import { addDays, endOfDayIn, type IsoDate } from '../../content/dates';

/**
 * The personal link in a notice e-mail: `token=<subscriber id>.<expiry day>.<signature>`, the
 * signature an HMAC-SHA-256 with the server's secret over the subscriber, the change, the list
 * and the expiry. It names no address: the objection takes the subscriber's address from the
 * database. A link for another change, another list, another subscriber, or one that has
 * expired, fails like a forged one. Nothing is stored per link, so every notice can carry one.
 */
export const PERSONAL_LINK_DAYS = 90;

/** The last day a personal link works: PERSONAL_LINK_DAYS after the change takes effect. */
export const personalLinkExpiry = (effective: IsoDate): IsoDate => addDays(effective, PERSONAL_LINK_DAYS);

const signature = (secret: string, subscriberId: number, changeId: string, scope: string | undefined, expires: string) =>
  createHmac('sha256', secret).update(`objection-link\n${subscriberId}\n${changeId}\n${scope ?? ''}\n${expires}`).digest('base64url');

export function personalToken(secret: string, subscriberId: number, changeId: string, scope: string | undefined, effective: IsoDate): string {
  const expires = personalLinkExpiry(effective).replaceAll('-', '');
  return `${subscriberId}.${expires}.${signature(secret, subscriberId, changeId, scope, expires)}`;
}

/** The subscriber id a token was made for, if it is genuine, for this change and list, and not expired at `now`. */
export function verifyPersonalToken(secret: string, token: string, changeId: string, scope: string | undefined, now: Date, timeZone: string): number | undefined {
  const match = /^(\d{1,12})\.(\d{8})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, id, expires, given] = match;
  const expected = Buffer.from(signature(secret, Number(id), changeId, scope, expires));
  if (!timingSafeEqual(expected, Buffer.from(given))) return undefined;
  const day = `${expires.slice(0, 4)}-${expires.slice(4, 6)}-${expires.slice(6)}`;
  if (now.getTime() > endOfDayIn(day, timeZone).getTime() + 999) return undefined;
  return Number(id);
}
