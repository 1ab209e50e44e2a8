import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

// examples/two-cloud on 2026-11-23: a US Cloud and an EU Cloud. Postmark sends e-mail for the
// US Cloud only, Mailjet for the EU Cloud only; AWS has two US regions and Frankfurt; Anthropic
// (US only) and Zendesk's move to Frankfurt (EU only) are announced.

const rows = (page: Page) => page.locator('main .entries tbody tr');
const fingerprint = (page: Page) => page.getByTestId('fingerprint').textContent();

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the scope switcher leads from the full list to the list of one cloud, and back', async ({ page }) => {
    await page.goto('/subprocessors');
    const switcher = page.getByRole('navigation', { name: 'Scope' });
    await expect(switcher.getByRole('link')).toHaveText(['All', 'US Cloud', 'EU Cloud']);
    await expect(switcher.getByRole('link', { name: 'All' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('11 subprocessors')).toBeVisible();
    const full = await fingerprint(page);

    await switcher.getByRole('link', { name: 'EU Cloud' }).click();
    await expect(page).toHaveURL(/\/eu\/subprocessors$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subprocessors: EU Cloud');
    await expect(page.getByRole('navigation', { name: 'Scope' }).getByRole('link', { name: 'EU Cloud' })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByText('10 subprocessors')).toBeVisible();
    await expect(rows(page).filter({ hasText: 'Mailjet' })).toHaveCount(1);
    await expect(rows(page).filter({ hasText: 'Postmark' })).toHaveCount(0);
    await expect(page.locator('tr#aws')).toContainText('Germany: Frankfurt (eu-central-1)');
    await expect(page.locator('tr#aws')).not.toContainText('Virginia');
    // Its own upcoming changes and fingerprint: Zendesk's move, not Anthropic (US only).
    const upcoming = page.getByRole('region', { name: 'Upcoming changes' });
    await expect(upcoming).toContainText('Zendesk');
    await expect(upcoming).not.toContainText('Anthropic');
    expect(await fingerprint(page)).not.toBe(full);

    await page.getByRole('navigation', { name: 'Scope' }).getByRole('link', { name: 'All' }).click();
    await expect(page).toHaveURL(/\/subprocessors$/);
    await expect(page).not.toHaveURL(/\/eu\//);
  });
});

test('the full list shows which scopes each entry and location apply in', async ({ page }) => {
  await page.goto('/subprocessors');
  await expect(page.locator('tr#postmark th .badge')).toHaveText(['US Cloud']);
  await expect(page.locator('tr#mailjet th .badge')).toHaveText(['EU Cloud']);
  await expect(page.locator('tr#stripe th .badge')).toHaveCount(0);
  // A planned entry too: the EU model provider is planned for the EU Cloud only.
  await expect(page.locator('tr#eu-model-provider th .badge')).toHaveText(['EU Cloud']);
  await expect(page.locator('tr#aws')).toContainText('United States: Northern Virginia (us-east-1) (US Cloud)');
  await expect(page.locator('tr#aws')).toContainText('Germany: Frankfurt (eu-central-1) (EU Cloud)');
  await page.goto('/subprocessors/postmark');
  await expect(page.getByRole('definition').filter({ hasText: /^US Cloud/ })).toContainText('Until December 3, 2025: all scopes');
});

