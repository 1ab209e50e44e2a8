import type { IsoDate } from '../content/dates';
import type { Content, Site } from '../content/schema';
import { scopeTitles } from '../timeline/scopes';
import { absoluteUrl, href } from '../publish/urls';
import { parseAddress } from './address';
import type { Db } from './db';
import type { Mailer } from './mailer';
import { messageIdFor } from './mailer';
import { confirmMessage } from './messages';
import { CONFIRM_DAYS, confirmSubscription, hitRateLimit, requestSubscription, unsubscribe } from './queries';

/**
 * The form handlers behind the thin routes: plain HTML form posts, answered with a 303 to a
 * page (Post/Redirect/Get). Clock, token generator and mailer are parameters.
 */
export type FormDeps = { db: Db; content: Content; mailer?: Mailer; now: Date; today: IsoDate; token: () => string; log?: (line: string) => void };

/**
 * Per IP: requests per hour (SUBSCRIBE_LIMIT_PER_IP, e.g. higher when many customers share a
 * proxy). Per address: requests per hour; one confirmation e-mail per 10 minutes besides.
 */
export const LIMITS = { ip: Number(process.env.SUBSCRIBE_LIMIT_PER_IP) || 20, address: 5, windowMs: 3_600_000 };

const redirect = (path: string) => new Response(null, { status: 303, headers: { Location: href(path) } });
const plain = (status: number, text: string, headers: Record<string, string> = {}) => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });

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
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The client's address as the server in front of us saw it (the last hop Next.js appended). */
export function clientIp(request: Request): string {
  return request.headers.get('x-forwarded-for')?.split(',').at(-1)?.trim() || 'unknown';
}

async function form(request: Request): Promise<URLSearchParams | undefined> {
  const text = await request.text().catch(() => '');
  // Nothing a person types into one address field comes near this size.
  if (text.length > 4096) return undefined;
  return new URLSearchParams(text);
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
  if (!(await hitRateLimit(deps.db, `ip:${clientIp(request)}`, LIMITS.ip, LIMITS.windowMs, now))) {
    return plain(429, 'Too many requests from your network. Please try again in an hour.', { 'Retry-After': '3600' });
  }
  const fields = await form(request);
  if (!fields) return redirect('/subprocessors/subscribe?error=long');
  // A field hidden from people: only a bot fills it in. It gets the same answer as anyone.
  if (fields.get('website')) return redirect('/subprocessors/subscribe?status=sent');
  const { site } = deps.content;
  const scopes = formScopes(fields.getAll('scopes'), site);
  if (!scopes) return redirect('/subprocessors/subscribe?status=sent');
  const parsed = parseAddress(fields.get('email') ?? '');
  // The form comes back with the same boxes ticked.
  if (!parsed.ok) return redirect(`/subprocessors/subscribe?error=${parsed.problem}${scopes.map((id) => `&scopes=${id}`).join('')}`);
  if (!(await hitRateLimit(deps.db, `address:${parsed.address}`, LIMITS.address, LIMITS.windowMs, now))) return redirect('/subprocessors/subscribe?status=sent');
  const token = deps.token();
  if (await requestSubscription(deps.db, parsed.address, token, now, scopes)) {
    const message = confirmMessage({ site, scopes: scopeTitles(site, scopes), confirmUrl: absoluteUrl(site, `/subprocessors/subscribe/confirm?token=${token}`), days: CONFIRM_DAYS });
    try {
      await deps.mailer?.send({ to: parsed.address, messageId: messageIdFor(site, `confirm.${token.slice(0, 16)}`), message });
    } catch (error) {
      (deps.log ?? console.error)(`subscribe: the confirmation e-mail could not be sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  // The same answer whatever the address's state, so nobody can learn who subscribed.
  return redirect('/subprocessors/subscribe?status=sent');
}

const tokenOf = (request: Request) => new URL(request.url).searchParams.get('token') ?? '';

export async function handleConfirm(request: Request, deps: FormDeps): Promise<Response> {
  if (!sameOrigin(request)) return plain(403, 'Forms on this site can be sent only from its own pages.');
  const siteScopes = (deps.content.site.scopes ?? []).map((scope) => scope.id);
  const confirmed = await confirmSubscription(deps.db, tokenOf(request), deps.now.toISOString(), deps.today, siteScopes);
  return redirect(confirmed ? '/subprocessors/subscribe/confirm?status=confirmed' : '/subprocessors/subscribe/confirm?status=invalid');
}

/** Also the RFC 8058 one-click POST from a mail client (body `List-Unsubscribe=One-Click`, no Origin). */
export async function handleUnsubscribe(request: Request, deps: FormDeps): Promise<Response> {
  const done = await unsubscribe(deps.db, tokenOf(request), deps.now.toISOString());
  return redirect(done ? '/subprocessors/unsubscribe?status=done' : '/subprocessors/unsubscribe?status=invalid');
}
