import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content';
import { lastUpdated, listAsOf, upcomingChanges } from '@/lib/timeline';

const TODAY = '2026-11-23';

describe('the sample content (seed 000: Securicom)', () => {
  const { content, problems } = checkContent('content');

  it('validates without errors; warnings only ask for recommended facts', () => {
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(new Set(problems.map((problem) => problem.field))).toEqual(new Set(['address', 'links.dpa', 'links.subprocessors', 'history[1].change']));
    // The one update without former values is kept on purpose, to show how a version says so.
    expect(problems.filter((problem) => problem.field === 'history[1].change').map((problem) => problem.file)).toEqual(['content/subprocessors/digitalocean.md']);
  });

  it('lists the five subprocessors of the seed today', () => {
    expect(listAsOf(content!, TODAY).map((entry) => entry.name).sort()).toEqual(['Cloudflare', 'DigitalOcean', 'OpenAI (or comparable LLM provider)', 'Postmark', 'Sentry']);
  });

  it('has an initial publication, later announced changes and an upcoming one', () => {
    expect(listAsOf(content!, content!.site.published).map((entry) => entry.slug).sort()).toEqual(['cloudflare', 'digitalocean', 'mailgun', 'sentry']);
    expect(lastUpdated(content!, TODAY)).toBe('2026-11-16');
    expect(upcomingChanges(content!, TODAY).map(({ entry, event }) => `${event.change} ${entry.slug} ${event.effective}`)).toEqual(['added stripe 2026-12-16']);
  });
});

describe('the example content (seed 002: backend.chat)', () => {
  const { content, problems } = checkContent('examples/backend-chat');

  it('validates without errors', () => expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]));

  it('has its five current and four planned subprocessors, and all its prose sections', () => {
    expect(listAsOf(content!, TODAY)).toHaveLength(5);
    expect(content!.planned.map((entry) => entry.planned)).toEqual(['Q3 2025', 'Q2 2025 (when email notifications are implemented)', 'Q4 2025', 'Q3 2025 (when paid plans launch)']);
    expect(content!.sections.map((section) => section.title)).toEqual([
      'Introduction',
      'Our Commitment',
      'Notification of Changes',
      'Data Flows Summary',
      'Your Rights and Controls',
      'Security and Compliance',
      'Contact and Questions',
      'Changes to This List',
      'Additional Resources',
    ]);
    expect(lastUpdated(content!, TODAY)).toBe('2025-10-09');
  });
});
