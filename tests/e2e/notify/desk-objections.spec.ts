import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startSmtp, type Received } from '../../mail-server';
import { NOTIFY } from '../../../playwright.config';
import { verifyEvidence, type EvidencePack } from '../../../lib/notify/objections/evidence';
import { inbox } from './inbox';

/**
 * The desk's objections, as the legal team uses them, against the production build and a real
 * SMTP server: a customer files an objection on the site; a team member signs in, sees it on
 * the first page and in the register, opens it, resolves it (the objector receives the outcome),
 * records a corrected outcome, and downloads the change's evidence pack; and the refusals.
 * The server is the notify build on December 8, with a database and SMTP server of its own
 * (NOTIFY.deskObjection), so it runs beside the other notify tests.
 */
test.describe.configure({ mode: 'serial' });

const { port, smtpPort } = NOTIFY.deskObjection;
const SITE = `http://localhost:${port}`;
const LEGAL = 'legal@notifyco.example';
const OBJECTOR = 'dpo@hospital.example';
const GROUNDS = 'Patient data must stay in the EU.\n<script>alert("x")</script> & nothing else.';
const REFERENCE = 'OBJ-2026-0001';
const CHANGE = 'anthropic-added-2027-01-04';
const TITLE = 'Added subprocessor: Anthropic, effective January 4, 2027';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  smtp = await startSmtp(smtpPort);
});
test.afterAll(async () => smtp.close());

const { mailsTo, nextMail } = inbox({ get messages() { return smtp.messages; } });
/** E-mails link to site.url (port 3300); this test's server is the same site on its own port. */
const linkIn = (mail: Received, path: string) => new RegExp(`http://localhost:3300${path}\\?token=[\\w.-]+`).exec(mail.text ?? '')![0].replace('http://localhost:3300', SITE);

