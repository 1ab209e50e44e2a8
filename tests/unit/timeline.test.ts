import { describe, expect, it } from 'vitest';
import type { ChangeEvent, Subprocessor } from '@/lib/content/schema';
import { loadContent } from '@/lib/content/load';
import { changeNotice } from '@/lib/publish/notice';
import { entryAsKnown, entryAsOf, isListed, isVisible, lastUpdated, latestAnnouncement, listChanged, listedSince, objectionDeadline, upcomingChanges } from '@/lib/timeline/timeline';

const ev = (change: ChangeEvent['change'], announced: string, effective: string, extra: Partial<ChangeEvent> = {}): ChangeEvent => ({ change, announced, effective, ...extra });

function entry(history: ChangeEvent[], fields: Partial<Subprocessor> = {}): Subprocessor {
  return { slug: 'acme', file: 'acme.md', name: 'Acme', entity: 'Acme Inc.', category: 'hosting', purpose: 'Now', data: ['New data'], locations: [{ country: 'DE' }], history, ...fields };
}

const site = { published: '2025-01-01', objection_period_days: undefined, notice_period_days: 30 };

describe('membership and visibility on a date', () => {
  const cases: [string, ChangeEvent[], string, { listed: boolean; visible: boolean }][] = [
    ['added, before it is announced', [ev('added', '2025-03-01', '2025-04-01')], '2025-02-28', { listed: false, visible: false }],
    ['added, announced but not yet effective', [ev('added', '2025-03-01', '2025-04-01')], '2025-03-01', { listed: false, visible: true }],
    ['added, on its effective day', [ev('added', '2025-03-01', '2025-04-01')], '2025-04-01', { listed: true, visible: true }],
    ['removed, the day before it takes effect', [ev('added', '2025-01-01', '2025-01-01'), ev('removed', '2025-05-01', '2025-06-01')], '2025-05-31', { listed: true, visible: true }],
    ['removed, on its effective day', [ev('added', '2025-01-01', '2025-01-01'), ev('removed', '2025-05-01', '2025-06-01')], '2025-06-01', { listed: false, visible: true }],
    ['re-added after removal', [ev('added', '2025-01-01', '2025-01-01'), ev('removed', '2025-05-01', '2025-06-01'), ev('added', '2025-08-01', '2025-09-01')], '2025-09-01', { listed: true, visible: true }],
    ['urgent update, on its announcement day (already listed)', [ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-05-02', { urgent: true, reason: 'Breach' })], '2025-05-01', { listed: true, visible: true }],
    ['re-added, between removal and re-addition', [ev('added', '2025-01-01', '2025-01-01'), ev('removed', '2025-05-01', '2025-06-01'), ev('added', '2025-08-01', '2025-09-01')], '2025-08-15', { listed: false, visible: true }],
  ];
  it.each(cases)('%s', (_, history, date, expected) => {
    const e = entry(history);
    expect({ listed: isListed(e, date), visible: isVisible(e, date) }).toEqual(expected);
  });

  it('listedSince gives the latest addition in effect', () => {
    const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('removed', '2025-05-01', '2025-06-01'), ev('added', '2025-08-01', '2025-09-01')]);
    expect([listedSince(e, '2025-03-01'), listedSince(e, '2025-07-01'), listedSince(e, '2025-10-01')]).toEqual(['2025-01-01', undefined, '2025-09-01']);
  });
});

