import { randomBytes } from 'node:crypto';
import type { Content } from '../../content/schema';
import { absoluteUrl, href } from '../../publish/urls';
import { parseAddress } from '../address';
import { clientAddress, networkOf } from '../client';
import type { Db } from '../db';
import { BODY_LIMIT, readForm, sameOrigin } from '../forms';
import { hitRateLimit } from '../queries';
import { keyedHash } from '../secret';
import { cookieHeader, cookieValue, DESK_LIMITS, DESK_TIMES, deskPath, onTeam, secureCookies, SESSION_COOKIE } from './config';
import { mailSignInLink } from './mail';
import { audit, createSession, endSession, openSession, spendLink, type Session } from './sessions';

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
const tooLarge = () => plain(413, 'This form takes an e-mail address, not this much.');
const newToken = () => randomBytes(32).toString('base64url');

/** The session of the request's cookie, if open (a made-up or ended one is none). */
export async function requestSession(request: Request, deps: Pick<DeskDeps, 'db' | 'now'>): Promise<Session | undefined> {
  return openSession(deps.db, cookieValue(request.headers.get('cookie'), SESSION_COOKIE), deps.now.toISOString());
}

/** Signs `email` in: a new session and its cookie, and a line in the audit log. */
export async function startSession(request: Request, deps: DeskDeps, email: string, method: 'link' | 'sso', path = '/desk'): Promise<Response> {
  const token = newToken();
  const now = deps.now.toISOString();
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
  if (Number(request.headers.get('content-length')) > BODY_LIMIT) return tooLarge();
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

/** POST /desk/sign-in?token=…: the button on the link's page. */
export async function handleSignIn(request: Request, deps: DeskDeps): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  const now = deps.now.toISOString();
  const link = await spendLink(deps.db, tokenOf(request), now);
  if (link.state === 'valid' && onTeam(link.email, deps.env)) return startSession(request, deps, link.email, 'link');
  const why = link.state === 'valid' ? 'the address is no longer in DESK_EMAILS' : link.state === 'unknown' ? 'an unknown link' : link.state === 'used' ? 'the link was already used' : 'the link had expired';
  await audit(deps.db, { at: now, actor: 'email' in link ? link.email : null, action: 'sign-in refused', detail: why });
  return redirect('/desk/sign-in?status=invalid');
}

/** POST /desk/sign-out: ends the session and clears its cookie. */
export async function handleSignOut(request: Request, deps: DeskDeps): Promise<Response> {
  if (!sameOrigin(request)) return crossSite();
  const email = await endSession(deps.db, cookieValue(request.headers.get('cookie'), SESSION_COOKIE));
  if (email) await audit(deps.db, { at: deps.now.toISOString(), actor: email, action: 'signed out' });
  const cookie = cookieHeader(SESSION_COOKIE, '', { maxAgeSeconds: 0, secure: secureCookies(deps.content.site, request, deps.env), path: deskPath(deps.content.site) });
  return redirect('/desk?status=signed-out', { 'Set-Cookie': cookie });
}