async function axe(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(violations.map((v) => `${what}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
}

let cookie = '';
test.beforeEach(async ({ context }) => {
  if (cookie) await context.addCookies([{ name: 'desk_session', value: cookie, url: `${SITE}/desk` }]);
});

test('a customer files an objection on the site; anonymous visitors learn nothing of it on the desk', async ({ page, request }) => {
  test.setTimeout(120_000);
  await expect.poll(async () => (await request.get(`${SITE}/subprocessors`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);
  await page.goto(`${SITE}/subprocessors/object?change=${CHANGE}`);
  await page.getByRole('textbox', { name: 'Organisation' }).fill('St. Example Hospital');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Robin Example');
  await page.getByRole('textbox', { name: /Your e-mail address/ }).fill(OBJECTOR);
  await page.getByRole('textbox', { name: /Grounds of your objection/ }).fill(GROUNDS);
  await page.getByRole('textbox', { name: /Contract or DPA reference/ }).fill('DPA-2025-88');
  await page.getByRole('button', { name: 'Send objection' }).click();
  await page.goto(linkIn(await nextMail(OBJECTOR, 1), '/subprocessors/object/confirm'));
  await page.getByRole('button', { name: 'Confirm' }).click();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toContainText(`Your objection is recorded under the reference ${REFERENCE}.`);
  await nextMail(OBJECTOR, 2); // the receipt

  // Not signed in: every objection address, existing or not, sends to the sign-in form, as every desk address does.
  const anonymous = await page.context().browser()!.newPage();
  for (const path of ['/desk/objections', '/desk/objections?show=open', `/desk/objections/${REFERENCE}`, '/desk/objections/OBJ-2026-0999', '/desk/objections/nothing']) {
    await anonymous.goto(`${SITE}${path}`);
    await expect(anonymous, path).toHaveURL(`${SITE}/desk`);
    await expect(anonymous.getByRole('heading', { level: 1 })).toHaveText('Sign in to the desk');
    await expect(anonymous.getByRole('main')).not.toContainText('Hospital');
  }
  for (const path of [`/desk/objections/${REFERENCE}`, '/desk/objections/OBJ-2026-0999']) {
    const post = await anonymous.request.post(`${SITE}${path}`, { form: { outcome: 'withdrawn', note: 'x' }, headers: { Origin: SITE }, maxRedirects: 0 });
    expect(post.status(), path).toBe(303);
    expect(post.headers().location).toBe('/desk');
  }
  const evidence = await anonymous.request.post(`${SITE}/desk/objections/evidence`, { form: { change: CHANGE }, headers: { Origin: SITE }, maxRedirects: 0 });
  expect(evidence.headers().location).toBe('/desk');
  await anonymous.close();
});

test('a team member signs in and sees the open objection, with its change, on the first page', async ({ page }) => {
  await page.goto(`${SITE}/desk`);
  await page.getByRole('textbox', { name: 'Your work e-mail address' }).fill(LEGAL);
  await page.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
  await page.goto(linkIn(await nextMail(LEGAL, 1), '/desk/sign-in'));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What needs attention');
  cookie = (await page.context().cookies()).find((c) => c.name === 'desk_session')!.value;

  const open = page.getByRole('region', { name: 'Objections still open' }).getByRole('listitem');
  await expect(open).toHaveCount(1);
  await expect(open).toContainText(`${REFERENCE}: St. Example Hospital`);
  await expect(open).toContainText(TITLE);
  await expect(open).toContainText(/Received 2026-12-08 \d\d:\d\d EST, on time/);
  await expect(open).toContainText('Object by 23:59 EST on January 3, 2027 — 26 days left');
  const changes = page.getByRole('region', { name: 'Changes in progress' }).getByRole('listitem').filter({ hasText: /^Added: / });
  await expect(changes.filter({ hasText: 'Anthropic' })).toContainText('Objections: 1 (0 late, 1 still open).');
  await expect(changes.filter({ hasText: 'Mistral AI' })).toContainText('No objection so far.');
  await expect(changes.filter({ hasText: 'Anthropic' }).getByRole('button', { name: 'Download the evidence pack of Anthropic' })).toBeVisible();
  await axe(page, 'attention with objections');
});

test('opens the objection from the register, resolves it, and the objector receives the outcome', async ({ page }) => {
  await page.goto(`${SITE}/desk`);
  await page.getByRole('navigation', { name: 'Desk' }).getByRole('link', { name: 'Objections' }).click();
  await expect(page).toHaveURL(`${SITE}/desk/objections`);
  const row = page.getByRole('row', { name: new RegExp(REFERENCE) });
  await expect(row).toContainText(TITLE);
  await expect(row).toContainText('St. Example Hospital');
  await expect(row).toContainText('On time');
  await expect(row.getByRole('cell').last()).toHaveText('Open');
  await axe(page, 'register');

  await row.getByRole('link', { name: REFERENCE }).click();
  await expect(page).toHaveURL(`${SITE}/desk/objections/${REFERENCE}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Objection ${REFERENCE}`);
  const received = page.getByRole('region', { name: 'What was received' });
  // What the customer typed is shown as text, exactly as received.
  await expect(page.getByTestId('grounds')).toHaveText(GROUNDS);
  await expect(received).toContainText('DPA-2025-88');
  await expect(received).toContainText('confirmed through the link e-mailed to this address');
  await expect(received).toContainText('Robin Example');
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveText([/^Received.*recorded by the form on the site/]);
  await axe(page, 'objection');

  const resolve = page.getByRole('region', { name: 'Resolve' });
  await expect(resolve.getByRole('checkbox', { name: "Don't e-mail the objector" })).not.toBeChecked();
  await resolve.getByRole('radio', { name: /^Alternative agreed/ }).check();
  await resolve.getByRole('textbox', { name: 'Note (the objector reads it)' }).fill('EU-hosted model offered; agreed on a call on 8 December.');
  await resolve.getByRole('button', { name: 'Resolve the objection' }).click();
  await expect(page).toHaveURL(`${SITE}/desk/objections/${REFERENCE}?status=emailed`);
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Recorded. The objector is being e-mailed the outcome and your note.');
  await expect(page.getByRole('main')).toContainText('State: Resolved: Alternative agreed');
  const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
  await expect(history.nth(1)).toContainText('Resolved: Alternative agreed');
  await expect(history.nth(1)).toContainText(`recorded by ${LEGAL}; the objector was e-mailed`);

  // The Confirm link, the receipt, and now the outcome, sent by the notify job the form woke.
  const outcome = await nextMail(OBJECTOR, 3);
  expect(outcome.subject).toBe(`Notifyco: outcome of objection ${REFERENCE}`);
  expect(outcome.text).toContain('Outcome: alternative — We agreed an alternative with you.');
  expect(outcome.text).toContain('Note:\nEU-hosted model offered; agreed on a call on 8 December.');
});

test('a corrected outcome is added after the first, here without e-mailing the objector; the register shows it', async ({ page }) => {
  await page.goto(`${SITE}/desk/objections/${REFERENCE}`);
  const again = page.getByRole('region', { name: 'Record a new outcome' });
  await expect(again).toContainText('This objection is already resolved (Alternative agreed). A new outcome, for example a correction, is added to the history after the current one');
  await again.getByRole('radio', { name: /^Withdrawn/ }).check();
  await again.getByRole('textbox', { name: 'Note (the objector reads it)' }).fill('The customer withdrew it in writing.');
  await again.getByRole('checkbox', { name: "Don't e-mail the objector" }).check();
  await again.getByRole('button', { name: 'Record the new outcome' }).click();
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toHaveText('Recorded. The objector was not e-mailed.');
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveText([/^Received/, /^Resolved: Alternative agreed/, /^New outcome: Withdrawn.*the objector was not e-mailed/]);

  await page.getByRole('link', { name: 'All objections' }).click();
  await expect(page.getByRole('row', { name: new RegExp(REFERENCE) }).getByRole('cell').last()).toHaveText('Resolved: Withdrawn');
  await page.getByRole('link', { name: 'Still open (0)' }).click();
  await expect(page.getByRole('main')).toContainText('No objection is open.');
  await page.goto(`${SITE}/desk`);
  await expect(page.getByRole('region', { name: 'Objections still open' })).toContainText('None.');
  expect(mailsTo(OBJECTOR)).toHaveLength(3);
  // "Were they told?" names each e-mail the objector was sent about it.
  await page.goto(`${SITE}/desk/lookup?email=${encodeURIComponent(OBJECTOR)}`);
  await expect(page.getByRole('region', { name: 'E-mails to this address' }).getByRole('listitem')).toContainText(['Objection: the link to confirm it', 'Objection: its receipt', 'Objection: its outcome']);
});

test('downloads the evidence pack of the change: a JSON file whose SHA-256 verifies', async ({ page }) => {
  await page.goto(`${SITE}/desk/objections/${REFERENCE}`);
  const download = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Evidence pack of the change' }).getByRole('button', { name: /^Download the evidence pack/ }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^evidence-${CHANGE}-2026-12-08-[0-9a-f]{12}\\.json$`));
  const pack = JSON.parse(fs.readFileSync((await file.path())!, 'utf8')) as EvidencePack;
  expect(verifyEvidence(pack)).toBe(true);
  expect(file.suggestedFilename()).toContain(pack.sha256.slice(0, 12));
  expect(pack.change.id).toBe(CHANGE);
  expect(pack.objections.map((o) => [o.reference, o.organisation, o.states.map((s) => s.outcome ?? s.state)])).toEqual([[REFERENCE, 'St. Example Hospital', ['received', 'alternative', 'withdrawn']]]);
  expect(verifyEvidence({ ...pack, generatedAt: '2026-12-09T00:00:00.000Z' })).toBe(false);

  await page.goto(`${SITE}/desk/activity`);
  for (const what of [`resolved an objection: ${REFERENCE}: alternative; the objector e-mailed`, `resolved an objection: ${REFERENCE}: withdrawn, replacing alternative; the objector not e-mailed`, `downloaded an evidence pack: ${CHANGE}, SHA-256 ${pack.sha256}`]) {
    await expect(page.getByRole('row').filter({ hasText: LEGAL }).filter({ hasText: what }), what).toHaveCount(1);
  }
});

test('refusals for a member: a post from another site, and an unknown reference', async ({ page }) => {
  for (const [path, form] of [[`/desk/objections/${REFERENCE}`, { outcome: 'other', note: 'forged' }], ['/desk/objections/evidence', { change: CHANGE }]] as const) {
    const cross = await page.request.post(`${SITE}${path}`, { form, headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, maxRedirects: 0 });
    expect(cross.status(), path).toBe(403);
  }
  await page.goto(`${SITE}/desk/objections/${REFERENCE}`);
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem')).toHaveCount(3);

  for (const path of ['/desk/objections/OBJ-2026-0999', '/desk/objections/nothing-here', '/desk/no-such-page']) {
    const response = await page.goto(`${SITE}${path}`);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  }
});

test('the objection pages are never cached or indexed, and read well at 375 px', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ['/desk', '/desk/objections', `/desk/objections/${REFERENCE}`]) {
    const response = await page.goto(`${SITE}${path}`);
    expect(response?.headers()['cache-control'], path).toContain('no-store');
    expect(response?.headers()['x-robots-tag'], path).toBe('noindex, nofollow');
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
  await axe(page, 'objection at 375 px');
});
