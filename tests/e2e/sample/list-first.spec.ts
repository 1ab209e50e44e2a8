import { expect, test } from '@playwright/test';

test('the changes page gives each upcoming change its deadline and the way to object, and marks an urgent change with its reason', async ({ page }) => {
  await page.goto('/subprocessors/changes');
  const stripe = page.getByRole('listitem').filter({ hasText: 'Added: Stripe' });
  await expect(stripe.getByTestId('objection-deadline')).toHaveText('Object by 23:59 EST on December 15, 2026 \u2014 22 days left · Object to this change');
  // The site's objection form (SPEC §9), for this change.
  await expect(stripe.getByRole('link', { name: 'Object to this change' })).toHaveAttribute('href', '/subprocessors/object?change=stripe-added-2026-12-16');
  const urgent = page.getByRole('listitem').filter({ has: page.locator('.badge', { hasText: 'urgent' }) });
  await expect(urgent).toHaveCount(1);
  await expect(urgent).toContainText('Urgent change, made without the usual notice period: Stopping an ongoing credential-stuffing attack');
});

test('search matches what a subprocessor does and which data: "email" finds the mail provider', async ({ page }) => {
  await page.goto('/subprocessors');
  await page.getByRole('search', { name: 'Subprocessors' }).getByRole('searchbox').fill('email');
  await page.getByRole('search', { name: 'Subprocessors' }).getByRole('button', { name: 'Search' }).click();
  await expect(page.locator('.entries tbody th > a:first-child')).toHaveText(['Postmark']);
});

test('small things: no doubled punctuation, no "Global: Global edge", "Link to this version" in line', async ({ page }) => {
  await page.goto('/subprocessors/cloudflare');
  await expect(page.getByRole('main')).toContainText('Until April 3, 2026: DNS resolution');
  await expect(page.getByRole('main')).not.toContainText('., until');
  await page.goto('/subprocessors');
  await expect(page.locator('tr#cloudflare')).toContainText('Global edge');
  await expect(page.locator('tr#cloudflare')).not.toContainText('Global: Global edge');
  const centres = await page.getByRole('region', { name: 'History and updates' }).getByRole('link').evaluateAll((links) => links.slice(0, 2).map((link) => { const box = link.getBoundingClientRect(); return Math.round(box.top + box.height / 2); }));
  expect(Math.abs(centres[0] - centres[1])).toBeLessThanOrEqual(2);
});
