import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peerHeader } from '../../lib/notify/client';
import type { Db } from '../../lib/notify/db';
import { cookieValue, DESK_TIMES, secureCookies, SESSION_COOKIE } from '../../lib/notify/desk/config';
import { handleErase, handleExport } from '../../lib/notify/desk/actions';
import { attention } from '../../lib/notify/desk/attention';
import { handleLinkRequest, handleSignIn, handleSignOut, requestSession, type DeskDeps } from '../../lib/notify/desk/handlers';
import { lookupAddress } from '../../lib/notify/desk/lookup';
import { deskObjection, deskRegister, handleEvidence, handleResolve } from '../../lib/notify/desk/objections';
import { audit, auditLog, createLink, createSession, linkState, openSession, spendLink } from '../../lib/notify/desk/sessions';
import { runNotify } from '../../lib/notify/job';
import { createMailer } from '../../lib/notify/mailer';
import { fileFromSubscriber, verifyEvidence, type EvidencePack } from '../../lib/notify/objections';
import { addConfirmed, databaseEnv, KINDS, noticeContent, openTestDb, startSmtp } from './notify/helpers';

const { content } = noticeContent();
const ORIGIN = 'http://localhost:3300';
const TEAM = 'Legal@Notifyco.example, counsel@notifyco.example';
const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms).toISOString();
const T0 = '2026-11-23T15:00:00.000Z';

function request(path: string, { body = '', cookie, headers = {}, method = 'POST' }: { body?: string; cookie?: string; headers?: Record<string, string>; method?: string } = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method,
    body: method === 'POST' ? body : undefined,
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3300', origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...Object.fromEntries([peerHeader('203.0.113.9')]), ...(cookie && { cookie }), ...headers },
  });
}
const sessionCookie = (response: Response) => cookieValue(response.headers.get('set-cookie'), SESSION_COOKIE);

