import http from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peerHeader } from '../../lib/notify/client';
import type { Db } from '../../lib/notify/db';
import { cookieValue, SESSION_COOKIE, SSO_COOKIE } from '../../lib/notify/desk/config';
import type { DeskDeps } from '../../lib/notify/desk/handlers';
import { handleSsoCallback, handleSsoStart } from '../../lib/notify/desk/sso';
import { auditLog, openSession } from '../../lib/notify/desk/sessions';
import { databaseEnv, KINDS, noticeContent, openTestDb } from './notify/helpers';

/**
 * Single sign-on against a real OpenID provider (the `oidc-provider` package, started here with
 * its development login and consent pages): the flow a browser goes through, step by step.
 */
const ISSUER = 'http://127.0.0.1:3373';
const ORIGIN = 'http://localhost:3300';
const CLIENT = { client_id: 'desk', client_secret: 'a-client-secret-for-the-desk-tests', redirect_uris: [`${ORIGIN}/desk/sso/callback`] };
/** The provider's accounts: the login typed on its page is the account id. */
const ACCOUNTS: Record<string, { email: string; email_verified: boolean }> = {
  legal: { email: 'Legal@Notifyco.example', email_verified: true },
  unverified: { email: 'legal@notifyco.example', email_verified: false },
  outsider: { email: 'outsider@notifyco.example', email_verified: true },
};

