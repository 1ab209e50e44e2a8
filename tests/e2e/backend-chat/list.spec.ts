import { expect, test } from '@playwright/test';

test.describe('the second seed (backend.chat) in full', () => {
  test('prose sections above and below the list, in file order; the long prose above folds under the summary', async ({ page }) => {
    await page.goto('/subprocessors');
    const about = page.getByText('About this list: Introduction · Our Commitment · Notification of Changes');
    await expect(about).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Introduction' })).toBeHidden();
    await about.click();
    await expect(page.getByRole('heading', { level: 2 })).toHaveText([
      'Introduction',
      'Our Commitment',
      'Notification of Changes',
      'Current subprocessors',
      'Planned subprocessors (tentative)',
      'Data Flows Summary',
      'Your Rights and Controls',
      'Security and Compliance',
      'Contact and Questions',
      'Changes to This List',
      'Additional Resources',
      'History and updates',
    ]);
    const summary = page.getByRole('region', { name: 'Summary', exact: true });
    await expect(summary.getByRole('link', { name: 'October 9, 2025' })).toHaveAttribute('href', '/subprocessors/history/2025-10-09');
    await expect(summary).toContainText('Latest announcement: none since the list was published');
    await expect(page.getByText('No changes announced.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your Rights and Controls' })).toContainText('You have 14 days to object');
  });

  test('a long page has an on-page contents line, and the list starts on the first screen at 1,280 px', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/subprocessors');
    await page.getByText('On this page', { exact: true }).click();
    const contents = page.getByRole('navigation', { name: 'On this page' });
    await expect(contents.getByRole('link', { name: 'Data Flows Summary' })).toHaveAttribute('href', '#section-40-data-flows');
    await expect(contents.getByRole('link', { name: 'Planned' })).toHaveAttribute('href', '#planned');
    const box = await page.getByRole('heading', { name: 'Current subprocessors' }).boundingBox();
    expect(box!.y + box!.height).toBeLessThan(800);
  });

  test('below 40rem every table reads as rows: one card per row, cells stacked', async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto('/subprocessors');
    for (const region of ['Data Flows Summary', 'Planned subprocessors (tentative)']) {
      const cells = page.getByRole('region', { name: region }).getByRole('row').nth(1).locator('th, td');
      const lefts = await cells.evaluateAll((elements) => elements.map((element) => Math.round(element.getBoundingClientRect().left)));
      expect(new Set(lefts).size, region).toBe(1);
    }
    const expected = page.getByRole('region', { name: 'Planned subprocessors (tentative)' }).getByRole('row', { name: /Payment gateway/ }).locator('td').last();
    expect(await expected.evaluate((element) => getComputedStyle(element, '::before').content)).toBe('"Expected: "');
  });

  test('categories, negative disclosures and conditions', async ({ page }) => {
    await page.goto('/subprocessors');
    await expect(page.getByRole('heading', { level: 3 })).toHaveText([
      'AI and Machine Learning Services',
      'Cloud Infrastructure and Hosting',
      'Database and Caching Services',
      'Email Services (Future)',
      'Payment Processing (Future)',
      'Analytics and Monitoring (Internal Only)',
      '1. Data Processing Agreement (DPA)',
      '2. Subprocessor Objection',
      '3. Data Localization (Self-Hosting)',
      'Subprocessor Audits',
      'Breach Notification',
    ]);
    const analytics = page.getByRole('region', { name: 'Analytics and Monitoring (Internal Only)' });
    await expect(analytics).toContainText('❌ Google Analytics');
    await expect(analytics).toContainText('We currently use no subprocessors in this category.');
    await expect(page.locator('tr#openai')).toContainText('Only when the customer chooses OpenAI models.');
    await expect(page.locator('tr#hivelocity')).toContainText('Does not apply if you self-host backend.chat.');
    await page.goto('/subprocessors/anthropic');
    await expect(page.getByRole('main')).toContainText('HIPAA-eligible');
  });

  test('the data-flow table keeps its headers', async ({ page }) => {
    await page.goto('/subprocessors');
    const table = page.getByRole('region', { name: 'Data Flows Summary' }).getByRole('table');
    await expect(table.getByRole('columnheader')).toHaveText(['Data Type', 'Stored By', 'Processed By (AI)', 'Third-Party Access']);
    await expect(table.getByRole('row', { name: /Session Tokens/ })).toContainText('Cloud provider (Redis)');
  });

  test('planned subprocessors are listed apart, with their expected dates', async ({ page }) => {
    await page.goto('/subprocessors');
    const planned = page.getByRole('region', { name: 'Planned subprocessors (tentative)' });
    await expect(planned.getByRole('rowheader')).toHaveText(['CDN (Cloudflare / AWS CloudFront)', 'Email service (SendGrid / Postmark / AWS SES)', 'Monitoring/Logging (Sentry / DataDog)', 'Payment gateway (Stripe / Razorpay / PayPal)']);
    await expect(planned.getByRole('row', { name: /Payment gateway/ })).toContainText('Q3 2025 (when paid plans launch)');
    await expect(planned).toContainText('We do NOT store raw credit card numbers');
    await expect(page.getByRole('region', { name: 'Current subprocessors' }).getByText('Payment gateway (Stripe')).toHaveCount(0);
  });

  test('entry notes carry what the seed says beyond the fields', async ({ page }) => {
    await page.goto('/subprocessors/anthropic');
    await expect(page.getByRole('region', { name: 'Notes' })).toContainText('Data processing agreement: Available upon request from Anthropic.');
  });
});