describe.each(KINDS)('the desk on %s', (kind) => {
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let clock: Date;
  let tasks: Promise<void>[];
  let deps: () => DeskDeps;
  const port = kind === 'sqlite' ? 3371 : 3372;

  beforeAll(async () => {
    db = await openTestDb(await databaseEnv(kind, `desk_${kind}`));
    smtp = await startSmtp(port);
    clock = new Date(T0);
    tasks = [];
    const env = { DESK_EMAILS: TEAM, SMTP_URL: smtp.url, NODE_ENV: 'production' };
    deps = () => ({ db, content, now: clock, secret: 'a-test-secret-of-at-least-32-characters', env, later: (task) => void tasks.push(task()) });
  });
  afterAll(async () => {
    await smtp.close();
    await db.destroy();
  });
  const settled = async () => {
    await Promise.all(tasks);
    tasks = [];
  };
  const linkIn = (to: string) => /http:\/\/localhost:3300\/desk\/sign-in\?token=([\w-]+)/.exec(smtp.messages.filter((m) => m.to_ === to).at(-1)?.text ?? '')?.[1];

  it('e-mails a link to an address on the team, in any letter case, and the same answer and nothing else to anyone else', async () => {
    const listed = await handleLinkRequest(request('/desk', { body: 'email=LEGAL%40notifyco.example' }), deps());
    const stranger = await handleLinkRequest(request('/desk', { body: 'email=stranger%40notifyco.example' }), deps());
    for (const response of [listed, stranger]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/desk?status=sent');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    await settled();
    expect(smtp.messages.map((m) => m.to_)).toEqual(['legal@notifyco.example']);
    expect(smtp.messages[0].subject).toBe('Securicom: your sign-in link to the subprocessor desk');
    expect(smtp.messages[0].text).toContain('Open this link within 15 minutes and press Sign in. It works once.');
    const log = await auditLog(db);
    expect(log.map((row) => [row.actor, row.action])).toEqual(expect.arrayContaining([[null, 'sign-in link refused'], ['legal@notifyco.example', 'sign-in link sent']]));
  });

  it('a link signs in once, within 15 minutes; opening it changes nothing', async () => {
    const token = linkIn('legal@notifyco.example')!;
    expect(await linkState(db, token, clock.toISOString())).toEqual({ state: 'valid', email: 'legal@notifyco.example' });
    expect(await linkState(db, token, clock.toISOString())).toEqual({ state: 'valid', email: 'legal@notifyco.example' });
    const signedIn = await handleSignIn(request(`/desk/sign-in?token=${token}`), deps());
    expect(signedIn.headers.get('location')).toBe('/desk');
    const cookie = signedIn.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^desk_session=[\w-]{43}; Path=\/desk; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    expect(await openSession(db, sessionCookie(signedIn), clock.toISOString())).toMatchObject({ email: 'legal@notifyco.example', method: 'link' });
    // Used: a second press (or someone else with the e-mail) gets nothing.
    const again = await handleSignIn(request(`/desk/sign-in?token=${token}`), deps());
    expect(again.headers.get('location')).toBe('/desk/sign-in?status=invalid');
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await linkState(db, token, clock.toISOString())).toEqual({ state: 'used', email: 'legal@notifyco.example' });
    // Expired: 15 minutes and one millisecond after it was made.
    await createLink(db, 'counsel@notifyco.example', 'an-expiring-link', T0);
    expect((await spendLink(db, 'an-expiring-link', at(T0, DESK_TIMES.linkMs))).state).toBe('expired');
    await createLink(db, 'counsel@notifyco.example', 'a-link-just-in-time', T0);
    expect(await spendLink(db, 'a-link-just-in-time', at(T0, DESK_TIMES.linkMs - 1))).toEqual({ state: 'valid', email: 'counsel@notifyco.example' });
    expect((await spendLink(db, 'made-up', T0)).state).toBe('unknown');
    const refusals = (await auditLog(db)).filter((row) => row.action === 'sign-in refused');
    expect(refusals.map((row) => row.detail)).toEqual(['the link was already used']);
  });

  it('only hashes are stored: the link and the cookie are nowhere in the database', async () => {
    const stored = JSON.stringify([await db.selectFrom('desk_tokens').selectAll().execute(), await db.selectFrom('desk_sessions').selectAll().execute()]);
    const token = linkIn('legal@notifyco.example')!;
    expect(stored).not.toContain(token);
    expect(stored).toMatch(/[0-9a-f]{64}/);
  });

  it('a session ends after 30 minutes without a request, and 12 hours after signing in however busy', async () => {
    await createSession(db, 'counsel@notifyco.example', 'idle-session', 'link', T0);
    expect(await openSession(db, 'idle-session', at(T0, DESK_TIMES.idleMs - 1000))).toBeDefined();
    // Each request counts as activity: 29 minutes later still open, then 30 minutes of nothing.
    const seen = at(T0, DESK_TIMES.idleMs - 1000);
    expect(await openSession(db, 'idle-session', at(seen, DESK_TIMES.idleMs - 1000))).toBeDefined();
    expect(await openSession(db, 'idle-session', at(seen, 2 * DESK_TIMES.idleMs))).toBeUndefined();

    await createSession(db, 'counsel@notifyco.example', 'busy-session', 'link', T0);
    let now = T0;
    for (let step = 0; step < 24; step++) {
      now = at(now, 29 * 60_000);
      const open = await openSession(db, 'busy-session', now);
      expect(Boolean(open), now).toBe(Date.parse(now) < Date.parse(T0) + DESK_TIMES.absoluteMs);
    }
    expect(await openSession(db, 'made-up-cookie', T0)).toBeUndefined();
    expect(await openSession(db, undefined, T0)).toBeUndefined();
  });

  it('signing out ends the session: its cookie no longer opens the desk, another session stays open', async () => {
    await createSession(db, 'legal@notifyco.example', 'first-session', 'link', clock.toISOString());
    await createSession(db, 'counsel@notifyco.example', 'second-session', 'link', clock.toISOString());
    const out = await handleSignOut(request('/desk/sign-out', { cookie: `${SESSION_COOKIE}=first-session` }), deps());
    expect(out.headers.get('location')).toBe('/desk?status=signed-out');
    expect(out.headers.get('set-cookie')).toBe('desk_session=; Path=/desk; HttpOnly; SameSite=Lax; Max-Age=0');
    expect(await requestSession(request('/desk', { cookie: `${SESSION_COOKIE}=first-session` }), deps())).toBeUndefined();
    expect(await requestSession(request('/desk', { cookie: `${SESSION_COOKIE}=second-session` }), deps())).toMatchObject({ email: 'counsel@notifyco.example' });
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor: 'legal@notifyco.example', action: 'signed out' });
  });

  it('refuses a post from another site with 403, and sends anyone not signed in to the sign-in page', async () => {
    const cross = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    for (const [handler, path] of [[handleLinkRequest, '/desk'], [handleSignIn, '/desk/sign-in?token=x'], [handleSignOut, '/desk/sign-out'], [handleExport, '/desk/subscribers/export'], [handleErase, '/desk/subscribers/erase']] as const) {
      const response = await handler(request(path, { body: 'email=legal%40notifyco.example', cookie: `${SESSION_COOKIE}=second-session`, headers: cross }), deps());
      expect(response.status, path).toBe(403);
    }
    const anonymous = await handleExport(request('/desk/subscribers/export', { cookie: `${SESSION_COOKIE}=made-up` }), deps());
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/desk');
  });

  it('exports confirmed subscribers as CSV with formulas neutralised, and erases an address after confirmation', async () => {
    await db.insertInto('subscribers').values([
      { email: '=cmd@example.com', status: 'confirmed', created_at: T0, confirmed_at: T0, confirmed_on: '2026-11-23' },
      { email: 'reader@example.com', status: 'confirmed', created_at: T0, confirmed_at: T0, confirmed_on: '2026-11-23' },
    ]).execute();
    const cookie = `${SESSION_COOKIE}=second-session`;
    const csv = await handleExport(request('/desk/subscribers/export', { cookie }), deps());
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="subscribers-2026-11-23.csv"');
    expect(await csv.text()).toBe(`address,confirmed_at,scopes\n'=cmd@example.com,${T0},\nreader@example.com,${T0},\n`);

    const ask = await handleErase(request('/desk/subscribers/erase', { body: 'email=reader%40example.com', cookie }), deps());
    expect(ask.headers.get('location')).toBe('/desk/subscribers/erase?email=reader%40example.com');
    expect((await lookupAddress(db, 'reader@example.com')).subscription).toBeDefined();
    const done = await handleErase(request('/desk/subscribers/erase', { body: 'email=reader%40example.com&confirm=yes', cookie }), deps());
    expect(done.headers.get('location')).toBe('/desk/subscribers?erased=subscriber');
    expect((await lookupAddress(db, 'reader@example.com')).subscription).toBeUndefined();
    const log = await auditLog(db, { limit: 2 });
    expect(log.map((row) => [row.actor, row.action, row.detail])).toEqual([
      ['counsel@notifyco.example', 'erased an address', 'a subscriber'],
      ['counsel@notifyco.example', 'exported the subscribers', 'CSV of the confirmed addresses'],
    ]);
  });

  it('a session whose address is taken off DESK_EMAILS can act no more, and putting the address back does not reopen it', async () => {
    await createSession(db, 'counsel@notifyco.example', 'another-counsel-session', 'link', clock.toISOString());
    const gone = { ...deps(), env: { DESK_EMAILS: 'legal@notifyco.example' } };
    const response = await handleExport(request('/desk/subscribers/export', { cookie: `${SESSION_COOKIE}=second-session` }), gone);
    expect(response.headers.get('location')).toBe('/desk');
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor: 'counsel@notifyco.example', action: 'signed out', detail: 'the address is no longer in DESK_EMAILS' });
    // Back on the team (DESK_EMAILS as before): every session of the address stays ended; signing in again is needed.
    for (const token of ['second-session', 'another-counsel-session']) {
      expect(await requestSession(request('/desk', { cookie: `${SESSION_COOKIE}=${token}` }), deps()), token).toBeUndefined();
    }
    expect(await db.selectFrom('desk_sessions').select('email').where('email', '=', 'counsel@notifyco.example').execute()).toEqual([]);
  });

  it('signing in ends the session the browser already had', async () => {
    await createLink(db, 'legal@notifyco.example', 'a-link-for-a-second-sign-in', clock.toISOString());
    await createSession(db, 'legal@notifyco.example', 'the-browsers-old-session', 'link', clock.toISOString());
    const signedIn = await handleSignIn(request('/desk/sign-in?token=a-link-for-a-second-sign-in', { cookie: `${SESSION_COOKIE}=the-browsers-old-session` }), deps());
    expect(sessionCookie(signedIn)).toMatch(/^[\w-]{43}$/);
    expect(await openSession(db, 'the-browsers-old-session', clock.toISOString())).toBeUndefined();
  });

  it('refuses a body larger than the form before reading it: 413 from every desk post', async () => {
    const huge = { 'content-length': String(50 * 1024 * 1024) };
    await createSession(db, 'legal@notifyco.example', 'a-session-for-large-bodies', 'link', clock.toISOString());
    const cookie = `${SESSION_COOKIE}=a-session-for-large-bodies`;
    for (const [handler, path] of [[handleLinkRequest, '/desk'], [handleSignIn, '/desk/sign-in?token=x'], [handleSignOut, '/desk/sign-out'], [handleExport, '/desk/subscribers/export'], [handleErase, '/desk/subscribers/erase'], [handleEvidence, '/desk/objections/evidence']] as const) {
      const response = await handler(request(path, { body: 'email=legal%40notifyco.example', cookie, headers: huge }), deps());
      expect(response.status, path).toBe(413);
      expect(response.headers.get('connection'), path).toBe('close');
    }
    // Without a declared length (a chunked body), reading stops past the limit: 413, and nothing done (nothing erased, nobody signed out).
    const chunked = (path: string) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`email=legal%40notifyco.example&confirm=yes&padding=${'x'.repeat(8192)}`));
          controller.close();
        },
      });
      return new Request(`${ORIGIN}${path}`, { method: 'POST', body, duplex: 'half', headers: request(path, { cookie }).headers } as RequestInit);
    };
    for (const [handler, path] of [[handleSignIn, '/desk/sign-in?token=x'], [handleSignOut, '/desk/sign-out'], [handleExport, '/desk/subscribers/export'], [handleErase, '/desk/subscribers/erase'], [handleEvidence, '/desk/objections/evidence']] as const) {
      expect((await handler(chunked(path), deps())).status, path).toBe(413);
    }
    expect(await openSession(db, 'a-session-for-large-bodies', clock.toISOString())).toBeDefined();
  });

  it('records at most 20 refused sign-ins an hour from one network, so that nobody can bury the log; the answer stays the same', async () => {
    const before = (await auditLog(db, { limit: 1000 })).filter((row) => row.action === 'sign-in refused').length;
    const from = (network: string) => Object.fromEntries([peerHeader(network)]);
    for (let i = 0; i < 30; i++) {
      const refused = await handleSignIn(request(`/desk/sign-in?token=made-up-${i}`, { headers: from('198.51.100.7') }), deps());
      expect(refused.headers.get('location')).toBe('/desk/sign-in?status=invalid');
    }
    const refusals = () => auditLog(db, { limit: 1000 }).then((rows) => rows.filter((row) => row.action === 'sign-in refused').length - before);
    expect(await refusals()).toBe(20);
    // Another network's refusals are still recorded.
    await handleSignIn(request('/desk/sign-in?token=made-up-elsewhere', { headers: from('192.0.2.44') }), deps());
    expect(await refusals()).toBe(21);
  });

  it('the activity log keeps one line per entry: control characters from outside become spaces, and a page start that is no id shows the first page', async () => {
    await audit(db, { at: clock.toISOString(), actor: 'legal@notifyco.example\u0000', action: 'sign-in link not sent', detail: '550 no\u0000such user\r\nsigned in: with an e-mailed link\u001b[31m' });
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor: 'legal@notifyco.example ', detail: '550 no such user  signed in: with an e-mailed link [31m' });
    const first = await auditLog(db, { limit: 5 });
    for (const before of [Infinity, 1e400, 2 ** 53, 99_999_999_999, -1, 0, 1.5, Number.NaN]) {
      expect((await auditLog(db, { limit: 5, before })).map((row) => row.id), String(before)).toEqual(first.map((row) => row.id));
    }
    expect((await auditLog(db, { limit: 4, before: first[0].id })).map((row) => row.id)).toEqual(first.slice(1).map((row) => row.id));
  });
});

