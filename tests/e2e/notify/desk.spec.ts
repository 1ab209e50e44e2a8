import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { takeSmtp, type Received } from '../../mail-server';
import { NOTIFY } from '../../../playwright.config';
import { inbox } from './inbox';

/**
 * The legal team's desk, as they use it, against the production build, the real SMTP server
 * and the database: sign in by the e-mailed link, what needs attention, "were they told?",
 * subscribers (export, erasure), the activity log, signing out; and every refusal.
 */
test.describe.configure({ mode: 'serial' });

let smtp: Awaited<ReturnType<typeof takeSmtp>>;
test.beforeAll(async () => {
  // The notice flow's tests send to the same server: one file at a time holds it.
  test.setTimeout(600_000);
  smtp = await takeSmtp(NOTIFY.smtpPort);
});
test.afterAll(async () => smtp.close());

const LEGAL = 'legal@notifyco.example';
const COUNSEL = 'counsel@notifyco.example';
const STRANGER = 'stranger@notifyco.example';
const CUSTOMER = 'privacy-officer@customer.example';
const LATER = `http://localhost:${NOTIFY.laterPort}`;
const { mailsTo, nextMail } = inbox({ get messages() { return smtp.messages; } });
const SENT = 'If this address is on the team, we have e-mailed it a sign-in link. It works for 15 minutes, once.';

async function askForLink(page: Page, address: string) {
  await page.goto('/desk');
  await page.getByRole('textbox', { name: 'Your work e-mail address' }).fill(address);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await expect(page).toHaveURL('/desk?status=sent');
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText(SENT);
}
const linkIn = (mail: Received) => /http:\/\/localhost:3300\/desk\/sign-in\?token=[\w-]+/.exec(mail.text ?? '')![0];

async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

let link = '';
let cookie = '';
// Each test has a browser of its own: once signed in, it carries the session's cookie.
test.beforeEach(async ({ context }) => {
  if (cookie) await context.addCookies([{ name: 'desk_session', value: cookie, url: 'http://localhost:3300/desk' }]);
});

