import { expect, test } from '@playwright/test';

// The sample is evaluated on 2026-11-23 (playwright.config.ts) in America/Toronto: Stripe was
// announced on November 16 and takes effect on December 16, 2026.

test.describe('what a privacy officer reads first', () => {
  test('a summary under the title: count, list in force since, latest announcement, each linked', async ({ page }) => {
    await page.goto('/subprocessors');
    const summary = page.getByRole('region', { name: 'Summary', exact: true });
    await expect(summary).toContainText('5 subprocessors');
    await expect(summary.getByRole('link', { name: 'April 3, 2026' })).toHaveAttribute('href', '/subprocessors/history/2026-04-03');
    await expect(summary.getByRole('link', { name: 'November 16, 2026 (added Stripe)' })).toHaveAttribute('href', '/subprocessors/changes#stripe-added-2026-12-16');
    await expect(summary.getByRole('navigation', { name: 'About this list' }).getByRole('link')).toHaveText(['All changes and past versions', 'Annex for a DPA (print or PDF)', 'Atom feed', 'Calendar', 'JSON', 'CSV']);
  });

  test('an upcoming change is one line: what, when, the objection deadline (the day before, 23:59 in the site time zone, days left), how to object', async ({ page }) => {
    await page.goto('/subprocessors');
    const upcoming = page.getByRole('region', { name: 'Upcoming changes' });
    await expect(upcoming.getByRole('listitem')).toHaveText(['Added: Stripe · from Dec 16, 2026 · object by Dec 15, 2026, 23:59 EST (22 days left) · Object']);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect((await upcoming.getByRole('listitem').boundingBox())!.height).toBeLessThan(30);
  });

  test('the list starts on the first screen at 1,280 px', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/subprocessors');
    const box = await page.getByRole('heading', { name: 'Current subprocessors' }).boundingBox();
    expect(box!.y + box!.height).toBeLessThan(800);
  });
});

