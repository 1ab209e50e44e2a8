import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { hostPage } from '../host-page';

// This build's site.yaml has url https://example.com/legal: every page lives under /legal.

test('the list, its links and its redirects stay under the base path', async ({ page, request }) => {
  const root = await request.get('/legal', { maxRedirects: 0 });
  expect(root.status()).toBe(307);
  expect(root.headers().location).toBe('/legal/subprocessors');
  expect((await request.get('/subprocessors')).status()).toBe(404);

  await page.goto('/legal/subprocessors');
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', 'https://example.com/legal/subprocessors');
  await expect(page.locator('link[rel=alternate][type="application/atom+xml"]')).toHaveAttribute('href', 'https://example.com/legal/subprocessors/feed.xml');
  const hrefs = await page.locator('main a[href^="/"], header a[href^="/"], form[action]').evaluateAll((elements) => elements.map((e) => e.getAttribute('href') ?? e.getAttribute('action')!));
  expect(hrefs.length).toBeGreaterThan(8);
  // The list's own pages, and the same page in each scope (the switcher).
  for (const href of hrefs) expect(href).toMatch(/^\/legal\/((eu|us)\/)?subprocessors/);
  for (const href of new Set(hrefs)) expect((await request.get(href)).status(), href).toBe(200);

  await page.getByRole('link', { name: 'CloudHost', exact: true }).click();
  await expect(page).toHaveURL(/\/legal\/subprocessors\/cloudhost$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('CloudHost');
});

test('former slugs, feeds, exports and the sitemap use the base path', async ({ request }) => {
  const alias = await request.get('/legal/subprocessors/old-host', { maxRedirects: 0 });
  expect(alias.status()).toBe(308);
  expect(alias.headers().location).toBe('/legal/subprocessors/cloudhost');
  expect(await (await request.get('/legal/subprocessors/feed.xml')).text()).toContain('<link rel="alternate" type="text/html" href="https://example.com/legal/subprocessors/mailer"/>');
  const json = await (await request.get('/legal/subprocessors.json')).json();
  expect(json.subprocessors.map((entry: { slug: string }) => entry.slug)).toEqual(['cloudhost', 'mailer']);
  const sitemap = await (await request.get('/legal/sitemap.xml')).text();
  expect(sitemap).toContain('<loc>https://example.com/legal/subprocessors/cloudhost</loc>');
  expect(await (await request.get('/legal/robots.txt')).text()).toContain('Sitemap: https://example.com/legal/sitemap.xml');
});

test('a scope’s pages, redirects and exports are under the base path, in front of the scope', async ({ page, request }) => {
  await page.goto('/legal/eu/subprocessors');
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', 'https://example.com/legal/eu/subprocessors');
  await expect(page.locator('main .entries tbody tr')).toHaveText([/^CloudHost/]);
  const hrefs = await page.locator('main a[href^="/"], header a[href^="/"]').evaluateAll((elements) => elements.map((e) => e.getAttribute('href')!));
  expect(hrefs.filter((href) => !href.startsWith('/legal/eu/subprocessors'))).toEqual(['/legal/subprocessors', '/legal/us/subprocessors']);
  for (const href of new Set(hrefs)) expect((await request.get(href)).status(), href).toBe(200);

  const alias = await request.get('/legal/eu/subprocessors/old-host', { maxRedirects: 0 });
  expect(alias.status()).toBe(308);
  expect(alias.headers().location).toBe('/legal/eu/subprocessors/cloudhost');
  for (const path of ['/eu/subprocessors', '/legal/apac/subprocessors', '/legal/eu/subprocessors/mailer']) expect((await request.get(path)).status(), path).toBe(404);
  const json = await request.get('/legal/eu/subprocessors.json');
  expect((await json.json()).url).toBe('https://example.com/legal/eu/subprocessors');
  expect((await request.get('/legal/eu/subprocessors.json', { headers: { 'if-none-match': json.headers().etag } })).status()).toBe(304);
  expect(await (await request.get('/legal/sitemap.xml')).text()).toContain('<loc>https://example.com/legal/us/subprocessors/mailer</loc>');
});

test('conditional polls of the exports get a 304 under the base path too', async ({ request }) => {
  for (const path of ['/legal/subprocessors/feed.xml', '/legal/subprocessors/changes.ics', '/legal/subprocessors.json']) {
    const { etag } = (await request.get(path)).headers();
    expect((await request.get(path, { headers: { 'if-none-match': etag } })).status(), path).toBe(304);
  }
  expect((await request.get('/legal/subprocessors/feed/1.xml')).status()).toBe(404);
  const json = await (await request.get('/legal/subprocessors.json')).json();
  expect(json.historyUrl).toBe('https://example.com/legal/subprocessors-history.json');
  expect((await request.get(new URL(json.$schema).pathname)).status()).toBe(200);
});

test('the embed page shows the current list inside an allowed site', async ({ page, baseURL }) => {
  // SUBPROCESSORS_FRAME_ANCESTORS lets http://127.0.0.1:3105 frame this build.
  const host = await hostPage(3105, `<h1>Privacy policy</h1><iframe title="Our subprocessors" src="${baseURL}/legal/subprocessors/embed" style="width:100%;height:400px;border:0"></iframe>`);
  await page.goto(host.url);
  const frame = page.frameLocator('iframe[title="Our subprocessors"]');
  await expect(frame.getByRole('row')).toHaveText([/^Subprocessor\s*Purpose\s*Location$/, /^CloudHost\s*Hosting of the application/, /^Mailer\s*Sends account e-mails/]);
  await expect(frame.getByRole('link', { name: 'Full list, upcoming changes and history' })).toHaveAttribute('target', '_top');
  await expect(frame.getByRole('link', { name: 'CloudHost' })).toHaveAttribute('href', '/legal/subprocessors/cloudhost');
  host.close();
});

test('the JSON example in examples/embed.html shows the list on another site', async ({ page, baseURL }) => {
  const example = fs.readFileSync('examples/embed.html', 'utf8').replace('https://subprocessors.example.com/subprocessors.json', `${baseURL}/legal/subprocessors.json`);
  const host = await hostPage(3106, example);
  await page.goto(host.url);
  await expect(page.getByRole('listitem')).toHaveText(['CloudHost — Hosting of the application and its database. (DE)', 'Mailer — Sends account e-mails. (US)']);
  await expect(page.getByRole('link', { name: 'CloudHost' })).toHaveAttribute('href', 'https://example.com/legal/subprocessors/cloudhost');
  await expect(page.getByText('Last updated 2026-07-01.')).toBeVisible();
  host.close();
});
