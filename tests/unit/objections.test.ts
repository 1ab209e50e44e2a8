import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { peerHeader } from '../../lib/notify/client';
import type { FormDeps } from '../../lib/notify/forms';
import { runNotify } from '../../lib/notify/job';
import { createMailer } from '../../lib/notify/mailer';
import { eraseAddress } from '../../lib/notify/queries';
import { buildEvidence, confirmLinkState, fileFromSubscriber, handleObjection, handleObjectionConfirm, objectionFormState, objectionRecord, objectionRegister, personalToken, readDraft, resolveObjection, verifyEvidence } from '../../lib/notify/objections';
import { hashToken } from '../../lib/notify/queries';
import { isObjectable, objectionTarget } from '../../lib/publish/objection';
import { openDatabase, migrate, type Db } from '../../lib/notify/db';
import { addConfirmed, databaseEnv, KINDS, noticeContent, openTestDb, startSmtp } from './notify/helpers';

const { content } = noticeContent();
const ORIGIN = 'http://localhost:3300';
const SECRET = 'a-test-secret-of-at-least-32-characters';
const CHANGE = 'anthropic-added-2027-01-04';
const GROUNDS = 'We do not accept transfers of <ticket> text to the US & object under clause 9.\nSecond line.';

function post(pathname: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}${pathname}`, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3300', origin: ORIGIN, 'sec-fetch-site': 'same-origin', ...Object.fromEntries([peerHeader('203.0.113.9')]), ...headers },
  });
}

/** Where a refusal sends the browser: the draft's key from the address, and the browser's draft cookie. */
function draftOf(response: Response): { key: string; browser: string } {
  const key = new URL(response.headers.get('location')!, ORIGIN).searchParams.get('draft')!;
  const browser = /^objection-draft=([\w-]+); Path=\/subprocessors\/object; HttpOnly; SameSite=Lax; Max-Age=3600$/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  return { key, browser: browser! };
}

const form = (extra: Record<string, string> = {}) => ({ change: CHANGE, organisation: 'Customer GmbH', name: 'Dana Privacy', grounds: GROUNDS, reference: 'DPA-2025-17', ...extra });

describe.each(KINDS)('objections on %s', (kind) => {
  let db: Db;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: ReturnType<typeof createMailer>;
  let clock: Date;
  let n = 0;
  const tokens: string[] = [];
  const token = () => {
    tokens.push(`objection-token-${kind}-${++n}`);
    return tokens.at(-1)!;
  };
  const today = () => new Date(clock.getTime() - 5 * 3_600_000).toISOString().slice(0, 10); // Toronto
  const deps = (): FormDeps => ({ db, content, now: clock, today: today(), secret: SECRET, wake: () => {} });
  const send = () => runNotify({ db, content, mailer, today: today(), now: () => clock, token, secret: SECRET, log: () => {} });
  const mailsTo = (address: string) => smtp.messages.filter((mail) => mail.to_ === address);
  let subscribers: string[];
  let personalLink: string;

  beforeAll(async () => {
    db = await openTestDb(await databaseEnv(kind, `objections_${kind}`));
    smtp = await startSmtp(kind === 'sqlite' ? 3331 : 3332);
    mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    subscribers = await addConfirmed(db, 2);
    // The Anthropic addition is announced on November 30: its notice carries each subscriber's personal link.
    clock = new Date('2026-11-30T14:00:00Z');
    await send();
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await db.destroy();
  });

  it('files an objection from the personal link in a notice, with a receipt and a copy for the objections contact', async () => {
    const notice = mailsTo(subscribers[0]).find((mail) => mail.subject?.includes('adding Anthropic'))!;
    personalLink = /http:\/\/localhost:3300\/subprocessors\/object\?change=anthropic-added-2027-01-04&token=[\w.-]+/.exec(notice.text ?? '')![0];
    expect(notice.text).toContain(`Object by 23:59 EST on January 3, 2027 with this form (your personal link, no sign-in): ${personalLink}\nQuestions about objecting: privacy@securicomnet.com.`);
    const key = new URL(personalLink).searchParams.get('token')!;
    // Each subscriber's link is their own.
    expect(mailsTo(subscribers[1]).at(-1)!.text).not.toContain(key);

    clock = new Date('2026-12-01T16:20:05Z');
    const response = await handleObjection(post('/subprocessors/object', form({ token: key, email: 'attacker@evil.example' })), deps());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^\/subprocessors\/object\/receipt\?key=[\w-]{32}$/);
    // The address is the subscriber's, never one from the form.
    const [filed] = await objectionRegister(db);
    expect(filed).toMatchObject({ reference: 'OBJ-2026-0001', changeId: CHANGE, email: subscribers[0], organisation: 'Customer GmbH', grounds: GROUNDS, receivedAt: '2026-12-01T16:20:05.000Z', onTime: true, verifiedBy: 'personal-link' });
    expect(filed.states).toEqual([{ id: expect.any(Number), state: 'received', at: '2026-12-01T16:20:05.000Z', by: 'site', notified: false }]);

    // Sent by the notify job, like every e-mail: retried and recorded.
    expect(await send()).toMatchObject({ sent: 2, failed: 0 });
    const receipt = mailsTo(subscribers[0]).at(-1)!;
    expect(receipt.subject).toBe('Securicom: objection OBJ-2026-0001 received');
    expect(receipt.text).toContain('Reference: OBJ-2026-0001\nChange: Added subprocessor: Anthropic, effective January 4, 2027 (id anthropic-added-2027-01-04)');
    expect(receipt.text).toContain('Deadline to object: 23:59 EST on January 3, 2027\nReceived: 11:20:05 EST on December 1, 2026 (2026-12-01T16:20:05.000Z)\nOn time: yes, received before the deadline.');
    expect(receipt.text).toContain(`Grounds, as received:\n${GROUNDS}`);
    expect(receipt.html).toContain('&#60;ticket&#62; text to the US &#38; object');
    const copy = mailsTo('privacy@securicomnet.com').at(-1)!;
    expect(copy.subject).toBe('Objection OBJ-2026-0001: Customer GmbH — Added subprocessor: Anthropic, effective January 4, 2027');
    expect(copy.replyTo?.text).toBe(subscribers[0]);
    expect(copy.text).toContain('Contract or DPA reference: DPA-2025-17');
    // No desk on this server (no DESK_EMAILS): the copy gives the command instead.
    expect(copy.text).toContain('record its outcome with: npm run objections -- resolve OBJ-2026-0001 --outcome');
    // The notice as sent is kept, with the personal parts as placeholders.
    const stored = await db.selectFrom('notices').select(['subject', 'body']).where('id', '=', 'day:2026-11-30').executeTakeFirstOrThrow();
    expect(stored.subject).toBe(notice.subject);
    expect(stored.body).toContain("http://localhost:3300/subprocessors/object?change=anthropic-added-2027-01-04&token=[the recipient's personal key]");
    expect(stored.body).not.toContain(key);
  });

  it("refuses a forged link, another change's or another subscriber's the same way, keeping what was typed", async () => {
    const key = new URL(personalLink).searchParams.get('token')!;
    const [id, expires, mac] = key.split('.');
    const other = personalToken(SECRET, Number(id) + 1, 'stripe-added-2026-12-16', undefined, '2026-12-16');
    const attempts = [`${Number(id) + 1}.${expires}.${mac}`, `${id}.20991231.${mac}`, other, 'nonsense', personalToken('another-secret-of-at-least-32-characters', Number(id), CHANGE, undefined, '2027-01-04')];
    const drafts = [];
    for (const attempt of attempts) {
      const response = await handleObjection(post('/subprocessors/object', form({ token: attempt })), deps());
      expect(response.status).toBe(303);
      const location = response.headers.get('location')!;
      // Back to the form; the address carries only a draft's key, never what was typed or the link's key.
      expect(location).toMatch(/^\/subprocessors\/object\?change=anthropic-added-2027-01-04&draft=[\w-]{32}$/);
      const { key: draftKey, browser } = draftOf(response);
      const draft = await readDraft(db, draftKey, browser, clock.toISOString());
      drafts.push(draft);
      // What was typed is kept; the address is now asked for.
      const state = await objectionFormState({ changeId: CHANGE }, { draft: draftKey, browser }, { db, secret: SECRET, now: clock, timeZone: content.site.timezone });
      expect(state).toMatchObject({ linkInvalid: true, token: undefined, subscriberEmail: undefined, values: { grounds: GROUNDS, organisation: 'Customer GmbH' } });
      expect(state.problems).toEqual([{ field: 'email', message: 'Enter an e-mail address.' }]);
    }
    // The same whatever the link was.
    expect(new Set(drafts.map((draft) => JSON.stringify(draft))).size).toBe(1);
    expect(await objectionRegister(db)).toHaveLength(1);
  });

  it("takes a stranger's objection once its address is confirmed, and a replayed confirmation files nothing", async () => {
    clock = new Date('2026-12-02T10:00:00Z');
    const response = await handleObjection(post('/subprocessors/object', form({ email: 'Legal@Other.example', organisation: 'Other Ltd' })), deps());
    expect(response.headers.get('location')).toBe('/subprocessors/object/sent');
    expect(await objectionRegister(db)).toHaveLength(1);
    expect(await send()).toMatchObject({ sent: 1 });
    const confirm = mailsTo('legal@other.example').at(-1)!;
    expect(confirm.subject).toBe('Securicom: confirm your objection');
    const link = `http://localhost:3300/subprocessors/object/confirm?token=${tokens.at(-1)}`;
    expect(confirm.text).toContain(link);
    // Opening the link changes nothing; the button POSTs.
    expect((await confirmLinkState(db, tokens.at(-1)!, clock.toISOString())).state).toBe('open');
    clock = new Date('2026-12-03T09:00:00Z');
    const confirmed = await handleObjectionConfirm(post(`/subprocessors/object/confirm?token=${tokens.at(-1)}`, {}), deps());
    expect(confirmed.headers.get('location')).toMatch(/^\/subprocessors\/object\/receipt\?key=/);
    const record = await objectionRecord(db, 'OBJ-2026-0002');
    // Received when it was submitted, not when confirmed.
    expect(record).toMatchObject({ email: 'legal@other.example', organisation: 'Other Ltd', receivedAt: '2026-12-02T10:00:00.000Z', verifiedAt: '2026-12-03T09:00:00.000Z', verifiedBy: 'confirm-link', onTime: true });
    expect(await send()).toMatchObject({ sent: 2 });
    expect(mailsTo('legal@other.example').at(-1)!.text).toContain('Verified: confirmed through the link e-mailed to this address.');

    const count = smtp.messages.length;
    // The same link again (a second click, a replay): nothing new is filed or sent.
    const used = /token=([\w-]+)/.exec(confirm.text ?? '')![1];
    expect((await handleObjectionConfirm(post(`/subprocessors/object/confirm?token=${used}`, {}), deps())).headers.get('location')).toBe(`/subprocessors/object/confirm?token=${used}`);
    expect((await confirmLinkState(db, used, clock.toISOString())).state).toBe('used');
    expect(await objectionRegister(db)).toHaveLength(2);
    expect(await send()).toMatchObject({ sent: 0 });
    expect(smtp.messages).toHaveLength(count);
  });

  it('refuses a post from another site and files nothing', async () => {
    const response = await handleObjection(post('/subprocessors/object', form({ email: 'victim@example.com' }), { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), deps());
    expect(response.status).toBe(403);
    const confirm = await handleObjectionConfirm(post('/subprocessors/object/confirm?token=x', {}, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }), deps());
    expect(confirm.status).toBe(403);
    expect(await db.selectFrom('objections').select('id').where('email', '=', 'victim@example.com').execute()).toEqual([]);
  });

  it('records an objection after the deadline as late, and says so', async () => {
    // The deadline is the end of January 3 in Toronto: 05:00 UTC on January 4.
    clock = new Date('2027-01-04T04:59:59.500Z');
    await handleObjection(post('/subprocessors/object', form({ token: new URL(personalLink).searchParams.get('token')!, organisation: 'Just In Time Inc' })), deps());
    clock = new Date('2027-01-04T05:00:00.000Z');
    await handleObjection(post('/subprocessors/object', form({ token: new URL(personalLink).searchParams.get('token')!, organisation: 'Late Corp' })), deps());
    const register = await objectionRegister(db);
    expect(register.slice(-2).map((o) => [o.reference, o.organisation, o.onTime])).toEqual([
      ['OBJ-2027-0001', 'Just In Time Inc', true],
      ['OBJ-2027-0002', 'Late Corp', false],
    ]);
    await send();
    const receipt = mailsTo(subscribers[0]).find((mail) => mail.subject === 'Securicom: objection OBJ-2027-0002 received')!;
    expect(receipt.text).toContain('On time: no. It was received after the deadline; it is recorded as late, and Securicom decides under your contract what follows from it.');
    expect(mailsTo('privacy@securicomnet.com').map((mail) => mail.subject)).toContain('Objection OBJ-2027-0002 (LATE): Late Corp — Added subprocessor: Anthropic, effective January 4, 2027');
  });

  it('gives no form for removals, updates that change nothing material, or changes not yet announced', () => {
    expect(objectionTarget(content, 'mailgun-removed-2025-06-16', undefined, '2026-12-01')).toMatchObject({ refused: 'removal' });
    expect(objectionTarget(content, CHANGE, undefined, '2026-11-29')).toMatchObject({ refused: 'unknown' });
    expect(objectionTarget(content, 'nothing-added-2026-01-01', undefined, '2026-12-01')).toMatchObject({ refused: 'unknown' });
    expect(objectionTarget(content, CHANGE, 'no-such-scope', '2026-12-01')).toMatchObject({ refused: 'unknown' });
    // Fewer data categories is still a change of what is processed; a new contact person is not.
    expect(objectionTarget(content, 'sentry-updated-2026-02-11', undefined, '2026-12-01')).toMatchObject({ changeId: 'sentry-updated-2026-02-11' });
    expect(isObjectable({ change: 'updated', previous: { contact: 'dpo@old.example', address: 'Old street 1' } })).toBe(false);
    expect(isObjectable({ change: 'updated', previous: { locations: [{ country: 'US' }] } })).toBe(true);
    expect(isObjectable({ change: 'updated' })).toBe(true);
    expect(objectionTarget(content, CHANGE, undefined, '2026-12-01')).toMatchObject({ changeId: CHANGE, deadline: '2027-01-03', closesAt: '2027-01-04T05:00:00.000Z' });
  });

  it('answers a post about a change without a form with its page, filing nothing', async () => {
    const before = await db.selectFrom('objections').select('id').execute();
    const removal = await handleObjection(post('/subprocessors/object', form({ change: 'mailgun-removed-2025-06-16', email: 'a@b.example' })), deps());
    expect(removal.headers.get('location')).toBe('/subprocessors/object?change=mailgun-removed-2025-06-16');
    expect(await db.selectFrom('objections').select('id').execute()).toEqual(before);
  });

  it('refuses huge posts before reading them, and over-long grounds with the form again', async () => {
    const huge = await handleObjection(post('/subprocessors/object', form({ email: 'a@b.example' }), { 'content-length': String(200 * 1024) }), deps());
    expect(huge.status).toBe(413);
    // The Confirm button sends no fields: a large body there is refused unread too, and confirms nothing.
    const confirmBody = await handleObjectionConfirm(post('/subprocessors/object/confirm?token=x', { x: 'y' }, { 'content-length': String(20 * 1024 * 1024) }), deps());
    expect([confirmBody.status, confirmBody.headers.get('connection')]).toEqual([413, 'close']);
    // A change id no page has, as long as the body allows, is not sent back in the address.
    const longId = await handleObjection(post('/subprocessors/object', form({ change: 'x'.repeat(150_000), email: 'a@b.example' })), deps());
    expect(longId.headers.get('location')).toBe('/subprocessors/object?change=');
    const streamed = await handleObjection(post('/subprocessors/object', form({ email: 'a@b.example', grounds: 'x'.repeat(170 * 1024) })), deps());
    expect(streamed.status).toBe(413);
    const long = await handleObjection(post('/subprocessors/object', form({ email: 'a@b.example', grounds: 'é'.repeat(10_001) })), deps());
    expect(long.status).toBe(303);
    const draft = await readDraft(db, draftOf(long).key, draftOf(long).browser, clock.toISOString());
    expect(draft?.problems).toEqual([{ field: 'grounds', message: 'The grounds of your objection can have at most 10,000 characters; this has 10,001.' }]);
    expect(draft?.values).toMatchObject({ email: 'a@b.example', grounds: 'é'.repeat(10_001) });
    const fits = await handleObjection(post('/subprocessors/object', form({ email: 'fits@b.example', grounds: '€'.repeat(10_000) })), deps());
    expect(fits.headers.get('location')).toBe('/subprocessors/object/sent');
  });

  it('records outcomes as new states and e-mails the objector', async () => {
    clock = new Date('2027-01-10T12:00:00Z');
    expect(await resolveObjection(db, { reference: 'OBJ-2026-0001', outcome: 'alternative', note: 'EU-hosted model offered.', at: clock.toISOString(), by: 'command' })).toMatchObject({ emailed: true });
    expect(await resolveObjection(db, { reference: 'OBJ-2026-0001', outcome: 'withdrawn', note: 'Customer accepted.', at: '2027-01-11T12:00:00.000Z', by: 'command', quiet: true })).toMatchObject({ emailed: false });
    expect(await resolveObjection(db, { reference: 'OBJ-2026-9999', outcome: 'other', note: 'x', at: clock.toISOString(), by: 'command' })).toBeUndefined();
    const record = await objectionRecord(db, 'OBJ-2026-0001');
    expect(record!.states.map((s) => [s.state, s.outcome, s.at, s.notified])).toEqual([
      ['received', undefined, '2026-12-01T16:20:05.000Z', false],
      ['resolved', 'alternative', '2027-01-10T12:00:00.000Z', true],
      ['resolved', 'withdrawn', '2027-01-11T12:00:00.000Z', false],
    ]);
    const count = mailsTo(subscribers[0]).length;
    await send();
    expect(mailsTo(subscribers[0])).toHaveLength(count + 1);
    const outcome = mailsTo(subscribers[0]).at(-1)!;
    expect(outcome.subject).toBe('Securicom: outcome of objection OBJ-2026-0001');
    expect(outcome.text).toContain('Outcome: alternative — We agreed an alternative with you.');
    expect(outcome.text).toContain('Note:\nEU-hosted model offered.');
  });

  it('writes an evidence pack that reads back and verifies, and fails once changed', async () => {
    const pack = (await buildEvidence(db, content, CHANGE, { today: '2027-01-12', now: '2027-01-12T09:00:00.000Z' }))!;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-')), 'pack.json');
    fs.writeFileSync(file, JSON.stringify(pack, null, 2));
    const read = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof pack;
    expect(verifyEvidence(read)).toBe(true);
    // Recomputed independently, as docs/objections.md describes: sorted keys, no spaces, without `sha256`.
    const canonical = (value: unknown): string =>
      Array.isArray(value) ? `[${value.map(canonical).join(',')}]` : value && typeof value === 'object' ? `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(value);
    const { sha256, ...rest } = read;
    expect(createHash('sha256').update(canonical(rest)).digest('hex')).toBe(sha256);
    expect(verifyEvidence({ ...read, objections: read.objections.slice(1) })).toBe(false);

    const [full] = read.lists;
    expect(full).toMatchObject({ list: 'full', changeId: CHANGE, objectionDeadline: '2027-01-03', announced: { change: 'added', announced: '2026-11-30', effective: '2027-01-04', entry: { name: 'Anthropic' } } });
    expect(full.fingerprints.before.sha256).not.toBe(full.fingerprints.after.sha256);
    const notice = smtp.messages.find((mail) => mail.subject?.includes('adding Anthropic'))!;
    expect(full.notices).toEqual([{ id: 'day:2026-11-30', kind: 'day', firstSentAt: '2026-11-30T14:00:00.000Z', asSent: { subject: notice.subject, text: expect.stringContaining('Securicom will add Anthropic') } }]);
    expect(full.recipients.map((r) => [r.address, r.status, r.messageId, r.sentAt])).toEqual(subscribers.map((address) => [address, 'sent', expect.stringMatching(/^<day-2026-11-30\./), '2026-11-30T14:00:00.000Z']));
    expect(full.recipients[0].smtpResponse).toMatch(/^250 /);
    expect(read.objections.map((o) => [o.reference, o.onTime, o.states.at(-1)!.outcome ?? 'open'])).toEqual([
      ['OBJ-2026-0001', true, 'withdrawn'],
      ['OBJ-2026-0002', true, 'open'],
      ['OBJ-2027-0001', true, 'open'],
      ['OBJ-2027-0002', false, 'open'],
    ]);
  });

  it('keeps objections when their subscriber is erased', async () => {
    await eraseAddress(db, subscribers[0], 'rate-key');
    const record = await objectionRecord(db, 'OBJ-2026-0001');
    expect(record).toMatchObject({ email: subscribers[0], grounds: GROUNDS });
    expect(await db.selectFrom('objections').select('subscriber_id').where('reference', '=', 'OBJ-2026-0001').executeTakeFirst()).toEqual({ subscriber_id: null });
  });

  it('keeps a refused form as a draft for an hour, for its own change only, and never files it', async () => {
    clock = new Date('2027-01-12T10:00:00Z');
    const filed = await db.selectFrom('objections').select('id').execute();
    const refused = await handleObjection(post('/subprocessors/object', form({ email: 'typed@customer.example', grounds: '   ' })), deps());
    expect(refused.status).toBe(303);
    const { key, browser } = draftOf(refused);
    // Nothing filed, nothing queued.
    expect(await db.selectFrom('objections').select('id').execute()).toEqual(filed);
    expect(await db.selectFrom('deliveries').select('id').where('address', '=', 'typed@customer.example').execute()).toEqual([]);
    // Only the key's hash is stored.
    const hashes = (await db.selectFrom('objection_drafts').select('hash').execute()).map((row) => row.hash);
    expect(hashes).toContain(hashToken(key));
    expect(hashes).not.toContain(key);
    const keys = { db, secret: SECRET, now: clock, timeZone: content.site.timezone };
    const state = await objectionFormState({ changeId: CHANGE }, { draft: key, browser }, keys);
    expect(state).toMatchObject({ draftKey: key, draftGone: false, linkInvalid: false, values: { organisation: 'Customer GmbH', name: 'Dana Privacy', email: 'typed@customer.example', grounds: '', reference: 'DPA-2025-17' } });
    expect(state.problems).toEqual([{ field: 'grounds', message: 'Enter the grounds of your objection.' }]);
    // Never shown for another change or list, nor for a made-up key, nor in another browser (a link with someone else's draft).
    expect(await objectionFormState({ changeId: 'stripe-added-2026-12-16' }, { draft: key, browser }, keys)).toMatchObject({ values: undefined, problems: [], draftGone: true });
    expect(await objectionFormState({ changeId: CHANGE, scope: 'eu' }, { draft: key, browser }, keys)).toMatchObject({ values: undefined, draftGone: true });
    expect(await objectionFormState({ changeId: CHANGE }, { draft: 'made-up-key', browser }, keys)).toMatchObject({ values: undefined, draftGone: true });
    expect(await objectionFormState({ changeId: CHANGE }, { draft: key }, keys)).toMatchObject({ values: undefined, draftGone: true });
    expect(await objectionFormState({ changeId: CHANGE }, { draft: key, browser: 'b'.repeat(32) }, keys)).toMatchObject({ values: undefined, draftGone: true });
    // An hour later it has expired, and the next draft written removes it.
    const later = new Date(clock.getTime() + 60 * 60_000);
    expect(await objectionFormState({ changeId: CHANGE }, { draft: key, browser }, { ...keys, now: later })).toMatchObject({ values: undefined, draftGone: true });
    expect(await db.selectFrom('objection_drafts').select('hash').execute()).toContainEqual({ hash: hashToken(key) });
    clock = later;
    // The same browser keeps its cookie.
    const next = await handleObjection(post('/subprocessors/object', form({ email: 'typed@customer.example', name: '' }), { cookie: `other=1; objection-draft=${browser}` }), deps());
    const { key: nextKey } = draftOf(next);
    expect(draftOf(next).browser).toBe(browser);
    expect(await db.selectFrom('objection_drafts').select('hash').execute()).toEqual([{ hash: hashToken(nextKey) }]);
    // Sent again, corrected, with the draft's key: filed, and the draft deleted at once.
    const sent = await handleObjection(post('/subprocessors/object', form({ email: 'typed@customer.example', draft: nextKey })), deps());
    expect(sent.headers.get('location')).toBe('/subprocessors/object/sent');
    expect(await db.selectFrom('objection_drafts').select('hash').execute()).toEqual([]);
  });

  it('keeps a valid personal link in the draft, not in the address, and files through it once corrected', async () => {
    const [subscriber] = await db.selectFrom('subscribers').select('id').where('email', '=', subscribers[1]).execute();
    const link = personalToken(SECRET, subscriber.id, CHANGE, undefined, '2027-01-04');
    const refused = await handleObjection(post('/subprocessors/object', form({ token: link, organisation: '' })), deps());
    const location = refused.headers.get('location')!;
    expect(location).not.toContain(link);
    const { key, browser } = draftOf(refused);
    const state = await objectionFormState({ changeId: CHANGE }, { draft: key, browser }, { db, secret: SECRET, now: clock, timeZone: content.site.timezone });
    expect(state).toMatchObject({ token: link, subscriberEmail: subscribers[1], linkInvalid: false, problems: [{ field: 'organisation', message: 'Enter your organisation.' }] });
    const filed = await handleObjection(post('/subprocessors/object', form({ token: state.token!, draft: key })), deps());
    expect(filed.headers.get('location')).toMatch(/^\/subprocessors\/object\/receipt\?key=/);
    expect(await readDraft(db, key, browser, clock.toISOString())).toBeUndefined();
    expect((await objectionRegister(db)).at(-1)).toMatchObject({ email: subscribers[1], organisation: 'Customer GmbH' });
  });

  it('drops characters that would reorder or hide text in the copy, the register and a terminal', async () => {
    const sent = await handleObjection(post('/subprocessors/object', form({ email: 'ivy@stranger.example', organisation: 'Good\u202EtsiL kcalB\u202C Org\u009b31m', name: 'Ivy\u200B Z\u2066ed\u2069', grounds: 'Line\u0085one\u009b2J\nsecond \u202Eline' })), deps());
    expect(sent.headers.get('location')).toBe('/subprocessors/object/sent');
    const stored = await db.selectFrom('objections').select(['organisation', 'name', 'grounds']).where('email', '=', 'ivy@stranger.example').executeTakeFirstOrThrow();
    expect(stored).toEqual({ organisation: 'GoodtsiL kcalB Org31m', name: 'Ivy Zed', grounds: 'Lineone2J\nsecond line' });
  });
});

describe('references on PostgreSQL', () => {
  it('stay unique under parallel filings from several instances', async () => {
    const env = await databaseEnv('postgres', 'objections_parallel');
    const instances = [openDatabase(env), openDatabase(env), openDatabase(env)];
    await Promise.all(instances.map((db) => migrate(db)));
    const [first] = instances;
    const ids = (await addConfirmed(first, 30)).map((_, index) => index + 1);
    const submission = { changeId: CHANGE, organisation: 'Parallel', name: 'P', grounds: 'g', deadline: '2027-01-03', deadlineAt: '2027-01-04T04:59:59Z', closesAt: '2027-01-04T05:00:00.000Z', receivedAt: '2026-12-01T12:00:00.000Z' };
    const options = { timeZone: 'America/Toronto', copyTo: 'privacy@securicomnet.com' };
    const results = await Promise.all(ids.map((id, index) => fileFromSubscriber(instances[index % instances.length], submission, id, '2026-12-01T12:00:00.000Z', options)));
    const references = results.map((result) => result!.reference).sort();
    expect(references).toEqual(ids.map((id) => `OBJ-2026-${String(id).padStart(4, '0')}`));
    await Promise.all(instances.map((db) => db.destroy()));
  });
});

describe('the objection commands', () => {
  it('list the register, write it as CSV, record an outcome and write an evidence pack that verifies', async () => {
    const { dir } = noticeContent();
    const env = await databaseEnv('sqlite', 'objection_commands');
    const db = await openTestDb(env);
    const [id] = (await addConfirmed(db, 1)).map((_, index) => index + 1);
    const submission = { changeId: CHANGE, organisation: '=HYPERLINK("x")', name: 'N', grounds: 'Line one\nline two', deadline: '2027-01-03', deadlineAt: '2027-01-04T04:59:59Z', closesAt: '2027-01-04T05:00:00.000Z', receivedAt: '2026-12-01T12:00:00.000Z' };
    await fileFromSubscriber(db, submission, id, '2026-12-01T12:00:00.000Z', { timeZone: 'America/Toronto', copyTo: 'privacy@securicomnet.com' });
    await db.destroy();
    const run = (script: string, args: string[] = []) =>
      execFileSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], { env: { ...process.env, ...env, CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-12-10', SMTP_URL: '' }, encoding: 'utf8' });
    expect(run('objections.ts')).toBe(`OBJ-2026-0001  ${CHANGE}  =HYPERLINK("x")  received 2026-12-01T12:00:00.000Z  on time  open\n`);
    const rows = parse(run('objections.ts', ['--csv']), { columns: true }) as Record<string, string>[];
    // A spreadsheet never runs what a customer typed as a formula.
    expect(rows).toMatchObject([{ reference: 'OBJ-2026-0001', organisation: '\'=HYPERLINK("x")', on_time: 'on time', state: 'open', grounds: 'Line one\nline two' }]);
    expect(run('objections.ts', ['resolve', 'OBJ-2026-0001', '--outcome', 'not-engaged', '--note', 'Not used for this customer.', '--quiet'])).toBe('Recorded for OBJ-2026-0001: resolved, not-engaged. The objector was not e-mailed (--quiet).\n');
    expect(run('objections.ts')).toContain('on time  resolved: not-engaged');
    expect(run('notices.ts')).toContain(`${CHANGE}: announced 2026-11-30, effective 2027-01-04\n  no subscriber to e-mail (nobody had confirmed before the announcement day)\n  objections: 1 (0 late, 0 open)`);
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'evidence-')), 'pack.json');
    expect(run('evidence.ts', [CHANGE, '--out', out])).toMatch(/^Wrote .*pack\.json: 1 list, 0 recipients, 1 objections\. SHA-256 [0-9a-f]{64}\n$/);
    expect(run('evidence.ts', ['--verify', out])).toBe(`${out}: the SHA-256 matches; the pack is as it was made.\n`);
    fs.writeFileSync(out, fs.readFileSync(out, 'utf8').replace('Not used for this customer.', 'Something else.'));
    const changed = (() => {
      try {
        return { status: 0, stdout: run('evidence.ts', ['--verify', out]) };
      } catch (error) {
        return error as { status: number; stdout: string };
      }
    })();
    expect([changed.status, changed.stdout]).toEqual([1, `${out}: the SHA-256 does NOT match: the file was changed after it was made.\n`]);
    // Nine commands, each a Node.js process that loads the content: 15 s here, twice that beside a build.
  }, 120_000);
});