test('every link on a scope’s pages stays in that scope', async ({ page, request }) => {
  for (const path of ['/eu/subprocessors', '/eu/subprocessors/aws', '/eu/subprocessors/changes']) {
    await page.goto(path);
    const hrefs = await page.locator('main a[href^="/"], header a[href^="/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
    // The subscription and objection forms serve every list from one address; the objection form is told which.
    const outside = hrefs.filter((href) => !href.startsWith('/eu/') && !/^\/(us\/)?subprocessors(\/history\/[\d-]+|\/changes|\/by-data)?$/.test(href) && href !== '/subprocessors/subscribe' && !/^\/subprocessors\/object\?change=[\w-]+&scope=eu$/.test(href));
    expect(outside, path).toEqual([]);
  }
  await page.goto('/eu/subprocessors');
  for (const href of new Set(await page.locator('main a[href^="/eu/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('#')[0])))) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
});

test('a scope’s entry, changes, version, data, search, annex and embed pages show only that scope', async ({ page, request }) => {
  await page.goto('/eu/subprocessors/aws');
  await expect(page.getByText('As a subprocessor for EU Cloud')).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Germany: Frankfurt (eu-central-1)');
  await expect(page.getByRole('main')).not.toContainText('Oregon');
  await expect(page.getByRole('link', { name: 'All subprocessors' })).toHaveAttribute('href', '/eu/subprocessors#aws');
  // Never a subprocessor of the EU Cloud: no page there. Postmark left it, and its page says so.
  expect((await request.get('/eu/subprocessors/anthropic')).status()).toBe(404);
  await page.goto('/eu/subprocessors/postmark');
  await expect(page.getByText('No longer a subprocessor: removed from the list on December 3, 2025.')).toBeVisible();

  // The Oregon backups (US only) are not a change of the EU list; OpenAI joining it is an addition.
  await page.goto('/eu/subprocessors/changes');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subprocessor changes: EU Cloud');
  await expect(page.getByRole('main')).not.toContainText('Oregon');
  await expect(page.locator('[id^="openai-added-2026-04-01"]')).toContainText('OpenAI');
  const versions = page.getByRole('region', { name: 'Past versions of the list' }).getByRole('link');
  await expect(versions).toHaveText(['April 1, 2026', 'February 4, 2026', 'December 3, 2025', 'February 3, 2025'].map((date) => new RegExp(date)));

  await page.goto('/eu/subprocessors/history/2025-07-02');
  await expect(page.getByText('the version in force since February 3, 2025')).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Oregon');
  await expect(page.getByRole('navigation', { name: 'Scope' }).getByRole('link', { name: 'US Cloud' })).toHaveAttribute('href', '/us/subprocessors/history/2025-07-02');

  await page.goto('/eu/subprocessors/by-data');
  await expect(page.getByRole('main')).toContainText('Mailjet');
  await expect(page.getByRole('main')).not.toContainText('Postmark');

  await page.goto('/eu/subprocessors/search?q=mail');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search subprocessors: EU Cloud');
  await expect(rows(page).filter({ hasText: 'Postmark' })).toHaveCount(0);
  await expect(rows(page).filter({ hasText: 'Mailjet' })).toHaveCount(1);

  await page.goto('/eu/subprocessors/annex');
  await expect(page.getByRole('definition').filter({ hasText: 'EU Cloud: only the subprocessors and locations of this scope' })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText('Postmark');
  expect(await (await request.get('/eu/subprocessors/annex.css')).text()).toContain('Subprocessors (EU Cloud) in force on');

  await page.goto('/eu/subprocessors/embed');
  await expect(page.getByRole('link', { name: 'Mailjet' })).toHaveAttribute('href', '/eu/subprocessors/mailjet');
  await expect(page.getByRole('main')).not.toContainText('Postmark');
});

test('a scope’s feed, calendar, JSON and CSV are that scope’s, and the sitemap lists every scope’s pages', async ({ page, request }) => {
  await page.goto('/eu/subprocessors');
  const print = await fingerprint(page);
  const response = await request.get('/eu/subprocessors.json');
  // Any site may read it, like the full list's, e.g. to show the EU list in a privacy policy.
  expect(response.headers()['access-control-allow-origin']).toBe('*');
  const json = await response.json();
  expect(json.scope).toEqual({ id: 'eu', title: 'EU Cloud' });
  expect(json.fingerprint).toBe(print);
  expect(json.url).toBe('https://lantern-analytics.example/eu/subprocessors');
  expect(json.subprocessors.map((entry: { slug: string }) => entry.slug)).not.toContain('postmark');
  const full = await (await request.get('/subprocessors.json')).json();
  expect(full.scopes.map((scope: { url: string }) => scope.url)).toEqual(['https://lantern-analytics.example/us/subprocessors.json', 'https://lantern-analytics.example/eu/subprocessors.json']);

  const feed = await (await request.get('/eu/subprocessors/feed.xml')).text();
  expect(feed).toContain('<title type="text">Lantern subprocessor changes (EU Cloud)</title>');
  expect(feed).toContain('href="https://lantern-analytics.example/eu/subprocessors/zendesk"');
  expect(feed).not.toContain('Anthropic');
  const calendar = await (await request.get('/eu/subprocessors/changes.ics')).text();
  expect(calendar).toContain('Zendesk');
  expect(calendar).not.toContain('Anthropic');
  const csv = await request.get('/eu/subprocessors.csv');
  expect(csv.headers()['content-disposition']).toBe('attachment; filename="subprocessors-eu-2026-11-23.csv"');
  expect(await csv.text()).not.toContain('Postmark');

  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const url of ['/subprocessors', '/us/subprocessors', '/eu/subprocessors/mailjet', '/eu/subprocessors/history/2026-04-01']) expect(sitemap).toContain(`<loc>https://lantern-analytics.example${url}</loc>`);
  expect(sitemap).not.toContain('/eu/subprocessors/anthropic<');
});

test('an unknown scope is a 404, before anything is rendered', async ({ request }) => {
  for (const path of ['/apac/subprocessors', '/apac/subprocessors/aws', '/apac/subprocessors.json', '/EU/subprocessors']) expect((await request.get(path)).status(), path).toBe(404);
});

test('unknown addresses in a scope are answered 404 without being cached', async ({ request }) => {
  // The addresses in the page cache, rendered on request (Next.js 16: server/route-cache/<kind>/<route>/$<address>.meta and the body beside it).
  const cached = () => fs.readdirSync(path.join('.next-two-cloud', 'server', 'route-cache'), { recursive: true, encoding: 'utf8' }).flatMap((file) => (file.endsWith('.meta') ? [file.split('$')[1].slice(0, -5)] : []));
  // `subprocessors` with a capital letter where `i` has a binary 1, as a scope: rewrites used to match it as the known name.
  const spelling = (i: number) => [...'subprocessors'].map((letter, bit) => ((i >> bit) & 1 ? letter.toUpperCase() : letter)).join('');
  const addresses = (i: number) => [
    `/eu/subprocessors/made-up-${i}`,
    `/eu/subprocessors/history/2099-01-${String((i % 28) + 1).padStart(2, '0')}?v=${i}`,
    `/eu/subprocessors/anthropic?i=${i}`,
    `/eu/subprocessors/feed/${i + 1}.xml`,
    `/us/subprocessors/made-up-${i}.rsc`,
    `/scope-${i}/subprocessors`,
    `/${spelling(i)}/subprocessors`,
    `/${spelling(i)}/subprocessors/by-data`,
    `/${spelling(i)}/subprocessors.json`,
  ];
  // A real page rendered on request: it must be in the cache, so the check below looks in the right place.
  expect((await request.get('/eu/subprocessors/aws')).status()).toBe(200);
  for (let i = 1; i <= 50; i++) for (const address of addresses(i)) expect((await request.get(address)).status(), address).toBe(404);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // writes that would follow a response
  const stored = cached();
  expect(stored).toContain('/eu/subprocessors/aws');
  expect(stored.filter((address) => /made-up|2099-|anthropic|\/feed\/|scope-|[A-Z]/.test(address))).toEqual([]);
});
