import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { listView, versionView } from '@/lib/publish/view';
import { edit, ENTRY, SITE, writeContent } from './fixtures';

describe('a retired category', () => {
  const site = SITE.replace('  - id: email\n    title: Email\n', '  - id: email\n    title: Email\n    retired: true\n');
  const moved = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-03-01\n    effective: 2025-04-01\n    previous: { category: email }\n');
  const content = checkContent(writeContent({ 'site.yaml': site, 'subprocessors/acme.md': moved })).content!;
  const titles = (categories: { category: { title: string }; entries: unknown[] }[]) => categories.map(({ category, entries }) => `${category.title} (${entries.length})`);

  it('is left off the current list and its filters', () => {
    const view = listView(content, '2025-06-01');
    expect(titles(view.categories)).toEqual(['Hosting (1)']);
    expect(view.options.categories.map((option) => option.label)).toEqual(['Hosting']);
  });

  it('still holds its entries on a past version', () => {
    expect(titles(versionView(content, '2025-02-01', '2025-06-01')!.categories)).toEqual(['Hosting (0)', 'Email (1)']);
  });
});

describe('the summary dates', () => {
  it('name the version in force and the latest announcement, with its event id', () => {
    const upcoming = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-03-01\n    effective: 2025-04-01\n    previous: { purpose: Before. }\n');
    const content = checkContent(writeContent({ 'subprocessors/acme.md': upcoming })).content!;
    const view = listView(content, '2025-03-15');
    expect({ changed: view.listChanged, announced: view.latestAnnouncement?.event.announced, key: view.latestAnnouncement?.key }).toEqual({ changed: '2025-01-01', announced: '2025-03-01', key: 'acme-updated-2025-04-01' });
  });

  it('name the latest announcement\'s entry as it is on the page\'s date: a later rename does not show before its announcement', () => {
    const history = `  - change: removed\n    announced: 2025-02-01\n    effective: 2025-03-05\n  - change: added\n    announced: 2025-08-31\n    effective: 2025-09-30\n    previous: {}\n  - change: updated\n    announced: 2025-09-20\n    effective: 2025-10-20\n    previous: { name: Stripe Payments }\n`;
    const renamed = edit(edit(ENTRY, 'name: Acme Cloud', 'name: Stripe'), '    effective: 2025-01-01\n', `    effective: 2025-01-01\n${history}`);
    const content = checkContent(writeContent({ 'subprocessors/acme.md': renamed }), { today: '2025-09-01' }).content!;
    const named = (date: string) => `${listView(content, date).latestAnnouncement?.event.change} ${listView(content, date).latestAnnouncement?.entry.name}`;
    expect([named('2025-09-01'), named('2025-09-19'), named('2025-09-20'), named('2025-10-20')]).toEqual(['added Stripe Payments', 'added Stripe Payments', 'updated Stripe', 'updated Stripe']);
  });

  it('two updates effective the same day keep distinct, stable ids', () => {
    const update = (announced: string, purpose: string) => `  - change: updated\n    announced: ${announced}\n    effective: 2025-06-01\n    previous: { purpose: ${purpose} }\n`;
    const two = edit(ENTRY, '    effective: 2025-01-01\n', `    effective: 2025-01-01\n${update('2025-04-01', 'One.')}${update('2025-04-20', 'Two.')}`);
    const content = checkContent(writeContent({ 'subprocessors/acme.md': two })).content!;
    expect(listView(content, '2025-05-01').upcoming.map(({ event }) => event.announced)).toEqual(['2025-04-01', '2025-04-20']);
    expect(listView(content, '2025-05-01').latestAnnouncement?.key).toBe('acme-updated-2025-06-01-announced-2025-04-20');
  });
});
