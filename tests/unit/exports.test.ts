import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse as parseCsv } from 'csv-parse/sync';
import fs from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { EXPORT_SCHEMAS } from '@/lib/publish/export-schemas';
import { atomFeed, changesCalendar, historyJson, jsonText, listCsv, listJson, listJsonV1, sitemap } from '@/lib/publish/exports';
import { exportSchemas, serialise } from '@/lib/publish/json-schemas';
import { scopedContent } from '@/lib/timeline/scopes';
import { edit, ENTRY, writeContent } from './fixtures';

const TODAY = '2026-11-23';
const content = checkContent('content').content!;

describe('Atom feed', () => {
  const feed = new XMLParser({ ignoreAttributes: false }).parse(atomFeed(content, TODAY)).feed;

  it('has one entry per public event, newest first, with stable ids', () => {
    expect(feed.title['#text']).toBe('Securicom subprocessor changes');
    // The start of the day in the site's time zone (America/Toronto), not UTC midnight.
    expect(feed.updated).toBe('2026-11-16T05:00:00.000Z');
    expect(feed.entry).toHaveLength(11);
    expect(feed.entry[0].title['#text']).toBe('Added: Stripe (takes effect December 16, 2026)');
    expect(feed.entry[0].id).toBe('https://securicomnet.com/subprocessors/changes#stripe-added-2026-12-16');
    expect(feed.entry[0].link['@_href']).toBe('https://securicomnet.com/subprocessors/stripe');
    expect(new Set(feed.entry.map((e: { id: string }) => e.id)).size).toBe(11);
  });

  it('leaves out what is not announced yet, and keeps ids when later events are added', () => {
    const earlier = new XMLParser().parse(atomFeed(content, '2026-11-15')).feed;
    expect(earlier.entry).toHaveLength(10);
    expect(earlier.entry.map((e: { id: string }) => e.id)).toEqual(feed.entry.slice(1).map((e: { id: string }) => e.id));
  });
});

describe('iCalendar', () => {
  const calendar = new ICAL.Component(ICAL.parse(changesCalendar(content, TODAY)));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
  const full = new ICAL.Component(ICAL.parse(changesCalendar(content, TODAY, { all: true }))).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));

  it('shows what is ahead and the last 12 months; the full calendar every date since publication', () => {
    // On 2026-11-23 the last 12 months start on 2025-11-23: OpenAI's addition (2025-10-09) is only in the full calendar.
    expect(events.map((event) => event.uid)).toEqual(['stripe-added-2026-12-16-effective', 'stripe-added-2026-12-16-objection', 'cloudflare-updated-2026-04-03-effective', 'cloudflare-updated-2026-04-03-objection', 'sentry-updated-2026-02-11-effective', 'sentry-updated-2026-02-11-objection'].map((id) => `${id}@securicomnet.com`));
    expect(full).toHaveLength(17);
    expect(full.map((event) => event.uid)).toContain('openai-added-2025-10-09-objection@securicomnet.com');
    expect(full.at(-1)!.uid).toBe('sentry-added-2025-03-03-effective@securicomnet.com');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Securicom subprocessor changes');
    expect(changesCalendar(content, '2026-12-17').match(/UID:stripe-added[^\r]*/g)).toEqual(['UID:stripe-added-2026-12-16-effective@securicomnet.com', 'UID:stripe-added-2026-12-16-objection@securicomnet.com']);
    expect(changesCalendar(content, '2027-12-17')).not.toContain('UID:stripe');
  });

  it('has all-day events for effective dates and objection deadlines, with stable UIDs', () => {
    const stripe = events.filter((event) => event.uid.startsWith('stripe-'));
    expect(stripe.map((event) => [event.uid, event.startDate.toString(), event.startDate.isDate, event.summary])).toEqual([
      ['stripe-added-2026-12-16-effective@securicomnet.com', '2026-12-16', true, 'Added: Stripe takes effect'],
      ['stripe-added-2026-12-16-objection@securicomnet.com', '2026-12-15', true, 'Last day to object: Stripe'],
    ]);
    // The day before it takes effect, to the end of that day in the site's time zone (America/Toronto).
    expect(stripe[1].description).toBe('Payment processing for the new paid plans. Object by 23:59 EST on December 15, 2026: object with the form at https://securicomnet.com/subprocessors/object?change=stripe-added-2026-12-16 (questions: privacy@securicomnet.com).');
    // A removal takes effect, but there is nothing to object to.
    expect(full.filter((event) => event.uid.startsWith('mailgun-removed')).map((event) => event.uid)).toEqual(['mailgun-removed-2025-06-16-effective@securicomnet.com']);
    expect(new Set(events.map((event) => event.uid)).size).toBe(events.length);
  });

  it('is the same file however often it is generated', () => {
    expect(changesCalendar(content, TODAY)).toBe(changesCalendar(content, TODAY));
  });
});

