import { expect, test } from '@playwright/test';

/** What keeps the list readable first on every content folder (the sample, both examples, the injection fixture and a generated 27-entry list). */

test('every card is laid out: the page height stays put while scrolling on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/subprocessors');
  const height = () => page.evaluate(() => document.documentElement.scrollHeight);
  const before = await height();
  for (let y = 0; y < before; y += 800) await page.evaluate((top) => window.scrollTo(0, top), y);
  expect(await height()).toBe(before);
  const skipped = await page.locator('main .entries tbody tr').evaluateAll((rows) => rows.filter((row) => getComputedStyle(row).contentVisibility !== 'visible').length);
  expect(skipped).toBe(0);
});

test('the header leads to the list, the changes and the annex', async ({ page }) => {
  await page.goto('/subprocessors/changes');
  const nav = page.getByRole('navigation', { name: 'Site' });
  const names = await nav.getByRole('link').allTextContents();
  expect(names.filter((name) => name !== 'Subscribe')).toEqual(['List', 'Changes', 'Annex']);
  await nav.getByRole('link', { name: 'Annex' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Annex: subprocessors of');
});

test('on a phone, badges never break inside a title, the scope switcher is one row, and no wrapped line starts with a dot', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/subprocessors');
  const broken = await page.locator('.badge').evaluateAll((badges) => badges.filter((badge) => badge.getClientRects().length > 1 || badge.getBoundingClientRect().height > 30).map((badge) => badge.textContent));
  expect(broken).toEqual([]);
  const tops = await page.getByRole('navigation', { name: 'Scope' }).getByRole('link').evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBeLessThanOrEqual(1);
  // A separator ends an item, so it never starts a line: nothing comes before an item's text.
  const leading = await page.locator('.link-row li').evaluateAll((items) => items.filter((item) => getComputedStyle(item, '::before').content !== 'none').length);
  expect(leading).toBe(0);
});

test('every safeguard abbreviation in the list is spelled out beside it', async ({ page }) => {
  await page.goto('/subprocessors');
  const used = [...new Set(await page.locator('.entries .safeguards abbr').allTextContents())];
  for (const abbreviation of used) {
    const spelled = await page.locator('.entries .safeguards abbr', { hasText: abbreviation }).first().getAttribute('title');
    await expect(page.getByTestId('abbreviations')).toContainText(`${abbreviation}: ${spelled}`);
  }
});

test('the annex prints as a table: five or more entries to an A4 page, the list starting on page 1', async ({ page }) => {
  await page.goto('/subprocessors/annex');
  const entries = await page.locator('.annex-entry').count();
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format });
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)!.length;
    // With room for the header on page 1 and the announced changes at the end.
    expect(pages, format).toBeLessThanOrEqual(Math.ceil(entries / 5) + 1);
  }
  // Page 1: the printable height of A4 at 96 dpi, less the margins (1.5 cm top, 2 cm bottom).
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: 680, height: 1000 });
  const first = (await page.locator('.annex-entry').first().boundingBox())!;
  expect(first.y + first.height).toBeLessThan(1123 - 132);
});
