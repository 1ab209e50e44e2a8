import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubscribeForm } from '../../components/subscribe-form';
import { checkContent } from '../../lib/content/check';
import { fingerprint } from '../../lib/timeline/fingerprint';
import { Kysely, Migrator } from 'kysely';
import { migrate, openDatabase, type Db } from '../../lib/notify/db';
import { migrations } from '../../lib/notify/migrations';
import { handleConfirm, handleSubscribe, type FormDeps } from '../../lib/notify/forms';
import { peerHeader } from '../../lib/notify/client';
import { runNotify } from '../../lib/notify/job';
import { createMailer } from '../../lib/notify/mailer';
import type { Content } from '../../lib/content/schema';
import { scopedContent } from '../../lib/timeline/scopes';
import { listAsOf } from '../../lib/timeline/timeline';
import { addConfirmed, databaseEnv, KINDS, openTestDb, startSmtp, type Kind } from './notify/helpers';

/**
 * Subscribers who chose scopes (SPEC §7, §8), against a real SMTP server on both databases.
 * - Storage: in both clouds, with a US and an EU location; a second US location is announced
 *   on 2026-11-30 (a US-only change).
 * - Analytics: US cloud only; joining the EU cloud is announced on 2026-12-07 (an addition in
 *   the EU list, no change in the US list).
 * - Mailer: a new provider for both clouds, also announced on 2026-12-07.
 * - Support: US only, added, announced 2026-11-16: still open for objection on 2026-11-23.
 */
const SITE = `company:
  name: Scopeco
product: Scopeco Cloud
url: http://localhost:3300
contact:
  privacy: privacy@scopeco.example
notice_period_days: 30
published: 2026-01-05
timezone: America/Toronto
notifications:
  from: notices@scopeco.example
categories:
  - id: hosting
    title: Hosting
scopes:
  - id: us
    title: US cloud
  - id: eu
    title: EU cloud
    description: Hosted in Frankfurt.
`;
const entry = (name: string, lines: string[]) =>
  [`name: ${name}`, `entity: ${name}, Inc.`, 'category: hosting', `purpose: ${name}.`, 'data: [Files]', `contact: privacy@${name.toLowerCase()}.example`, ...lines, ''].join('\n');
const FILES: Record<string, string> = {
  'site.yaml': SITE,
  'subprocessors/storage.yaml': entry('Storage', [
    'locations:',
    '  - { country: US, detail: Virginia, scopes: [us] }',
    '  - { country: US, detail: Oregon, scopes: [us] }',
    '  - { country: DE, scopes: [eu] }',
    'history:',
    '  - { change: added, announced: 2026-01-05, effective: 2026-01-05 }',
    '  - change: updated',
    '    announced: 2026-11-30',
    '    effective: 2027-01-04',
    '    summary: A second US region.',
    '    previous:',
    '      locations: [{ country: US, detail: Virginia, scopes: [us] }, { country: DE, scopes: [eu] }]',
  ]),
  'subprocessors/analytics.yaml': entry('Analytics', [
    'scopes: [us, eu]',
    'locations: [{ country: IE }]',
    'history:',
    '  - { change: added, announced: 2026-01-05, effective: 2026-01-05 }',
    '  - change: updated',
    '    announced: 2026-12-07',
    '    effective: 2027-01-11',
    '    summary: Now also used for the EU cloud.',
    '    previous: { scopes: [us] }',
  ]),
  'subprocessors/mailer.yaml': entry('Mailer', ['locations: [{ country: IE }]', 'history:', '  - { change: added, announced: 2026-12-07, effective: 2027-01-11 }']),
  'subprocessors/support.yaml': entry('Support', ['scopes: [us]', 'locations: [{ country: US }]', 'history:', '  - { change: added, announced: 2026-11-16, effective: 2026-12-16 }']),
};