describe('feed and calendar written from hostile values', () => {
  // Values validation would refuse, to show the writers hold on their own.
  const name = 'Evil\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:injected\r\nSUMMARY:Injected\r\nEND:VEVENT; a, b \\';
  const summary = 'a ]]><link href="https://evil.example/"/><![CDATA[ <img src=x onerror=alert(1)> \u000b\u0001 b';
  const hostile = {
    ...content,
    site: { ...content.site, company: { ...content.site.company, name } },
    subprocessors: content.subprocessors.map((entry) => (entry.slug === 'stripe' ? { ...entry, name: 'AT&T <b>', history: entry.history.map((event) => ({ ...event, summary })) } : entry)),
  };

  it('the calendar keeps every value inside its own property', () => {
    const calendar = new ICAL.Component(ICAL.parse(changesCalendar(hostile, TODAY)));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events).toHaveLength(new ICAL.Component(ICAL.parse(changesCalendar(content, TODAY))).getAllSubcomponents('vevent').length);
    expect(events.map((event) => event.uid)).not.toContain('injected');
    // One name property, holding the whole name, escaped.
    expect(calendar.getAllProperties('x-wr-calname')).toHaveLength(1);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Evil\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nUID:injected\\nSUMMARY:Injected\\nEND:VEVENT\\; a\\, b \\\\ subprocessor changes');
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Subprocessor list//EN');
    expect(events.find((event) => event.uid.startsWith('stripe-added'))!.description).toBe('a ]]><link href="https://evil.example/"/><![CDATA[ <img src=x onerror=alert(1)>  b');
  });

  it('the calendar folds long lines at 75 octets without splitting a character', () => {
    const long = { ...content, site: { ...content.site, company: { ...content.site.company, name: 'Société Générale — Zürich '.repeat(10) } } };
    const text = changesCalendar(long, TODAY);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(new ICAL.Component(ICAL.parse(text)).getFirstPropertyValue('x-wr-calname')).toBe(`${'Société Générale — Zürich '.repeat(10)} subprocessor changes`);
  });

  it('the feed is well-formed XML whose text is text', () => {
    const xml = atomFeed(hostile, TODAY);
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(xml).feed;
    expect(feed.entry).toHaveLength(11);
    const stripe = feed.entry[0];
    expect(stripe.title).toEqual({ '#text': 'Added: AT&T <b> (takes effect December 16, 2026)', '@_type': 'text' });
    expect(stripe.summary['@_type']).toBe('text');
    expect(stripe.summary['#text']).toMatch(/^a \]\]><link href="https:\/\/evil\.example\/"\/><!\[CDATA\[ <img src=x onerror=alert\(1\)>  b/);
    // One link per entry: nothing was added beside it.
    expect(feed.entry.every((entry: { link: unknown }) => !Array.isArray(entry.link))).toBe(true);
  });
});

