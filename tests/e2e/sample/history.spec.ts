import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

test.describe('scheduled changes', () => {
  let server: ChildProcess;
  const later = 'http://localhost:3102';

  // The same build, as a server that has run since before the day the upcoming addition takes
  // effect: a copy of the build as shipped (without what the running server has cached since)
  // whose pages are a day old, started on that day.
  test.beforeAll(async () => {
    fs.rmSync('.next-later', { recursive: true, force: true });
    const skip = [path.join('.next', 'cache'), path.join('.next', 'server', 'route-cache')];
    fs.cpSync('.next', '.next-later', { recursive: true, filter: (source) => !skip.includes(source) });
    const dayAgo = new Date(Date.now() - 86_400_000);
    for (const file of fs.readdirSync('.next-later/server/app', { recursive: true, encoding: 'utf8' })) {
      fs.utimesSync(path.join('.next-later/server/app', file), dayAgo, dayAgo);
    }
    const env = { ...process.env, NEXT_DIST_DIR: '.next-later', SUBPROCESSORS_TODAY: '2026-12-16' };
    server = spawn('npx', ['next', 'start', '-p', '3102', '-H', 'localhost'], { env, stdio: 'ignore', detached: true });
    await expect(async () => expect((await fetch(`${later}/subprocessors`)).status).toBe(200)).toPass({ timeout: 30_000 });
  });
  test.afterAll(() => process.kill(-server.pid!));

  test('the same build shows a different list on either side of an effective date', async ({ page }) => {
    await page.goto('/subprocessors');
    await expect(page.locator('tr#stripe')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Upcoming changes' })).toBeVisible();

    await page.goto(`${later}/subprocessors`);
    await expect(page.locator('tr#stripe')).toContainText('Stripe Payments Europe, Limited');
    await page.goto(`${later}/subprocessors/stripe`);
    await expect(page.getByText('on the list since December 16, 2026')).toBeVisible();
    await page.goto(`${later}/subprocessors`);
    await expect(page.getByRole('region', { name: 'Upcoming changes' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Summary', exact: true }).getByText('List in force since').locator('time')).toHaveAttribute('datetime', '2026-12-16');
  });
});

test.describe('changes and past versions', () => {
  test('the changes page lists every public event, newest first, with links to the versions they made', async ({ page }) => {
    await page.goto('/subprocessors/changes');
    const events = page.getByRole('region', { name: '11 changes' }).getByRole('listitem');
    await expect(events).toHaveCount(11);
    await expect(events.first()).toContainText(/^Added: Stripe\s*upcoming/);
    await expect(events.first().getByRole('link', { name: /The list as of/ })).toHaveCount(0);
    const cloudflare = events.filter({ hasText: 'Updated: Cloudflare' });
    await expect(cloudflare).toContainText('Announced April 2, 2026 · effective April 3, 2026');
    await expect(cloudflare).toContainText('Urgent change, made without the usual notice period: Stopping an ongoing credential-stuffing attack');
    await cloudflare.getByRole('link', { name: 'The list as of April 3, 2026' }).click();
    await expect(page).toHaveURL(/\/subprocessors\/history\/2026-04-03$/);
  });

  test('filters by change type and entry without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/subprocessors/changes');
    await page.getByLabel('Type of change').selectOption('updated');
    await page.getByLabel('Subprocessor').selectOption({ label: 'Sentry' });
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect(page).toHaveURL(/\/subprocessors\/changes\?change=updated&entry=sentry$/);
    await expect(page.getByRole('heading', { name: '1 change', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: '1 change' })).toContainText('Sentry no longer receives IP addresses');
    await page.goto('/subprocessors/changes?change=removed');
    await expect(page.getByRole('region', { name: '1 change' })).toContainText('Removed: Mailgun');
    await context.close();
  });

  test('the version index links every past version', async ({ page }) => {
    await page.goto('/subprocessors/changes');
    const versions = page.getByRole('region', { name: 'Past versions of the list' }).getByRole('listitem');
    await expect(versions).toHaveText([
      'April 3, 2026 · 1 change',
      'February 11, 2026 · 1 change',
      'October 9, 2025 · 1 change',
      'September 1, 2025 · 1 change',
      'June 16, 2025 · 2 changes',
      'March 3, 2025 · first publication',
    ]);
  });

  test('a past date shows the list exactly as it stood, and what changed from the version before', async ({ page }) => {
    await page.goto('/subprocessors/history/2025-06-15');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subprocessors on June 15, 2025');
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['Cloudflare', 'DigitalOcean', 'Mailgun', 'Sentry']);
    await expect(page.getByRole('region', { name: 'First publication' })).toBeVisible();
    await page.getByRole('link', { name: 'Next version (June 16, 2025)' }).click();

    await expect(page).toHaveURL(/\/history\/2025-06-16$/);
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['Cloudflare', 'DigitalOcean', 'Postmark', 'Sentry']);
    const changes = page.getByRole('region', { name: 'Changes since the version of March 3, 2025' });
    await expect(changes.getByRole('listitem')).toHaveText(['Removed: Mailgun · Replaced by Postmark; all message logs deleted at the end of the contract.', 'Added: Postmark · Replaces Mailgun for transactional email.']);
    await page.getByRole('link', { name: 'Previous version (March 3, 2025)' }).click();
    await expect(page).toHaveURL(/\/history\/2025-03-03$/);
  });

  test('an update shows its fields before and after, and past values where they were recorded', async ({ page }) => {
    await page.goto('/subprocessors/history/2026-02-10');
    await expect(page.locator('tr#sentry')).toContainText('IP addresses of browser clients');

    await page.goto('/subprocessors/history/2026-02-11');
    const changes = page.getByRole('definition').filter({ has: page.locator('ins, del') });
    await expect(changes).toContainText('Added: User IDs (no PII attached by default: send_default_pii=False)');
    await expect(changes).toContainText('Removed: IP addresses of browser clients');
    await expect(page.locator('tr#sentry')).not.toContainText('IP addresses of browser clients');
  });

  test('says plainly when a past value was not recorded', async ({ page }) => {
    await page.goto('/subprocessors/history/2025-09-01');
    await expect(page.getByRole('region', { name: /Changes since/ })).toContainText('Updated: DigitalOcean · File uploads now stored in Spaces object storage in the same region.The former values were not recorded.');
    await page.goto('/subprocessors/history/2025-08-31');
    await expect(page.getByText('Some details of DigitalOcean changed later and their values on this date were not recorded')).toBeVisible();
  });

  for (const date of ['2025-03-02', '2026-11-24', '2025-02-30', 'yesterday']) {
    test(`/subprocessors/history/${date} is a 404`, async ({ page }) => {
      expect((await page.goto(`/subprocessors/history/${date}`))?.status()).toBe(404);
    });
  }

  test('the list and each version carry the same fingerprint as the JSON export', async ({ page, request }) => {
    const json = await (await request.get('/subprocessors.json')).json();
    await page.goto('/subprocessors');
    await expect(page.getByTestId('fingerprint')).toHaveText(json.fingerprint);
    await page.goto((await page.getByRole('link', { name: 'Link to this version' }).getAttribute('href'))!);
    await expect(page).toHaveURL(/\/subprocessors\/history\/2026-11-23$/);
    await expect(page.getByTestId('fingerprint')).toHaveText(json.fingerprint);
    await page.goto('/subprocessors/history/2025-03-03');
    await expect(page.getByTestId('fingerprint')).not.toHaveText(json.fingerprint);
  });
});