function scopedSite(): { dir: string; content: Content } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'notify-scopes-'));
  for (const [name, text] of Object.entries(FILES)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const { content, problems } = checkContent(dir, { today: '2026-11-23' });
  if (!content) throw new Error(problems.map((p) => `${p.file}:${p.line} ${p.message}`).join('\n'));
  return { dir, content };
}

const { dir, content } = scopedSite();
const ORIGIN = 'http://localhost:3300';

function post(url: string, body: string, ip: string) {
  const [peer, value] = peerHeader(ip);
  return new Request(`${ORIGIN}${url}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost:3300', origin: ORIGIN, 'sec-fetch-site': 'same-origin', [peer]: value },
  });
}

describe('the subscription form with scopes', () => {
  const render = (props: Parameters<typeof SubscribeForm>[0]) => {
    const before = process.env.CONTENT_DIR;
    process.env.CONTENT_DIR = dir;
    try {
      return renderToStaticMarkup(createElement(SubscribeForm, props));
    } finally {
      if (before === undefined) delete process.env.CONTENT_DIR;
      else process.env.CONTENT_DIR = before;
    }
  };
  const boxes = (html: string) => [...html.matchAll(/<input type="checkbox"[^>]*>/g)].map(([tag]) => `${/ value="(\w+)"/.exec(tag)?.[1]}${tag.includes(' checked=""') ? ' ✓' : ''}`);

  it('offers a box per scope, labelled by title with its description, none ticked, posting to the one unprefixed address', () => {
    const html = render({});
    expect(boxes(html)).toEqual(['us', 'eu']);
    expect(html).toContain('action="/subprocessors/subscribe"');
    expect(html).toContain('(none ticked: every change)');
    expect(html).toMatch(/<input type="checkbox" aria-describedby="subscribe-email-eu-about" class="size-6" name="scopes" value="eu"\/>EU cloud<\/label><p id="subscribe-email-eu-about"[^>]*>Hosted in Frankfurt\.<\/p>/);
  });

  it('ticks the scope of the page it is on, and the choice sent with a refused address', () => {
    expect(boxes(render({ scope: 'eu' }))).toEqual(['us', 'eu ✓']);
    expect(boxes(render({ checked: ['us', 'eu'] }))).toEqual(['us ✓', 'eu ✓']);
    expect(render({ scope: 'eu' })).toContain('action="/subprocessors/subscribe"');
  });
});

describe.each(KINDS)('notices by scope on %s', (kind: Kind) => {
  let db: Db;
  let env: Record<string, string>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailer: ReturnType<typeof createMailer>;
  let clock: Date;
  let tokens: string[];
  let ip = 0;
  const port = kind === 'sqlite' ? 3341 : 3342;
  const deps = (): FormDeps => ({ db, content, now: clock, today: clock.toISOString().slice(0, 10), secret: 'a-test-secret-of-at-least-32-characters' });
  const notify = (today: string) => runNotify({ db, content, mailer, today, now: () => clock, log: () => {}, token: () => {
    tokens.push(`scoped-${kind}-${tokens.length}`);
    return tokens.at(-1)!;
  } });
  /** A request, and the job's run that mails its confirmation (the form only queues it). */
  const subscribe = async (body: string) => {
    const location = (await handleSubscribe(post('/subprocessors/subscribe', body, `198.51.100.${++ip}`), deps())).headers.get('location');
    await notify(clock.toISOString().slice(0, 10));
    return location;
  };
  /** The token of the newest confirmation link e-mailed. */
  const lastLink = () => /confirm\?token=([\w-]+)/.exec(smtp.messages.findLast((m) => m.text?.includes('/subscribe/confirm?token='))!.text!)![1];
  const confirm = async (token = lastLink()) => (await handleConfirm(post(`/subprocessors/subscribe/confirm?token=${token}`, '', '198.51.100.1'), deps())).headers.get('location');
  const inbox = (from: number) => smtp.messages.slice(from).map((m) => `${m.to_.split('@')[0]}: ${m.subject}`).sort();
  const log = async (email: string) =>
    (await db.selectFrom('deliveries').select(['notice_id', 'scope', 'status', 'fingerprint']).where('address', '=', email).where('notice_id', 'not like', 'confirm:%').orderBy('id').execute()).map((row) => `${row.notice_id} ${row.scope ?? '-'} ${row.status}`);

  beforeAll(async () => {
    env = await databaseEnv(kind, `scopes_${kind}`);
    db = await openTestDb(env);
    smtp = await startSmtp(port);
    mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    tokens = [];
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
    await db.destroy();
  });

  it('stores each choice on confirming and welcomes with the changes open in the chosen lists', async () => {
    clock = new Date('2026-11-23T15:00:00Z');
    for (const [email, scopes] of [['eu', ['eu']], ['us', ['us']], ['both', ['eu', 'us']], ['all', []]] as const) {
      const body = `email=${email}%40example.com${scopes.map((id) => `&scopes=${id}`).join('')}`;
      expect(await subscribe(body)).toBe('/subprocessors/subscribe?status=sent');
    }
    for (const message of [...smtp.messages]) expect(await confirm(/confirm\?token=([\w-]+)/.exec(message.text!)![1])).toBe('/subprocessors/subscribe/confirm?status=confirmed');
    const confirmations = smtp.messages.map((m) => `${m.to_.split('@')[0]}: ${/Only the changes that concern: (.*) \(one e-mail/.exec(m.text ?? '')?.[1] ?? 'everything'}`);
    expect(confirmations).toEqual(['eu: EU cloud', 'us: US cloud', 'both: US cloud; EU cloud', 'all: everything']);
    const rows = await db.selectFrom('subscribers').select(['email', 'status', 'scopes']).orderBy('id').execute();
    expect(rows).toEqual([
      { email: 'eu@example.com', status: 'confirmed', scopes: 'eu' },
      { email: 'us@example.com', status: 'confirmed', scopes: 'us' },
      // In site.yaml's order, whatever the form's.
      { email: 'both@example.com', status: 'confirmed', scopes: 'us eu' },
      { email: 'all@example.com', status: 'confirmed', scopes: null },
    ]);

    const before = smtp.messages.length;
    expect(await notify('2026-11-23')).toMatchObject({ sent: 5, failed: 0 });
    expect(inbox(before)).toEqual([
      'all: Scopeco: you are subscribed to subprocessor changes',
      'both: Scopeco (EU cloud): you are subscribed to subprocessor changes',
      'both: Scopeco (US cloud): you are subscribed to subprocessor changes',
      'eu: Scopeco (EU cloud): you are subscribed to subprocessor changes',
      'us: Scopeco (US cloud): you are subscribed to subprocessor changes',
    ]);
    const welcome = (to: string, scope: string) => smtp.messages.slice(before).find((m) => m.to_ === to && m.subject?.includes(scope))!.text!;
    // Support is added to the US cloud only: open for objection there, not in the EU list.
    expect(welcome('us@example.com', 'US cloud')).toContain('One change is announced and not yet in effect:\n\nAdded subprocessor: Support');
    expect(welcome('us@example.com', 'US cloud')).toContain('The current list: http://localhost:3300/us/subprocessors\n');
    expect(welcome('eu@example.com', 'EU cloud')).toContain('No change is announced and not yet in effect as of November 23, 2026.');
    expect(welcome('eu@example.com', 'EU cloud')).toContain("a change to Scopeco's list of subprocessors for Scopeco Cloud (EU cloud).");
    expect(welcome('all@example.com', 'Scopeco:')).toContain('One change is announced and not yet in effect:\n\nAdded subprocessor: Support');
    expect(await log('both@example.com')).toEqual(['welcome:2026-11-23:us us sent', 'welcome:2026-11-23:eu eu sent']);
    expect(await log('all@example.com')).toEqual(['welcome:2026-11-23 - sent']);
  });

  it('a US-only change reaches the US, both and full-list subscribers, not the EU one', async () => {
    clock = new Date('2026-11-30T14:00:00Z');
    const before = smtp.messages.length;
    expect(await notify('2026-11-30')).toMatchObject({ queued: 3, sent: 3, failed: 0 });
    expect(inbox(before)).toEqual([
      'all: Scopeco: Storage changes locations \u2014 object by January 3, 2027',
      'both: Scopeco (US cloud): Storage changes locations \u2014 object by January 3, 2027',
      'us: Scopeco (US cloud): Storage changes locations \u2014 object by January 3, 2027',
    ]);
    const us = smtp.messages.slice(before).find((m) => m.to_ === 'us@example.com')!;
    // The US list's locations: not the EU one.
    expect(us.text).toContain('- Locations: United States: Virginia; United States: Oregon\n');
    expect(us.text).toContain('Before: United States: Virginia\n  After: United States: Virginia; United States: Oregon');
    expect(us.text).not.toContain('Germany');
    expect(us.text).toContain('Details: http://localhost:3300/us/subprocessors/storage');
    expect(us.text).toContain('The list as of November 30, 2026: http://localhost:3300/us/subprocessors/history/2026-11-30');
    expect(us.text).toContain('Every change: http://localhost:3300/us/subprocessors/changes');
    const all = smtp.messages.slice(before).find((m) => m.to_ === 'all@example.com')!;
    expect(all.text).toContain('- Locations: United States: Virginia (US cloud); United States: Oregon (US cloud); Germany (EU cloud)\n');
    expect(all.text).toContain('- Scopes: all scopes\n');
    expect(us.text).not.toContain('- Scopes:');
    expect(all.text).toContain('Details: http://localhost:3300/subprocessors/storage');
    expect(await log('eu@example.com')).toEqual(['welcome:2026-11-23:eu eu sent']);
    expect(await log('us@example.com')).toEqual(['welcome:2026-11-23:us us sent', 'day:2026-11-30:us us sent']);
    // The full list's notice keeps the id it had before scopes.
    expect(await log('all@example.com')).toEqual(['welcome:2026-11-23 - sent', 'day:2026-11-30 - sent']);
  });

  it('joining the EU cloud is an addition in the EU notice; a day concerning both lists sends one e-mail per chosen list; nothing twice', async () => {
    clock = new Date('2026-12-07T14:00:00Z');
    const before = smtp.messages.length;
    expect(await notify('2026-12-07')).toMatchObject({ queued: 5, sent: 5, failed: 0 });
    expect(inbox(before)).toEqual([
      // Each subject names the vendors and the earliest deadline; joining the EU cloud is an addition there.
      'all: Scopeco: Analytics changes scopes; adding Mailer \u2014 object by January 10, 2027',
      'both: Scopeco (EU cloud): adding Analytics; adding Mailer \u2014 object by January 10, 2027',
      'both: Scopeco (US cloud): adding Mailer \u2014 object by January 10, 2027',
      'eu: Scopeco (EU cloud): adding Analytics; adding Mailer \u2014 object by January 10, 2027',
      'us: Scopeco (US cloud): adding Mailer \u2014 object by January 10, 2027',
    ]);
    const eu = smtp.messages.slice(before).find((m) => m.to_ === 'eu@example.com')!;
    expect(eu.text).toContain('Added subprocessor: Analytics, effective January 11, 2027');
    expect(eu.text).toContain('Scopeco will add Analytics to its list of subprocessors');
    expect(eu.text).toContain('Details: http://localhost:3300/eu/subprocessors/analytics');
    const all = smtp.messages.slice(before).find((m) => m.to_ === 'all@example.com')!;
    expect(all.text).toContain('Updated subprocessor: Analytics, effective January 11, 2027');

    // The delivery log names the scope, and records the fingerprint of that scope's list.
    const rows = await db.selectFrom('deliveries').select(['address', 'notice_id', 'scope', 'fingerprint']).where('notice_id', 'like', 'day:2026-12-07%').orderBy('address').orderBy('notice_id').execute();
    const listPrint = (scope?: string) => fingerprint(listAsOf(scope ? scopedContent(content, scope)! : content, '2026-12-07'));
    expect(new Set([listPrint(), listPrint('us'), listPrint('eu')]).size).toBe(3);
    expect(rows).toEqual([
      { address: 'all@example.com', notice_id: 'day:2026-12-07', scope: null, fingerprint: listPrint() },
      { address: 'both@example.com', notice_id: 'day:2026-12-07:eu', scope: 'eu', fingerprint: listPrint('eu') },
      { address: 'both@example.com', notice_id: 'day:2026-12-07:us', scope: 'us', fingerprint: listPrint('us') },
      { address: 'eu@example.com', notice_id: 'day:2026-12-07:eu', scope: 'eu', fingerprint: listPrint('eu') },
      { address: 'us@example.com', notice_id: 'day:2026-12-07:us', scope: 'us', fingerprint: listPrint('us') },
    ]);

    // Exactly once: running again (the same day, or later) sends nothing.
    const count = smtp.messages.length;
    expect(await notify('2026-12-07')).toMatchObject({ queued: 0, sent: 0 });
    clock = new Date('2026-12-08T14:00:00Z');
    expect(await notify('2026-12-08')).toMatchObject({ queued: 0, sent: 0 });
    expect(smtp.messages.length).toBe(count);
  });

  it('an unknown scope in the form gets the neutral answer and stores nothing', async () => {
    const before = smtp.messages.length;
    expect(await subscribe('email=mars%40example.com&scopes=mars')).toBe('/subprocessors/subscribe?status=sent');
    expect(await subscribe('email=mars%40example.com&scopes=eu&scopes=EU')).toBe('/subprocessors/subscribe?status=sent');
    expect(await db.selectFrom('subscribers').select('id').where('email', '=', 'mars@example.com').execute()).toEqual([]);
    expect(smtp.messages.length).toBe(before);
    // A refused address comes back with the boxes ticked.
    expect(await subscribe('email=nope&scopes=eu')).toBe('/subprocessors/subscribe?error=format&scopes=eu');
  });

  it('a subscriber who asks for other scopes keeps the old ones until the new link is confirmed', async () => {
    clock = new Date('2026-12-09T10:00:00Z');
    // The same choice again: nothing to confirm, no e-mail.
    let before = smtp.messages.length;
    expect(await subscribe('email=us%40example.com&scopes=us')).toBe('/subprocessors/subscribe?status=sent');
    expect(smtp.messages.length).toBe(before);
    // Another choice: a confirmation worded as the change it is, showing both; until then nothing changes.
    expect(await subscribe('email=us%40example.com&scopes=eu')).toBe('/subprocessors/subscribe?status=sent');
    expect(smtp.messages.slice(before).map((m) => `${m.to_}: ${m.subject}`)).toEqual(['us@example.com: Scopeco: confirm a change to your subscription to subprocessor changes']);
    expect(smtp.messages.at(-1)!.text).toContain(
      'Now: only the changes that concern US cloud (one e-mail for each on a day that concerns several).\nRequested: only the changes that concern EU cloud (one e-mail for each on a day that concerns several).\n\nNothing changes unless you confirm: until then you keep receiving only the changes that concern US cloud',
    );
    const eu = lastLink();
    const row = () => db.selectFrom('subscribers').select(['status', 'scopes', 'confirmed_on']).where('email', '=', 'us@example.com').executeTakeFirstOrThrow();
    expect(await row()).toEqual({ status: 'confirmed', scopes: 'us', confirmed_on: '2026-11-23' });
    // Ten minutes later the full list instead: only the newest link works, and it applies its own choice.
    clock = new Date('2026-12-09T10:10:01Z');
    expect(await subscribe('email=us%40example.com')).toBe('/subprocessors/subscribe?status=sent');
    expect(smtp.messages.at(-1)!.text).toContain('Requested: every change to the list.');
    const full = lastLink();
    expect(await confirm(eu)).toBe('/subprocessors/subscribe/confirm?status=invalid');
    expect(await row()).toEqual({ status: 'confirmed', scopes: 'us', confirmed_on: '2026-11-23' });
    expect(await confirm(full)).toBe('/subprocessors/subscribe/confirm?status=confirmed');
    expect(await row()).toEqual({ status: 'confirmed', scopes: null, confirmed_on: '2026-12-09' });
    before = smtp.messages.length;
    expect(await notify('2026-12-09')).toMatchObject({ sent: 1 });
    expect(inbox(before)).toEqual(['us: Scopeco: you are subscribed to subprocessor changes']);
    // The new list's past days are not sent.
    expect(await log('us@example.com')).toEqual(['welcome:2026-11-23:us us sent', 'day:2026-11-30:us us sent', 'day:2026-12-07:us us sent', 'welcome:2026-12-09 - sent']);

    // A pending request: the confirmed link's choice is the latest one asked for.
    clock = new Date('2026-12-09T11:00:00Z');
    await subscribe('email=late%40example.com&scopes=us');
    clock = new Date('2026-12-09T11:10:01Z');
    await subscribe('email=late%40example.com&scopes=eu');
    expect(await confirm()).toBe('/subprocessors/subscribe/confirm?status=confirmed');
    expect(await db.selectFrom('subscribers').select('scopes').where('email', '=', 'late@example.com').executeTakeFirstOrThrow()).toEqual({ scopes: 'eu' });
    expect(await notify('2026-12-09')).toMatchObject({ sent: 1 });
    expect(await log('late@example.com')).toEqual(['welcome:2026-12-09:eu eu sent']);
  });

  it('a subscriber whose scopes left site.yaml gets the full list from then on, not its past', async () => {
    // `gone` chose a scope since removed: its last notice was on December 1.
    const [gone] = await db
      .insertInto('subscribers')
      .values({ email: 'gone@example.com', status: 'confirmed', created_at: '2026-11-02T10:00:00.000Z', confirmed_at: '2026-11-02T10:00:00.000Z', confirmed_on: '2026-11-02', scopes: 'apac' })
      .returning('id')
      .execute();
    await db.insertInto('deliveries').values({ notice_id: 'day:2026-12-01:apac', subscriber_id: gone.id, address: 'gone@example.com', status: 'sent', created_at: '2026-12-01T10:00:00.000Z', next_attempt_at: '2026-12-01T10:00:00.000Z', scope: 'apac' }).execute();
    clock = new Date('2026-12-10T10:00:00Z');
    expect(await notify('2026-12-10')).toMatchObject({ queued: 1, sent: 1, failed: 0 });
    expect(await log('gone@example.com')).toEqual(['day:2026-12-01:apac apac sent', 'day:2026-12-07 - sent']);
  });

  it('npm run notices and npm run subscribers show the scope', () => {
    const run = (script: string, args: string[] = []) =>
      execFileSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], { env: { ...process.env, ...env, CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-12-10' }, encoding: 'utf8' });
    const rows = parse(run('notices.ts', ['--csv']), { columns: true }) as Record<string, string>[];
    const eu = rows.filter((row) => row.address === 'eu@example.com').map((row) => [row.notice, row.scope, row.changes]);
    expect(eu).toEqual([
      // The confirmation e-mail is in the log too: the proof of the double opt-in.
      ['confirm:2026-11-23T15:00:00.000Z', '', ''],
      ['welcome:2026-11-23:eu', 'eu', ''],
      ['day:2026-12-07:eu', 'eu', 'analytics-added-2027-01-11 mailer-added-2027-01-11'],
    ]);
    expect(rows.find((row) => row.address === 'all@example.com' && row.notice === 'day:2026-12-07')).toMatchObject({ scope: '', changes: 'analytics-updated-2027-01-11 mailer-added-2027-01-11' });

    const out = run('notices.ts');
    expect(out).toContain(
      [
        'storage-updated-2027-01-04: announced 2026-11-30, effective 2027-01-04',
        '  full list: e-mailed 2026-11-30: 1 sent, 0 failed, 0 pending',
        '    notice period from sending: 35 days',
        '    objections: none',
        '  US cloud (us): e-mailed 2026-11-30: 2 sent, 0 failed, 0 pending',
        '    notice period from sending: 35 days',
        '    objections: none',
        'support-added-2026-12-16',
      ].join('\n'),
    );
    expect(out).toContain(['analytics-updated-2027-01-11: announced 2026-12-07, effective 2027-01-11', '  full list: e-mailed 2026-12-07 to 2026-12-10: 2 sent'].join('\n'));
    expect(out).toContain('  EU cloud (eu): e-mailed 2026-12-07: 2 sent, 0 failed, 0 pending\n    notice period from sending: 35 days\n    objections: none\nmailer-added');

    const subscribers = parse(run('subscribers.ts', ['--export']), { columns: true }) as Record<string, string>[];
    expect(subscribers.map((row) => `${row.address} ${row.scopes || '(full list)'}`)).toEqual([
      'eu@example.com eu',
      'us@example.com (full list)',
      'both@example.com us eu',
      'all@example.com (full list)',
      'late@example.com eu',
      'gone@example.com apac',
    ]);
  });
});

describe.each(KINDS)('a database from before scopes on %s', (kind: Kind) => {
  it('keeps its rows: its subscribers get the full list under the notice ids they had, exactly once', async () => {
    const db = openDatabase(await databaseEnv(kind, `upgrade_${kind}`));
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0003'));
    const { error } = await new Migrator({ db: db as unknown as Kysely<unknown>, provider: { getMigrations: async () => before } }).migrateToLatest();
    expect(error).toBeUndefined();
    await addConfirmed(db, 2, '2026-11-02');
    const [{ id }] = await db.selectFrom('subscribers').select('id').orderBy('id').limit(1).execute();
    // user0 was sent the notice of November 16 before the upgrade.
    await db.insertInto('deliveries').values({ notice_id: 'day:2026-11-16', subscriber_id: id, address: 'user0@example.com', status: 'sent', created_at: '2026-11-16T15:00:00.000Z', next_attempt_at: '2026-11-16T15:00:00.000Z' }).execute();
    // Every migration from 0003 on runs, in order (their names from the same list the server uses).
    expect(await migrate(db)).toEqual(Object.keys(migrations).filter((name) => name >= '0003').sort());
    expect(Object.keys(migrations)).toEqual(expect.arrayContaining(['0003_scopes', '0004_requests', '0005_objections', '0006_desk']));
    expect(await db.selectFrom('subscribers').select(['email', 'scopes']).orderBy('id').execute()).toEqual([{ email: 'user0@example.com', scopes: null }, { email: 'user1@example.com', scopes: null }]);

    const smtp = await startSmtp(kind === 'sqlite' ? 3343 : 3344);
    const mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    expect(await runNotify({ db, content, mailer, today: '2026-11-30', now: () => new Date('2026-11-30T15:00:00Z'), log: () => {} })).toMatchObject({ queued: 3, sent: 3, failed: 0 });
    expect(await runNotify({ db, content, mailer, today: '2026-11-30', now: () => new Date('2026-11-30T16:00:00Z'), log: () => {} })).toMatchObject({ queued: 0, sent: 0 });
    mailer.close();
    await smtp.close();
    const rows = await db.selectFrom('deliveries').select(['address', 'notice_id', 'scope']).orderBy('address').orderBy('notice_id').execute();
    expect(rows.map((row) => `${row.address} ${row.notice_id} ${row.scope ?? '-'}`)).toEqual([
      'user0@example.com day:2026-11-16 -',
      'user0@example.com day:2026-11-30 -',
      'user1@example.com day:2026-11-16 -',
      'user1@example.com day:2026-11-30 -',
    ]);
    expect(smtp.messages.map((m) => m.subject)).toEqual(expect.arrayContaining(['Scopeco: adding Support \u2014 object by December 15, 2026', 'Scopeco: Storage changes locations \u2014 object by January 3, 2027']));
    await db.destroy();
  });
});
