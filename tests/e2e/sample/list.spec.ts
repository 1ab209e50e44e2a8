import { expect, test } from '@playwright/test';

test.describe('the list page', () => {
  test('/ redirects to the list', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/subprocessors$/);
  });

  test('shows the company, the introduction and a computed last-updated date', async ({ page }) => {
    await page.goto('/subprocessors');
    await expect(page).toHaveTitle('Subprocessors · Securicom');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subprocessors');
    await expect(page.getByRole('banner')).toContainText('Securicom · Securicom Central');
    // The introduction is folded above the list: one click opens it.
    await page.getByText('About this list', { exact: true }).click();
    await expect(page.getByText('Securicom uses a small number of vetted third-party services')).toBeVisible();
    await expect(page.getByText('at least 30 days before adding or replacing a subprocessor')).toBeVisible();
    const updated = page.getByRole('region', { name: 'Summary', exact: true }).getByText('Latest announcement:').locator('time');
    await expect(updated).toHaveAttribute('datetime', '2026-11-16');
    await expect(updated).toHaveText('November 16, 2026');
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', 'https://securicomnet.com/subprocessors');
  });

  test('groups the current entries by category in site.yaml order, each with its slug as anchor', async ({ page }) => {
    await page.goto('/subprocessors');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText(['Hosting and network', 'Email delivery', 'Error tracking and monitoring', 'AI features', 'Billing and payments']);
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['Cloudflare', 'DigitalOcean', 'Postmark', 'Sentry', 'OpenAI (or comparable LLM provider)']);
    for (const slug of ['cloudflare', 'digitalocean', 'postmark', 'sentry', 'openai']) await expect(page.locator(`tr#${slug}`)).toHaveCount(1);
    // Removed before today, and not yet in effect: neither is on the list.
    await expect(page.locator('tr#mailgun, tr#stripe')).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Billing and payments' })).toContainText('We currently use no subprocessors in this category.');
  });

  test('shows who, what for, which data and where for each entry, with full country names', async ({ page }) => {
    await page.goto('/subprocessors');
    const digitalocean = page.locator('tr#digitalocean');
    await expect(digitalocean.locator('th > a:first-child')).toHaveText('DigitalOcean');
    await expect(digitalocean).toContainText('DigitalOcean, LLC');
    await expect(digitalocean).toContainText('Primary cloud hosting — application droplet, managed PostgreSQL');
    await expect(digitalocean.getByRole('cell')).toHaveText([
      'Primary cloud hosting — application droplet, managed PostgreSQL, managed Redis/Valkey, Spaces (object storage), Container Registry.',
      'Account data · Operational data · Equipment records · AI Expert conversations · Audit log · File uploads',
      'Canada: TOR1 (Toronto) — selected for data residencyAdequacy decision',
    ]);
    await expect(page.getByRole('table').first().getByRole('columnheader')).toHaveText(['Subprocessor', 'Purpose', 'Data categories', 'Locations and transfer safeguards']);
    await expect(page.locator('tr#postmark')).toContainText('United StatesDPF · SCCs');
    const openai = page.locator('tr#openai');
    await expect(openai).toContainText('Only when your Organization uses the AI Security Expert.');
    await expect(openai).toContainText('United States: The provider contractually does not retain prompts');
    await expect(page.locator('tr#cloudflare')).toContainText('Global edge — request terminates at the nearest point of presence.');
    await expect(page.locator('tr#postmark')).toContainText('United States');
  });

  test('sends the list and a past version in Latin-1 only, dashes and quotes as references, so serving them stays cheap', async ({ request }) => {
    for (const path of ['/subprocessors', '/subprocessors/history/2025-06-16']) {
      const html = await (await request.get(path)).text();
      expect(html).toContain('Primary cloud hosting &#8212; application droplet');
      expect(html.match(/[^\x00-\xff]/gu), path).toBeNull();
    }
  });

  test('keeps the long details on each entry\'s own page', async ({ page }) => {
    await page.goto('/subprocessors');
    const digitalocean = page.locator('tr#digitalocean');
    // Data subjects, certifications and agreement links are one click away.
    await expect(digitalocean).not.toContainText('Organization owners');
    await expect(page.locator('tr#cloudflare')).not.toContainText('SOC 2 Type II');
    await digitalocean.getByRole('link', { name: 'DigitalOcean', exact: true }).click();
    await expect(page).toHaveURL(/\/subprocessors\/digitalocean$/);
    await expect(page.getByRole('link', { name: 'Data processing agreement' })).toHaveAttribute('href', 'https://www.digitalocean.com/legal/data-processing-agreement');
    await expect(page.getByText('Organization owners')).toBeVisible();
    await expect(page.getByText('on the list since March 3, 2025')).toBeVisible();
  });

  test('shows field values in force today, not superseded ones', async ({ page }) => {
    await page.goto('/subprocessors');
    const sentry = page.locator('tr#sentry');
    await expect(sentry).toContainText('User IDs (no PII attached by default: send_default_pii=False)');
    await expect(sentry).not.toContainText('IP addresses of browser clients');
  });

  test('announces the upcoming addition with its objection deadline', async ({ page }) => {
    await page.goto('/subprocessors');
    const panel = page.getByRole('region', { name: 'Upcoming changes' });
    await expect(panel).toContainText('Added: Stripe · from Dec 16, 2026 · object by Dec 15, 2026, 23:59 EST (22 days left)');
    await expect(panel.getByRole('link', { name: 'Object', exact: true })).toHaveAttribute('href', '/subprocessors/object?change=stripe-added-2026-12-16');
  });

  test('has one h1, headings without skipped levels, and landmarks', async ({ page }) => {
    await page.goto('/subprocessors');
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]).toBeLessThanOrEqual(1));
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('contentinfo')).toHaveCount(1);
  });

  test('reads at 375 px wide without horizontal scrolling, and downloads no fonts', async ({ page }) => {
    const fonts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'font' && fonts.push(request.url()));
    await page.setViewportSize({ width: 375, height: 800 });
    for (const url of ['/subprocessors', '/subprocessors/cloudflare']) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
    expect(fonts).toEqual([]);
  });
});
