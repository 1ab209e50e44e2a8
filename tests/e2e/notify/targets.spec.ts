import { expect, test } from '@playwright/test';

test('the compact subscription form on the list: a 44 px field and button, and Subscribe in the header', async ({ page }) => {
  await page.goto('/subprocessors');
  for (const target of [page.getByRole('textbox', { name: 'E-mail me before any change' }), page.getByRole('button', { name: 'Subscribe' })]) {
    expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  }
  await expect(page.getByRole('navigation', { name: 'Site' }).getByRole('link')).toHaveText(['List', 'Changes', 'Subscribe', 'Annex']);
});
