import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as annexCss from '@/app/(bare)/subprocessors/annex.css/route';
import { checkContent } from '@/lib/content/check';
import { publicEvents, versionDates } from '@/lib/timeline/history';
import { RESERVED_SCOPE_IDS, type Content } from '@/lib/content/schema';
import { scopedContent } from '@/lib/timeline/scopes';
import { listAsOf, upcomingChanges } from '@/lib/timeline/timeline';
import { scopePath } from '@/lib/publish/urls';
import { entryView, listView } from '@/lib/publish/view';
import { edit, ENTRY, problemsFor, SITE, writeContent } from './fixtures';

const SCOPED_SITE = `${SITE}scopes:
  - id: us
    title: US cloud
  - id: eu
    title: EU cloud
    description: Hosted in Frankfurt.
`;

/**
 * Storage: in both clouds from the start, with a US and an EU location; gains a second US
 * location on 2025-06-01 (only the US list changes), and moves its EU location from Germany to
 * Ireland on 2025-09-01 (only the EU list changes).
 * Analytics: US only at first, joins the EU cloud on 2025-08-01, announced 2025-07-01.
 * Support: in both, leaves the US cloud on 2025-10-01.
 */
const STORAGE = `---
name: Storage
entity: Storage, Inc.
category: hosting
purpose: Storage.
data: [Files]
locations:
  - { country: US, detail: Virginia, scopes: [us] }
  - { country: US, detail: Oregon, scopes: [us] }
  - { country: IE, scopes: [eu] }
history:
  - { change: added, announced: 2025-01-01, effective: 2025-01-01 }
  - change: updated
    announced: 2025-04-01
    effective: 2025-06-01
    summary: A second US region.
    previous:
      locations: [{ country: US, detail: Virginia, scopes: [us] }, { country: DE, scopes: [eu] }]
  - change: updated
    announced: 2025-07-15
    effective: 2025-09-01
    summary: EU data moves to Ireland.
    previous:
      locations: [{ country: US, detail: Virginia, scopes: [us] }, { country: US, detail: Oregon, scopes: [us] }, { country: DE, scopes: [eu] }]
---
`;
const ANALYTICS = `---
name: Analytics
entity: Analytics, Inc.
category: hosting
purpose: Analytics.
data: [Usage]
scopes: [us, eu]
locations:
  - { country: US }
history:
  - { change: added, announced: 2025-01-01, effective: 2025-01-01 }
  - change: updated
    announced: 2025-07-01
    effective: 2025-08-01
    summary: Now also used for the EU cloud.
    previous: { scopes: [us] }
---
`;
const SUPPORT = `---
name: Support
entity: Support, Inc.
category: email
purpose: Support.
data: [Messages]
scopes: [eu]
locations: [{ country: IE }]
history:
  - { change: added, announced: 2025-01-01, effective: 2025-01-01 }
  - change: updated
    announced: 2025-08-20
    effective: 2025-10-01
    previous: { scopes: null }
---
`;

function load(files: Record<string, string>, today = '2025-12-01'): Content {
  const { content, problems } = checkContent(writeContent({ 'site.yaml': SCOPED_SITE, ...files }), { today });
  expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return content!;
}

const names = (content: Content, date: string) => listAsOf(content, date).map((entry) => entry.name);
const places = (content: Content, slug: string, date: string) => listAsOf(content, date).find((entry) => entry.slug === slug)?.locations.map((l) => l.detail ?? l.country);

describe('the list of a scope', () => {
  const content = load({ 'subprocessors/storage.md': STORAGE, 'subprocessors/analytics.md': ANALYTICS, 'subprocessors/support.md': SUPPORT });
  const us = scopedContent(content, 'us')!;
  const eu = scopedContent(content, 'eu')!;

  it('holds the entries that apply there on each date, as `previous` records them', () => {
    expect(names(us, '2025-01-01')).toEqual(['Analytics', 'Storage', 'Support']);
    expect(names(eu, '2025-01-01')).toEqual(['Storage', 'Support']);
    expect(names(eu, '2025-08-01')).toEqual(['Analytics', 'Storage', 'Support']);
    expect(names(us, '2025-10-01')).toEqual(['Analytics', 'Storage']);
    expect(names(content, '2025-10-01')).toEqual(['Analytics', 'Storage', 'Support']);
  });

  it('shows only the locations of the scope, as they stood', () => {
    expect(places(us, 'storage', '2025-01-01')).toEqual(['Virginia']);
    expect(places(us, 'storage', '2025-06-01')).toEqual(['Virginia', 'Oregon']);
    expect(places(eu, 'storage', '2025-06-01')).toEqual(['DE']);
    expect(places(eu, 'storage', '2025-09-01')).toEqual(['IE']);
    expect(places(content, 'storage', '2025-06-01')).toEqual(['Virginia', 'Oregon', 'DE']);
  });

  it('leaves out changes that do not touch the scope, and turns joining and leaving into additions and removals', () => {
    const events = (scoped: Content) => publicEvents(scoped, '2025-12-01').map(({ entry, event }) => `${entry.slug} ${event.change} ${event.effective}`);
    expect(events(us)).toEqual(['support removed 2025-10-01', 'storage updated 2025-06-01', 'analytics added 2025-01-01', 'storage added 2025-01-01', 'support added 2025-01-01']);
    expect(events(eu)).toEqual(['storage updated 2025-09-01', 'analytics added 2025-08-01', 'storage added 2025-01-01', 'support added 2025-01-01']);
    expect(versionDates(us, '2025-12-01')).toEqual(['2025-01-01', '2025-06-01', '2025-10-01']);
    expect(versionDates(eu, '2025-12-01')).toEqual(['2025-01-01', '2025-08-01', '2025-09-01']);
  });

  it('has its own upcoming changes, last updated date and fingerprint', () => {
    expect(upcomingChanges(eu, '2025-07-20').map(({ entry, event }) => `${entry.slug} ${event.change}`)).toEqual(['analytics added', 'storage updated']);
    expect(upcomingChanges(us, '2025-07-20')).toEqual([]);
    expect(listView(us, '2025-07-20').lastUpdated).toBe('2025-06-01');
    expect(listView(eu, '2025-07-20').lastUpdated).toBe('2025-07-15');
    const prints = new Set([content, us, eu].map((scoped) => listView(scoped, '2025-12-01').fingerprint));
    expect(prints.size).toBe(3);
  });

  it('is built once per scope, and not at all for an unknown one', () => {
    expect(scopedContent(content, 'us')).toBe(us);
    expect(scopedContent(content, 'apac')).toBeUndefined();
  });
});

