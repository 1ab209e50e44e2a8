import type { IsoDate } from '../content/dates';
import type { Content, Site } from '../content/schema';
import { href } from '../publish/urls';
import { parseAddress } from './address';
import { clientAddress, networkOf, trustProxy } from './client';
import type { Db } from './db';
import { confirmSubscription, hitRateLimit, requestSubscription, spentToken, unsubscribe } from './queries';
import { keyedHash } from './secret';

/**
 * The form handlers behind the thin routes: plain HTML form posts, answered with a 303 to a
 * page (Post/Redirect/Get). Clock and secret are parameters. No handler sends mail: a
 * confirmation is queued and sent by the notify job, which `wake` starts, so the answer
 * never waits for an SMTP server and takes the same time whatever the address's state.
 */
export type FormDeps = { db: Db; content: Content; now: Date; today: IsoDate; secret: string; wake?: () => void; env?: Record<string, string | undefined> };

/**
 * Per IP: requests per hour (SUBSCRIBE_LIMIT_PER_IP, e.g. higher when many customers share a
 * proxy). Per address: requests per hour; one confirmation e-mail per 10 minutes besides.
 */
export const LIMITS = { ip: Number(process.env.SUBSCRIBE_LIMIT_PER_IP) || 20, address: 5, windowMs: 3_600_000 };

const tooLarge = () => plain(413, 'This form takes an e-mail address and a few boxes, not this much.', { Connection: 'close' });
export const redirect = (path: string) => new Response(null, { status: 303, headers: { Location: href(path) } });
export const plain = (status: number, text: string, headers: Record<string, string> = {}) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });

/**
 * A form may be posted only from this site: browsers send `Sec-Fetch-Site` and `Origin` with
 * every POST, so a cross-site form is refused without a per-page token (which would stop the
 * list page from being cached). Requests without either header are not from a browser page.
 */
export function sameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.get('origin');
  if (!origin) return true;
  // The host the browser asked for: a proxy's X-Forwarded-Host only when TRUST_PROXY says there is one.
  const forwarded = trustProxy() ? request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
  const host = forwarded || request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The keys the limits count under: keyed hashes, so a copy of the table does not give away addresses. */
export const ipKey = (secret: string, address: string) => keyedHash(secret, `ip:${networkOf(address)}`);
export const addressKey = (secret: string, email: string) => keyedHash(secret, `address:${email}`);

/** Nothing a person types into the form comes near this size. */
export const BODY_LIMIT = 4096;

/** A body declared larger than `limit`: refused before a byte of it is read. */
export const declaresTooMuch = (request: Request, limit = BODY_LIMIT) => Number(request.headers.get('content-length')) > limit;

/**
 * The form's fields, read from the stream up to `limit` bytes: undefined for a larger body,
 * refused by its declared length or as soon as it passes the limit, never read whole.
 */
export async function readForm(request: Request, limit = BODY_LIMIT): Promise<URLSearchParams | undefined> {
  if (declaresTooMuch(request, limit)) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  try {
    for (let part = await reader?.read(); part && !part.done; part = await reader!.read()) {
      size += part.value.byteLength;
      if (size > limit) {
        await reader!.cancel();
        return undefined;
      }
      chunks.push(part.value);
    }
  } catch {
    return new URLSearchParams(); // The client went away mid-body.
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/**
 * The scopes ticked in the form (field `scopes`, once per box), in site.yaml's order; none is
 * the full list. Undefined when a value is not a scope in site.yaml: no page of this site
 * sends one, so it gets the answer a bot gets and nothing is stored.
 */
export function formScopes(values: string[], site: Pick<Site, 'scopes'>): string[] | undefined {
  const ids = (site.scopes ?? []).map((scope) => scope.id);
  if (values.some((value) => !ids.includes(value))) return undefined;
  return ids.filter((id) => values.includes(id));
}

export async function handleSubscribe(request: Request, deps: FormDeps): Promise<Response> {
  if (!sameOrigin(request)) return plain(403, 'Forms on this site can be sent only from its own pages.');
  const now = deps.now.toISOString();
  if (declaresTooMuch(request)) return tooLarge();
  if (!(await hitRateLimit(deps.db, ipKey(deps.secret, clientAddress(request, deps.env)), LIMITS.ip, LIMITS.windowMs, now))) {
    return plain(429, 'Too many requests from your network. Please try again in an hour.', { 'Retry-After': '3600' });
  }
  const fields = await readForm(request);
  if (!fields) return tooLarge();
  // A field hidden from people: only a bot fills it in. It gets the same answer as anyone.
  if (fields.get('website')) return redirect('/subprocessors/subscribe?status=sent');
  const { site } = deps.content;
  const scopes = formScopes(fields.getAll('scopes'), site);
  if (!scopes) return redirect('/subprocessors/subscribe?status=sent');
  const parsed = parseAddress(fields.get('email') ?? '');
  // The form comes back with the same boxes ticked.
  if (!parsed.ok) return redirect(`/subprocessors/subscribe?error=${parsed.problem}${scopes.map((id) => `&scopes=${id}`).join('')}`);
  if (!(await hitRateLimit(deps.db, addressKey(deps.secret, parsed.address), LIMITS.address, LIMITS.windowMs, now))) return redirect('/subprocessors/subscribe?status=sent');
  if (await requestSubscription(deps.db, parsed.address, now, scopes)) deps.wake?.();
  // The same answer whatever the address's state, so nobody can learn who subscribed.
  return redirect('/subprocessors/subscribe?status=sent');
}

const tokenOf = (request: Request) => new URL(request.url).searchParams.get('token') ?? '';

/** The Confirm and Unsubscribe buttons send nothing but their link: a declared body over the form limit is refused unread. */
export async function handleConfirm(request: Request, deps: FormDeps): Promise<Response> {
  if (!sameOrigin(request)) return plain(403, 'Forms on this site can be sent only from its own pages.');
  if (declaresTooMuch(request)) return tooLarge();
  const siteScopes = (deps.content.site.scopes ?? []).map((scope) => scope.id);
  const confirmed = await confirmSubscription(deps.db, tokenOf(request), deps.now.toISOString(), deps.today, siteScopes);
  // Only a confirmation queues anything (the welcome): nothing else may start the job.
  if (confirmed) deps.wake?.();
  return redirect(confirmed ? '/subprocessors/subscribe/confirm?status=confirmed' : '/subprocessors/subscribe/confirm?status=invalid');
}

/** Also the RFC 8058 one-click POST from a mail client (body `List-Unsubscribe=One-Click`, no Origin). */
export async function handleUnsubscribe(request: Request, deps: FormDeps): Promise<Response> {
  if (declaresTooMuch(request)) return tooLarge();
  const done = (await unsubscribe(deps.db, tokenOf(request), deps.now.toISOString())) || (await spentToken(deps.db, tokenOf(request)));
  return redirect(done ? '/subprocessors/unsubscribe?status=done' : '/subprocessors/unsubscribe?status=invalid');
}
