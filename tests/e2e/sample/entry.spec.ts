import { expect, test } from '@playwright/test';

test.describe('an entry page', () => {
  test('shows every field, the notes and the history', async ({ page }) => {
    await page.goto('/subprocessors/digitalocean');
    await expect(page).toHaveTitle('DigitalOcean · Securicom');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('DigitalOcean');
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', 'https://securicomnet.com/subprocessors/digitalocean');
    await expect(page.locator('meta[name=description]')).toHaveAttribute('content', /DigitalOcean \(DigitalOcean, LLC\) as a subprocessor of Securicom: Primary cloud hosting/);
    const details = page.getByRole('region', { name: 'Details' });
    for (const text of ['Legal entity', 'DigitalOcean, LLC', 'Purpose', 'Data categories', 'File uploads', 'Data subjects', 'Locations', 'Canada: TOR1 (Toronto)', 'Transfer safeguards', 'Adequacy decision', 'Website', 'https://www.digitalocean.com']) {
      await expect(details).toContainText(text);
    }
    await expect(page.getByRole('region', { name: 'Notes' })).toContainText('stays in the TOR1 region in Toronto, Canada');
    await expect(page.getByRole('region', { name: 'History' })).toContainText('Added, effective March 3, 2025');
    await page.getByRole('link', { name: 'All subprocessors' }).click();
    await expect(page).toHaveURL(/\/subprocessors#digitalocean$/);
  });

  test('an urgent change shows its reason', async ({ page }) => {
    await page.goto('/subprocessors/cloudflare');
    const history = page.getByRole('region', { name: 'History' }).getByRole('listitem');
    await expect(history).toHaveCount(2);
    await expect(history.first()).toContainText('Updated, effective April 3, 2026');
    await expect(history.first()).toContainText('Urgent change, made without the usual notice period: Stopping an ongoing credential-stuffing attack');
  });

  test('a removed entry says so', async ({ page }) => {
    await page.goto('/subprocessors/mailgun');
    await expect(page.getByText('No longer a subprocessor: removed from the list on June 16, 2025.')).toBeVisible();
  });

  test('an announced addition shows when it takes effect and how to object', async ({ page }) => {
    await page.goto('/subprocessors/stripe');
    await expect(page.getByRole('region', { name: 'Upcoming changes' })).toContainText('Takes effect December 16, 2026');
    await expect(page.getByRole('region', { name: 'History' })).toContainText('upcoming');
  });

  test('an unknown slug is a 404 page', async ({ page }) => {
    const response = await page.goto('/subprocessors/no-such-company');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  });
});
