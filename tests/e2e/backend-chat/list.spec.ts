import { expect, test } from '@playwright/test';

test.describe('the second seed (backend.chat) in full', () => {
  test('prose sections above and below the list, in file order', async ({ page }) => {
    await page.goto('/subprocessors');
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
    await expect(page.getByText('Last updated:').locator('time')).toHaveText('October 9, 2025');
    await expect(page.getByRole('region', { name: 'Your Rights and Controls' })).toContainText('You have 14 days to object');
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
