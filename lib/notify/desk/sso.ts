import { absoluteUrl } from '../../publish/urls';
import { clientAddress, networkOf } from '../client';
import { sameOrigin } from '../forms';
import { hitRateLimit } from '../queries';
import { keyedHash } from '../secret';
import { cookieHeader, cookieValue, DESK_LIMITS, DESK_TIMES, deskPath, oidcSettings, onTeam, secureCookies, SSO_COOKIE } from './config';
import { crossSite, bodyOver, logRefusal, redirect, startSession, tooLarge, type DeskDeps } from './handlers';
import { finishSso, startSso } from './oidc';
import { audit, createSsoRequest, takeSsoRequest } from './sessions';

/** Where the provider sends the browser back: register this address with the provider. */
export const callbackUrl = (site: DeskDeps['content']['site']) => absoluteUrl(site, '/desk/sso/callback');

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * POST /desk/sso: the "Sign in with single sign-on" button. Keeps the attempt's verifier and
 * nonce under the hash of its state, gives the browser the state in a cookie, and sends it to
 * the provider. At most DESK_LIMITS.ip attempts an hour from one network, as for links: each
 * is a row in the database until it is used or expires.
 */
export async function handleSsoStart(request: Request, deps: DeskDeps): Promise<Response> {
  const settings = oidcSettings(deps.env);
  if (!settings) return notFound();
  if (!sameOrigin(request)) return crossSite();
  if (await bodyOver(request)) return tooLarge('This button sends nothing.');
  const key = keyedHash(deps.secret, `desk-sso:${networkOf(clientAddress(request, deps.env))}`);
  if (!(await hitRateLimit(deps.db, key, DESK_LIMITS.ip, DESK_LIMITS.windowMs, deps.now.toISOString()))) {
    return new Response('Too many sign-in attempts from your network. Please try again in an hour.', { status: 429, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'Retry-After': '3600' } });
  }
  const { site } = deps.content;
  let start;
  try {
    start = await startSso(settings, callbackUrl(site));
  } catch (error) {
    await audit(deps.db, { at: deps.now.toISOString(), actor: null, action: 'single sign-on unavailable', detail: (error instanceof Error ? error.message : String(error)).slice(0, 300) });
    return redirect('/desk?status=sso-unavailable');
  }
  await createSsoRequest(deps.db, start.state, { verifier: start.verifier, nonce: start.nonce }, deps.now.toISOString());
  const cookie = cookieHeader(SSO_COOKIE, start.state, { maxAgeSeconds: DESK_TIMES.ssoMs / 1000, secure: secureCookies(site, request, deps.env), path: deskPath(site) });
  return new Response(null, { status: 303, headers: { Location: start.url, 'Set-Cookie': cookie, 'Cache-Control': 'no-store' } });
}

/**
 * GET /desk/sso/callback?code=…&state=…: the provider's answer. It counts only in the browser
 * that started the attempt (the state in its cookie), once, within 10 minutes, and only for a
 * verified address in DESK_EMAILS.
 */
export async function handleSsoCallback(request: Request, deps: DeskDeps): Promise<Response> {
  const settings = oidcSettings(deps.env);
  if (!settings) return notFound();
  const { site } = deps.content;
  const now = deps.now.toISOString();
  const given = new URL(request.url);
  const state = cookieValue(request.headers.get('cookie'), SSO_COOKIE);
  const clear = cookieHeader(SSO_COOKIE, '', { maxAgeSeconds: 0, secure: secureCookies(site, request, deps.env), path: deskPath(site) });
  // Anyone can open this address: what it logs is capped per network (logRefusal).
  const refuse = async (actor: string | null, detail: string) => {
    if (await logRefusal(request, deps)) await audit(deps.db, { at: now, actor, action: 'single sign-on refused', detail });
    return redirect('/desk?status=sso-refused', { 'Set-Cookie': clear });
  };
  if (!state || given.searchParams.get('state') !== state) return refuse(null, 'the answer does not belong to this browser');
  const expected = await takeSsoRequest(deps.db, state, now);
  if (!expected) return refuse(null, 'the attempt expired or was already used');
  // The provider checks the address it sends back against the one registered, so the public address is used here, not the request's.
  const answer = new URL(callbackUrl(site));
  answer.search = given.search;
  const result = await finishSso(settings, answer, { state, ...expected });
  if (!result.ok) return refuse(null, result.reason);
  if (!onTeam(result.email, deps.env)) return refuse(result.email, 'the address is not in DESK_EMAILS');
  const response = await startSession(request, deps, result.email.toLowerCase(), 'sso');
  response.headers.append('Set-Cookie', clear);
  return response;
}