describe('JSON', () => {
  const json = listJson(content, TODAY);
  const stripe = { id: 'stripe-added-2026-12-16', slug: 'stripe', name: 'Stripe', change: 'added', announced: '2026-11-16', effective: '2026-12-16', summary: 'Payment processing for the new paid plans.' };

  it('has the documented top-level shape: the list and what is ahead, the history one link away', () => {
    expect(Object.keys(json)).toEqual(['$schema', 'schemaVersion', 'asOf', 'lastUpdated', 'fingerprint', 'url', 'listChanged', 'latestAnnouncement', 'historyUrl', 'company', 'product', 'contact', 'noticePeriodDays', 'objectionPeriodDays', 'categories', 'subprocessors', 'upcoming', 'planned']);
    expect(json).toMatchObject({ $schema: 'https://securicomnet.com/schemas/subprocessors.v2.json', schemaVersion: 2, asOf: TODAY, lastUpdated: '2026-11-16', listChanged: '2026-04-03', latestAnnouncement: '2026-11-16', historyUrl: 'https://securicomnet.com/subprocessors-history.json' });
    expect(json.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lists current entries with every field and upcoming events with deadlines', () => {
    expect(json.subprocessors.map((entry) => entry.slug)).toEqual(['cloudflare', 'digitalocean', 'openai', 'postmark', 'sentry']);
    expect(json.subprocessors.find((entry) => entry.slug === 'openai')).toEqual({
      slug: 'openai',
      name: 'OpenAI (or comparable LLM provider)',
      entity: 'OpenAI, LLC',
      website: 'https://openai.com',
      category: 'ai',
      purpose: expect.stringMatching(/^Generation backend for the AI Security Expert/),
      condition: 'Only when your Organization uses the AI Security Expert.',
      data: ['Question text', 'Retrieved context snippets from your Organization', 'Conversation IDs'],
      locations: [{ country: 'US', detail: expect.stringMatching(/^The provider contractually/) }],
      transfers: ['SCCs'],
      links: { dpa: 'https://openai.com/policies/data-processing-addendum', privacy: 'https://openai.com/policies/privacy-policy', subprocessors: 'https://openai.com/policies/sub-processor-list/' },
      url: 'https://securicomnet.com/subprocessors/openai',
      since: '2025-10-09',
    });
    expect(json.upcoming).toEqual([{ ...stripe, objectionDeadline: '2026-12-15', objectionDeadlineEnds: '2026-12-16T04:59:59Z' }]);
    expect(JSON.parse(jsonText(json))).toEqual(JSON.parse(JSON.stringify(json)));
  });

  it('names a retired category while an entry is still listed under it, until its move out takes effect', () => {
    const site = fs.readFileSync(path.join(writeContent({}), 'site.yaml'), 'utf8').replace('  - id: email\n    title: Email\n', '  - id: email\n    title: Email\n    retired: true\n');
    const moving = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2026-11-20\n    effective: 2026-12-21\n    previous: { category: email }\n');
    const moved = checkContent(writeContent({ 'site.yaml': site, 'subprocessors/acme.md': moving }), { today: TODAY }).content!;
    const categories = (date: string) => [listJson(moved, date).categories.map((category) => category.id), listJson(moved, date).subprocessors.map((entry) => entry.category)];
    expect(categories(TODAY)).toEqual([['hosting', 'email'], ['email']]);
    expect(categories('2026-12-21')).toEqual([['hosting'], ['hosting']]);
    expect(listJsonV1(moved, TODAY).categories.map((category) => category.id)).toEqual(['hosting', 'email']);
  });

  it('the history export has every announced change, newest first', () => {
    const history = historyJson(content, TODAY);
    expect(Object.keys(history)).toEqual(['$schema', 'schemaVersion', 'asOf', 'lastUpdated', 'fingerprint', 'url', 'events']);
    expect(history.$schema).toBe('https://securicomnet.com/schemas/subprocessors-history.v2.json');
    expect(history.fingerprint).toBe(json.fingerprint);
    expect(history.events).toHaveLength(11);
    expect(history.events[0]).toEqual(stripe);
    expect(historyJson(content, '2026-11-15').events).toHaveLength(10);
  });

  it('version 1 keeps its old shape, history included, for consumers not yet moved', () => {
    const v1 = listJsonV1(content, TODAY);
    expect(Object.keys(v1)).toEqual(['schemaVersion', 'asOf', 'lastUpdated', 'fingerprint', 'url', 'company', 'product', 'contact', 'noticePeriodDays', 'objectionPeriodDays', 'categories', 'subprocessors', 'upcoming', 'history', 'planned']);
    expect(v1).toMatchObject({ schemaVersion: 1, asOf: TODAY, lastUpdated: '2026-11-16', fingerprint: json.fingerprint, subprocessors: json.subprocessors, upcoming: [{ ...stripe, objectionDeadline: '2026-12-15' }] });
    expect(v1.history).toEqual(historyJson(content, TODAY).events);
  });
});

describe('JSON Schemas of the exports', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats(ajv);
  const schema = (file: string) => JSON.parse(fs.readFileSync(path.join('public', file), 'utf8'));

  it('are published as generated from the zod schemas (npm run schemas)', () => {
    for (const [file, generated] of Object.entries(exportSchemas())) expect(schema(file), file).toEqual(JSON.parse(serialise(generated)));
  });

  it.each([
    ['/subprocessors.json', listJson],
    ['/subprocessors-history.json', historyJson],
    ['/subprocessors.v1.json', listJsonV1],
  ] as const)('%s passes its schema, for every content folder and each of its scopes', (path_, build) => {
    const validate = ajv.compile(schema(EXPORT_SCHEMAS[path_].file));
    for (const folder of ['content', 'examples/backend-chat', 'examples/two-cloud', 'tests/fixtures/base-path', 'tests/fixtures/hostile']) {
      const full = checkContent(folder, { today: TODAY }).content!;
      for (const scoped of [full, ...(full.site.scopes ?? []).map((scope) => scopedContent(full, scope.id)!)]) {
        const exported = JSON.parse(jsonText(build(scoped, TODAY)));
        expect(validate(exported) || validate.errors, `${folder} ${scoped.scope?.id ?? '(all)'}`).toBe(true);
      }
    }
  });

  it('catch what a consumer would trip over', () => {
    const validate = ajv.compile(schema(EXPORT_SCHEMAS['/subprocessors.json'].file));
    const json = JSON.parse(jsonText(listJson(content, TODAY)));
    expect(validate({ ...json, schemaVersion: 1 })).toBe(false);
    expect(validate({ ...json, history: [] })).toBe(false);
    expect(validate({ ...json, subprocessors: [{ ...json.subprocessors[0], since: '2026-02-30' }] })).toBe(false);
  });
});

