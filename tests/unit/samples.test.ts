import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { publicEvents, versionDates } from '@/lib/timeline/history';
import type { Content } from '@/lib/content/schema';
import { scopedContent } from '@/lib/timeline/scopes';
import { lastUpdated, listAsOf, upcomingChanges } from '@/lib/timeline/timeline';

const TODAY = '2026-11-23';

const slugs = (content: Content, date = TODAY) => listAsOf(content, date).map((entry) => entry.slug);
const changes = (content: Content) => publicEvents(content, TODAY).map(({ entry, event }) => `${event.change} ${entry.slug} ${event.effective}`);

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

  it('has a list for each setup: where it runs, and which AI provider answers', () => {
    expect(content!.site.scopes!.map((scope) => scope.id)).toEqual(['cloud-openai', 'cloud-anthropic', 'self-hosted-openai', 'self-hosted-anthropic']);
    expect(slugs(scopedContent(content!, 'cloud-openai')!)).toEqual(['digitalocean-postgresql', 'hivelocity', 'openai', 'redis-cache']);
    expect(slugs(scopedContent(content!, 'cloud-anthropic')!)).toEqual(['anthropic', 'digitalocean-postgresql', 'hivelocity', 'redis-cache']);
    expect(slugs(scopedContent(content!, 'self-hosted-openai')!)).toEqual(['openai']);
    expect(slugs(scopedContent(content!, 'self-hosted-anthropic')!)).toEqual(['anthropic']);
    // The seed does not say which setups the planned services will serve: every list shows them.
    expect(scopedContent(content!, 'self-hosted-openai')!.planned).toHaveLength(4);
  });
});

describe('the example content with scopes (two-cloud: a US and an EU cloud)', () => {
  const { content, problems } = checkContent('examples/two-cloud', { today: TODAY });
  const us = scopedContent(content!, 'us')!;
  const eu = scopedContent(content!, 'eu')!;

  it('validates without errors or warnings', () => expect(problems).toEqual([]));

  it('lists in each cloud what serves it, with the locations of that cloud', () => {
    expect(slugs(content!)).toEqual(['aws', 'cloudflare', 'google-workspace', 'hubspot', 'mailjet', 'openai', 'postmark', 'sentry', 'slack', 'stripe', 'zendesk']);
    expect(slugs(us)).toEqual(['aws', 'cloudflare', 'google-workspace', 'hubspot', 'openai', 'postmark', 'sentry', 'slack', 'stripe', 'zendesk']);
    expect(slugs(eu)).toEqual(['aws', 'cloudflare', 'google-workspace', 'hubspot', 'mailjet', 'openai', 'sentry', 'slack', 'stripe', 'zendesk']);
    const places = (scoped: Content, slug: string) => listAsOf(scoped, TODAY).find((entry) => entry.slug === slug)!.locations.map((location) => location.detail ?? location.country);
    expect(places(us, 'aws')).toEqual(['Northern Virginia (us-east-1)', 'Oregon (us-west-2) — encrypted backups only']);
    expect(places(eu, 'aws')).toEqual(['Frankfurt (eu-central-1)']);
    expect(places(content!, 'aws')).toHaveLength(3);
    expect(content!.planned.map((entry) => entry.slug)).toEqual(['eu-model-provider']);
    expect(us.planned).toEqual([]);
  });

  it('has a history per cloud: a change of one cloud only, joining and leaving a cloud, a removal', () => {
    expect(slugs(content!, content!.site.published)).toEqual(['aws', 'cloudflare', 'google-workspace', 'hubspot', 'intercom', 'postmark', 'sentry', 'slack', 'stripe', 'zendesk']);
    expect(changes(us).slice(0, 5)).toEqual(['added anthropic 2026-12-16', 'removed intercom 2026-02-04', 'updated zendesk 2026-02-04', 'added openai 2025-10-01', 'updated aws 2025-07-02']);
    expect(changes(eu).slice(0, 6)).toEqual(['updated zendesk 2027-01-04', 'added openai 2026-04-01', 'removed intercom 2026-02-04', 'updated zendesk 2026-02-04', 'added mailjet 2025-12-03', 'removed postmark 2025-12-03']);
    expect(versionDates(us, TODAY)).toEqual(['2025-02-03', '2025-07-02', '2025-10-01', '2026-02-04']);
    expect(versionDates(eu, TODAY)).toEqual(['2025-02-03', '2025-12-03', '2026-02-04', '2026-04-01']);
    expect(slugs(content!, '2026-02-04')).not.toContain('intercom');
  });

  it('has upcoming changes of its own in each cloud', () => {
    const upcoming = (scoped: Content) => upcomingChanges(scoped, TODAY).map(({ entry, event }) => `${event.change} ${entry.slug} ${event.effective}`);
    expect(upcoming(content!)).toEqual(['added anthropic 2026-12-16', 'updated zendesk 2027-01-04']);
    expect(upcoming(us)).toEqual(['added anthropic 2026-12-16']);
    expect(upcoming(eu)).toEqual(['updated zendesk 2027-01-04']);
    expect([lastUpdated(us, TODAY), lastUpdated(eu, TODAY)]).toEqual(['2026-11-16', '2026-11-02']);
  });

  it('stays valid on any later day: nothing is announced after today', () => {
    const announced = content!.subprocessors.flatMap((entry) => entry.history.map((event) => event.announced));
    expect(announced.filter((date) => date > '2026-12-01')).toEqual([]);
    // Only a warning that the planned provider's expected date has passed.
    expect(checkContent('examples/two-cloud', { today: '2030-01-01' }).problems.map((problem) => `${problem.severity} ${problem.field}`)).toEqual(['warning planned']);
  });
});
