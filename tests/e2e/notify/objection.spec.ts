import { expect, test } from '@playwright/test';
import { startSmtp } from '../../mail-server';
import { NOTIFY } from '../../../playwright.config';
import { inbox } from './inbox';

/**
 * From a notice to the receipt, as a customer does it, against a production build and a real
 * SMTP server: subscribe, confirm, receive the e-mail that lists the Anthropic addition with a
 * personal link, object through it, see the reference, and receive the receipt while the
 * objections contact receives the copy. The server is the notify build on November 30, with a
 * database and SMTP server of its own (NOTIFY.objection), so it runs beside the other notify tests.
 */
const { port, smtpPort } = NOTIFY.objection;
const SITE = `http://localhost:${port}`;
const ADDRESS = 'objector@customer.example';
const GROUNDS = 'We object: support tickets hold health data <b>and</b> may not leave the EU.\nPlease propose an alternative.';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
test.beforeAll(async () => {
  smtp = await startSmtp(smtpPort);
});
test.afterAll(async () => smtp.close());

const { nextMail } = inbox({ get messages() { return smtp.messages; } });
/** E-mails link to site.url (port 3300); this test's server is the same site on its own port. */
const onThisServer = (link: string) => link.replace('http://localhost:3300', SITE);

test('from the personal link in a notice to the receipt', async ({ page, request }) => {
  test.setTimeout(120_000);
  await expect.poll(async () => (await request.get(`${SITE}/subprocessors`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);
  await page.goto(`${SITE}/subprocessors`);
  await page.getByRole('textbox', { name: 'E-mail me before any change' }).fill(ADDRESS);
  await page.getByRole('button', { name: 'Subscribe' }).click();
  const confirmation = await nextMail(ADDRESS, 1);
  await page.goto(onThisServer(/http:\/\/localhost:3300\/subprocessors\/subscribe\/confirm\?token=[\w-]+/.exec(confirmation.text ?? '')![0]));
  await page.getByRole('button', { name: 'Confirm' }).click();

  // The welcome lists the announced Anthropic addition, with this subscriber's own link to object.
  const welcome = await nextMail(ADDRESS, 2);
  const personal = /http:\/\/localhost:3300\/subprocessors\/object\?change=anthropic-added-2027-01-04&token=[\w.-]+/.exec(welcome.text ?? '')![0];
  await page.goto(onThisServer(personal));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Object to a change');
  await expect(page.getByRole('main')).toContainText('Added subprocessor: Anthropic, effective January 4, 2027');
  await expect(page.getByTestId('objection-deadline')).toHaveText('Object by 23:59 EST on January 3, 2027 — 34 days left');
  // The link identifies the subscriber: no address to type, nothing to confirm.
  await expect(page.getByRole('main')).toContainText(`You are objecting as ${ADDRESS}`);
  await expect(page.getByRole('textbox', { name: /e-mail address/ })).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Organisation' }).fill('Customer Health GmbH');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Dana Example');
  await page.getByRole('textbox', { name: /Grounds of your objection/ }).fill(GROUNDS);
  await page.getByRole('textbox', { name: /Contract or DPA reference/ }).fill('DPA-2026-042');
  await page.getByRole('button', { name: 'Send objection' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Objection received');
  await expect(page.getByRole('status').filter({ hasText: /\S/ })).toContainText('Your objection is recorded under the reference OBJ-2026-0001.');
  await expect(page.getByRole('definition').filter({ hasText: /^Yes$/ })).toHaveCount(1);
  // The page names no person.
  await expect(page.getByRole('main')).not.toContainText('Dana Example');

  const receipt = await nextMail(ADDRESS, 3);
  expect(receipt.subject).toBe('Notifyco: objection OBJ-2026-0001 received');
  expect(receipt.text).toContain('Reference: OBJ-2026-0001\nChange: Added subprocessor: Anthropic, effective January 4, 2027 (id anthropic-added-2027-01-04)');
  expect(receipt.text).toContain('Deadline to object: 23:59 EST on January 3, 2027');
  expect(receipt.text).toMatch(/Received: \d\d:\d\d:\d\d EST on November 30, 2026 \(2026-11-30T/);
  expect(receipt.text).toContain('On time: yes, received before the deadline.');
  expect(receipt.text).toContain(`Grounds, as received:\n${GROUNDS}`);
  const copy = await nextMail('objections@notifyco.example', 1);
  expect(copy.subject).toBe('Objection OBJ-2026-0001: Customer Health GmbH — Added subprocessor: Anthropic, effective January 4, 2027');
  expect(copy.replyTo?.text).toBe(ADDRESS);
  // The server has a desk (DESK_EMAILS): the copy leads to the objection's page there.
  expect(copy.text).toContain('It is in the register on the desk, where you record its outcome:\nhttp://localhost:3300/desk/objections/OBJ-2026-0001');
});

test("a refused objection comes back as the site's own page with what was typed, and can then be sent", async ({ page, request, browser }) => {
  test.setTimeout(120_000);
  await expect.poll(async () => (await request.get(`${SITE}/subprocessors`).catch(() => undefined))?.status(), { timeout: 60_000 }).toBe(200);
  const stranger = 'counsel@stranger.example';
  await page.goto(`${SITE}/subprocessors/object?change=anthropic-added-2027-01-04`);
  await page.getByRole('textbox', { name: 'Organisation' }).fill('Stranger <b>&</b> Partners');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Sam Stranger');
  await page.getByRole('textbox', { name: 'Your e-mail address' }).fill(stranger);
  // Only spaces: the browser's own check lets it through, the server refuses it. The reference is too long for the server:
  // a browser without the length check is simulated by removing it.
  await page.getByRole('textbox', { name: /Grounds of your objection/ }).fill('   ');
  await page.getByRole('textbox', { name: /Contract or DPA reference/ }).evaluate((input: HTMLInputElement) => input.removeAttribute('maxlength'));
  await page.getByRole('textbox', { name: /Contract or DPA reference/ }).fill('R'.repeat(201));
  await page.getByRole('button', { name: 'Send objection' }).click();

  // The site's page, with its header and its stylesheet (which a page of inline styles would not get under the CSP).
  await expect(page).toHaveURL(/\/subprocessors\/object\?change=anthropic-added-2027-01-04&draft=[\w-]+$/);
  await expect(page.getByRole('banner')).toContainText('Notifyco');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Object to a change');
  await expect(page.getByRole('button', { name: 'Send objection' })).toHaveCSS('height', '44px');
  const alert = page.getByRole('alert').filter({ hasText: 'Your objection was not sent yet' });
  await expect(alert).toHaveCSS('border-top-width', '2px');
  await expect(alert.getByRole('link')).toHaveText(['Enter the grounds of your objection.', 'The contract or DPA reference can have at most 200 characters; this has 201.']);
  // Each problem leads to its field, which is marked and described by it.
  const grounds = page.getByRole('textbox', { name: /Grounds of your objection/ });
  await expect(grounds).toHaveAttribute('aria-invalid', 'true');
  await expect(grounds).toHaveAccessibleDescription(/Enter the grounds of your objection\./);
  await alert.getByRole('link', { name: 'Enter the grounds of your objection.' }).click();
  await expect(page).toHaveURL(/#objection-grounds$/);
  // What was typed is there, as text.
  await expect(page.getByRole('textbox', { name: 'Organisation' })).toHaveValue('Stranger <b>&</b> Partners');
  await expect(page.getByRole('textbox', { name: 'Organisation' })).not.toHaveAttribute('aria-invalid');
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Sam Stranger');
  await expect(page.getByRole('textbox', { name: 'Your e-mail address' })).toHaveValue(stranger);
  await expect(page.getByRole('textbox', { name: /Contract or DPA reference/ })).toHaveValue('R'.repeat(201));

  // The same address in another browser (a link someone sent) shows an empty form: a draft is only for the browser that typed it.
  const draftUrl = page.url().replace(/#.*$/, '');
  const elsewhere = await browser.newPage();
  await elsewhere.goto(draftUrl);
  await expect(elsewhere.getByRole('alert').filter({ hasText: 'What you typed earlier is no longer kept' })).toBeVisible();
  await expect(elsewhere.getByRole('textbox', { name: 'Organisation' })).toHaveValue('');
  await elsewhere.close();

  await grounds.fill('We object to the transfer of ticket text to the US.');
  await page.getByRole('textbox', { name: /Contract or DPA reference/ }).fill('MSA-7');
  await page.getByRole('button', { name: 'Send objection' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your e-mail');
  const confirm = await nextMail(stranger, 1);
  expect(confirm.subject).toBe('Notifyco: confirm your objection');

  // The draft is gone once sent: its address, opened again in this browser, shows the empty form and says so.
  await page.goto(draftUrl);
  await expect(page.getByRole('alert').filter({ hasText: 'What you typed earlier is no longer kept' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Organisation' })).toHaveValue('');
});

test('an objection posted from another site is refused', async ({ request }) => {
  const response = await request.post(`${SITE}/subprocessors/object`, {
    form: { change: 'anthropic-added-2027-01-04', organisation: 'X', name: 'Y', email: 'victim@example.com', grounds: 'z' },
    headers: { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});