test.describe('links that must keep working', () => {
  test('a former slug redirects permanently to the entry', async ({ page, request }) => {
    const response = await request.get('/subprocessors/llm-provider', { maxRedirects: 0 });
    expect(response.status()).toBe(308);
    expect(response.headers().location).toBe('/subprocessors/openai');
    await page.goto('/subprocessors/llm-provider');
    await expect(page).toHaveURL(/\/subprocessors\/openai$/);
  });

  test('feeds and exports are linked from the list and served with their types', async ({ page, request }) => {
    await page.goto('/subprocessors');
    const types = { 'application/atom+xml': '/subprocessors/feed.xml', 'text/calendar': '/subprocessors/changes.ics', 'application/json': '/subprocessors.json', 'text/csv': '/subprocessors.csv' };
    for (const [type, path] of Object.entries(types)) {
      await expect(page.locator(`link[rel=alternate][type="${type}"]`)).toHaveAttribute('href', `https://securicomnet.com${path}`);
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe(`${type}; charset=utf-8`);
    }
    expect(await (await request.get('/subprocessors/feed.xml')).text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0">');
    expect(await (await request.get('/subprocessors/changes.ics')).text()).toMatch(/^BEGIN:VCALENDAR/);
    expect((await request.get('/subprocessors.csv')).headers()['content-disposition']).toBe('attachment; filename="subprocessors-2026-11-23.csv"');
    const section = page.getByRole('region', { name: 'History and updates' });
    await expect(section.getByRole('link')).toHaveText(['All changes and past versions', 'Link to this version', 'Annex for a data processing agreement (print or PDF)', 'Atom feed', 'Calendar of changes and objection deadlines', 'JSON', 'CSV (spreadsheet)']);
  });
});
