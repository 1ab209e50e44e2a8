import { randomBytes } from 'node:crypto';
import type { Content } from '../../content/schema';
import { absoluteUrl, href } from '../../publish/urls';
import { parseAddress } from '../address';
import { clientAddress, networkOf } from '../client';
import type { Db } from '../db';
import { declaresTooMuch, readForm, sameOrigin } from '../forms';
import { hitRateLimit } from '../queries';
import { keyedHash } from '../secret';
import { cookieHeader, cookieValue, DESK_LIMITS, DESK_TIMES, deskPath, onTeam, secureCookies, SESSION_COOKIE } from './config';
import { mailSignInLink } from './mail';
import { audit, createSession, endSession, endSessionsOf, openSession, spendLink, type Session } from './sessions';

type Env = Record<string, string | undefined>;

/**
 * What the desk's route handlers need: the database, the content, the clock, the server's
 * secret (for rate-limit keys), the environment read at run time, and `later`, which runs a
 * task after the answer has gone (Next.js `after`), so that sending a sign-in link never
 * shows in the answer's timing; `wake` starts the notify job, which sends what an action queued.
 */
export type DeskDeps = { db: Db; content: Content; now: Date; secret: string; env: Env; later: (task: () => Promise<void>) => void; wake?: () => void };

export const redirect = (path: string, headers: Record<string, string> = {}) => new Response(null, { status: 303, headers: { Location: href(path), 'Cache-Control': 'no-store', ...headers } });
const plain = (status: number, text: string) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
export const crossSite = () => plain(403, 'Forms on this site can be sent only from its own pages.');
/** A body over the form's size: refused by its declared length, before any of it is read; the connection is closed so the client stops sending. */
export const tooLarge = (text = 'This form takes an e-mail address, not this much.') => new Response(text, { status: 413, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' } });
/** Whether a body is over the form limit: by its declared length, or read (and dropped) up to the limit when it declares none. */
export const bodyOver = async (request: Request) => !(await readForm(request));
const newToken = () => randomBytes(32).toString('base64url');

/**
 * The team member a session cookie's value belongs to, if the session is open and the address
 * still in DESK_EMAILS. An address taken off the team has every one of its sessions ended
 * there and then, so putting it back later does not reopen them.
 */
export async function teamSession(db: Db, token: string | undefined, now: string, env: Env): Promise<Session | undefined> {
  const session = await openSession(db, token, now);
  if (!session || onTeam(session.email, env)) return session;
  await endSessionsOf(db, session.email);
  await audit(db, { at: now, actor: session.email, action: 'signed out', detail: 'the address is no longer in DESK_EMAILS' });
  return undefined;
}

/** The session of the request's cookie, if open and its address on the team (a made-up or ended one is none). */
export async function requestSession(request: Request, deps: Pick<DeskDeps, 'db' | 'now' | 'env'>): Promise<Session | undefined> {
  return teamSession(deps.db, cookieValue(request.headers.get('cookie'), SESSION_COOKIE), deps.now.toISOString(), deps.env);
}

/**
 * Whether a refused sign-in from this request's network still goes in the activity log: at
 * most DESK_LIMITS.ip an hour, so that nobody can bury the team's own lines under made-up
 * links or provider answers. The answer is the same either way.
 */
export async function logRefusal(request: Request, deps: Pick<DeskDeps, 'db' | 'now' | 'env' | 'secret'>): Promise<boolean> {
  const key = keyedHash(deps.secret, `desk-refusal:${networkOf(clientAddress(request, deps.env))}`);
  return hitRateLimit(deps.db, key, DESK_LIMITS.ip, DESK_LIMITS.windowMs, deps.now.toISOString());
}

/** Signs `email` in: a new session and its cookie (a session this browser had is ended), and a line in the audit log. */
export async function startSession(request: Request, deps: DeskDeps, email: string, method: 'link' | 'sso', path = '/desk'): Promise<Response> {
  const token = newToken();
  const now = deps.now.toISOString();
  await endSession(deps.db, cookieValue(request.headers.get('cookie'), SESSION_COOKIE));
  await createSession(deps.db, email, token, method, now);
  await audit(deps.db, { at: now, actor: email, action: 'signed in', detail: method === 'link' ? 'with an e-mailed link' : 'with single sign-on' });
  const cookie = cookieHeader(SESSION_COOKIE, token, { maxAgeSeconds: DESK_TIMES.absoluteMs / 1000, secure: secureCookies(deps.content.site, request, deps.env), path: deskPath(deps.content.site) });
  return redirect(path, { 'Set-Cookie': cookie });
}

/**
 * POST /desk (field `email`): e-mails a sign-in link if the address is on the team. The answer
 * is the same redirect, after the same database work, for any address: the link is made and
 * sent after the answer, and the refusal of an address not on the team is logged then too.
 */
export async function handleLinkRequest(request: Request, deps: DeskDeps): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  if (declaresTooMuch(request)) return tooLarge();
  const now = deps.now.toISOString();
  const ipAllowed = await hitRateLimit(deps.db, keyedHash(deps.secret, `desk-ip:${networkOf(clientAddress(request, deps.env))}`), DESK_LIMITS.ip, DESK_LIMITS.windowMs, now);
  if (!ipAllowed) return plain(429, 'Too many sign-in requests from your network. Please try again in an hour.');
  const fields = await readForm(request);
  if (!fields) return tooLarge();
  const parsed = parseAddress(fields.get('email') ?? '');
  if (!parsed.ok) return redirect(`/desk?error=${parsed.problem}`);
  const allowed = await hitRateLimit(deps.db, keyedHash(deps.secret, `desk-address:${parsed.address}`), DESK_LIMITS.address, DESK_LIMITS.windowMs, now);
  const email = parsed.address;
  const { site } = deps.content;
  deps.later(async () => {
    if (!onTeam(email, deps.env)) await audit(deps.db, { at: now, actor: null, action: 'sign-in link refused', detail: 'an address not in DESK_EMAILS' });
    else if (!allowed) await audit(deps.db, { at: now, actor: email, action: 'sign-in link refused', detail: 'too many requests for this address in an hour' });
    else await mailSignInLink(email, { db: deps.db, site, now, env: deps.env, linkUrl: (token) => absoluteUrl(site, `/desk/sign-in?token=${token}`) });
  });
  return redirect('/desk?status=sent');
}

const tokenOf = (request: Request) => new URL(request.url).searchParams.get('token') ?? '';

/** POST /desk/sign-in?token=…: the button on the link's page (it sends no fields). */
export async function handleSignIn(request: Request, deps: DeskDeps): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  if (await bodyOver(request)) return tooLarge('This button sends nothing but the link.');
  const now = deps.now.toISOString();
  const link = await spendLink(deps.db, tokenOf(request), now);
  if (link.state === 'valid' && onTeam(link.email, deps.env)) return startSession(request, deps, link.email, 'link');
  const why = link.state === 'valid' ? 'the address is no longer in DESK_EMAILS' : link.state === 'unknown' ? 'an unknown link' : link.state === 'used' ? 'the link was already used' : 'the link had expired';
  if (await logRefusal(request, deps)) await audit(deps.db, { at: now, actor: 'email' in link ? link.email : null, action: 'sign-in refused', detail: why });
  return redirect('/desk/sign-in?status=invalid');
}

/** POST /desk/sign-out: ends the session and clears its cookie. */
export async function handleSignOut(request: Request, deps: DeskDeps): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  if (await bodyOver(request)) return tooLarge('This button sends nothing.');
  const email = await endSession(deps.db, cookieValue(request.headers.get('cookie'), SESSION_COOKIE));
  if (email) await audit(deps.db, { at: deps.now.toISOString(), actor: email, action: 'signed out' });
  const cookie = cookieHeader(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secureCookies(deps.content.site, request, deps.env), path: deskPath(deps.content.site) });
  return redirect('/desk?status=signed-out', { 'Set-Cookie': cookie });
}
