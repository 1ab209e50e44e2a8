import type { Site } from '../../content/schema';
import { basePathOf } from '../../publish/urls';
import { parseAddress } from '../address';
import { trustProxy } from '../client';

type Env = Record<string, string | undefined>;

/** How long things last on the desk (docs/desk.md says the same). */
export const DESK_TIMES = {
  /** A sign-in link from the e-mail. */
  linkMs: 15 * 60_000,
  /** A session with no request for this long is over. */
  idleMs: 30 * 60_000,
  /** A session is over this long after signing in, however busy. */
  absoluteMs: 12 * 3_600_000,
  /** A single sign-on attempt, from the button to the provider's answer. */
  ssoMs: 10 * 60_000,
};

/** Sign-in links: per client address and per address typed, an hour. */
export const DESK_LIMITS = { ip: 20, address: 10, windowMs: 3_600_000 };

export const SESSION_COOKIE = 'desk_session';
export const SSO_COOKIE = 'desk_sso';

/**
 * The team: DESK_EMAILS, comma-separated, read on every request (a restart is not even needed
 * to take someone off). Compared as the sign-in form compares them: trimmed, lower-cased.
 */
export function deskEmails(env: Env = process.env): Set<string> {
  const listed = (env.DESK_EMAILS ?? '').split(',').map((item) => parseAddress(item));
  return new Set(listed.flatMap((parsed) => (parsed.ok ? [parsed.address] : [])));
}

export function onTeam(email: string, env: Env = process.env): boolean {
  const parsed = parseAddress(email);
  return parsed.ok && deskEmails(env).has(parsed.address);
}

export type OidcSettings = { issuer: string; clientId: string; clientSecret: string };

/** Single sign-on, when all three variables are set. */
export function oidcSettings(env: Env = process.env): OidcSettings | undefined {
  const { DESK_OIDC_ISSUER: issuer, DESK_OIDC_CLIENT_ID: clientId, DESK_OIDC_CLIENT_SECRET: clientSecret } = env;
  return issuer && clientId && clientSecret ? { issuer, clientId, clientSecret } : undefined;
}

/**
 * Whether the cookies get `Secure`: when the site's `url` is https (the address people use),
 * or this request reached the server over https, or, with TRUST_PROXY set, the proxy says it
 * did (`X-Forwarded-Proto`). A browser keeps a Secure cookie on http://localhost too.
 */
export function secureCookies(site: Pick<Site, 'url'>, request: Request, env: Env = process.env): boolean {
  if (site.url.startsWith('https:') || new URL(request.url).protocol === 'https:') return true;
  return Boolean(trustProxy(env)) && request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
}

/** Every desk cookie is sent only to the desk's addresses. */
export const deskPath = (site: Pick<Site, 'url'>) => `${basePathOf(site.url)}/desk`;

type CookieOptions = { maxAgeSeconds?: number; secure: boolean; path: string };

/** A Set-Cookie value: HttpOnly, SameSite=Lax (the provider's redirect back must carry the SSO cookie), Path=/desk. */
export function cookieHeader(name: string, value: string, { maxAgeSeconds, secure, path }: CookieOptions): string {
  const parts = [`${name}=${value}`, `Path=${path}`, 'HttpOnly', 'SameSite=Lax'];
  if (maxAgeSeconds !== undefined) parts.push(`Max-Age=${maxAgeSeconds}`);
  if (secure) parts.push('Secure');
  return parts.join('; ');
}

/** A cookie's value from a Cookie header. */
export function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
