import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleConfirm, handleSubscribe, handleUnsubscribe, LIMITS, type FormDeps } from '../../lib/notify/forms';
import { runNotify } from '../../lib/notify/job';
import { createMailer } from '../../lib/notify/mailer';
import { eraseAddress, noticeSentTimes, subscriberCounts } from '../../lib/notify/queries';
import type { Db } from '../../lib/notify/db';
import { databaseEnv, KINDS, noticeContent, openTestDb, startSmtp } from './notify/helpers';

const { content } = noticeContent();
const ORIGIN = 'http://localhost:3300';

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3300', origin: ORIGIN, 'sec-fetch-site': 'same-origin', 'x-forwarded-for': '203.0.113.7', ...headers },
  });
}

describe.each(KINDS)('subscriptions on %s', (kind) => {
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let tokens: string[];
  let clock: Date;
  let deps: () => FormDeps;
  let formMailer: ReturnType<typeof createMailer>;
  const port = kind === 'sqlite' ? 3311 : 3312;

  beforeAll(async () => {
    db = await openTestDb(await databaseEnv(kind, `forms_${kind}`));
    smtp = await startSmtp(port);
    const mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    formMailer = mailer;
    tokens = [];
    clock = new Date('2026-11-23T15:00:00Z');
    let n = 0;
    deps = () => ({ db, content, mailer, now: clock, today: clock.toISOString().slice(0, 10), token: () => {
      const token = `token-${kind}-${++n}`;
      tokens.push(token);
      return token;
    }, log: () => {} });
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
    expect(smtp.messages).toHaveLength(1);
    const confirmation = smtp.messages[0];
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
    const welcome = await runNotify({ db, content, mailer, today: '2026-11-23', now: () => clock, token: deps().token, log: (line) => log.push(line) });
    expect(welcome).toMatchObject({ sent: 1, failed: 0 });
    const welcomeMail = smtp.messages[1];
    expect(welcomeMail.subject).toBe('Securicom: you are subscribed to subprocessor changes');
    expect(welcomeMail.text).toContain('One change is announced and not yet in effect:\n\nAdded subprocessor: Stripe, effective December 16, 2026');
    // The day before it takes effect, to the end of that day in the site's time zone.
    expect(welcomeMail.text).toContain('write to privacy@securicomnet.com by 23:59 EST on December 15, 2026');

    // A week later the Anthropic addition is announced: one e-mail, with its dates and links.
    clock = new Date('2026-11-30T14:00:00Z');
    const day = await runNotify({ db, content, mailer, today: '2026-11-30', now: () => clock, token: deps().token, log: (line) => log.push(line) });
    expect(day).toMatchObject({ queued: 1, sent: 1, failed: 0 });
    const notice = smtp.messages[2];
    expect(notice.to_).toBe('jane.doe@example.com');
    expect(notice.subject).toBe('Securicom: Added subprocessor: Anthropic, effective January 4, 2027');
    expect(notice.text).toContain('Securicom will add Anthropic to its list of subprocessors for Securicom Central on January 4, 2027.');
    expect(notice.text).toContain('If you object to this change, write to privacy@securicomnet.com by 23:59 EST on January 3, 2027');
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
  });

  it('answers the same whatever the address state, and mails a confirmation at most every 10 minutes', async () => {
    clock = new Date('2026-12-01T09:00:00Z');
    const before = smtp.messages.length;
    const ask = async (email: string) => (await handleSubscribe(post('/subprocessors/subscribe', `email=${encodeURIComponent(email)}`, { 'x-forwarded-for': `198.51.100.${before}` }), deps())).headers.get('location');
    // unsubscribed (from the test above), new, pending (asked again at once)
    expect([await ask('jane.doe@example.com'), await ask('new@example.com'), await ask('new@example.com')]).toEqual(Array(3).fill('/subprocessors/subscribe?status=sent'));
    expect(smtp.messages.slice(before).map((m) => m.to_)).toEqual(['jane.doe@example.com', 'new@example.com']);
    clock = new Date('2026-12-01T09:10:01Z');
    await ask('new@example.com');
    expect(smtp.messages.slice(before).map((m) => m.to_)).toEqual(['jane.doe@example.com', 'new@example.com', 'new@example.com']);
  });

  it('refuses hostile input: header injection, 10 KB, Unicode, cross-site posts, 1,000 requests from one IP', async () => {
    clock = new Date('2026-12-02T09:00:00Z');
    const before = smtp.messages.length;
    const location = async (body: string, headers: Record<string, string> = {}) => {
      const response = await handleSubscribe(post('/subprocessors/subscribe', body, { 'x-forwarded-for': '192.0.2.1', ...headers }), deps());
      return `${response.status} ${response.headers.get('location') ?? (await response.text())}`;
    };
    expect(await location(`email=${encodeURIComponent('a@example.com\r\nBcc: everyone@example.com')}`)).toBe('303 /subprocessors/subscribe?error=format');
    expect(await location(`email=${encodeURIComponent('a@example.com%0ABcc:x@y.z')}`)).toBe('303 /subprocessors/subscribe?error=local');
    expect(await location(`email=${'a'.repeat(10_000)}%40example.com`)).toBe('303 /subprocessors/subscribe?error=long');
    expect(await location(`email=${encodeURIComponent('jörg@example.com')}`)).toBe('303 /subprocessors/subscribe?error=local');
    expect(await location(`email=${encodeURIComponent('anna@bücher.de')}`)).toBe('303 /subprocessors/subscribe?status=sent');
    expect(smtp.messages.length - before).toBe(1);
    expect(await db.selectFrom('subscribers').select('email').where('email', 'like', 'anna@%').execute()).toEqual([{ email: 'anna@xn--bcher-kva.de' }]);
    expect(await location('email=x%40example.com', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' })).toBe('403 Forms on this site can be sent only from its own pages.');
    expect(await location('email=x%40example.com', { 'sec-fetch-site': 'cross-site' })).toMatch(/^403 /);
    // A bot fills in the hidden field: same answer, nothing stored or sent.
    expect(await location('email=bot%40example.com&website=http%3A%2F%2Fspam.example', { 'x-forwarded-for': '192.0.2.2' })).toBe('303 /subprocessors/subscribe?status=sent');

    const statuses: number[] = [];
    for (let i = 0; i < 1000; i++) {
      statuses.push((await handleSubscribe(post('/subprocessors/subscribe', `email=flood${i}%40example.com`, { 'x-forwarded-for': '192.0.2.99' }), deps())).status);
    }
    expect(statuses.filter((s) => s === 303)).toHaveLength(LIMITS.ip);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1000 - LIMITS.ip);
    expect(smtp.messages.length - before).toBe(1 + LIMITS.ip);
    const emails = (await db.selectFrom('subscribers').select('email').execute()).map((row) => row.email);
    expect(emails.filter((email) => email.startsWith('flood'))).toHaveLength(LIMITS.ip);
    expect(emails).not.toContain('bot@example.com');
  });

  it('welcomes a subscriber who confirms on the day a removal is announced with that removal, and every other upcoming change', async () => {
    const removing = { ...content, subprocessors: content.subprocessors.map((entry) => (entry.slug === 'sentry' ? { ...entry, history: [...entry.history, { change: 'removed' as const, announced: '2026-12-01', effective: '2026-12-31' }] } : entry)) };
    const onTheDay = () => ({ ...deps(), content: removing, now: new Date('2026-12-01T15:00:00Z'), today: '2026-12-01' });
    await handleSubscribe(post('/subprocessors/subscribe', 'email=removal%40example.com&website=', { 'x-forwarded-for': '198.51.100.9' }), onTheDay());
    expect((await handleConfirm(post(`/subprocessors/subscribe/confirm?token=${tokens.at(-1)}`, '', { 'x-forwarded-for': '198.51.100.9' }), onTheDay())).headers.get('location')).toBe('/subprocessors/subscribe/confirm?status=confirmed');
    const before = smtp.messages.length;
    const mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    await runNotify({ db, content: removing, mailer, today: '2026-12-01', now: () => new Date('2026-12-01T15:00:00Z'), token: deps().token, log: () => {} });
    mailer.close();
    const welcome = smtp.messages.slice(before).find((message) => message.to_ === 'removal@example.com' && message.subject?.includes('you are subscribed'))!;
    expect(welcome.text).toContain('3 changes are announced and not yet in effect:\n\nAdded subprocessor: Stripe, effective December 16, 2026');
    expect(welcome.text).toContain('Removed subprocessor: Sentry, effective December 31, 2026');
    // Nothing to object to in a removal: the questions address instead of a deadline.
    expect(welcome.text).toMatch(/Removed subprocessor: Sentry[\s\S]*Questions: privacy@securicomnet\.com\./);
  });

  it('erases an address everywhere and keeps the counts of the delivery log', async () => {
    const sentBefore = await db.selectFrom('deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow();
    expect(await eraseAddress(db, 'jane.doe@example.com')).toBe(true);
    expect(await db.selectFrom('subscribers').selectAll().where('email', '=', 'jane.doe@example.com').execute()).toEqual([]);
    const rows = await db.selectFrom('deliveries').select(['address', 'subscriber_id', 'status']).where('address', '=', 'erased').execute();
    expect(rows).toEqual([{ address: 'erased', subscriber_id: null, status: 'sent' }, { address: 'erased', subscriber_id: null, status: 'sent' }]);
    const sentAfter = await db.selectFrom('deliveries').select((eb) => eb.fn.countAll<number>().as('n')).where('status', '=', 'sent').executeTakeFirstOrThrow();
    expect(Number(sentAfter.n)).toBe(Number(sentBefore.n));
    expect(await db.selectFrom('deliveries').select('id').where('address', '=', 'jane.doe@example.com').execute()).toEqual([]);
  });
});
