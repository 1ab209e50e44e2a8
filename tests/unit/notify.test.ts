import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addressKey, handleConfirm, handleSubscribe, handleUnsubscribe, LIMITS, type FormDeps } from '../../lib/notify/forms';
import { peerHeader } from '../../lib/notify/client';
import { runNotify } from '../../lib/notify/job';
import { createMailer } from '../../lib/notify/mailer';
import { eraseAddress, noticeSentTimes, subscriberCounts } from '../../lib/notify/queries';
import { keyedHash } from '../../lib/notify/secret';
import type { Db } from '../../lib/notify/db';
import { databaseEnv, KINDS, noticeContent, openTestDb, startSmtp } from './notify/helpers';

const { content } = noticeContent();
const ORIGIN = 'http://localhost:3300';
const SECRET = 'a-test-secret-of-at-least-32-characters';

/** The header this server's own hook writes with the socket's address. */
const peer = (address: string) => Object.fromEntries([peerHeader(address)]);

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3300', origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...peer('203.0.113.7'), ...headers },
  });
}

describe.each(KINDS)('subscriptions on %s', (kind) => {
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let tokens: string[];
  let clock: Date;
  let deps: () => FormDeps;
  let formMailer: ReturnType<typeof createMailer>;
  let token: () => string;
  let wakes = 0;
  let jobLog: string[];
  const port = kind === 'sqlite' ? 3311 : 3312;
  /** The notify job's run, as the scheduler or a wake would start it. */
  const send = () => runNotify({ db, content, mailer: formMailer, today: clock.toISOString().slice(0, 10), now: () => clock, token, log: (line) => jobLog.push(line) });

  beforeAll(async () => {
    db = await openTestDb(await databaseEnv(kind, `forms_${kind}`));
    smtp = await startSmtp(port, (to) => (to.startsWith('refused') ? { code: 550, message: `5.1.1 <${to}>: Recipient address rejected: User unknown` } : undefined));
    formMailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    tokens = [];
    jobLog = [];
    clock = new Date('2026-11-23T15:00:00Z');
    let n = 0;
    token = () => {
      const next = `token-${kind}-${++n}`;
      tokens.push(next);
      return next;
    };
    deps = () => ({ db, content, now: clock, today: clock.toISOString().slice(0, 10), secret: SECRET, wake: () => wakes++ });
  });
  afterAll(async () => {
    formMailer.close();
    await smtp.close();
    await db.destroy();
  });

  it('subscribes, confirms by POST only, welcomes, notifies on the announcement day and unsubscribes at once', async () => {
    const response = await handleSubscribe(post('/subprocessors/subscribe', 'email=Jane.Doe%40Example.com&website='), deps());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/subprocessors/subscribe?status=sent');
    // Queued, not sent while the visitor waits: the job sends it.
    expect(smtp.messages).toHaveLength(0);
    expect(await send()).toMatchObject({ sent: 1, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const confirmation = smtp.messages[0];
    // The Message-ID says which request it answers, never a bit of the link's token.
    expect(confirmation.messageId).toMatch(/^<confirm-2026-11-23T15-00-00\.000Z\.\d+\.[0-9a-f]{16}@securicomnet\.com>$/);
    expect(confirmation.messageId).not.toContain(tokens[0]);
    expect(confirmation.to_).toBe('jane.doe@example.com');
    expect(confirmation.subject).toBe('Securicom: confirm your subscription to subprocessor changes');
    const link = `http://localhost:3300/subprocessors/subscribe/confirm?token=${tokens[0]}`;
    expect(confirmation.text).toContain(link);
    expect(await subscriberCounts(db)).toEqual({ pending: 1 });

    const confirmed = await handleConfirm(post(`/subprocessors/subscribe/confirm?token=${tokens[0]}`, ''), deps());
    expect(confirmed.headers.get('location')).toBe('/subprocessors/subscribe/confirm?status=confirmed');
    expect(await subscriberCounts(db)).toEqual({ confirmed: 1 });
    // A link works once.
    expect((await handleConfirm(post(`/subprocessors/subscribe/confirm?token=${tokens[0]}`, ''), deps())).headers.get('location')).toBe('/subprocessors/subscribe/confirm?status=invalid');

    const mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    const log: string[] = [];
    const welcome = await runNotify({ db, content, mailer, today: '2026-11-23', now: () => clock, token, log: (line) => log.push(line) });
    expect(welcome).toMatchObject({ sent: 1, failed: 0 });
    const welcomeMail = smtp.messages[1];
    expect(welcomeMail.subject).toBe('Securicom: you are subscribed to subprocessor changes');
    expect(welcomeMail.text).toContain('One change is announced and not yet in effect:\n\nAdded subprocessor: Stripe, effective December 16, 2026');
    // The day before it takes effect, to the end of that day in the site's time zone.
    expect(welcomeMail.text).toContain('Object by 23:59 EST on December 15, 2026 with this form: http://localhost:3300/subprocessors/object?change=stripe-added-2026-12-16\nQuestions about objecting: privacy@securicomnet.com.');

    // A week later the Anthropic addition is announced: one e-mail, with its dates and links.
    clock = new Date('2026-11-30T14:00:00Z');
    const day = await runNotify({ db, content, mailer, today: '2026-11-30', now: () => clock, token, log: (line) => log.push(line) });
    expect(day).toMatchObject({ queued: 1, sent: 1, failed: 0 });
    const notice = smtp.messages[2];
    expect(notice.to_).toBe('jane.doe@example.com');
    expect(notice.subject).toBe('Securicom: adding Anthropic \u2014 object by January 3, 2027');
    expect(notice.text).toContain('Securicom will add Anthropic to its list of subprocessors for Securicom Central on January 4, 2027.');
    expect(notice.text).toContain('Added subprocessor: Anthropic, effective January 4, 2027\nObject by 23:59 EST on January 3, 2027 with this form: http://localhost:3300/subprocessors/object?change=anthropic-added-2027-01-04');
    expect(notice.text).toContain('The list as of November 30, 2026: http://localhost:3300/subprocessors/history/2026-11-30');
    // Content is escaped in the HTML part, never markup.
    expect(notice.html).toContain('Summaries of &#60;b&#62;work orders&#60;/b&#62; &#38; &#34;notes&#34;.');
    expect(notice.html).not.toContain('<b>work orders</b>');
    const unsubscribeUrl = `http://localhost:3300/subprocessors/unsubscribe?token=${tokens.at(-1)}`;
    const header = (key: string) => notice.headerLines.find((line) => line.key === key)?.line.replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${unsubscribeUrl}>`);
    expect(notice.messageId).toMatch(/^<day-2026-11-30\.\d+\.[0-9a-f]{16}@securicomnet\.com>$/);
    expect(await noticeSentTimes(db)).toEqual(new Map([['welcome:2026-11-23', '2026-11-23T15:00:00.000Z'], ['day:2026-11-30', '2026-11-30T14:00:00.000Z']]));

    // Running again sends nothing: exactly once.
    expect(await runNotify({ db, content, mailer, today: '2026-11-30', now: () => clock, log: () => {} })).toMatchObject({ queued: 0, sent: 0 });

    // RFC 8058 one-click: a POST from the mail provider, without Origin.
    const gone = await handleUnsubscribe(new Request(unsubscribeUrl, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), deps());
    expect(gone.headers.get('location')).toBe('/subprocessors/unsubscribe?status=done');
    expect(await subscriberCounts(db)).toEqual({ unsubscribed: 1 });
    mailer.close();
    expect(smtp.messages).toHaveLength(3);

    // The next clean-up deletes the address and its tokens; the used link still answers, from a bare hash.
    expect(await send()).toMatchObject({ sent: 0 });
    expect(await subscriberCounts(db)).toEqual({});
    expect(await db.selectFrom('tokens').select('hash').execute()).toEqual([]);
    const again = await handleUnsubscribe(new Request(unsubscribeUrl, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), deps());
    expect(again.headers.get('location')).toBe('/subprocessors/unsubscribe?status=done');
    expect(await db.selectFrom('spent_tokens').select('hash').execute()).toContainEqual({ hash: createHash('sha256').update(tokens.at(-1)!).digest('hex') });
    // The delivery log, the proof of notice, keeps its rows without the link to a subscriber.
    expect(await db.selectFrom('deliveries').select(['address', 'subscriber_id', 'status']).where('notice_id', 'not like', 'confirm:%').orderBy('id').execute()).toEqual([
      { address: 'jane.doe@example.com', subscriber_id: null, status: 'sent' },
      { address: 'jane.doe@example.com', subscriber_id: null, status: 'sent' },
    ]);
  });

  it('answers the same whatever the address state, and mails a confirmation at most every 10 minutes', async () => {
    clock = new Date('2026-12-01T09:00:00Z');
    const before = smtp.messages.length;
    const ask = async (email: string) => (await handleSubscribe(post('/subprocessors/subscribe', `email=${encodeURIComponent(email)}`, peer(`198.51.100.${before}`)), deps())).headers.get('location');
    // deleted after unsubscribing (the test above), new, pending (asked again at once)
    expect([await ask('jane.doe@example.com'), await ask('new@example.com'), await ask('new@example.com')]).toEqual(Array(3).fill('/subprocessors/subscribe?status=sent'));
    await send();
    // Two confirmations, in whichever order the job's workers sent them.
    expect(smtp.messages.slice(before).map((m) => m.to_).sort()).toEqual(['jane.doe@example.com', 'new@example.com']);
    clock = new Date('2026-12-01T09:10:01Z');
    await ask('new@example.com');
    await send();
    // Ten minutes later, one more to the address asked again (the first two in either order, as above).
    expect(smtp.messages.slice(before + 2).map((m) => m.to_)).toEqual(['new@example.com']);
  });

  it('refuses hostile input: header injection, 10 KB, Unicode, cross-site posts, 1,000 requests from one IP', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const before = smtp.messages.length;
    const location = async (body: string, headers: Record<string, string> = {}) => {
      const response = await handleSubscribe(post('/subprocessors/subscribe', body, { ...peer('192.0.2.1'), ...headers }), deps());
      return `${response.status} ${response.headers.get('location') ?? (await response.text())}`;
    };
    expect(await location(`email=${encodeURIComponent('a@example.com\r\nBcc: everyone@example.com')}`)).toBe('303 /subprocessors/subscribe?error=format');
    expect(await location(`email=${encodeURIComponent('a@example.com%0ABcc:x@y.z')}`)).toBe('303 /subprocessors/subscribe?error=local');
    expect(await location(`email=${'a'.repeat(1_000)}%40example.com`)).toBe('303 /subprocessors/subscribe?error=long');
    expect(await location(`email=${'a'.repeat(10_000)}%40example.com`)).toMatch(/^413 /);
    expect(await location(`email=${encodeURIComponent('jörg@example.com')}`)).toBe('303 /subprocessors/subscribe?error=local');
    expect(await location(`email=${encodeURIComponent('anna@bücher.de')}`)).toBe('303 /subprocessors/subscribe?status=sent');
    await send();
    expect(smtp.messages.length - before).toBe(1);
    expect(await db.selectFrom('subscribers').select('email').where('email', 'like', 'anna@%').execute()).toEqual([{ email: 'anna@xn--bcher-kva.de' }]);
    expect(await location('email=x%40example.com', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBe('403 Forms on this site can be sent only from its own pages.');
    expect(await location('email=x%40example.com', { 'sec-fetch-site': 'cross-site' })).toMatch(/^403 /);
    // A bot fills in the hidden field: same answer, nothing stored or sent.
    expect(await location('email=bot%40example.com&website=http%3A%2F%2Fspam.example', peer('192.0.2.2'))).toBe('303 /subprocessors/subscribe?status=sent');

    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) {
      statuses.push((await handleSubscribe(post('/subprocessors/subscribe', `email=flood${i}%40example.com`, peer('192.0.2.99')), deps())).status);
    }
    await send();
    expect(statuses.filter((s) => s === 303)).toHaveLength(LIMITS.ip);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1000 - LIMITS.ip);
    expect(smtp.messages.length - before).toBe(1 + LIMITS.ip);
    const emails = (await db.selectFrom('subscribers').select('email').execute()).map((row) => row.email);
    expect(emails.filter((email) => email.startsWith('flood'))).toHaveLength(LIMITS.ip);
    expect(emails).not.toContain('bot@example.com');
  });

  it('welcomes a subscriber who confirms on the day a removal is announced with that removal, and every other upcoming change', async () => {
    const removing = { ...content, subprocessors: content.subprocessors.map((entry) => (entry.slug === 'sentry' ? { ...entry, history: [...entry.history, { change: 'removed' as const, announced: '2026-12-01', effective: '2026-12-31' }] } : entry)) };
    clock = new Date('2026-12-01T15:00:00Z');
    const onTheDay = () => ({ ...deps(), content: removing });
    await handleSubscribe(post('/subprocessors/subscribe', 'email=removal%40example.com&website=', peer('198.51.100.9')), onTheDay());
    await runNotify({ db, content: removing, mailer: formMailer, today: '2026-12-01', now: () => clock, token, log: () => {} });
    expect((await handleConfirm(post(`/subprocessors/subscribe/confirm?token=${tokens.at(-1)}`, '', peer('198.51.100.9')), onTheDay())).headers.get('location')).toBe('/subprocessors/subscribe/confirm?status=confirmed');
    const before = smtp.messages.length;
    await runNotify({ db, content: removing, mailer: formMailer, today: '2026-12-01', now: () => clock, token, log: () => {} });
    const welcome = smtp.messages.slice(before).find((message) => message.to_ === 'removal@example.com' && message.subject?.includes('you are subscribed'))!;
    expect(welcome.text).toContain('3 changes are announced and not yet in effect:\n\nAdded subprocessor: Stripe, effective December 16, 2026');
    expect(welcome.text).toContain('Removed subprocessor: Sentry, effective December 31, 2026');
    // Nothing to object to in a removal: the questions address instead of a deadline.
    expect(welcome.text).toMatch(/Removed subprocessor: Sentry[\s\S]*Questions: privacy@securicomnet\.com\./);
  });

  it('erases an address everywhere, cancels what was queued for it and keeps the counts of the delivery log', async () => {
    const sentBefore = await db.selectFrom('deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow();
    // A request whose confirmation is still queued when the erasure comes.
    clock = new Date('2026-12-05T09:00:00Z');
    await handleSubscribe(post('/subprocessors/subscribe', 'email=jane.doe%40example.com', peer('192.0.2.70')), deps());
    expect(await eraseAddress(db, 'jane.doe@example.com', addressKey(SECRET, 'jane.doe@example.com'))).toBe(true);
    expect(await db.selectFrom('subscribers').selectAll().where('email', '=', 'jane.doe@example.com').execute()).toEqual([]);
    const rows = await db.selectFrom('deliveries').select(['address', 'subscriber_id', 'status']).where('address', '=', 'erased').orderBy('id').execute();
    expect(rows.map((row) => row.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'cancelled']);
    expect(rows.every((row) => row.subscriber_id === null)).toBe(true);
    const before = smtp.messages.length;
    await send();
    expect(smtp.messages.length).toBe(before);
    const sentAfter = await db.selectFrom('deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow();
    expect(Number(sentAfter.n)).toBe(Number(sentBefore.n));
    expect(await db.selectFrom('deliveries').select('id').where('address', '=', 'jane.doe@example.com').execute()).toEqual([]);
  });

  it('counts the socket address per IP: not X-Forwarded-For, not a copied peer header; IPv6 by its /64', async () => {
    clock = new Date('2026-12-06T09:00:00Z');
    const refused = async (headers: (i: number) => Record<string, string>) => {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await handleSubscribe(post('/subprocessors/subscribe', `email=spoof${i}%40example.com`, headers(i)), deps())).status);
      return statuses.filter((status) => status === 429).length;
    };
    // One client making up a new X-Forwarded-For (and X-Real-IP) for each request.
    expect(await refused((i) => ({ ...peer('192.0.2.50'), 'x-forwarded-for': `10.0.${i}.1`, 'x-real-ip': `10.1.${i}.1` }))).toBe(25 - LIMITS.ip);
    // A client that sends the peer header itself, without this process's key: not believed.
    expect(await refused((i) => ({ 'x-subprocessors-peer': `00000000 10.2.${i}.1` }))).toBe(25 - LIMITS.ip);
    // Every address of one IPv6 /64 is one client; the next /64 is another.
    expect(await refused((i) => peer(`2001:db8:1:2::${(i + 1).toString(16)}`))).toBe(25 - LIMITS.ip);
    expect(await refused((i) => peer(`2001:db8:1:3:${i + 1}::1`))).toBe(25 - LIMITS.ip);
    expect((await handleSubscribe(post('/subprocessors/subscribe', 'email=v6%40example.com', peer('2001:db8:1:4::1')), deps())).status).toBe(303);
    // Behind a proxy that TRUST_PROXY names: its view of the client, whatever the client wrote before it.
    const proxied = (i: number) => ({ ...peer('192.0.2.200'), 'x-forwarded-for': `10.3.${i}.1, 198.51.100.77` });
    const trusting = () => ({ ...deps(), env: { TRUST_PROXY: '1' } });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await handleSubscribe(post('/subprocessors/subscribe', `email=proxied${i}%40example.com`, proxied(i)), trusting())).status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(25 - LIMITS.ip);
    // Rate-limit keys are keyed hashes: without the server's secret, hashing every IPv4 address finds none.
    const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((row) => row.key);
    expect(keys).not.toContain(createHash('sha256').update('ip:192.0.2.50').digest('hex'));
    expect(keys).toContain(keyedHash(SECRET, 'ip:192.0.2.50'));
    expect(keys).toContain(keyedHash(SECRET, 'ip:2001:db8:1:2::/64'));
  });

  it('answers at once and alike for a new, a pending and a confirmed address, however slow the SMTP server', async () => {
    const slow = await startSmtp(port + 4, undefined, { delayMs: 600 });
    const slowMailer = createMailer(content.site, { kind: 'smtp', url: slow.url });
    const runs: Promise<unknown>[] = [];
    clock = new Date('2026-12-07T09:00:00Z');
    // As in the server: the job is started and not waited for.
    const background = { mailer: slowMailer, wake: () => void runs.push(runNotify({ db, content, mailer: slowMailer, today: '2026-12-07', now: () => clock, token, log: () => {} })) };
    await db.insertInto('subscribers').values({ email: 'member@example.com', status: 'confirmed', created_at: clock.toISOString(), confirmed_at: clock.toISOString(), confirmed_on: '2026-12-07' }).execute();
    await db.insertInto('subscribers').values({ email: 'waiting@example.com', status: 'pending', created_at: clock.toISOString(), confirm_sent_at: clock.toISOString() }).execute();
    const timings = new Map<string, number[]>();
    let ip = 0;
    for (let round = 0; round < 3; round++) {
      for (const email of ['member@example.com', 'waiting@example.com', `fresh${round}@example.com`]) {
        const started = performance.now();
        const response = await handleSubscribe(post('/subprocessors/subscribe', `email=${encodeURIComponent(email)}`, peer(`198.51.100.${200 + ++ip}`)), { ...deps(), ...background });
        expect(response.headers.get('location')).toBe('/subprocessors/subscribe?status=sent');
        const kind = email.replace(/\d/, '');
        timings.set(kind, [...(timings.get(kind) ?? []), performance.now() - started]);
      }
    }
    const slowest = new Map([...timings].map(([kind, times]) => [kind, Math.max(...times)]));
    // Well under one SMTP transaction (600 ms), and no state stands out.
    for (const time of slowest.values()) expect(time).toBeLessThan(200);
    expect(Math.max(...slowest.values()) - Math.min(...slowest.values())).toBeLessThan(100);
    await Promise.all(runs);
    // The fresh addresses got their confirmations all the same; the others nothing.
    const mailed = slow.messages.map((m) => m.to_);
    expect(mailed).toEqual(expect.arrayContaining(['fresh0@example.com', 'fresh1@example.com', 'fresh2@example.com']));
    expect(mailed.filter((to) => to === 'member@example.com' || to === 'waiting@example.com')).toEqual([]);
    slowMailer.close();
    await slow.close();
  }, 60_000);

  it('refuses a huge body without reading it: 413 by its declared length, or as soon as the stream passes 4 KB', async () => {
    clock = new Date('2026-12-07T10:00:00Z');
    let pulled = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 65_536;
        controller.enqueue(new Uint8Array(65_536).fill(0x61));
        if (pulled >= 256 * 2 ** 20) controller.close();
      },
    });
    const streamed = new Request(`${ORIGIN}/subprocessors/subscribe`, { method: 'POST', body: huge, duplex: 'half', headers: post('/', '', peer('192.0.2.80')).headers } as RequestInit);
    const response = await handleSubscribe(streamed, deps());
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(2 ** 20);
    const declared = post('/subprocessors/subscribe', 'email=a%40example.com', { ...peer('192.0.2.81'), 'content-length': String(256 * 2 ** 20) });
    expect((await handleSubscribe(declared, deps())).status).toBe(413);
    // The Confirm and Unsubscribe buttons send nothing but their link: a declared body is refused too.
    const button = (action: string) => post(`/subprocessors/${action}?token=x`, '', { ...peer('192.0.2.82'), 'content-length': String(20 * 2 ** 20) });
    expect((await handleConfirm(button('subscribe/confirm'), deps())).status).toBe(413);
    expect((await handleUnsubscribe(button('unsubscribe'), deps())).status).toBe(413);
  });

  it('only a real confirmation starts the notify job; anonymous posts with made-up tokens do not', async () => {
    clock = new Date('2026-12-07T11:00:00Z');
    wakes = 0;
    for (const bogus of ['', 'x', 'a'.repeat(43), '../../etc']) {
      expect((await handleConfirm(post(`/subprocessors/subscribe/confirm?token=${encodeURIComponent(bogus)}`, '', peer('192.0.2.90')), deps())).headers.get('location')).toBe('/subprocessors/subscribe/confirm?status=invalid');
    }
    expect(wakes).toBe(0);
    await handleSubscribe(post('/subprocessors/subscribe', 'email=woken%40example.com', peer('192.0.2.91')), deps());
    expect(wakes).toBe(1);
    await send();
    expect((await handleConfirm(post(`/subprocessors/subscribe/confirm?token=${tokens.at(-1)}`, '', peer('192.0.2.90')), deps())).headers.get('location')).toBe('/subprocessors/subscribe/confirm?status=confirmed');
    expect(wakes).toBe(2);
  });

  it('simultaneous requests for one address send one confirmation', async () => {
    // An address asked for before: its last confirmation is over 10 minutes old, so each of the requests may find it due.
    clock = new Date('2026-12-07T11:45:00Z');
    await handleSubscribe(post('/subprocessors/subscribe', 'email=race%40example.com', peer('203.0.113.99')), deps());
    await send();
    clock = new Date('2026-12-07T12:00:00Z');
    const before = smtp.messages.length;
    await Promise.all(Array.from({ length: 10 }, (_, i) => handleSubscribe(post('/subprocessors/subscribe', 'email=race%40example.com', peer(`203.0.113.${100 + i}`)), deps())));
    await send();
    expect(smtp.messages.slice(before).filter((m) => m.to_ === 'race@example.com')).toHaveLength(1);
  });

  it('keeps subscriber addresses out of the server log: SMTP refusals and outbox files', async () => {
    clock = new Date('2026-12-07T13:00:00Z');
    jobLog = [];
    const logged: string[] = [];
    await handleSubscribe(post('/subprocessors/subscribe', 'email=refused%40example.com', peer('192.0.2.95')), deps());
    expect(await send()).toMatchObject({ failed: 1 });
    // The SMTP server's answer, which names the address, is in the delivery log, not the server's.
    expect(await db.selectFrom('deliveries').select('smtp_response').where('address', '=', 'refused@example.com').execute()).toEqual([{ smtp_response: '550 5.1.1 <refused@example.com>: Recipient address rejected: User unknown' }]);
    const outbox = fs.mkdtempSync(path.join(os.tmpdir(), 'outbox-'));
    const files = createMailer(content.site, { kind: 'outbox', dir: outbox }, (line) => logged.push(line));
    await files.send({ to: 'quiet@example.com', messageId: '<x@securicomnet.com>', message: { subject: 'Hello', text: 'Hi', html: '<p>Hi</p>' } });
    files.close();
    expect(logged.length + jobLog.length).toBeGreaterThan(0);
    expect([...logged, ...jobLog].filter((line) => /refused@|quiet@/.test(line))).toEqual([]);
  });
});