describe('changes as each scope sees them', () => {
  it('keeps, in every scope, an update that records no former values (`previous: {}`): its summary says what changed', () => {
    const terms = `---
name: Terms
entity: Terms, Inc.
category: email
purpose: Terms.
data: [Messages]
locations: [{ country: US, scopes: [us] }, { country: IE, scopes: [eu] }]
history:
  - { change: added, announced: 2025-01-01, effective: 2025-01-01 }
  - { change: updated, announced: 2025-08-20, effective: 2025-10-01, summary: New data processing terms., previous: {} }
---
`;
    const content = load({ 'subprocessors/terms.md': terms });
    for (const scope of ['us', 'eu']) {
      expect(publicEvents(scopedContent(content, scope)!, '2025-12-01').map(({ event }) => `${event.change} ${event.effective} ${event.summary}`)).toEqual(['updated 2025-10-01 New data processing terms.', 'added 2025-01-01 undefined']);
    }
  });

  it('shows an entry that left a scope there as it last was, not with details it gained later (here not yet announced)', () => {
    const left = `---
name: Left
entity: Left, Inc.
category: email
purpose: Left.
data: [Messages]
scopes: [us]
contact: privacy@left.example
transfers: [DPF]
locations: [{ country: US }]
history:
  - { change: added, announced: 2025-01-01, effective: 2025-01-01 }
  - { change: updated, announced: 2025-02-01, effective: 2025-03-05, summary: Leaves the EU cloud., previous: { scopes: null } }
  - { change: updated, announced: 2026-01-05, effective: 2026-02-05, summary: Joins the Data Privacy Framework., previous: { contact: null, transfers: null } }
---
`;
    const eu = scopedContent(load({ 'subprocessors/left.md': left }), 'eu')!;
    const { entry, removal } = entryView(eu, 'left', '2025-12-01')!;
    expect(removal?.effective).toBe('2025-03-05');
    expect([entry.contact, entry.transfers]).toEqual([undefined, undefined]);
  });
});