describe.each(KINDS)('what needs attention on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDb(await databaseEnv(kind, `desk_attention_${kind}`));
    const row = { subscriber_id: null, created_at: '2026-11-18T14:00:00.000Z', next_attempt_at: '2026-11-18T14:00:00.000Z', scope: null };
    // Stripe's notice (announced 2026-11-16) went out only on the 18th, 28 days before it takes effect; one address refused it.
    await db.insertInto('notices').values({ id: 'day:2026-11-16', created_at: row.created_at, first_sent_at: '2026-11-18T15:00:00.000Z' }).execute();
    await db.insertInto('deliveries').values([
      { ...row, notice_id: 'day:2026-11-16', address: 'a@customer.example', status: 'sent', sent_at: '2026-11-18T15:00:00.000Z', message_id: '<m1@securicomnet.com>', smtp_response: '250 OK' },
      { ...row, notice_id: 'day:2026-11-16', address: 'b@customer.example', status: 'pending' },
      { ...row, notice_id: 'day:2026-11-16', address: 'gone@customer.example', status: 'failed', smtp_response: '550 5.1.1 <gone@customer.example>: unknown user' },
    ]).execute();
  });
  afterAll(() => db.destroy());

  it('shows the changes in progress with their notices, the announcements ahead, failed deliveries and warnings', async () => {
    const found = await attention(db, content, '2026-11-20');
    expect(found.inProgress.map(({ name, event, deadline, notices }) => [name, event.announced, deadline, notices.map((n) => [n.stats?.sent, n.stats?.pending, n.stats?.failed, n.sentOn, n.period])])).toEqual([
      ['Stripe', '2026-11-16', '2026-12-15', [[1, 1, 1, '2026-11-18', 28]]],
    ]);
    expect(found.ahead.map(({ name, event, daysAhead }) => [name, event.announced, daysAhead])).toEqual([['Anthropic', '2026-11-30', 10]]);
    expect(found.failed.map(({ address, response }) => [address, response])).toEqual([['gone@customer.example', '550 5.1.1 <gone@customer.example>: unknown user']]);
    expect(found.warnings.map(({ name, text }) => `${name}: ${text}`)).toEqual([
      'Stripe: Announced as of 2026-11-16, a date already past when it was published: the notice went out on 2026-11-18.',
      'Stripe: The notice went out 28 days before the change takes effect, less than the 30-day notice period.',
    ]);
  });

  it('"were they told?": every e-mail to an address, with its Message-ID and the reply', async () => {
    const found = await lookupAddress(db, 'a@customer.example');
    expect(found.subscription).toBeUndefined();
    expect(found.deliveries.map(({ what, status, sentAt, messageId, response }) => [what, status, sentAt, messageId, response])).toEqual([
      ['Notice of the changes announced on 2026-11-16', 'sent', '2026-11-18T15:00:00.000Z', '<m1@securicomnet.com>', '250 OK'],
    ]);
  });
});