describe('field values as they stood on a date', () => {
  const withPrevious = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-06-01', { previous: { purpose: 'Before', locations: [{ country: 'US' }] } })]);

  it('before an update takes effect, its previous values apply', () => {
    expect(entryAsOf(withPrevious, '2025-05-31')).toMatchObject({ purpose: 'Before', locations: [{ country: 'US' }], data: ['New data'], fieldsRecorded: true });
  });

  it('from its effective day on, the file values apply', () => {
    expect(entryAsOf(withPrevious, '2025-06-01')).toMatchObject({ purpose: 'Now', locations: [{ country: 'DE' }], fieldsRecorded: true });
  });

  it('an update without previous values says the former values are not recorded', () => {
    const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-06-01')]);
    expect(entryAsOf(e, '2025-05-31').fieldsRecorded).toBe(false);
    expect(entryAsOf(e, '2025-06-01').fieldsRecorded).toBe(true);
  });

  it('null in previous means the field was not set before', () => {
    const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-06-01', { previous: { condition: null } })], { condition: 'Only in the EU' });
    expect(entryAsOf(e, '2025-05-31')).not.toHaveProperty('condition');
    expect(entryAsOf(e, '2025-06-01').condition).toBe('Only in the EU');
  });

  it('a re-addition without previous values brings the entry back unchanged: nothing is said to be unrecorded', () => {
    const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('removed', '2025-02-01', '2025-03-01'), ev('added', '2025-04-01', '2025-05-01')]);
    expect(entryAsOf(e, '2025-01-15')).toMatchObject({ name: 'Acme', fieldsRecorded: true });
    expect(entryAsOf(e, '2025-05-01').fieldsRecorded).toBe(true);
  });

  it('a re-addition with previous values restores the details the entry had before it', () => {
    const e = entry(
      [ev('added', '2025-01-01', '2025-01-01'), ev('removed', '2025-02-01', '2025-03-01'), ev('added', '2025-08-01', '2025-09-01', { previous: { name: 'Old Acme', entity: 'Old Acme Ltd', locations: [{ country: 'US' }] } })],
      { name: 'New Acme', entity: 'New Acme GmbH' },
    );
    // Before the re-addition takes effect (and before it is announced), only the old details exist.
    for (const date of ['2025-01-15', '2025-03-01', '2025-08-31']) {
      expect(entryAsOf(e, date)).toMatchObject({ name: 'Old Acme', entity: 'Old Acme Ltd', locations: [{ country: 'US' }], fieldsRecorded: true });
    }
    expect(entryAsOf(e, '2025-09-01')).toMatchObject({ name: 'New Acme', entity: 'New Acme GmbH', locations: [{ country: 'DE' }] });
  });

  it('several updates unwind newest first', () => {
    const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-02-01', '2025-03-05', { previous: { purpose: 'First' } }), ev('updated', '2025-05-01', '2025-06-01', { previous: { purpose: 'Second' } })]);
    expect([entryAsOf(e, '2025-03-01').purpose, entryAsOf(e, '2025-04-01').purpose, entryAsOf(e, '2025-07-01').purpose]).toEqual(['First', 'Second', 'Now']);
  });
});

describe('upcoming changes and objection deadlines', () => {
  const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-06-01'), ev('removed', '2025-07-01', '2025-08-01')]);

  it('an urgent change is upcoming for the day between announcement and effect, and its customers still get the usual time to object', () => {
    const urgent = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-05-02', { urgent: true, reason: 'Breach' })]);
    // The notice period after the announcement, though the change took effect the next day.
    expect(upcomingChanges({ site, subprocessors: [urgent] }, '2025-05-01').map((c) => [c.event.change, c.objectionDeadline])).toEqual([['updated', '2025-05-31']]);
    expect(upcomingChanges({ site, subprocessors: [urgent] }, '2025-05-02')).toEqual([]);
    // The objection period, where site.yaml sets one; on its announcement day too.
    const sameDay = ev('added', '2025-05-01', '2025-05-01', { urgent: true, reason: 'Breach' });
    expect([objectionDeadline(sameDay, site), objectionDeadline(sameDay, { ...site, objection_period_days: 14 })]).toEqual(['2025-05-31', '2025-05-15']);
  });

  it('lists public events not yet in effect, soonest first', () => {
    expect(upcomingChanges({ site, subprocessors: [e] }, '2025-05-15').map((c) => c.event.change)).toEqual(['updated']);
    expect(upcomingChanges({ site, subprocessors: [e] }, '2025-07-01').map((c) => c.event.change)).toEqual(['removed']);
    expect(upcomingChanges({ site, subprocessors: [e] }, '2025-06-01')).toEqual([]);
    expect(upcomingChanges({ site, subprocessors: [e] }, '2025-04-30')).toEqual([]);
  });

  it('the deadline is the day before the effective date, or the announcement plus the objection period', () => {
    const event = ev('added', '2025-05-01', '2025-06-01');
    expect(objectionDeadline(event, { ...site, objection_period_days: undefined })).toBe('2025-05-31');
    expect(objectionDeadline(event, { ...site, objection_period_days: 14 })).toBe('2025-05-15');
  });

  it('there is nothing to object to in a removal, or in what was in place at first publication', () => {
    expect(objectionDeadline(ev('removed', '2025-05-01', '2025-06-01'), site)).toBeUndefined();
    expect(objectionDeadline(ev('added', '2025-01-01', '2025-01-01'), site)).toBeUndefined();
  });
});

