import { spawn } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { formatDate } from '../../../lib/content/dates';
import { takeSmtp } from '../../mail-server';
import { NOTIFY } from '../../../playwright.config';
import { inbox } from './inbox';

/**
 * The whole flow as a person does it, against production builds and a real SMTP server:
 * subscribe on the list page, confirm from the e-mail, a change announced a week later,
 * `npm run notify`, the notice, one-click unsubscribe, and no further e-mail.
 */
test.describe.configure({ mode: 'serial' });

let smtp: Awaited<ReturnType<typeof takeSmtp>>;
test.beforeAll(async () => {
  // The desk's tests send to the same server: one file at a time holds it.
  test.setTimeout(600_000);
  smtp = await takeSmtp(NOTIFY.smtpPort);
});
test.afterAll(async () => smtp.close());

const ADDRESS = 'reviewer@customer.example';
const { mailsTo, nextMail } = inbox({ get messages() { return smtp.messages; } });
/** `npm run notify` at a date; not spawnSync, which would stop this process's SMTP server from answering. */
async function notify(today: string): Promise<string> {
  const child = spawn('npm', ['run', '-s', 'notify'], { env: { ...process.env, ...NOTIFY.env, SUBPROCESSORS_TODAY: today } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code, output).toBe(0);
  return output;
}

test('subscribe, confirm, be notified of a change, unsubscribe in one click', async ({ page, request }) => {
  test.setTimeout(120_000);
  await page.goto('/subprocessors');
  await page.getByRole('textbox', { name: 'E-mail me before any change' }).fill(ADDRESS);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  await expect(page).toHaveURL('/subprocessors/subscribe?status=sent');
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toContainText('Check your inbox.');

  const confirmation = await nextMail(ADDRESS, 1);
  expect(confirmation.subject).toBe('Notifyco: confirm your subscription to subprocessor changes');
  const link = /http:\/\/localhost:3300\/subprocessors\/subscribe\/confirm\?token=[\w-]+/.exec(confirmation.text ?? '')![0];
  await page.goto(link);
  // Opening the link (as a mail scanner would) changes nothing: only the button confirms.
  expect(await notify(NOTIFY.env.SUBPROCESSORS_TODAY)).toContain('0 sent, 0 failed');
  // It says which address and which lists it confirms.
  await expect(page.getByRole('main')).toContainText(`Confirm e-mails to ${ADDRESS} about every change to the list.`);
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Confirmed: you are subscribed. We have sent you the changes announced and not yet in effect.');
  const welcome = await nextMail(ADDRESS, 2);
  expect(welcome.subject).toBe('Notifyco: you are subscribed to subprocessor changes');
  expect(welcome.text).toContain('No change is announced and not yet in effect as of November 23, 2026.');

  // A week later (the second server's date), the Anthropic addition has been announced.
  expect(await notify(NOTIFY.later)).toContain('1 sent, 0 failed');
  // With SUBPROCESSORS_TODAY set, the time recorded is that day at the current time of day (SPEC §3).
  const sentOn = formatDate(NOTIFY.later);
  const notice = await nextMail(ADDRESS, 3);
  expect(notice.subject).toBe('Notifyco: adding Anthropic \u2014 object by January 3, 2027');
  expect(notice.from?.text).toBe('"Notifyco" <notices@notifyco.example>');
  expect(notice.text).toContain('Notifyco will add Anthropic to its list of subprocessors for Notifyco Cloud on January 4, 2027.');
  expect(notice.text).toMatch(/Added subprocessor: Anthropic, effective January 4, 2027\nObject by 23:59 EST on January 3, 2027 with this form \(your personal link, no sign-in\): http:\/\/localhost:3300\/subprocessors\/object\?change=anthropic-added-2027-01-04&token=\d+\.20270404\.[\w-]{43}\nQuestions about objecting: objections@notifyco\.example\./);
  expect(notice.text).toContain('Details: http://localhost:3300/subprocessors/anthropic');
  expect(notice.text).toContain('The list as of November 30, 2026: http://localhost:3300/subprocessors/history/2026-11-30');

  const later = await page.context().newPage();
  await later.goto(`http://localhost:${NOTIFY.laterPort}/subprocessors/changes`);
  await expect(later.getByRole('listitem').filter({ hasText: 'Added: Anthropic' })).toContainText(`E-mailed to subscribers on ${sentOn}`);

  // One click in the mail client: RFC 8058 POST to the List-Unsubscribe address.
  const unsubscribe = /<(http:\/\/localhost:3300\/subprocessors\/unsubscribe\?token=[\w-]+)>/.exec(notice.headerLines.find((h) => h.key === 'list-unsubscribe')!.line.replace(/\r\n\s+/g, ' '))![1];
  const response = await request.post(unsubscribe, { form: { 'List-Unsubscribe': 'One-Click' }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  expect(response.headers().location).toBe('/subprocessors/unsubscribe?status=done');
  await page.goto('/subprocessors/unsubscribe?status=done');
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText('You are unsubscribed. You will get no further e-mail from this list.');
  // The link used again says so, instead of offering the button again.
  await page.goto(unsubscribe);
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(`You are unsubscribed: ${ADDRESS} gets no further e-mail from this list.`);
  await expect(page.getByRole('button', { name: 'Unsubscribe' })).toHaveCount(0);

  // The Mistral addition, announced on December 7: nothing more for this address.
  expect(await notify('2026-12-07')).toContain('0 sent, 0 failed');
  expect(mailsTo(ADDRESS)).toHaveLength(3);
});

test('a form posted from another site is refused', async ({ request }) => {
  const response = await request.post('/subprocessors/subscribe', { form: { email: 'victim@example.com' }, headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, maxRedirects: 0 });
  expect(response.status()).toBe(403);
  expect(await response.text()).toBe('Forms on this site can be sent only from its own pages.');
});

test('POST /api/notify runs the job for a cron only with the bearer secret', async ({ request }) => {
  const refused = await request.post('/api/notify', { headers: { Authorization: 'Bearer wrong' } });
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: 'wrong or missing bearer token' });
  const run = await request.post('/api/notify', { headers: { Authorization: `Bearer ${NOTIFY.env.NOTIFY_SECRET}` } });
  expect(run.status()).toBe(200);
  expect(await run.json()).toEqual({ queued: 0, sent: 0, failed: 0, retrying: 0, resent: 0 });
});