describe.each(KINDS)('objections on the desk on %s', (kind) => {
  const CHANGE = 'anthropic-added-2027-01-04';
  const COUNSEL = 'counsel@notifyco.example';
  let cookie = '';
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: ReturnType<typeof createMailer>;
  let clock: Date;
  let woken = 0;
  let objector: string;
  const env = { DESK_EMAILS: TEAM };
  const deps = (): DeskDeps => ({ db, content, now: clock, secret: 'a-test-secret-of-at-least-32-characters', env, later: () => {}, wake: () => void woken++ });
  const send = () => runNotify({ db, content, mailer, today: '2026-12-02', now: () => clock, secret: 'a-test-secret-of-at-least-32-characters', log: () => {} });
  const resolve = (fields: Record<string, string>, reference = 'OBJ-2026-0001', headers: Record<string, string> = {}) =>
    handleResolve(reference)(request(`/desk/objections/${reference}`, { body: new URLSearchParams(fields).toString(), cookie, headers }), deps());

  beforeAll(async () => {
    db = await openTestDb(await databaseEnv(kind, `desk_objections_${kind}`));
    smtp = await startSmtp(kind === 'sqlite' ? 3374 : 3375);
    mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    [objector] = await addConfirmed(db, 1);
    const submission = { changeId: CHANGE, organisation: 'Customer <b>GmbH</b>', name: 'Dana', grounds: 'Health data.\nNot to the US.', contractReference: 'DPA-7', deadline: '2027-01-03', deadlineAt: '2027-01-04T04:59:59Z', closesAt: '2027-01-04T05:00:00.000Z', receivedAt: '2026-12-01T12:00:00.000Z' };
    await fileFromSubscriber(db, submission, 1, submission.receivedAt, { timeZone: 'America/Toronto', copyTo: 'privacy@securicomnet.com' });
    await signInAt('2026-12-02T15:00:00.000Z');
    await send(); // the receipt and the copy
  });
  /** Moves the clock, and signs in again (a session ends after 30 minutes without a request). */
  async function signInAt(iso: string) {
    clock = new Date(iso);
    await createSession(db, COUNSEL, `objections-session-${iso}`, 'link', iso);
    cookie = `${SESSION_COOKIE}=objections-session-${iso}`;
  }
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await db.destroy();
  });

  it('lists the objection as open, and finds it only by its exact reference', async () => {
    const [open] = await deskRegister(db, content, '2026-12-02', { open: true });
    expect(open).toMatchObject({ reference: 'OBJ-2026-0001', open: true, onTime: true, change: { title: 'Added subprocessor: Anthropic, effective January 4, 2027' } });
    expect((await attention(db, content, '2026-12-02')).objections.map((o) => o.reference)).toEqual(['OBJ-2026-0001']);
    expect((await attention(db, content, '2026-12-02')).inProgress.find((c) => c.key === CHANGE)?.objections).toEqual({ total: 1, late: 0, open: 1 });
    for (const reference of ['OBJ-2026-0002', 'obj-2026-0001', "OBJ-2026-0001' OR 1=1", '']) expect(await deskObjection(db, content, '2026-12-02', reference), reference).toBeUndefined();
  });

  it('resolves an objection: a new state by the member, the objector e-mailed, a line in the activity log', async () => {
    expect((await resolve({ outcome: 'maybe', note: 'x' })).headers.get('location')).toBe('/desk/objections/OBJ-2026-0001?error=outcome#resolve');
    expect((await resolve({ outcome: 'alternative', note: '  ' })).headers.get('location')).toBe('/desk/objections/OBJ-2026-0001?error=note#resolve');
    expect((await resolve({ outcome: 'alternative', note: 'x' }, 'OBJ-2026-0009')).status).toBe(404);
    expect((await resolve({ outcome: 'alternative', note: 'x'.repeat(4001) })).headers.get('location')).toBe('/desk/objections/OBJ-2026-0001?error=long#resolve');
    expect((await resolve({ outcome: 'alternative', note: 'x' }, 'OBJ-2026-0001', { 'content-length': String(1024 * 1024) })).status).toBe(413);
    // Control characters only: nothing is left of the note (a NUL would otherwise stop PostgreSQL).
    expect((await resolve({ outcome: 'alternative', note: '\u0000\u001b\u0007' })).headers.get('location')).toBe('/desk/objections/OBJ-2026-0001?error=note#resolve');
    expect(woken).toBe(0);

    const done = await resolve({ outcome: 'alternative', note: 'EU-hosted model\u0000 offered.\u001b[2J\r\nAgreed on a call.' });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/desk/objections/OBJ-2026-0001?status=emailed');
    expect(woken).toBe(1);
    const record = (await deskObjection(db, content, '2026-12-02', 'OBJ-2026-0001'))!;
    expect(record.open).toBe(false);
    expect(record.states.map(({ state, outcome, note, at, by, notified }) => [state, outcome, note, at, by, notified])).toEqual([
      ['received', undefined, undefined, '2026-12-01T12:00:00.000Z', 'site', false],
      ['resolved', 'alternative', 'EU-hosted model offered.[2J\nAgreed on a call.', clock.toISOString(), COUNSEL, true],
    ]);
    const count = smtp.messages.filter((m) => m.to_ === objector).length;
    await send();
    const outcome = smtp.messages.filter((m) => m.to_ === objector);
    expect(outcome).toHaveLength(count + 1);
    expect(outcome.at(-1)!.subject).toBe('Securicom: outcome of objection OBJ-2026-0001');
    expect(outcome.at(-1)!.text).toContain('Note:\nEU-hosted model offered.[2J\nAgreed on a call.');
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor: COUNSEL, action: 'resolved an objection', detail: 'OBJ-2026-0001: alternative; the objector e-mailed' });
    // "Were they told?" for the objector names each e-mail about the objection.
    expect((await lookupAddress(db, objector)).deliveries.map((d) => [d.what, d.status])).toEqual(expect.arrayContaining([
      ['Objection: its receipt', 'sent'],
      ['Objection: its outcome', 'sent'],
    ]));
  });

  it('a second outcome is added after the first, and can be recorded without e-mailing the objector', async () => {
    await signInAt('2026-12-03T15:00:00.000Z');
    const quiet = await resolve({ outcome: 'withdrawn', note: 'Customer withdrew it by phone.', quiet: 'yes' });
    expect(quiet.headers.get('location')).toBe('/desk/objections/OBJ-2026-0001?status=recorded');
    expect(woken).toBe(1);
    const record = (await deskObjection(db, content, '2026-12-03', 'OBJ-2026-0001'))!;
    expect(record.states.map((state) => [state.outcome ?? state.state, state.notified])).toEqual([['received', false], ['alternative', true], ['withdrawn', false]]);
    expect(await db.selectFrom('deliveries').select('id').where('notice_id', 'like', 'objection-outcome:%').where('status', '=', 'pending').execute()).toEqual([]);
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor: COUNSEL, detail: 'OBJ-2026-0001: withdrawn, replacing alternative; the objector not e-mailed' });
  });

  it('downloads the evidence pack of a change as a JSON file that verifies, and logs it with its hash', async () => {
    const response = await handleEvidence(request('/desk/objections/evidence', { body: `change=${CHANGE}`, cookie }), deps());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pack = JSON.parse(await response.text()) as EvidencePack;
    expect(verifyEvidence(pack)).toBe(true);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="evidence-${CHANGE}-2026-12-03-${pack.sha256.slice(0, 12)}.json"`);
    expect(pack.objections.map((o) => [o.reference, o.states.map((s) => s.outcome ?? s.state)])).toEqual([['OBJ-2026-0001', ['received', 'alternative', 'withdrawn']]]);
    expect((await auditLog(db, { limit: 1 }))[0]).toMatchObject({ actor: COUNSEL, action: 'downloaded an evidence pack', detail: `${CHANGE}, SHA-256 ${pack.sha256}` });
    for (const change of ['no-such-change-2027-01-01', '../../etc/passwd', 'x"; filename="evil.html']) {
      expect((await handleEvidence(request('/desk/objections/evidence', { body: new URLSearchParams({ change }).toString(), cookie }), deps())).status, change).toBe(404);
    }
  });

  it('refuses both from another site with 403, and sends anyone not signed in to the sign-in page', async () => {
    const before = (await deskObjection(db, content, '2026-12-03', 'OBJ-2026-0001'))!.states.length;
    const cross = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    expect((await resolve({ outcome: 'other', note: 'x' }, 'OBJ-2026-0001', cross)).status).toBe(403);
    expect((await handleEvidence(request('/desk/objections/evidence', { body: `change=${CHANGE}`, cookie, headers: cross }), deps())).status).toBe(403);
    // Not signed in: the same answer whether the reference exists or not.
    for (const reference of ['OBJ-2026-0001', 'OBJ-2026-0404']) {
      const anonymous = await handleResolve(reference)(request(`/desk/objections/${reference}`, { body: 'outcome=other&note=x', cookie: `${SESSION_COOKIE}=made-up` }), deps());
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.get('location')).toBe('/desk');
    }
    const anonymous = await handleEvidence(request('/desk/objections/evidence', { body: `change=${CHANGE}` }), deps());
    expect(anonymous.headers.get('location')).toBe('/desk');
    expect((await deskObjection(db, content, '2026-12-03', 'OBJ-2026-0001'))!.states).toHaveLength(before);
  });
});

describe('the session cookie', () => {
  const site = (url: string) => ({ url });
  const at = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });
  it('is Secure when the site is served over https, by its url, the request, or a trusted proxy', () => {
    expect(secureCookies(site('https://example.com'), at('http://localhost:3000/desk'), {})).toBe(true);
    expect(secureCookies(site('http://localhost:3300'), at('https://localhost:3300/desk'), {})).toBe(true);
    expect(secureCookies(site('http://localhost:3300'), at('http://localhost:3300/desk'), {})).toBe(false);
    // X-Forwarded-Proto counts only with TRUST_PROXY: otherwise any client could write it.
    expect(secureCookies(site('http://intranet'), at('http://intranet/desk', { 'x-forwarded-proto': 'https' }), {})).toBe(false);
    expect(secureCookies(site('http://intranet'), at('http://intranet/desk', { 'x-forwarded-proto': 'https' }), { TRUST_PROXY: '1' })).toBe(true);
  });
});
