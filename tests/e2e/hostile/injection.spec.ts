import { expect, test, type Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';

/** Anything in the DOM that content could have used to run code or load something. */
const INJECTED = [
  'script',
  '[onerror], [onload], [onclick], [onfocus], [ontoggle], [onmouseover]',
  'iframe, object, embed, meta[http-equiv], base, link[rel=import]',
  'svg:not([data-site]) , math',
  'a[href^="javascript:" i], a[href^="data:" i], a[href^="vbscript:" i], img[src^="javascript:" i]',
  'form[action^="javascript:" i], main style, main [style]',
].join(', ');

async function visit(page: Page, path: string, status = 200) {
  const problems: string[] = [];
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => message.type() === 'error' && !message.text().includes('status of 404') && problems.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  expect((await page.goto(path))?.status()).toBe(status);
  await page.waitForLoadState('networkidle');
  // Give autofocus, ontoggle and timers a moment to fire if anything got through.
  await page.waitForTimeout(300);
  expect(problems).toEqual([]);
  const found = await page.locator(INJECTED).evaluateAll((nodes) =>
    nodes
      // Next.js's own scripts: its bundles, and the page data it streams (content is JSON-escaped inside).
      .filter((node) => !(node.tagName === 'SCRIPT' && (node.getAttribute('src')?.startsWith('/_next/') || /^\(?(self\.__next_f|globalThis\["TURBOPACK"\])/.test(node.textContent ?? ''))))
      .map((node) => node.outerHTML.slice(0, 120)),
  );
  expect(found).toEqual([]);
}

test.describe('content cannot run code in a visitor’s browser', () => {
  test('the list page', async ({ page }) => {
    await visit(page, '/subprocessors');
    // Text fields show the payloads as text.
    await expect(page.locator('.entries tbody th > a:first-child')).toHaveText('<script>alert(1)</script>');
    // The purpose in force today is the one recorded before the upcoming urgent change.
    const row = page.locator('tr#payload');
    await expect(row.locator('th')).toContainText('<script>alert(1)</script>Affiliate');
    await expect(row.locator('td')).toHaveText([
      '<svg onload=alert(3)>\'-alert(11)-\'',
      '<input autofocus onfocus=alert(12)> · <details open ontoggle=alert(13)> · <object data="javascript:alert(14)"> · <embed src="javascript:alert(15)"> · {{constructor.constructor("alert(16)")()}}',
      'United States: <style>body{display:none}</style>',
    ]);
    await expect(page.getByText('<img src=x onerror=alert(2)>').first()).toBeVisible();
    // Markdown keeps its ordinary text and safe links, and loses the rest (the prose above the list opens with a click).
    await page.locator('summary', { hasText: 'About this list' }).click();
    await expect(page.getByText('Plain text before the payloads stays visible.').first()).toBeVisible();
    await expect(page.getByText('Plain text after the payloads stays visible.').first()).toBeVisible();
    const safe = page.getByRole('link', { name: 'a safe external link' }).first();
    await expect(safe).toHaveAttribute('href', 'https://example.com/policy');
    await expect(safe).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(page.getByRole('link', { name: 'javascript link' })).toHaveCount(0);
    // The upcoming update says what it changes, old and new values as text.
    await expect(page.getByRole('region', { name: 'Upcoming changes' })).toContainText('Purpose: <svg onload=alert(3)> → "><script>alert(10)</script>');
  });

  test('the entry page', async ({ page }) => {
    await visit(page, '/subprocessors/payload');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('<script>alert(1)</script>');
    await expect(page.getByRole('region', { name: 'Details' })).toContainText('<iframe src="javascript:alert(7)"></iframe>');
    await expect(page.getByRole('region', { name: 'Notes' })).toContainText('Plain text after the payloads stays visible.');
    await expect(page.getByRole('link', { name: 'Data processing agreement' })).toHaveAttribute('href', 'https://hostile.example/dpa?x="><script>alert(40)</script>');
  });

  for (const path of ['/subprocessors/changes', '/subprocessors/changes?entry=<script>alert(1)</script>&change="><svg onload=alert(2)>', '/subprocessors/history/2025-01-01', '/subprocessors/history/2026-11-23']) {
    test(`page ${path}`, async ({ page }) => visit(page, path));
  }

  test('the not-found page', async ({ page }) => visit(page, '/subprocessors/%3Cscript%3Ealert(1)%3C%2Fscript%3E', 404));

  test('feeds and exports stay well-formed', async ({ request }) => {
    const xml = await (await request.get('/subprocessors/feed.xml')).text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser().parse(xml).feed;
    expect(feed.title).toBe('Hostile Co <script>alert(30)</script> subprocessor changes');
    expect(feed.entry.map((entry: { title: string }) => entry.title)).toContain('Added: <script>alert(1)</script> (effective January 1, 2025)');
    // A summary that closes a CDATA section stays text, and adds no element.
    const added = feed.entry.find((entry: { title: string }) => entry.title.startsWith('Added:'));
    expect(added.summary).toBe('<a href="#" onclick="alert(20)">x</a> ]]><link href="https://evil.example/"/><![CDATA[ ]]> AT&T <b>bold</b>');
    expect(xml).not.toContain('<b>');
    expect(xml.match(/<link /g)).toHaveLength(2 + feed.entry.length);
    // A summary over several lines cannot start an event of its own in the calendar.
    const calendar = new ICAL.Component(ICAL.parse(await (await request.get('/subprocessors/changes.ics')).text()));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.uid)).not.toContain('injected');
    expect(events.find((event) => event.uid.startsWith('payload-updated'))!.description).toBe('<img src=x onerror=alert(2)>\nEND:VEVENT\nBEGIN:VEVENT\nUID:injected\nSUMMARY:Injected event');
    const json = await (await request.get('/subprocessors.json')).json();
    expect(json.subprocessors[0].name).toBe('<script>alert(1)</script>');
    const csv = await (await request.get('/subprocessors.csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""https://evil.example"",""click"")"`);
  });
});