describe('CSV', () => {
  const text = listCsv(content, TODAY);
  const rows: Record<string, string>[] = parseCsv(text, { columns: true, bom: true });

  it('starts with a byte-order mark and has one row per current entry', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(rows.map((row) => row.Name)).toEqual(['Cloudflare', 'DigitalOcean', 'OpenAI (or comparable LLM provider)', 'Postmark', 'Sentry']);
  });

  it('quotes commas, quotes and line breaks, and keeps non-ASCII text', () => {
    const digitalocean = rows[1];
    expect(digitalocean['Legal entity']).toBe('DigitalOcean, LLC');
    expect(digitalocean.Locations).toBe('Canada: TOR1 (Toronto) — selected for data residency');
    expect(digitalocean['Data categories']).toBe('Account data; Operational data; Equipment records; AI Expert conversations; Audit log; File uploads');
    expect(digitalocean['Transfer safeguards']).toBe('Adequacy decision');
    expect(Object.keys(digitalocean)).toEqual(['Name', 'Legal entity', 'Category', 'Affiliate', 'Purpose', 'Applies when', 'Data categories', 'Data subjects', 'Locations', 'Transfer safeguards', 'Certifications', 'Address', 'Contact', 'Website', 'DPA link', 'Privacy policy link', 'Security link', 'Its subprocessors', 'On the list since', 'Page']);
  });
});

