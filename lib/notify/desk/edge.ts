import { loadContent } from '../../content/load';
import { resolveNow, resolveToday } from '../../content/today';
import { STATIC_EXPORT } from '../../publish/urls';
import { database } from '../db';
import { notifySoon } from '../run';
import { serverSecret } from '../secret';
import { oidcSettings } from './config';
import { teamSession, type DeskDeps } from './handlers';
import { linksByMail } from './mail';
import type { Session } from './sessions';

/**
 * The desk's edge: what its routes and pages need from this process's environment, clock and
 * database, read on each request (one build serves every deployment). A static export has
 * no desk.
 */
export const deskAvailable = () => !STATIC_EXPORT;

let secret: string | undefined;

export async function deskDeps(later: DeskDeps['later']): Promise<DeskDeps> {
  const content = loadContent();
  secret ??= serverSecret();
  return { db: await database(), content, now: resolveNow(content.site), secret, env: process.env, later, wake: () => void notifySoon() };
}

/** The signed-in team member of a page request (the session cookie's value), if any; someone taken off DESK_EMAILS is signed out for good. */
export async function pageSession(token: string | undefined): Promise<Session | undefined> {
  if (!token || !deskAvailable()) return undefined;
  const { site } = loadContent();
  return teamSession(await database(), token, resolveNow(site).toISOString(), process.env);
}

/** How a team member can sign in on this server. */
export function signInWays(): { link: boolean; sso: boolean } {
  return { link: linksByMail(loadContent().site), sso: Boolean(oidcSettings()) };
}

/** The date and instant pages are rendered for. */
export function deskClock(): { today: string; now: string } {
  const { site } = loadContent();
  return { today: resolveToday(site), now: resolveNow(site).toISOString() };
}
