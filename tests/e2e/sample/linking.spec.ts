import { expect, test } from '@playwright/test';
import { hostPage } from '../host-page';

test.describe('copy link', () => {
  test('copies the full address of an entry\'s anchor and says so', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/subprocessors');
    await page.locator('tr#digitalocean').getByRole('link', { name: 'Copy link' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText(`Link copied: ${baseURL}/subprocessors#digitalocean`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/subprocessors#digitalocean`);
  });

  test('an entry\'s page offers its permalink', async ({ page }) => {
    await page.goto('/subprocessors/digitalocean');
    await expect(page.getByRole('link', { name: 'Copy link to DigitalOcean' })).toHaveAttribute('href', '/subprocessors/digitalocean');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('is a plain link to the anchor', async ({ page }) => {
      await page.goto('/subprocessors');
      await page.locator('tr#sentry').getByRole('link', { name: 'Copy link' }).click();
      await expect(page).toHaveURL(/\/subprocessors#sentry$/);
      await expect(page.locator('tr#sentry')).toBeInViewport();
    });
  });
});

test('link previews and search engines get titles, canonical URLs and OpenGraph cards', async ({ page }) => {
  await page.goto('/subprocessors/postmark');
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', 'https://securicomnet.com/subprocessors/postmark');
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', 'Postmark · Securicom');
  await expect(page.locator('meta[property="og:url"]')).toHaveAttribute('content', 'https://securicomnet.com/subprocessors/postmark');
  await expect(page.locator('meta[property="og:site_name"]')).toHaveAttribute('content', 'Securicom');
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /^Postmark \(ActiveCampaign, LLC\) as a subprocessor of Securicom/);
});

test('sitemap.xml lists the pages visitors can open today, and robots.txt points to it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1].replace('https://securicomnet.com', ''));
  expect(locs.slice(0, 4)).toEqual(['/subprocessors', '/subprocessors/changes', '/subprocessors/by-data', '/subprocessors/annex']);
  // Removed and upcoming entries keep their pages; past versions are there too.
  expect(locs).toEqual(expect.arrayContaining(['/subprocessors/mailgun', '/subprocessors/stripe', '/subprocessors/history/2025-03-03', '/subprocessors/history/2026-04-03']));
  expect(sitemap).toContain('<loc>https://securicomnet.com/subprocessors</loc><lastmod>2026-11-16</lastmod>');
  for (const loc of locs) expect((await request.get(loc)).status(), loc).toBe(200);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap: https://securicomnet.com/sitemap.xml');
  expect(robots).toContain('Disallow: /subprocessors/search');
});

test.describe('search and the by-data view', () => {
  test('narrows the list by name, category, location and data, without JavaScript', async ({ browser }) => {
    const page = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await page.goto('/subprocessors');
    const search = page.getByRole('search', { name: 'Subprocessors' });
    await search.getByLabel('Name').fill('ocean');
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/subprocessors\/search\?q=ocean$/);
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('1 of 5 subprocessors match.');
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['DigitalOcean']);

    // Cloudflare's `global` network can be in any country, so it counts for every country.
    await page.goto('/subprocessors/search?country=US');
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['Cloudflare', 'Postmark', 'Sentry', 'OpenAI (or comparable LLM provider)']);
    await page.goto('/subprocessors/search?category=communication&data=Email+body');
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['Postmark']);
    await expect(page.getByLabel('Category', { exact: true })).toHaveValue('communication');
    await page.goto('/subprocessors/search?q=nobody');
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('No subprocessors match.');
  });

  test('the search page is for people, not search engines', async ({ page }) => {
    await page.goto('/subprocessors/search?q=a');
    await expect(page.locator('meta[name=robots]')).toHaveAttribute('content', 'noindex');
  });

  test('shows which subprocessors process each kind of data, and where', async ({ page }) => {
    await page.goto('/subprocessors');
    await page.getByRole('link', { name: 'Which subprocessors process each kind of data' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subprocessors by data category');
    await expect(page.getByRole('row', { name: /^IP addresses and TLS handshake metadata/ }).getByRole('listitem')).toHaveText(['Cloudflare (Global)']);
    const row = page.getByRole('row', { name: /^Account data/ });
    await expect(row.getByRole('listitem')).toHaveText(['DigitalOcean (Canada)']);
    await row.getByRole('link', { name: 'DigitalOcean' }).click();
    await expect(page).toHaveURL(/\/subprocessors#digitalocean$/);
  });
});

test('the DPA annex prints every entry in full with the company, the version date and the fingerprint', async ({ page, request }) => {
  const json = await (await request.get('/subprocessors.json')).json();
  await page.goto('/subprocessors/annex');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Annex: subprocessors of Securicom');
  await expect(page.getByText('The list in force on November 23, 2026 (in force since April 3, 2026)')).toBeVisible();
  await expect(page.getByTestId('fingerprint')).toHaveText(json.fingerprint);
  await expect(page.getByText('https://securicomnet.com/subprocessors/history/2026-11-23')).toBeVisible();
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Cloudflare', 'DigitalOcean', 'Postmark', 'Sentry', 'OpenAI (or comparable LLM provider)']);
  const digitalocean = page.getByRole('row', { name: /^DigitalOcean/ });
  for (const text of ['DigitalOcean, LLC', 'Organization owners', 'Adequacy decision', 'https://www.digitalocean.com']) await expect(digitalocean).toContainText(text);
  // Nothing but the annex on paper.
  await expect(page.getByRole('link', { name: 'Subprocessor list' })).toBeHidden();
  await expect(page.getByRole('banner')).toHaveCount(0);
});

test('the embed page can be framed by this site only, by default', async ({ page, baseURL }) => {
  const iframe = `<iframe title="Subprocessors" src="${baseURL}/subprocessors/embed"></iframe>`;
  await page.route(`${baseURL}/privacy`, (route) => route.fulfill({ contentType: 'text/html', body: iframe }));
  await page.goto(`${baseURL}/privacy`);
  await expect(page.frameLocator('iframe').getByRole('link', { name: 'DigitalOcean' })).toBeVisible();
  // Another site is refused unless SUBPROCESSORS_FRAME_ANCESTORS allows it (the base-path build shows it allowed).
  const host = await hostPage(3107, iframe);
  await page.goto(host.url);
  await expect(page.frameLocator('iframe').getByRole('link', { name: 'DigitalOcean' })).toHaveCount(0);
  host.close();
});