test.describe('addresses', () => {
  test('a former slug redirects with one Location, on the first request too', async ({ baseURL }) => {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseURL}/subprocessors/llm-provider`, { redirect: 'manual' });
      expect(response.status).toBe(308);
      expect(response.headers.get('location')).toBe('/subprocessors/openai');
    }
  });

  for (const path of ['/subprocessors/no-such-entry', '/subprocessors/history/2020-01-01']) {
    test(`${path}: one frame, readable without JavaScript, pointing to the first version`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      expect((await page.goto(path))?.status()).toBe(404);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
      await expect(page.getByRole('main')).toContainText('The list was first published on March 3, 2025');
      await expect(page.getByRole('link', { name: 'the first version' })).toHaveAttribute('href', '/subprocessors/history/2025-03-03');
      await context.close();
    });
  }
});

test.describe('search and filters', () => {
  test('a name that is not on the list says whether it joins soon or was removed, with the date', async ({ page }) => {
    await page.goto('/subprocessors/search?q=stripe');
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('No subprocessors match.');
    await expect(page.getByRole('main')).toContainText('Stripe is not on the list yet: announced, it joins on December 16, 2026.');
    await page.goto('/subprocessors/search?q=mailgun');
    await expect(page.getByRole('main')).toContainText('Mailgun is no longer on the list: removed on June 16, 2025.');
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'match' })).toHaveText('5 of 5 subprocessors match.');
  });

  test('a global location counts for every country', async ({ page }) => {
    await page.goto('/subprocessors/search?country=DE');
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['Cloudflare']);
  });

  test('the search fields line up at one height', async ({ page }) => {
    await page.goto('/subprocessors/search');
    const form = page.getByRole('search', { name: 'Subprocessors' });
    const boxes = await Promise.all(['Name, purpose or data', 'Category', 'Location', 'Data category'].map((name) => form.getByLabel(name, { exact: true }).boundingBox()));
    boxes.push(await form.getByRole('button', { name: 'Search' }).boundingBox());
    expect(new Set(boxes.map((box) => Math.round(box!.y + box!.height))).size).toBe(1);
  });

  test('on a phone, a card labels the transfer safeguards', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/subprocessors');
    const label = await page.locator('tr#postmark .safeguards').evaluate((element) => getComputedStyle(element, '::before').content);
    expect(label).toBe('"Transfer safeguards: "');
  });
});

test.describe('past versions and former values', () => {
  test('a past version says so at the top and says "none on that date"', async ({ page }) => {
    await page.goto('/subprocessors/history/2025-06-16');
    await expect(page.getByRole('note')).toHaveText('Past version: this list was replaced on September 1, 2025. See the current list');
    await expect(page.getByRole('note').getByRole('link', { name: 'See the current list' })).toHaveAttribute('href', '/subprocessors');
    await expect(page.getByRole('region', { name: 'Billing and payments' })).toContainText('None on that date.');
  });

  test('the diff names the items added and removed', async ({ page }) => {
    await page.goto('/subprocessors/history/2026-02-11');
    const changes = page.getByRole('definition').filter({ has: page.locator('ins, del') });
    await expect(changes.getByRole('listitem')).toHaveText([
      'Added: User IDs (no PII attached by default: send_default_pii=False)',
      'Removed: User IDs and e-mail addresses',
      'Removed: IP addresses of browser clients',
    ]);
  });

  test('an entry page shows recorded former values with the day they ended', async ({ page }) => {
    await page.goto('/subprocessors/sentry');
    await expect(page.getByRole('definition').filter({ hasText: 'Until February 11, 2026:' })).toContainText(
      'Until February 11, 2026: Stack traces; Request IDs; User IDs and e-mail addresses; IP addresses of browser clients; Browser metadata',
    );
  });
});

test.describe('polish', () => {
  test('each Copy link has its own name and a 44 by 44 px target', async ({ page }) => {
    await page.goto('/subprocessors');
    const links = page.getByRole('link', { name: /^Copy link to / });
    await expect(links).toHaveCount(5);
    await expect(page.getByRole('link', { name: 'Copy link to Cloudflare' })).toHaveAttribute('href', '#cloudflare');
    for (const box of await Promise.all((await links.all()).map((link) => link.boundingBox()))) {
      expect(box!.width).toBeGreaterThanOrEqual(44);
      expect(box!.height).toBeGreaterThanOrEqual(44);
    }
  });

  test('items are joined by a middle dot, never confused with commas inside them', async ({ page }) => {
    await page.goto('/subprocessors');
    await expect(page.locator('tr#digitalocean td').nth(1)).toHaveText('Account data · Operational data · Equipment records · AI Expert conversations · Audit log · File uploads');
  });

  test('table cells never break inside a word', async ({ page }) => {
    await page.goto('/subprocessors/history/2026-02-11');
    const wraps = await page.locator('main table :is(th, td)').evaluateAll((cells) => [...new Set(cells.map((cell) => getComputedStyle(cell).overflowWrap))]);
    expect(wraps).toEqual(['normal']);
  });

  test('a favicon and an OpenGraph image are served', async ({ page, request }) => {
    await page.goto('/subprocessors');
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', 'https://securicomnet.com/og.png');
    for (const [path, type] of [['/favicon.ico', 'image/x-icon'], ['/og.png', 'image/png'], ['/apple-touch-icon.png', 'image/png']]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()['content-type'], path).toContain(type);
    }
  });
});

test.describe('the chain of subprocessors and the annex', () => {
  test('an entry page links to the provider\'s own subprocessor list', async ({ page }) => {
    await page.goto('/subprocessors/cloudflare');
    await expect(page.getByRole('link', { name: 'Its own subprocessors' })).toHaveAttribute('href', 'https://www.cloudflare.com/gdpr/subprocessors/cloudflare-services/');
  });

  test('the annex names upcoming changes with their dates, prints link addresses and a footer on every page', async ({ page, request }) => {
    await page.goto('/subprocessors/annex');
    await expect(page.getByRole('region', { name: 'Announced changes not yet in effect' })).toContainText(
      'Added: Stripe, announced November 16, 2026, takes effect December 16, 2026; objections by 23:59 EST on December 15, 2026.',
    );
    await expect(page.getByRole('heading', { level: 3, name: 'Cloudflare' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    const after = await page.getByRole('link', { name: 'Its own subprocessors' }).first().evaluate((element) => getComputedStyle(element, '::after').content);
    expect(after).toBe('" (https://www.cloudflare.com/gdpr/subprocessors/cloudflare-services/)"');
    const fingerprint = await page.getByTestId('fingerprint').textContent();
    const css = await (await request.get('/subprocessors/annex.css')).text();
    expect(css).toContain(`content: "Subprocessors in force on November 23, 2026 \\b7  SHA-256 ${fingerprint}"`);
    expect(css).toContain('content: "Page " counter(page) " of " counter(pages)');
  });
});