let server: http.Server;
beforeAll(async () => {
  const provider = new Provider(ISSUER, {
    clients: [CLIENT],
    findAccount: (_ctx, sub) => (ACCOUNTS[sub] ? { accountId: sub, claims: () => ({ sub, ...ACCOUNTS[sub] }) } : undefined),
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    // Lifetimes of its own records, set so the provider does not print a notice for each.
    ttl: { AccessToken: 3600, AuthorizationCode: 600, IdToken: 3600, Interaction: 3600, Grant: 3600, Session: 3600 },
  });
  server = http.createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(3373, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A browser at the provider: follows its redirects, keeps its cookies, fills in its login and consent forms, until it is sent back to the desk. */
async function atProvider(start: string, login: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = start;
  let body: string | undefined;
  for (let step = 0; step < 12; step++) {
    if (url.startsWith(ORIGIN)) return url;
    const response = await fetch(url, { method: body ? 'POST' : 'GET', body, redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '), ...(body && { 'content-type': 'application/x-www-form-urlencoded' }) } });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      jar.set(name, value.join('='));
    }
    body = undefined;
    if (response.status >= 300 && response.status < 400) {
      url = new URL(response.headers.get('location')!, url).href;
      continue;
    }
    const html = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    if (!prompt) throw new Error(`unexpected page at ${url}: ${html.slice(0, 300)}`);
    body = prompt === 'login' ? `prompt=login&login=${login}` : 'prompt=consent';
  }
  throw new Error('the provider never sent the browser back');
}

describe.each(KINDS)('single sign-on on %s', (kind) => {
  let db: Db;
  let deps: () => DeskDeps;
  beforeAll(async () => {
    db = await openTestDb(await databaseEnv(kind, `desk_sso_${kind}`));
    const { content } = noticeContent();
    const env = { DESK_EMAILS: 'legal@notifyco.example', DESK_OIDC_ISSUER: ISSUER, DESK_OIDC_CLIENT_ID: CLIENT.client_id, DESK_OIDC_CLIENT_SECRET: CLIENT.client_secret };
    deps = () => ({ db, content, now: new Date(), secret: 'a-test-secret-of-at-least-32-characters', env, later: () => {} });
  });
  afterAll(() => db.destroy());

  const post = (path: string, headers: Record<string, string> = {}) =>
    new Request(`${ORIGIN}${path}`, { method: 'POST', headers: { host: 'localhost:3300', origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...headers } });

  /** Presses the button, signs in at the provider as `login`, and comes back with `cookie` (the browser's SSO cookie by default). */
  async function signIn(login: string, cookie?: (state: string) => string) {
    const start = await handleSsoStart(post('/desk/sso'), deps());
    expect(start.status).toBe(303);
    const location = new URL(start.headers.get('location')!);
    expect(location.origin).toBe(ISSUER);
    expect(Object.fromEntries([...location.searchParams].filter(([key]) => ['code_challenge_method', 'scope', 'redirect_uri'].includes(key)))).toEqual({ code_challenge_method: 'S256', scope: 'openid email', redirect_uri: `${ORIGIN}/desk/sso/callback` });
    const state = cookieValue(start.headers.get('set-cookie'), SSO_COOKIE)!;
    expect(location.searchParams.get('state')).toBe(state);
    const back = await atProvider(location.href, login);
    const callback = new Request(back, { headers: { host: 'localhost:3300', cookie: cookie ? cookie(state) : `${SSO_COOKIE}=${state}` } });
    return { response: await handleSsoCallback(callback, deps()), back };
  }

  it('signs in a team member whose verified address is in DESK_EMAILS, in any letter case', async () => {
    const { response, back } = await signIn('legal');
    expect(response.headers.get('location')).toBe('/desk');
    const token = cookieValue(response.headers.get('set-cookie'), SESSION_COOKIE);
    expect(await openSession(db, token, new Date().toISOString())).toMatchObject({ email: 'legal@notifyco.example', method: 'sso' });
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor: 'legal@notifyco.example', action: 'signed in', detail: 'with single sign-on' });
    // The provider's answer works once: the same code and state again sign nobody in.
    const again = await handleSsoCallback(new Request(back, { headers: { host: 'localhost:3300', cookie: `${SSO_COOKIE}=${new URL(back).searchParams.get('state')}` } }), deps());
    expect(again.headers.get('location')).toBe('/desk?status=sso-refused');
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ action: 'single sign-on refused', detail: 'the attempt expired or was already used' });
  });

  it('refuses an address not in DESK_EMAILS, or one the provider has not verified', async () => {
    for (const [login, actor, detail] of [
      ['outsider', 'outsider@notifyco.example', 'the address is not in DESK_EMAILS'],
      ['unverified', null, 'the provider has not verified the e-mail address'],
    ] as const) {
      const { response } = await signIn(login);
      expect(response.headers.get('location')).toBe('/desk?status=sso-refused');
      expect(cookieValue(response.headers.get('set-cookie'), SESSION_COOKIE)).toBeUndefined();
      expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor, action: 'single sign-on refused', detail });
    }
  });

  it("refuses the provider's answer in a browser that did not start the attempt", async () => {
    const { response } = await signIn('legal', () => `${SSO_COOKIE}=someone-elses-state`);
    expect(response.headers.get('location')).toBe('/desk?status=sso-refused');
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ action: 'single sign-on refused', detail: 'the answer does not belong to this browser' });
  });

  it('starts at most 20 attempts an hour from one network, and records at most 20 refused answers from it', async () => {
    const from = (network: string) => Object.fromEntries([peerHeader(network)]);
    for (let i = 0; i < 20; i++) expect((await handleSsoStart(post('/desk/sso', from('198.51.100.20')), deps())).status).toBe(303);
    const over = await handleSsoStart(post('/desk/sso', from('198.51.100.20')), deps());
    expect(over.status).toBe(429);
    expect(over.headers.get('set-cookie')).toBeNull();
    expect((await handleSsoStart(post('/desk/sso', from('192.0.2.20')), deps())).status).toBe(303);

    // The callback address is open to anyone: answers that belong to no attempt are refused, and logged only up to the limit.
    const logged = async () => (await auditLog(db, { limit: 1000 })).filter((row) => row.action === 'single sign-on refused').length;
    const before = await logged();
    for (let i = 0; i < 30; i++) {
      const refused = await handleSsoCallback(new Request(`${ORIGIN}/desk/sso/callback?code=made-up&state=made-up-${i}`, { headers: { host: 'localhost:3300', ...from('198.51.100.21') } }), deps());
      expect(refused.headers.get('location')).toBe('/desk?status=sso-refused');
    }
    expect((await logged()) - before).toBe(20);
  });

  it('answers 404 when single sign-on is not configured', async () => {
    const response = await handleSsoStart(post('/desk/sso'), { ...deps(), env: { DESK_EMAILS: 'legal@notifyco.example' } });
    expect(response.status).toBe(404);
  });
});