describe('last updated', () => {
  const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-06-01'), ev('removed', '2025-07-01', '2025-08-01')]);
  it.each([
    ['2025-01-01', '2025-01-01'],
    ['2025-04-30', '2025-01-01'],
    ['2025-05-01', '2025-05-01'],
    ['2025-06-15', '2025-06-01'],
    ['2025-07-20', '2025-07-01'],
    ['2026-01-01', '2025-08-01'],
  ])('on %s it is %s', (date, expected) => {
    expect(lastUpdated({ site, subprocessors: [e] }, date)).toBe(expected);
  });

  it('is never earlier than publication', () => {
    const early = entry([ev('added', '2024-11-01', '2024-12-01')]);
    expect(lastUpdated({ site, subprocessors: [early] }, '2025-02-01')).toBe('2025-01-01');
  });
});

describe('the two dates a reader needs: the list in force, and the latest announcement', () => {
  const e = entry([ev('added', '2025-01-01', '2025-01-01'), ev('updated', '2025-05-01', '2025-06-01'), ev('removed', '2025-07-01', '2025-08-01')]);
  it.each([
    ['2025-04-30', '2025-01-01', undefined],
    ['2025-05-01', '2025-01-01', '2025-05-01'],
    ['2025-06-15', '2025-06-01', '2025-05-01'],
    ['2025-07-20', '2025-06-01', '2025-07-01'],
    ['2026-01-01', '2025-08-01', '2025-07-01'],
  ])('on %s the list last changed on %s; the latest announcement was on %s', (date, changed, announced) => {
    expect(listChanged({ site, subprocessors: [e] }, date)).toBe(changed);
    expect(latestAnnouncement({ site, subprocessors: [e] }, date)?.event.announced).toBe(announced);
  });
});

describe('a change announced later on the same effective day shows nothing of itself before its announcement', () => {
  // Two updates take effect on December 25: a new contact (announced November 20), DPF (announced November 25).
  const file = entry([
    { change: 'added', announced: '2025-01-01', effective: '2025-01-01' },
    { change: 'updated', announced: '2026-11-20', effective: '2026-12-25', previous: { contact: 'old@acme.example' } },
    { change: 'updated', announced: '2026-11-25', effective: '2026-12-25', previous: { transfers: null } },
  ]);
  const detailed = { ...file, contact: 'new@acme.example', transfers: ['DPF' as const] };
  const records = { site, subprocessors: [detailed] };

  it('the upcoming change reads as customers know it on the day', () => {
    const [first] = upcomingChanges(records, '2026-11-23');
    expect(first.entry.contact).toBe('new@acme.example');
    expect(first.entry.transfers).toBeUndefined();
    const later = upcomingChanges(records, '2026-11-26');
    expect(later.map(({ entry }) => entry.transfers)).toEqual([['DPF'], ['DPF']]);
  });

  it('so does the notice of the first, sent on its announcement day', () => {
    const notice = changeNotice({ site: loadContent('content').site }, detailed, detailed.history[1]);
    expect(notice.fields.map(({ label }) => label)).not.toContain('Transfer safeguards');
    expect(entryAsKnown(detailed, '2026-12-25', '2026-11-25').transfers).toEqual(['DPF']);
  });
});
