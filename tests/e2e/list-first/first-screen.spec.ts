import { expect, test, type Page } from '@playwright/test';

/**
 * A privacy officer reads the list first: on the sample, both examples and a generated 27-entry
 * list (not the injection fixture, whose first category holds a page of payloads as its description).
 */
const firstEntry = (page: Page) => page.locator('main .entries tbody tr').first();

test('the first entry starts on the first screen at 1280×800, and within 1.5 screens at 375×812, on the full list and each scope’s', async ({ page }) => {
  await page.goto('/subprocessors');
  const scopes = await page.getByRole('navigation', { name: 'Scope' }).getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')!));
  for (const path of scopes.length ? scopes : ['/subprocessors']) {
    for (const [width, height, screens] of [[1280, 800, 1], [375, 812, 1.5]]) {
      await page.setViewportSize({ width, height });
      await page.goto(path);
      const box = (await firstEntry(page).boundingBox())!;
      // The first entry starts within the first screen (1.5 on a phone).
      expect(box.y, `${path} at ${width}×${height}`).toBeLessThan(height * screens);
    }
  }
});