describe('validating scopes', () => {
  const entry = (fields: string) => ENTRY.replace('locations:\n  - country: US\n', fields);

  it('names an unknown scope id, with a suggestion', () => {
    expect(problemsFor({ 'site.yaml': SCOPED_SITE, 'subprocessors/a.md': entry('scopes: [euu]\nlocations:\n  - country: US\n') })).toContain(
      "content/subprocessors/a.md:8: scopes[0]: 'euu' is not a scope in site.yaml — did you mean `eu`?\n    fix: Use one of: us, eu; or add the scope to site.yaml.",
    );
    expect(problemsFor({ 'subprocessors/a.md': entry('locations:\n  - { country: US, scopes: [us] }\n') })).toContain(
      "content/subprocessors/a.md:9: locations[0].scopes[0]: 'us' is a scope, but site.yaml has no `scopes`\n    fix: Add `scopes:` to site.yaml (see the editing guide), or delete this line.",
    );
  });

  it('refuses an entry with no location in one of its scopes, now or before an update', () => {
    expect(problemsFor({ 'site.yaml': SCOPED_SITE, 'subprocessors/a.md': entry('locations:\n  - { country: US, scopes: [us] }\n') })).toContain(
      "content/subprocessors/a.md:8: locations: applies in scope 'eu', but none of its locations does\n    fix: Add a location for eu (`scopes: [eu]`, or none for every scope), or leave `eu` out of the entry's `scopes`.",
    );
    const before = STORAGE.replace('previous:\n      locations: [{ country: US, detail: Virginia, scopes: [us] }, { country: DE, scopes: [eu] }]', 'previous:\n      locations: [{ country: US, detail: Virginia, scopes: [us] }]');
    expect(problemsFor({ 'site.yaml': SCOPED_SITE, 'subprocessors/a.md': before })).toContain(
      "content/subprocessors/a.md:17: history[1].previous: applies in scope 'eu' before this update, but none of its locations does\n    fix: Add a location for eu (`scopes: [eu]`, or none for every scope), or leave `eu` out of the entry's `scopes`.",
    );
  });

  it('refuses an id listed twice, and a location limited to a scope the entry did not apply in before an update', () => {
    expect(problemsFor({ 'site.yaml': SCOPED_SITE, 'subprocessors/a.md': entry('scopes: [eu, eu]\nlocations:\n  - country: US\n') })).toContain(
      "content/subprocessors/a.md:8: scopes[1]: 'eu' is listed twice\n    fix: Delete one of the two.",
    );
    // Joins the EU cloud with a Frankfurt location, but `previous` records only the former scopes.
    const joined = edit(
      entry('scopes: [us, eu]\nlocations:\n  - { country: US, scopes: [us] }\n  - { country: DE, scopes: [eu] }\n'),
      '    effective: 2025-01-01\n',
      '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-02-01\n    effective: 2025-03-05\n    previous:\n      scopes: [us]\n',
    );
    expect(problemsFor({ 'site.yaml': SCOPED_SITE, 'subprocessors/a.md': joined })).toContain(
      "content/subprocessors/a.md:19: history[1].previous: 'eu' is not one of the entry's scopes (us) before this update\n    fix: Under `previous`, copy the `locations` as they were before this update (without the one for eu), or correct the former `scopes`.",
    );
  });

  it('refuses scope ids that would shadow another address, and repeated ids', () => {
    const problems = problemsFor({ 'site.yaml': `${SITE}scopes:\n  - { id: api, title: API }\n  - { id: eu, title: EU }\n  - { id: eu, title: EU again }\n` });
    expect(problems).toContain("content/site.yaml:14: scopes[0].id: 'api' is the address of another page (/api)\n    fix: Choose another id, e.g. `api-edition`.");
    expect(problems).toContain("content/site.yaml:16: scopes[2].id: scope id 'eu' is used twice\n    fix: Give each scope its own id.");
  });

  it('reserves every top-level folder of the site', () => {
    const root = path.resolve(__dirname, '../..');
    const folders = [...fs.readdirSync(path.join(root, 'app')), ...fs.readdirSync(path.join(root, 'public'))].filter((name) => /^[a-z0-9-]+$/.test(name));
    expect(folders.filter((name) => !RESERVED_SCOPE_IDS.includes(name))).toEqual([]);
  });
});

describe('addresses in a scope', () => {
  it('prefix the pages of the list, not the subscription pages or other files', () => {
    expect(scopePath('/subprocessors', 'eu')).toBe('/eu/subprocessors');
    expect(scopePath('/subprocessors#aws', 'eu')).toBe('/eu/subprocessors#aws');
    expect(scopePath('/subprocessors/changes?change=added', 'eu')).toBe('/eu/subprocessors/changes?change=added');
    expect(scopePath('/subprocessors.json', 'eu')).toBe('/eu/subprocessors.json');
    expect(scopePath('/subprocessors-history.json', 'eu')).toBe('/eu/subprocessors-history.json');
    expect(scopePath('/subprocessors/subscribe', 'eu')).toBe('/subprocessors/subscribe');
    expect(scopePath('/subprocessors/unsubscribe?token=x', 'eu')).toBe('/subprocessors/unsubscribe?token=x');
    expect(scopePath('/subprocessors/subscribers-list', 'eu')).toBe('/eu/subprocessors/subscribers-list');
    expect(scopePath('/schemas/subprocessors.v2.json', 'eu')).toBe('/schemas/subprocessors.v2.json');
    expect(scopePath('/subprocessorsx', 'eu')).toBe('/subprocessorsx');
    expect(scopePath('/subprocessors', undefined)).toBe('/subprocessors');
  });
});

describe('the annex footer of a scope', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('writes the scope title as CSS text, so it cannot end the string or add rules', async () => {
    const title = 'EU"; } body { background: url(https://evil.example/x) } @import "x'.slice(0, 200);
    const dir = writeContent({ 'site.yaml': `${SITE}scopes:\n  - id: eu\n    title: '${title.replaceAll("'", "''")}'\n`, 'subprocessors/a.md': ENTRY });
    vi.stubEnv('CONTENT_DIR', dir);
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-11-23');
    const css = await (await annexCss.GET(undefined, { params: Promise.resolve({ scope: 'eu' }) })).text();
    expect(css.match(/"/g)).toHaveLength(6); // three strings: the footer, "Page ", " of "
    expect(css).not.toContain('evil.example/x)');
    expect(css).not.toContain('@import');
    expect(css).toContain('content: "Subprocessors (EU\\22 \\3b  \\7d  body');
  });
});
