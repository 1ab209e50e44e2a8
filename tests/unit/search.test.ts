import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { dataCategories, filterOptions, searchView } from '@/lib/publish/search';
import { listAsOf } from '@/lib/timeline/timeline';

const TODAY = '2026-11-23';
const content = checkContent('content').content!;
const names = (view: ReturnType<typeof searchView>) => view.categories.flatMap(({ entries }) => entries.map((entry) => entry.name));

describe('searching the list', () => {
  it.each([
    [{ q: 'ocean' }, ['DigitalOcean']],
    [{ q: '  SENTRY ' }, ['Sentry']],
    [{ q: 'activecampaign' }, ['Postmark']], // the legal entity counts too
    [{ q: 'email' }, ['Postmark']], // so do the purpose and the data: "email" finds the mail provider
    [{ category: 'infrastructure' }, ['Cloudflare', 'DigitalOcean']],
    // Cloudflare's network is `global`: it can be in any country, so it counts for every country.
    [{ country: 'US' }, ['Cloudflare', 'Postmark', 'Sentry', 'OpenAI (or comparable LLM provider)']],
    [{ data: 'email BODY' }, ['Postmark']],
    [{ country: 'US', category: 'ai' }, ['OpenAI (or comparable LLM provider)']],
    [{ q: 'stripe' }, []], // announced, but not on the list until December 16
    [{ q: 'mailgun' }, []], // removed
  ])('%j finds %j', (filter, expected) => {
    const view = searchView(content, TODAY, filter);
    expect(names(view)).toEqual(expected);
    expect(view.found).toBe(expected.length);
    expect(view.total).toBe(5);
  });

  it('a name not on the list says whether it joins soon or was removed, with the date', () => {
    expect(searchView(content, TODAY, { q: 'stripe' }).elsewhere).toEqual([{ name: 'Stripe', slug: 'stripe', status: 'joins', date: '2026-12-16' }]);
    expect(searchView(content, TODAY, { q: 'MAILGUN' }).elsewhere).toEqual([{ name: 'Mailgun', slug: 'mailgun', status: 'removed', date: '2025-06-16' }]);
    expect(searchView(content, '2026-11-15', { q: 'stripe' }).elsewhere).toEqual([]); // not announced yet: nothing at all
  });

  it('finds names whatever their accents', () => {
    const view = searchView({ ...content, subprocessors: content.subprocessors.map((entry) => (entry.slug === 'sentry' ? { ...entry, name: 'Société Générale' } : entry)) }, TODAY, { q: 'societe' });
    expect(names(view)).toEqual(['Société Générale']);
  });

  it('offers only the locations and data categories that listed entries have', () => {
    const options = filterOptions(content, listAsOf(content, TODAY));
    expect(options.countries.map(({ label }) => label)).toEqual(['Canada', 'Global', 'United States']);
    expect(options.categories[0]).toEqual({ value: 'infrastructure', label: 'Hosting and network' });
    expect(options.data.map(({ value }) => value)).toContain('Email body');
  });
});

describe('by data category', () => {
  it('lists who processes each kind of data, merging spellings that differ only in case', () => {
    const list = listAsOf(content, TODAY);
    const groups = dataCategories(list.map((entry) => (entry.slug === 'sentry' ? { ...entry, data: ['account DATA'] } : entry)));
    const account = groups.find(([label]) => label === 'Account data')!;
    expect(account[1].map((entry) => entry.name)).toEqual(['DigitalOcean', 'Sentry']);
    expect(groups.map(([label]) => label)).toEqual([...groups.map(([label]) => label)].sort((a, b) => a.localeCompare(b)));
  });
});
