import { expect, test } from '@playwright/test';

test('folded prose above the list still opens at its anchor, and prints in full', async ({ page }) => {
  await page.goto('/subprocessors#section-10-introduction');
  await expect(page.getByRole('heading', { name: 'Introduction' })).toBeInViewport();
  await page.goto('/subprocessors');
  await expect(page.getByRole('heading', { name: 'Introduction' })).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { name: 'Introduction' })).toBeVisible();
});
