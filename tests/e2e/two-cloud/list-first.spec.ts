import { expect, test } from '@playwright/test';

// Evaluated on 2026-11-23: Zendesk's EU Cloud support moves to its EU data centres on January 4, 2027.

test('an announced update shows what it changes: on the entry page, in short on the list, on the changes page and in the JSON', async ({ page, request }) => {
  await page.goto('/subprocessors/zendesk');
  await expect(page.getByRole('region', { name: 'Upcoming changes' }).getByTestId('upcoming-field')).toHaveText([
    "From January 4, 2027: Locations: United States \u2192 United States (US Cloud); European Union: Frankfurt and Dublin \u2014 Zendesk's EU data centres (EU Cloud)",
  ]);
  await page.goto('/subprocessors');
  const upcoming = page.getByRole('region', { name: 'Upcoming changes' }).getByTestId('upcoming-change');
  await expect(upcoming.filter({ hasText: 'Zendesk' })).toHaveText(
    'Updated: Zendesk · Locations: United States \u2192 United States, European Union · from Jan 4, 2027 · object by Jan 3, 2027, 23:59 UTC (41 days left) · Object',
  );
  await page.goto('/subprocessors/changes');
  const change = page.getByRole('listitem').filter({ hasText: 'Updated: Zendesk' }).first();
  await expect(change).toContainText('Object by 23:59 UTC on January 3, 2027 \u2014 41 days left');
  await expect(change).toContainText('Locations: United States \u2192 United States (US Cloud)');
  await expect(change.getByRole('link', { name: 'Object to this change' })).toHaveAttribute('href', '/subprocessors/object?change=zendesk-updated-2027-01-04');
  const json = await (await request.get('/subprocessors.json')).json();
  expect(json.upcoming.find((event: { slug: string }) => event.slug === 'zendesk').next.locations).toHaveLength(2);
});

test('scopes read plainly: upcoming changes name their scope, an entry in every scope has no badge, a scope list has no empty category', async ({ page }) => {
  await page.goto('/subprocessors');
  await expect(page.getByTestId('upcoming-change').filter({ hasText: 'Anthropic' }).locator('.badge')).toHaveText(['US Cloud']);
  // OpenAI names both scopes, Stripe none: the same rule, no badge.
  await expect(page.locator('tr#openai th .badge')).toHaveCount(0);
  await expect(page.locator('tr#stripe th .badge')).toHaveCount(0);
  await expect(page.getByText('An entry without a scope badge applies in every scope (US Cloud, EU Cloud).')).toBeVisible();
  await page.goto('/eu/subprocessors');
  const headings = page.getByRole('region', { name: 'Current subprocessors' }).getByRole('heading', { level: 3 });
  for (const heading of await headings.all()) {
    await expect(page.getByRole('region', { name: (await heading.textContent())! }).locator('.entries tbody tr').first()).toBeVisible();
  }
  await expect(page.getByText('We currently use no subprocessors in this category.')).toHaveCount(0);
});

test('on a phone: each list choice is a 44 px target, and the compact forms keep their field and button on one line', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/subprocessors/subscribe');
  for (const title of ['US Cloud', 'EU Cloud']) {
    const box = page.getByRole('checkbox', { name: title });
    const target = page.locator('label').filter({ has: box });
    expect((await target.boundingBox())!.height, title).toBeGreaterThanOrEqual(44);
    expect((await box.boundingBox())!.height, title).toBeGreaterThanOrEqual(24);
    // Pressing the words ticks the box.
    await target.getByText(title).click();
    await expect(box).toBeChecked();
  }
  await page.goto('/eu/subprocessors');
  const rowOf = async (...targets: ReturnType<typeof page.getByRole>[]) => Promise.all(targets.map(async (target) => (await target.boundingBox())!.y));
  const [field, subscribe] = await rowOf(page.getByRole('textbox', { name: 'E-mail me before any change' }), page.getByRole('button', { name: 'Subscribe' }));
  expect(subscribe).toBe(field);
  const search = page.getByRole('search', { name: 'Subprocessors' });
  const [query, button, filters] = await rowOf(search.getByRole('searchbox'), search.getByRole('button', { name: 'Search' }), search.getByRole('link', { name: 'Filters' }));
  expect([button, filters]).toEqual([query, query]);
});