test('anonymous visitors get the sign-in form and nothing else; a stranger gets the same answer and no e-mail', async ({ page, request }) => {
  const response = await page.goto('/desk');
  expect(response?.headers()['cache-control']).toContain('no-store');
  expect(response?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to the desk');
  await axe(page, 'sign-in form');
  // Every other desk address sends them to the same form.
  for (const path of ['/desk/lookup?email=someone%40customer.example', '/desk/subscribers', '/desk/activity', '/desk/subscribers/erase?email=someone%40customer.example']) {
    await page.goto(path);
    await expect(page, path).toHaveURL('/desk');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to the desk');
  }
  const post = await request.post('/desk/subscribers/export', { headers: { Origin: 'http://localhost:3300' }, maxRedirects: 0 });
  expect(post.status()).toBe(303);
  expect(post.headers().location).toBe('/desk');

  await askForLink(page, STRANGER);
  await askForLink(page, 'Legal@Notifyco.example');
  const mail = await nextMail(LEGAL, 1);
  expect(mail.subject).toBe('Notifyco: your sign-in link to the subprocessor desk');
  link = linkIn(mail);
  expect(mailsTo(STRANGER)).toHaveLength(0);
});

test('the link opens a page with a button; pressing it signs in, once', async ({ page, browser }) => {
  await page.goto(link);
  // Opening it (a mail scanner would) changes nothing: opened again, it still offers the button.
  await page.goto(link);
  await axe(page, 'sign-in button');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL('/desk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What needs attention');
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${LEGAL}`);
  const session = (await page.context().cookies()).find((c) => c.name === 'desk_session')!;
  expect(session).toMatchObject({ path: '/desk', httpOnly: true, sameSite: 'Lax', secure: false });
  cookie = session.value;

  // Used: in another browser the same link signs nobody in.
  const other = await browser.newPage();
  await other.goto(link);
  await expect(other.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link has expired or was already used. Ask for a new one.');
  await expect(other.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
  const again = await other.request.post(link, { form: {}, headers: { Origin: 'http://localhost:3300' }, maxRedirects: 0 });
  expect(again.headers().location).toBe('/desk/sign-in?status=invalid');
  expect(again.headers()['set-cookie']).toBeUndefined();
  await other.close();
});

test('an expired link signs nobody in', async ({ browser }) => {
  const other = await browser.newPage({ baseURL: 'http://localhost:3300' });
  await askForLink(other, COUNSEL);
  const expired = linkIn(await nextMail(COUNSEL, 1)).replace('http://localhost:3300', LATER);
  // The second server's clock is a week ahead: the link is long past its 15 minutes there.
  await other.goto(expired);
  await expect(other.getByRole('alert').filter({ hasText: /\S/ })).toHaveText('This link has expired or was already used. Ask for a new one.');
  const post = await other.request.post(expired, { form: {}, headers: { Origin: LATER }, maxRedirects: 0 });
  expect(post.headers().location).toBe('/desk/sign-in?status=invalid');
  expect(post.headers()['set-cookie']).toBeUndefined();
  await other.close();
});

test('what needs attention: changes in progress, announcements ahead, failed deliveries, warnings', async ({ page, context }) => {
  await page.goto('/desk');
  await axe(page, 'attention');
  await expect(page.getByRole('region', { name: 'Announcements ahead' }).getByRole('listitem')).toHaveText([
    'Added: Anthropic, announced 2026-11-30 (in 7 days), in effect 2027-01-04',
    'Added: Mistral AI, announced 2026-12-07 (in 14 days), in effect 2027-01-11',
  ]);
  await expect(page.getByRole('region', { name: 'Changes in progress' })).toContainText('None.');
  await expect(page.getByRole('region', { name: 'Deliveries that failed' })).toBeVisible();
  // The second server, on the same database, has a clock a week ahead: there the session is long past its 12 hours.
  const later = await context.newPage();
  await later.goto(`${LATER}/desk`);
  await expect(later.getByRole('heading', { level: 1 })).toHaveText('Sign in to the desk');
  await later.close();
});

test('"were they told?": a subscriber who received a notice, then export and erasure', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // A customer subscribes and confirms; the welcome is the notice they received.
  const customer = await browser.newPage();
  await customer.goto('/subprocessors/subscribe');
  await customer.getByRole('textbox', { name: 'E-mail me before any change' }).fill(CUSTOMER);
  await customer.getByRole('button', { name: 'Subscribe' }).click();
  await customer.goto(/http:\/\/localhost:3300\/subprocessors\/subscribe\/confirm\?token=[\w-]+/.exec((await nextMail(CUSTOMER, 1)).text ?? '')![0]);
  await customer.getByRole('button', { name: 'Confirm' }).click();
  const welcome = await nextMail(CUSTOMER, 2);
  await customer.close();

  await page.goto('/desk');
  await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Were they told?' }).click();
  await page.getByRole('textbox', { name: 'E-mail address' }).fill(CUSTOMER);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page).toHaveURL(`/desk/lookup?email=${encodeURIComponent(CUSTOMER)}`);
  await expect(page.getByRole('region', { name: `Subscription of ${CUSTOMER}` })).toContainText('Now: subscribed, to the full list');
  const emails = page.getByRole('region', { name: 'E-mails to this address' }).getByRole('listitem');
  await expect(emails).toHaveCount(2);
  await expect(emails.nth(1)).toContainText('Welcome e-mail on confirming (2026-11-23)');
  await expect(emails.nth(1)).toContainText(`Message-ID${welcome.messageId}`);
  await expect(emails.nth(1)).toContainText(/Mail server's reply250 /);
  await expect(emails.nth(1)).toContainText(/Sent2026-11-23 \d\d:\d\d EST/);
  await axe(page, 'lookup');

  await page.getByRole('link', { name: 'Subscribers' }).click();
  await expect(page.getByRole('row', { name: /^The list/ })).toBeVisible();
  await axe(page, 'subscribers');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csv = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(csv.split('\n')[0]).toBe('address,confirmed_at,scopes');
  expect(csv).toContain(`\n${CUSTOMER},2026-11-23T`);

  await page.getByRole('textbox', { name: 'Address to erase' }).fill(CUSTOMER);
  await page.getByRole('button', { name: 'Erase…' }).click();
  await expect(page).toHaveURL(`/desk/subscribers/erase?email=${encodeURIComponent(CUSTOMER)}`);
  await expect(page.getByRole('main')).toContainText(`Erase ${CUSTOMER} everywhere? This cannot be undone.`);
  await axe(page, 'erase confirmation');
  // Nothing is erased until the button is pressed.
  await page.goto(`/desk/lookup?email=${encodeURIComponent(CUSTOMER)}`);
  await expect(page.getByRole('region', { name: `Subscription of ${CUSTOMER}` })).toContainText('Now: subscribed');
  await page.goBack();
  await page.getByRole('button', { name: `Erase ${CUSTOMER}` }).click();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toContainText('Erased: the subscription, its links and e-mails still queued are gone');
  await page.goto(`/desk/lookup?email=${encodeURIComponent(CUSTOMER)}`);
  await expect(page.getByRole('region', { name: `Subscription of ${CUSTOMER}` })).toContainText('No subscription on record');
  await expect(page.getByRole('region', { name: 'E-mails to this address' })).toContainText('No e-mail to this address is on record.');
});

test('the activity log shows every sign-in, refusal and action with who and when', async ({ page }) => {
  await page.goto('/desk/activity');
  await axe(page, 'activity');
  const rows = page.getByRole('row');
  for (const [who, what] of [
    ['unknown', 'sign-in link refused: an address not in DESK_EMAILS'],
    [LEGAL, 'sign-in link sent'],
    [LEGAL, 'signed in: with an e-mailed link'],
    [LEGAL, 'sign-in refused: the link was already used'],
    [COUNSEL, 'sign-in refused: the link had expired'],
    // Looked up before the erasure: the erasure took the address out of this line too.
    [LEGAL, 'looked up an address: [erased]'],
    [LEGAL, 'exported the subscribers: CSV of the confirmed addresses'],
    [LEGAL, 'erased an address: a subscriber'],
  ]) {
    await expect(rows.filter({ hasText: who }).filter({ hasText: what }).first(), what).toContainText(/2026-11-\d\d \d\d:\d\d EST/);
  }
});

test('reads well at 375 px: nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ['/desk', `/desk/lookup?email=${encodeURIComponent(LEGAL)}`, '/desk/subscribers', '/desk/activity', `/desk/subscribers/erase?email=${encodeURIComponent(CUSTOMER)}`]) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
});

test('a lookup linked from another site only fills in the form: nothing is looked up in the member\'s name until they press Look up', async ({ page }) => {
  const VICTIM = 'looked-up-from-elsewhere@customer.example';
  await page.route('http://elsewhere.example/', (route) => route.fulfill({ contentType: 'text/html', body: `<a href="http://localhost:3300/desk/lookup?email=${encodeURIComponent(VICTIM)}">open</a>` }));
  await page.goto('http://elsewhere.example/');
  await page.getByRole('link', { name: 'open' }).click();
  await expect(page).toHaveURL(`/desk/lookup?email=${encodeURIComponent(VICTIM)}`);
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText('You came here from another site. Press Look up to see what the desk holds about this address.');
  await expect(page.getByRole('region', { name: `Subscription of ${VICTIM}` })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'E-mail address' })).toHaveValue(VICTIM);
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.getByRole('region', { name: `Subscription of ${VICTIM}` })).toBeVisible();
  // One line: the member's own press; the page opened from the other site recorded none.
  await page.goto('/desk/activity');
  await expect(page.getByRole('row').filter({ hasText: `looked up an address: ${VICTIM}` })).toHaveCount(1);
});

test('every desk answer, redirects and errors included, is no-store and noindex; a body over the form\'s size is refused with 413', async ({ page, request }) => {
  for (const [method, path, status] of [
    ['GET', '/desk/activity', 307], // anonymous: to the sign-in form
    ['GET', '/desk/objections/OBJ-2026-0001', 307],
    ['GET', '/desk/no-such-page', 404],
    ['GET', '/desk/sign-out', 405],
    ['GET', '/api/desk/request', 405],
    ['GET', '/api/desk/erase', 405],
    ['POST', '/desk/subscribers/export', 403], // no Origin of this site
  ] as const) {
    const response = await request.fetch(path, { method, maxRedirects: 0, headers: method === 'POST' ? { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } : {} });
    expect(response.status(), path).toBe(status);
    expect(response.headers()['cache-control'], path).toContain('no-store');
    expect(response.headers()['x-robots-tag'], path).toBe('noindex, nofollow');
  }
  // Signed in (this browser's cookie), a made-up body of 5 MB: refused before anything is read or exported.
  const huge = await page.request.post('/desk/subscribers/export', { headers: { Origin: 'http://localhost:3300', 'Content-Type': 'application/x-www-form-urlencoded' }, data: 'x'.repeat(5 * 1024 * 1024), maxRedirects: 0 });
  expect(huge.status()).toBe(413);
  await page.goto('/desk/activity');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Activity');
});

test('refusals: a post from another site, a made-up cookie, the cookie of a session that ended', async ({ page, browser }) => {
  const cross = await page.request.post('/desk/subscribers/export', { headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, maxRedirects: 0 });
  expect(cross.status()).toBe(403);
  const crossErase = await page.request.post('/desk/subscribers/erase', { form: { email: LEGAL, confirm: 'yes' }, headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, maxRedirects: 0 });
  expect(crossErase.status()).toBe(403);

  const madeUp = await browser.newContext({ baseURL: 'http://localhost:3300' });
  await madeUp.addCookies([{ name: 'desk_session', value: 'Aq3xMadeUpButPlausibleLookingValue0123456789', url: 'http://localhost:3300/desk' }]);
  const stranger = await madeUp.newPage();
  await stranger.goto('/desk/activity');
  await expect(stranger).toHaveURL('/desk');
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Sign in to the desk');

  // Signing out ends the session: its cookie, kept by someone, opens nothing afterwards.
  await page.goto('/desk');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText('You are signed out.');
  await page.goto('/desk/activity');
  await expect(page).toHaveURL('/desk');
  await madeUp.addCookies([{ name: 'desk_session', value: cookie, url: 'http://localhost:3300/desk' }]);
  await stranger.goto('/desk/lookup?email=legal%40notifyco.example');
  await expect(stranger).toHaveURL('/desk');
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Sign in to the desk');
  await madeUp.close();
});