describe('sitemap.xml', () => {
  const urls = (date: string) => new XMLParser().parse(sitemap(content, date)).urlset.url as { loc: string; lastmod?: string }[];

  it('lists the list and its views, each entry page and each past version, as valid XML', () => {
    const locs = urls(TODAY).map(({ loc }) => loc.replace('https://securicomnet.com', ''));
    expect(locs).toEqual([
      '/subprocessors', '/subprocessors/changes', '/subprocessors/by-data', '/subprocessors/annex',
      ...['cloudflare', 'digitalocean', 'mailgun', 'openai', 'postmark', 'sentry', 'stripe'].map((slug) => `/subprocessors/${slug}`),
      ...['2025-03-03', '2025-06-16', '2025-09-01', '2025-10-09', '2026-02-11', '2026-04-03'].map((date) => `/subprocessors/history/${date}`),
    ]);
    expect(urls(TODAY)[0].lastmod).toBe('2026-11-16');
  });

  it('leaves out an entry until its announcement', () => {
    expect(urls('2026-11-15').map(({ loc }) => loc)).not.toContain('https://securicomnet.com/subprocessors/stripe');
  });
});

describe('a re-addition announced later shows nothing of itself anywhere before its announcement day', () => {
  const file = edit(
    edit(ENTRY, 'name: Acme Cloud', 'name: Acme Cloud Two'),
    '    effective: 2025-01-01\n',
    '    effective: 2025-01-01\n  - change: removed\n    announced: 2025-02-01\n    effective: 2025-03-01\n  - change: added\n    announced: 2099-01-01\n    effective: 2099-02-01\n    previous: { name: Acme Cloud }\n',
  );
  const sample = checkContent(writeContent({ 'subprocessors/acme.md': file })).content!;

  it.each([
    ['JSON history', () => JSON.stringify(historyJson(sample, '2098-12-31'))],
    ['JSON version 1', () => JSON.stringify(listJsonV1(sample, '2098-12-31'))],
    ['Atom feed', () => atomFeed(sample, '2098-12-31')],
    ['full calendar', () => changesCalendar(sample, '2098-12-31', { all: true })],
    ['the list on a past date', () => JSON.stringify(listJson(sample, '2025-01-15'))],
  ])('%s', (_, render) => {
    expect(render()).toContain('Acme Cloud');
    expect(render()).not.toContain('Acme Cloud Two');
    expect(render()).not.toContain('2099');
  });

  it('and from its announcement day the upcoming change names what comes back', () => {
    expect(listJson(sample, '2099-01-01').upcoming).toMatchObject([{ name: 'Acme Cloud Two', effective: '2099-02-01', objectionDeadline: '2099-01-31' }]);
  });
});

