import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { canonicalJson, fingerprint } from '@/lib/timeline/fingerprint';
import { changesBetween, publicEvents, versionDates } from '@/lib/timeline/history';
import { listAsOf } from '@/lib/timeline/timeline';
import { versionView } from '@/lib/publish/view';
import { edit, ENTRY, writeContent } from './fixtures';

const TODAY = '2026-11-23';
const sample = checkContent('content').content!;

describe('versions of the sample list', () => {
  it('are publication plus every effective date so far', () => {
    expect(versionDates(sample, TODAY)).toEqual(['2025-03-03', '2025-06-16', '2025-09-01', '2025-10-09', '2026-02-11', '2026-04-03']);
    expect(versionDates(sample, '2026-12-16').at(-1)).toBe('2026-12-16');
  });

  it('a date shows the version in force then, with links to its neighbours', () => {
    expect(versionView(sample, '2025-06-15', TODAY)).toMatchObject({ version: '2025-03-03', previous: undefined, next: '2025-06-16', changes: [] });
    const replaced = versionView(sample, '2025-06-16', TODAY)!;
    expect(replaced).toMatchObject({ version: '2025-06-16', previous: '2025-03-03', next: '2025-09-01' });
    expect(replaced.changes.map(({ entry, event }) => `${event.change} ${entry.slug}`)).toEqual(['removed mailgun', 'added postmark']);
  });

  it('dates outside [published, today] have no version', () => {
    expect(versionView(sample, '2025-03-02', TODAY)).toBeUndefined();
    expect(versionView(sample, '2026-11-24', TODAY)).toBeUndefined();
    expect(versionView(sample, TODAY, TODAY)?.version).toBe('2026-04-03');
  });

  it('an update with former values is compared field by field; one without says nothing was recorded', () => {
    const [sentry] = changesBetween(sample, '2025-10-09', '2026-02-11');
    expect(sentry.fields).toEqual([
      {
        field: 'data',
        before: ['Stack traces', 'Request IDs', 'User IDs and e-mail addresses', 'IP addresses of browser clients', 'Browser metadata'],
        after: ['Stack traces', 'Request IDs', 'User IDs (no PII attached by default: send_default_pii=False)', 'Browser metadata'],
      },
    ]);
    const [digitalocean] = changesBetween(sample, '2025-06-16', '2025-09-01');
    expect(digitalocean.entry.slug).toBe('digitalocean');
    expect(digitalocean.fields).toBeUndefined();
    expect(versionView(sample, '2025-08-31', TODAY)!.categories[0].entries.find((e) => e.slug === 'digitalocean')?.fieldsRecorded).toBe(false);
  });

  it('past field values come back on past dates', () => {
    const sentryOn = (date: string) => listAsOf(sample, date).find((entry) => entry.slug === 'sentry')!;
    expect(sentryOn('2026-02-10').data).toContain('IP addresses of browser clients');
    expect(sentryOn('2026-02-11').data).not.toContain('IP addresses of browser clients');
  });

  it('changes announced in the future are not public yet', () => {
    expect(publicEvents(sample, '2026-11-15').map(({ entry }) => entry.slug)).not.toContain('stripe');
    expect(publicEvents(sample, '2026-11-16')[0]).toMatchObject({ entry: { slug: 'stripe' }, event: { change: 'added' } });
  });
});

describe('the version fingerprint', () => {
  it('is SHA-256 of canonical JSON, the same on every machine', () => {
    expect(canonicalJson({ b: [1, { d: 'x', c: undefined }], a: 'é' })).toBe('{"a":"é","b":[1,{"d":"x"}]}');
    const dir = writeContent({ 'subprocessors/acme.md': ENTRY });
    // printf '%s' '[{"address":"1 Main Street, Springfield","category":"hosting","contact":"privacy@acme.example","data":["Account data"],"entity":"Acme Cloud, Inc.","links":{"dpa":"https://acme.example/dpa","subprocessors":"https://acme.example/subprocessors"},"locations":[{"country":"US"}],"name":"Acme Cloud","purpose":"Hosting.","slug":"acme","transfers":["SCCs"]}]' | sha256sum
    expect(fingerprint(listAsOf(checkContent(dir).content!, '2025-06-01'))).toBe('566a99e51bb3e4dfdf19987e5b1e44b0501a1d9197a5dd70259a2abac757860a');
  });

  const fingerprintOf = (files: Record<string, string>) => {
    const { content, problems } = checkContent(writeContent(files));
    expect(problems).toEqual([]);
    return fingerprint(listAsOf(content!, '2025-06-01'));
  };
  const base = fingerprintOf({ 'subprocessors/acme.md': ENTRY });

  it.each([
    ['name', edit(ENTRY, 'name: Acme Cloud', 'name: Acme Cloud EU')],
    ['a data category', edit(ENTRY, '  - Account data', '  - Account data\n  - Billing data')],
    ['a location', edit(ENTRY, 'country: US', 'country: DE')],
    ['the category', edit(ENTRY, 'category: hosting', 'category: email')],
    ['an optional field', edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\ncondition: Only for EU workspaces.')],
  ])('changes when %s changes', (_, text) => {
    expect(fingerprintOf({ 'subprocessors/acme.md': text })).not.toBe(base);
  });

  it('does not change with notes, prose, history summaries, whitespace or YAML style', () => {
    const restyled = edit(edit(edit(ENTRY, 'data:\n  - Account data', 'data: [ "Account data" ]'), 'purpose: Hosting.', 'purpose:   Hosting.   '), '    effective: 2025-01-01', "    effective: '2025-01-01'\n    summary: First listed.");
    expect(fingerprintOf({ 'subprocessors/acme.md': `${restyled}\nSome **notes**.\n`, 'sections/10-intro.md': '---\ntitle: Hello\n---\nProse.\n' })).toBe(base);
  });

  it('is identical across two loads of the sample content', () => {
    const again = checkContent(path.resolve('content')).content!;
    expect(fingerprint(listAsOf(again, TODAY))).toBe(fingerprint(listAsOf(sample, TODAY)));
    expect(fs.existsSync('content/site.yaml')).toBe(true);
  });
});
