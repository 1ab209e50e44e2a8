import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ChangeList } from '@/components/change-list';
import { ListSummary } from '@/components/list-summary';
import { UpcomingChanges } from '@/components/upcoming-changes';
import { checkContent } from '@/lib/content/check';
import { welcomeMessage } from '@/lib/notify/messages';
import { listExportSchema } from '@/lib/publish/export-schemas';
import { listJson } from '@/lib/publish/exports';
import { changeNotice, noticeText } from '@/lib/publish/notice';
import { changesView, entryView, listView } from '@/lib/publish/view';
import { openChanges, upcomingChanges } from '@/lib/timeline/timeline';
import { edit, ENTRY, writeContent } from './fixtures';

/**
 * An urgent change that takes effect on the day it is announced: customers still get the usual
 * 30 days to object (SPEC §3), so every place that shows what a customer can act on shows it
 * until its deadline, though it is no longer "upcoming".
 */
const URGENT = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2026-11-23\n    effective: 2026-11-23\n    urgent: true\n    reason: Replaces a compromised provider\n    previous: { locations: [{ country: DE }] }\n');
const content = checkContent(writeContent({ 'subprocessors/acme.md': URGENT }), { today: '2026-11-23' }).content!;
const html = (element: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(element).replace(/<[^>]+>/g, '').replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))).replace(/\u00a0/g, ' ');

describe('an urgent change in effect while its objection period is open', () => {
  it('is open from its announcement day to the end of its deadline day, and never upcoming', () => {
    expect(upcomingChanges(content, '2026-11-23')).toEqual([]);
    for (const day of ['2026-11-23', '2026-12-10', '2026-12-23']) expect(openChanges(content, day).map((c) => [c.event.change, c.objectionDeadline])).toEqual([['updated', '2026-12-23']]);
    expect(openChanges(content, '2026-12-24')).toEqual([]);
    expect(openChanges(content, '2026-11-22')).toEqual([]);
  });

  it('shows on the list, the entry page and the changes page with its deadline, as in effect', () => {
    const list = listView(content, '2026-12-10');
    const summary = html(createElement(ListSummary, { ...list, upcoming: list.open, site: content.site }));
    expect(summary).toContain('Upcoming and urgent changes');
    expect(summary).toContain('Updated: Acme Cloud · Locations: Germany → United States · urgent, in effect since Nov 23, 2026 · object by Dec 23, 2026, 23:59 UTC (13 days left)');
    expect(summary).not.toContain('No changes announced.');
    const entry = entryView(content, 'acme', '2026-12-10')!;
    const page = html(createElement(UpcomingChanges, { changes: entry.upcoming, site: content.site, date: '2026-12-10' }));
    expect(page).toContain('Object by 23:59 UTC on December 23, 2026 — 13 days left');
    expect(page).toContain('An urgent change, in effect since November 23, 2026; announced November 23, 2026.');
    const changes = changesView(content, '2026-12-10', {});
    const changesPage = html(createElement(ChangeList, { ...changes, site: content.site }));
    expect(changesPage).toContain('Object by 23:59 UTC on December 23, 2026 — 13 days left');
    // After its deadline, it is one change among the others.
    expect(listView(content, '2026-12-24').open).toEqual([]);
    expect(html(createElement(ChangeList, { ...changesView(content, '2026-12-24', {}), site: content.site }))).not.toContain('Object by');
  });

  it('is in the JSON as urgentOpen with its deadline, and the JSON is still valid by its schema', () => {
    const json = listJson(content, '2026-12-10');
    expect(json.upcoming).toEqual([]);
    expect(json.urgentOpen).toMatchObject([{ id: 'acme-updated-2026-11-23', urgent: true, objectionDeadline: '2026-12-23', objectionDeadlineEnds: '2026-12-23T23:59:59Z', next: { locations: [{ country: 'US' }] } }]);
    expect(listExportSchema.safeParse(json).success).toBe(true);
    expect('urgentOpen' in listJson(content, '2026-12-24')).toBe(false);
  });

  it('has a notice that says it has been made, and the welcome e-mail lists it', () => {
    const text = noticeText(content, 'acme', '2026-12-10')!;
    expect(text).toContain('Acme has changed the entry for Acme Cloud on its list of subprocessors on November 23, 2026.');
    expect(text).toContain('Object by 23:59 UTC on December 23, 2026 — 13 days left.');
    expect(noticeText(content, 'acme', '2026-12-24')).toBeUndefined();
    // The day's e-mail, written on the announcement day, says so too.
    const notice = changeNotice(content, content.subprocessors[0], content.subprocessors[0].history[1]);
    expect(notice.intro[0]).toBe('Acme has changed the entry for ');
    const welcome = welcomeMessage({ site: content.site, today: '2026-12-10', notices: [changeNotice(content, content.subprocessors[0], content.subprocessors[0].history[1], '2026-12-10')], listUrl: 'https://acme.example/subprocessors', unsubscribeUrl: 'https://acme.example/u' });
    expect(welcome.text).toContain('One change is announced and not yet in effect, or urgent and still open to objection:');
    expect(welcome.text).toContain('December 23, 2026');
  });
});