describe('the exports of one scope (examples/two-cloud, EU Cloud)', () => {
  const full = checkContent('examples/two-cloud').content!;
  const eu = scopedContent(full, 'eu')!;
  const site = 'https://lantern-analytics.example';

  it('the Atom feed is the scope’s: its title and addresses, only the changes that touch it', () => {
    const feed = new XMLParser({ ignoreAttributes: false }).parse(atomFeed(eu, TODAY)).feed;
    expect(feed.title['#text']).toBe('Lantern subprocessor changes (EU Cloud)');
    expect(feed.id).toBe(`${site}/eu/subprocessors`);
    const titles = feed.entry.map((entry: { title: { '#text': string } }) => entry.title['#text']);
    expect(titles).toContain('Added: OpenAI (effective April 1, 2026)');
    expect(titles).toContain('Removed: Postmark (effective December 3, 2025)');
    expect(titles.join('\n')).not.toContain('Anthropic');
    // The US Cloud's Oregon backups (2025-07-02) are not a change of the EU list.
    expect(titles.filter((title: string) => title.includes('July 2, 2025'))).toEqual([]);
    for (const entry of feed.entry) expect(entry.link['@_href']).toMatch(new RegExp(`^${site}/eu/subprocessors/`));
  });

  it('the calendar is the scope’s, with event ids of its own', () => {
    const events = new ICAL.Component(ICAL.parse(changesCalendar(eu, TODAY))).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.summary).slice(0, 3)).toEqual(['Updated: Zendesk takes effect', 'Last day to object: Zendesk', 'Added: OpenAI takes effect']);
    expect(events.map((event) => event.summary).join('\n')).not.toContain('Anthropic');
    expect(events[0].uid).toBe('zendesk-updated-2027-01-04-effective@eu.lantern-analytics.example');
    expect(changesCalendar(full, TODAY)).toContain('Anthropic');
  });

  it('the JSON exports name the scope and hold only its entries, locations and changes', () => {
    const list = listJson(eu, TODAY);
    expect(list.scope).toEqual({ id: 'eu', title: 'EU Cloud' });
    expect(list.url).toBe(`${site}/eu/subprocessors`);
    expect(list.historyUrl).toBe(`${site}/eu/subprocessors-history.json`);
    expect(list.scopes).toBeUndefined();
    expect(list.subprocessors.find((entry) => entry.slug === 'aws')).toMatchObject({ url: `${site}/eu/subprocessors/aws`, locations: [{ country: 'DE', detail: 'Frankfurt (eu-central-1)' }] });
    expect(list.subprocessors.some((entry) => 'scopes' in entry)).toBe(false);
    expect(list.upcoming.map((event) => event.slug)).toEqual(['zendesk']);
    expect(listJson(full, TODAY).scopes?.map((scope) => scope.id)).toEqual(['us', 'eu']);
    const history = historyJson(eu, TODAY).events.map((event) => `${event.slug} ${event.change} ${event.effective}`);
    expect(history).toContain('openai added 2026-04-01');
    expect(history).toContain('postmark removed 2025-12-03');
    expect(history).not.toContain('aws updated 2025-07-02');
    expect(listJsonV1(eu, TODAY).history).toHaveLength(historyJson(eu, TODAY).events.length);
  });

  it('the CSV has the scope’s rows and pages; the full list’s says where each entry applies', () => {
    const rows: Record<string, string>[] = parseCsv(listCsv(eu, TODAY), { columns: true, bom: true });
    expect(rows.map((row) => row.Name)).not.toContain('Postmark');
    expect(rows.find((row) => row.Name === 'Amazon Web Services')).toMatchObject({ Locations: 'Germany: Frankfurt (eu-central-1)', Page: `${site}/eu/subprocessors/aws` });
    expect(Object.keys(rows[0])).not.toContain('Scopes');
    const all: Record<string, string>[] = parseCsv(listCsv(full, TODAY), { columns: true, bom: true });
    expect(all.find((row) => row.Name === 'Postmark')?.Scopes).toBe('us');
    expect(all.find((row) => row.Name === 'Stripe')?.Scopes).toBe('us; eu');
  });

  it('the sitemap lists every scope’s pages', () => {
    const locs = (new XMLParser().parse(sitemap(full, TODAY)).urlset.url as { loc: string }[]).map(({ loc }) => loc.replace(site, ''));
    expect(locs).toContain('/eu/subprocessors');
    expect(locs).toContain('/us/subprocessors/anthropic');
    expect(locs).not.toContain('/eu/subprocessors/anthropic');
    expect(locs).toContain('/eu/subprocessors/history/2025-12-03');
    expect(locs).not.toContain('/eu/subprocessors/history/2025-07-02');
  });
});
