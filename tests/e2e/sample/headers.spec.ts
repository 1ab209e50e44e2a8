import { expect, test } from '@playwright/test';

test('every response carries the security headers, and none says what serves it', async ({ page, request }) => {
  await page.goto('/subprocessors');
  const asset = await page.locator('link[rel=stylesheet]').first().getAttribute('href');
  for (const path of ['/subprocessors', '/subprocessors/openai', '/subprocessors.json', '/subprocessors/feed.xml', '/subprocessors/no-such-page', asset!]) {
    const headers = (await request.get(path)).headers();
    expect(headers['content-security-policy'], path).toMatch(/^default-src 'self'; script-src 'self' 'unsafe-inline'; .*frame-ancestors 'self'/);
    expect(headers['content-security-policy'], path).not.toContain('unsafe-eval');
    expect(headers['strict-transport-security'], path).toBe('max-age=63072000; includeSubDomains');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
    expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy'], path).toContain('geolocation=()');
    expect(headers['x-powered-by'], path).toBeUndefined();
  }
});

test('the policy lets every page work: no console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  for (const path of ['/subprocessors', '/subprocessors/openai', '/subprocessors/changes', '/subprocessors/history/2025-06-16']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  expect(errors).toEqual([]);
});

test('pages and exports tell a CDN to cache them for the revalidation period', async ({ request }) => {
  for (const path of ['/subprocessors', '/subprocessors/openai', '/subprocessors.json']) {
    expect((await request.get(path)).headers()['cache-control'], path).toBe('s-maxage=300, stale-while-revalidate=300');
  }
});

test('a follower that sends back the validators of an export gets a 304 without a body', async ({ request }) => {
  for (const path of ['/subprocessors/feed.xml', '/subprocessors/changes.ics', '/subprocessors/changes-all.ics', '/subprocessors.json', '/subprocessors-history.json', '/subprocessors.v1.json', '/subprocessors.csv', '/sitemap.xml']) {
    const fresh = await request.get(path);
    const { etag, 'last-modified': lastModified } = fresh.headers();
    expect(etag, path).toMatch(/^"[0-9a-z]+-[0-9a-f]{16}-2026-11-23"$/);
    for (const headers of [{ 'if-none-match': etag }, { 'if-modified-since': lastModified }] as Record<string, string>[]) {
      const again = await request.get(path, { headers });
      expect(again.status(), path).toBe(304);
      expect((await again.body()).length).toBe(0);
      expect(again.headers().etag).toBe(etag);
      expect(again.headers()['cache-control']).toBe('s-maxage=300, stale-while-revalidate=300');
    }
    expect((await request.get(path, { headers: { 'if-none-match': '"something-else"' } })).status(), path).toBe(200);
  }
});
