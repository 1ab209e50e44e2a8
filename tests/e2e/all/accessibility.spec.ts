import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** One page of each type, found from the list so the same test serves every content folder. */
async function pageTypes(page: Page): Promise<[string, string, number][]> {
  await page.goto('/subprocessors');
  const entry = await page.locator('main .entries tbody th > a:first-child').first().getAttribute('href');
  // With scopes, the list of the first one too.
  const scoped = await page.getByRole('navigation', { name: 'Scope' }).getByRole('link').nth(1).getAttribute('href', { timeout: 1000 }).catch(() => null);
  await page.goto('/subprocessors/changes');
  const version = await page.getByRole('region', { name: 'Past versions of the list' }).getByRole('link').last().getAttribute('href');
  return [
    ...(scoped ? [['scoped list', scoped, 200] as [string, string, number]] : []),
    ['list', '/subprocessors', 200],
    ['entry', entry!, 200],
    ['changes', '/subprocessors/changes', 200],
    ['version', version!, 200],
    ['not found', '/subprocessors/no-such-entry', 404],
  ];
}

test('every page type passes axe (WCAG 2.1 A and AA) with no violations', async ({ page }) => {
  // A dozen page types, each analysed in full: more than the default 30 s on a busy CI machine.
  test.setTimeout(120_000);
  for (const [type, path, status] of await pageTypes(page)) {
    expect((await page.goto(path))?.status(), type).toBe(status);
    const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(violations.map((v) => `${type}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
  }
});

test('the keyboard alone reaches the content: a visible skip link first, then every link in order', async ({ page }) => {
  await page.goto('/subprocessors');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  const outline = await skip.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  // Tabbing on from the main content lands on a link inside it, visibly focused.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveCount(1);
  expect(await focused.evaluate((element) => Boolean(element.closest('main')) && getComputedStyle(element).outlineStyle !== 'none')).toBe(true);
});

test('no horizontal scrolling at 375 px on any page type', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  for (const [type, path] of await pageTypes(page)) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), type).toBeLessThanOrEqual(0);
  }
});

test('prints the full list legibly', async ({ page }) => {
  await page.goto('/subprocessors');
  const entries = await page.locator('main .entries tbody tr').count();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('main .entries tbody tr')).toHaveCount(entries);
  for (const entry of await page.locator('main .entries tbody tr').all()) await expect(entry).toBeVisible();
  // Screen-only parts are left out; text is black and at least 10pt.
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'History and updates' })).toBeHidden();
  const style = await page.locator('main .entries tbody tr').first().evaluate((element) => ({ color: getComputedStyle(element).color, size: parseFloat(getComputedStyle(element).fontSize) }));
  expect(style.color).toBe('rgb(0, 0, 0)');
  expect(style.size).toBeGreaterThanOrEqual(13.3); // 10pt
});
