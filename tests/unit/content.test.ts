import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { checkContent } from '@/lib/content/check';
import { ContentError } from '@/lib/content/problems';
import { formatGrouped } from '@/lib/content/report';
import { plannedBy } from '@/lib/content/rules';
import { resolveToday } from '@/lib/content/today';
import { edit, ENTRY, problemsFor, SITE, writeContent } from './fixtures';

const sub = (text: string, name = 'acme-cloud.md') => ({ [`subprocessors/${name}`]: text });

describe('a valid content folder', () => {
  it('loads entries, normalising dates whether quoted or not', () => {
    const dir = writeContent({ ...sub(edit(ENTRY, 'effective: 2025-01-01', "effective: '2025-01-01'")) });
    const { content, problems } = checkContent(dir);
    expect(problems).toEqual([]);
    expect(content?.subprocessors[0]).toMatchObject({ slug: 'acme-cloud', name: 'Acme Cloud', history: [{ announced: '2025-01-01', effective: '2025-01-01' }] });
  });

  it('accepts .yaml and .yml entries, a byte-order mark and CRLF line endings', () => {
    const yaml = ENTRY.replace(/^---\n|---\n$/g, '');
    const dir = writeContent({ ...sub(yaml, 'a.yaml'), ...sub(edit(yaml, 'Acme Cloud', 'B'), 'b.yml'), ...sub('\uFEFF' + edit(ENTRY, 'Acme Cloud', 'C').replace(/\n/g, '\r\n'), 'c.md') });
    const { content, problems } = checkContent(dir);
    expect(problems).toEqual([]);
    expect(content?.subprocessors.map((entry) => entry.slug)).toEqual(['a', 'b', 'c']);
  });

  it('defaults the objection contact to the privacy contact and the time zone to UTC', () => {
    const { content } = checkContent(writeContent({}));
    expect(content?.site.contact.objections).toBe('privacy@acme.example');
    expect(content?.site.timezone).toBe('UTC');
  });

  it('fills placeholders in sections and renders their Markdown', () => {
    const dir = writeContent({ 'sections/10-notice.md': '---\nposition: above\n---\nWe give {{notice_period_days}} days notice. Write to {{ contact.objections }}.\n' });
    const section = checkContent(dir).content?.sections[0];
    expect(section).toMatchObject({ position: 'above' });
    expect(section?.html).toContain('We give 30 days notice. Write to');
    expect(section?.html).toContain('href="mailto:privacy@acme.example"');
  });
});

describe('problems name the file, line and field, and the fix', () => {
  it('missing required field', () => {
    expect(problemsFor(sub(edit(ENTRY, 'entity: Acme Cloud, Inc.\n', '')))).toEqual([
      'content/subprocessors/acme-cloud.md:2: entity: is required\n    fix: Write the legal entity that processes the data, e.g. `entity: DigitalOcean, LLC`.',
    ]);
  });

  it('wrong type', () => {
    expect(problemsFor(sub(edit(ENTRY, 'data:\n  - Account data', 'data: Account data')))).toEqual([
      "content/subprocessors/acme-cloud.md:6: data: must be a list, not text ('Account data')\n    fix: Put each item on its own line, indented and starting with `- `.",
    ]);
  });

  it('unknown field, with a did-you-mean', () => {
    expect(problemsFor(sub(edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\npurpse: Typo.')))).toEqual([
      'content/subprocessors/acme-cloud.md:6: purpse: unknown field — did you mean `purpose`?\n    fix: Rename it to `purpose`.',
    ]);
  });

  it('unknown field inside an event', () => {
    expect(problemsFor(sub(edit(ENTRY, '    effective: 2025-01-01', '    effective: 2025-01-01\n    sumary: Hello')))[0]).toBe(
      'content/subprocessors/acme-cloud.md:14: history[0].sumary: unknown field — did you mean `summary`?\n    fix: Rename it to `summary`.',
    );
  });

  it('unknown category', () => {
    expect(problemsFor(sub(edit(ENTRY, 'category: hosting', 'category: hostng')))).toEqual([
      "content/subprocessors/acme-cloud.md:4: category: 'hostng' is not a category in site.yaml — did you mean `hosting`?\n    fix: Use one of: hosting, email; or add the category to site.yaml.",
    ]);
  });

  it('a category or scope written as its title: did you mean its id, whatever the letter case', () => {
    const site = `${SITE.replace('  - id: email\n    title: Email\n', '  - id: communication\n    title: Email delivery\n')}scopes:\n  - id: eu\n    title: EU Cloud\n  - id: us\n    title: US Cloud\n`;
    const entry = edit(edit(ENTRY, 'category: hosting', 'category: email DELIVERY'), 'locations:\n  - country: US', 'scopes: [EU Cloud, us]\nlocations:\n  - country: US\n    scopes: [US]');
    expect(problemsFor({ 'site.yaml': site, ...sub(entry) })).toEqual([
      "content/subprocessors/acme-cloud.md:4: category: 'email DELIVERY' is the title of a category — did you mean `communication`?\n    fix: Write the category's id as site.yaml has it: `communication`.",
      "content/subprocessors/acme-cloud.md:8: scopes[0]: 'EU Cloud' is the title of a scope — did you mean `eu`?\n    fix: Write the scope's id as site.yaml has it: `eu`.",
      "content/subprocessors/acme-cloud.md:11: locations[0].scopes[0]: 'US': scope ids are lowercase — did you mean `us`?\n    fix: Write the scope's id as site.yaml has it: `us`.",
    ]);
  });

  it('country name instead of ISO code, with a suggestion', () => {
    expect(problemsFor(sub(edit(ENTRY, 'country: US', 'country: United States')))).toEqual([
      "content/subprocessors/acme-cloud.md:9: locations[0].country: 'United States' is not an ISO 3166-1 country code — did you mean `US` (United States)?\n    fix: Use a two-letter code such as `US` or `DE`, or `EU` or `global`; put the city or data centre in `detail`.",
    ]);
    expect(problemsFor(sub(edit(ENTRY, 'country: US', 'country: UK')))[0]).toContain("'UK' is not an ISO 3166-1 country code — did you mean `GB` (United Kingdom)?");
    expect(problemsFor(sub(edit(ENTRY, 'country: US', 'country: Germny')))[0]).toContain('did you mean `DE` (Germany)?');
  });

  it('three-letter codes and abbreviations point to the right country, never to a look-alike', () => {
    const hint = (value: string) => problemsFor(sub(edit(ENTRY, 'country: US', `country: ${value}`)))[0].split('\n')[0].replace(/^.*?country code/, '');
    const expected: Record<string, string> = { IRL: 'IE', DEU: 'DE', CHE: 'CH', FRA: 'FR', AUS: 'AU', GBR: 'GB', NLD: 'NL', UAE: 'AE', usa: 'US', 'South Korea': 'KR', Holland: 'NL' };
    for (const [typed, code] of Object.entries(expected)) expect(hint(typed), typed).toMatch(new RegExp(`^ — did you mean \`${code}\` \\(`));
    // Not a code and not a name: no guess rather than a wrong country.
    expect(hint('XYZ')).toBe('');
    expect(problemsFor(sub(edit(ENTRY, 'country: US', 'country: EEA')))).toEqual([
      "content/subprocessors/acme-cloud.md:9: locations[0].country: 'EEA' is a group of countries, not a country code\n    fix: List each country in the EEA (the EU, Iceland, Liechtenstein and Norway) that the data goes to, one per line (e.g. `- country: DE`), or use `EU` if it stays in the European Union.",
    ]);
  });

  it('javascript: and other non-https document links are errors; a plain-http website is a warning', () => {
    expect(problemsFor(sub(edit(ENTRY, 'dpa: https://acme.example/dpa', 'dpa: javascript:alert(1)')))).toEqual([
      "content/subprocessors/acme-cloud.md:17: links.dpa: 'javascript:alert(1)' is not an https:// address\n    fix: Use the full address, starting with `https://`.",
    ]);
    expect(problemsFor(sub(edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\nwebsite: http://acme.example')))).toEqual([
      "warning: content/subprocessors/acme-cloud.md:6: website: 'http://acme.example' is not a secure (https://) address\n    fix: Use the https:// address of the website.",
    ]);
    expect(problemsFor(sub(edit(ENTRY, 'dpa: https://acme.example/dpa', 'dpa: http://acme.example/dpa')))[0]).toContain("links.dpa: 'http://acme.example/dpa' is not an https:// address");
  });

  it('warns about facts a reviewer expects: a DPA link, its own subprocessors, an address and a contact', () => {
    const bare = ENTRY.replace(/address:[\s\S]*?subprocessors: .*\n/, '');
    expect(problemsFor(sub(bare))).toEqual([
      'warning: content/subprocessors/acme-cloud.md:2: links.dpa: no link to the data processing agreement\n    fix: Add `links:` with `dpa: https://…`, or say in the notes how customers can obtain it.',
      "warning: content/subprocessors/acme-cloud.md:2: links.subprocessors: no link to its own list of subprocessors\n    fix: EDPB Opinion 22/2024 asks for the whole chain of subprocessors: add `subprocessors: https://…` under `links:` (the provider's own list).",
      'warning: content/subprocessors/acme-cloud.md:2: address: no registered address or privacy contact\n    fix: EDPB Opinion 22/2024 asks for each subprocessor\'s name, address and contact person: add `address:` and `contact:`.',
    ]);
    expect(problemsFor(sub(edit(ENTRY, 'contact: privacy@acme.example\n', '')))[0].split('\n')[0]).toBe('warning: content/subprocessors/acme-cloud.md:2: contact: no privacy contact');
    const dir = writeContent(sub(bare));
    expect(checkContent(dir).content?.subprocessors).toHaveLength(1);
  });

  it('transfers out of the EEA: a location with no adequacy decision needs a safeguard, and DPF covers only the US', () => {
    const entry = (locations: string, transfers?: string) => sub(edit(edit(ENTRY, '  - country: US\n', locations), 'transfers: [SCCs]\n', transfers ? `transfers: ${transfers}\n` : ''));
    const warnings = (locations: string, transfers?: string) => problemsFor(entry(locations, transfers)).map((p) => p.split('\n')[0]);
    expect(problemsFor(entry('  - country: US\n'))).toEqual([
      'warning: content/subprocessors/acme-cloud.md:9: locations[0].country: `US` (United States) is outside the EEA; the EU adequacy decision covers only companies certified under the Data Privacy Framework, and `transfers` names no safeguard that covers it\n    fix: Add the safeguard the DPA relies on, e.g. `transfers: [SCCs]`, or `DPF` if it is certified.',
    ]);
    expect(warnings('  - country: IN\n', '[DPF]')).toEqual([
      'warning: content/subprocessors/acme-cloud.md:9: locations[0].country: `IN` (India) is outside the EEA; it has no EU adequacy decision, and `transfers` names no safeguard that covers it',
      'warning: content/subprocessors/acme-cloud.md:19: transfers[0]: `DPF` (the EU-U.S. Data Privacy Framework) covers only recipients in the US, and no location is in the US',
    ]);
    expect(warnings('  - country: global\n')).toEqual([
      'warning: content/subprocessors/acme-cloud.md:9: locations[0].country: data may be processed anywhere (`global`); that includes countries with no adequacy decision, and `transfers` names no safeguard that covers it',
    ]);
    // Inside the EEA, or where the Commission has found the protection adequate: nothing to add.
    expect(warnings('  - country: DE\n  - country: NO\n  - country: EU\n')).toEqual([]);
    expect(warnings('  - country: CH\n  - country: GB\n  - country: JP\n  - country: BR\n')).toEqual([]);
    expect(warnings('  - country: IN\n  - country: US\n', '[SCCs]')).toEqual([]);
    expect(warnings('  - country: global\n', '[DPF, SCCs]')).toEqual([]);
  });

  it('a comment after a text value is an error on its line, with the fix; comments after ids and dates, or on their own line, are fine', () => {
    const text = edit(
      edit(edit(edit(ENTRY, 'purpose: Hosting.', 'purpose: In-app support chat #1 priority'), '  - Account data', '  - Chat conversations # and attachments'), '  - country: US', '  - country: US # Virginia\n    detail: Ashburn # us-east-1'),
      '    effective: 2025-01-01\n',
      '    effective: 2025-01-01 # the day the list was published\n    summary: First listed # at launch\n',
    );
    expect(problemsFor(sub(text)).map((p) => p.split('\n')[0])).toEqual([
      "content/subprocessors/acme-cloud.md:5: purpose: the text after ` #` is read as a comment and left out: 'In-app support chat #1 priority' would be published as 'In-app support chat'",
      "content/subprocessors/acme-cloud.md:7: data[0]: the text after ` #` is read as a comment and left out: 'Chat conversations # and attachments' would be published as 'Chat conversations'",
      "content/subprocessors/acme-cloud.md:10: locations[0].detail: the text after ` #` is read as a comment and left out: 'Ashburn # us-east-1' would be published as 'Ashburn'",
      "content/subprocessors/acme-cloud.md:15: history[0].summary: the text after ` #` is read as a comment and left out: 'First listed # at launch' would be published as 'First listed'",
    ]);
    expect(problemsFor(sub(edit(ENTRY, 'purpose: Hosting.', 'purpose: In-app support chat #1 priority')))[0].split('\n')[1]).toBe(
      '    fix: Put the value in quotes if the rest belongs to it (`"In-app support chat #1 priority"`); if it is a note, move it to a line of its own above `purpose`.',
    );
    // A value too long to show whole is not shown cut short in the fix, which an editor may copy.
    const long = `Support chat for customers in every region, with transcripts kept for ninety days #1 priority`;
    expect(problemsFor(sub(edit(ENTRY, 'purpose: Hosting.', `purpose: ${long}`)))[0].split('\n')[1]).toBe(
      '    fix: Put the value in quotes if the rest belongs to it (a `"` after `purpose: ` and another at the end of the line); if it is a note, move it to a line of its own above `purpose`.',
    );
    const fine = edit(edit(edit(ENTRY, 'category: hosting', '# Hosting, see site.yaml\ncategory: hosting   # an id from site.yaml'), 'purpose: Hosting.', 'purpose: "Support chat #1" # quoted'), 'name: Acme Cloud', 'name: Acme Cloud#EU');
    expect(problemsFor(sub(fine))).toEqual([]);
  });

  it('impossible date', () => {
    expect(problemsFor(sub(edit(ENTRY, 'announced: 2025-01-01', 'announced: 2025-02-30')))).toEqual([
      "content/subprocessors/acme-cloud.md:12: history[0].announced: '2025-02-30' is not a real date\n    fix: Write dates as `YYYY-MM-DD`, e.g. `2025-09-09`.",
    ]);
    expect(problemsFor(sub(edit(ENTRY, 'effective: 2025-01-01', 'effective: 9 Sept 2025')))[0]).toContain(
      "acme-cloud.md:13: history[0].effective: '9 Sept 2025' is not a date in the form YYYY-MM-DD",
    );
  });

  it('duplicate slug', () => {
    expect(problemsFor({ ...sub(ENTRY, 'acme.md'), ...sub(ENTRY.replace(/^---\n|---\n$/g, ''), 'acme.yaml') })).toEqual([
      'content/subprocessors/acme.yaml:1: file: has the same name as content/subprocessors/acme.md, so both would be at /subprocessors/acme\n    fix: Delete one of the two files, or rename one.',
    ]);
  });

  it('alias that collides with another entry', () => {
    const other = edit(ENTRY, 'name: Acme Cloud', 'name: Other\naliases: [acme]');
    expect(problemsFor({ ...sub(ENTRY, 'acme.md'), ...sub(other, 'other.md') })).toEqual([
      "content/subprocessors/other.md:3: aliases[0]: 'acme' is already used by content/subprocessors/acme.md\n    fix: Each former slug may point to one entry only; delete this alias or the other use.",
    ]);
  });

  it('YAML syntax error', () => {
    expect(problemsFor(sub(edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting: fast: cheap')))).toEqual([
      'content/subprocessors/acme-cloud.md:5: syntax: the value contains `: `, which reads as the start of another field\n    fix: Put the whole value in quotes (`purpose: "Hosting: fast: cheap"`).',
    ]);
  });

  it('the validate report puts the files with errors first, errors before warnings, and names them in the summary', () => {
    const noDpa = (text: string) => text.replace('  dpa: https://acme.example/dpa\n', '');
    const failing = edit(edit(edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting #1'), 'address: 1 Main Street, Springfield\n', ''), 'name: Acme Cloud', 'name: Acme Mail');
    const dir = writeContent({ 'subprocessors/a.md': noDpa(ENTRY), 'subprocessors/b.md': failing });
    const rel = path.relative(process.cwd(), dir);
    const lines = formatGrouped(checkContent(dir).problems, 'content').replaceAll(rel, 'content').split('\n').filter((line) => !line.includes('fix:'));
    expect(lines).toEqual([
      'content/subprocessors/b.md (1 error, 1 warning)',
      "  content/subprocessors/b.md:5: purpose: the text after ` #` is read as a comment and left out: 'Hosting #1' would be published as 'Hosting'",
      '  warning: content/subprocessors/b.md:2: address: no registered address',
      '',
      'content/subprocessors/a.md (0 errors, 1 warning)',
      '  warning: content/subprocessors/a.md:16: links.dpa: no link to the data processing agreement',
      '',
      'content: 1 error, 2 warnings in 2 files; errors in content/subprocessors/b.md',
    ]);
  });

  it('YAML mistakes: one message each, in plain words, on the line to change, with the fix', () => {
    const first = (from: string, to: string) => {
      const problems = problemsFor(sub(edit(ENTRY, from, to)));
      expect(problems).toHaveLength(1);
      return problems[0];
    };
    // A field indented under the one above is swallowed by its value: the mistake is the indented line, not the one above.
    expect(first('entity: Acme Cloud, Inc.', 'entity: Acme Cloud, Inc.\n  address: 1 Main Street')).toBe(
      'content/subprocessors/acme-cloud.md:4: syntax: this line is indented further than the field above it, so it is read as part of that value\n    fix: Start it at the same column as the field above; if it is the rest of the text above, put the whole value in quotes.',
    );
    expect(first('    effective: 2025-01-01', '      effective: 2025-01-01').split('\n')[0]).toBe('content/subprocessors/acme-cloud.md:13: syntax: this line is indented further than the field above it, so it is read as part of that value');
    expect(first('  - Account data', '  - Account data\n - Usage data')).toBe('content/subprocessors/acme-cloud.md:8: syntax: this list item is not lined up with the items above it\n    fix: Start every `- ` of one list at the same column.');
    expect(first('  - country: US', '  - country: US\n  detail: Virginia').split('\n')[0]).toBe('content/subprocessors/acme-cloud.md:10: syntax: this line is not lined up with the lines around it');
    expect(first('name: Acme Cloud', 'name: "Acme Cloud').split('\n')[0]).toBe('content/subprocessors/acme-cloud.md:2: syntax: a value opened with a quote mark is never closed');
    expect(first('purpose: Hosting.', 'purpose: [Hosting').split('\n')[0]).toBe('content/subprocessors/acme-cloud.md:5: syntax: a list in `[ ]` is not closed on its line');
  });

  it('the same field twice', () => {
    expect(problemsFor(sub(edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\nname: Again')))).toEqual([
      'content/subprocessors/acme-cloud.md:6: syntax: the same field appears twice\n    fix: Keep one of the two lines and delete the other.',
    ]);
  });

  it('notice period too short', () => {
    const text = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-03-01\n    effective: 2025-03-20\n    previous: { purpose: Before. }\n');
    expect(problemsFor(sub(text))).toEqual([
      'content/subprocessors/acme-cloud.md:16: history[1].effective: only 19 days after the announcement; the notice period is 30 days\n    fix: Set `effective` on or after 2025-03-31, or, for a security-critical change, set `urgent: true` with a `reason`.',
    ]);
  });

  it('an urgent change skips the notice period but needs a reason', () => {
    const text = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-03-01\n    effective: 2025-03-02\n    previous: { purpose: Before. }\n    urgent: true\n');
    expect(problemsFor(sub(text))).toEqual([
      'content/subprocessors/acme-cloud.md:14: history[1]: reason: is required when `urgent: true`\n    fix: Say why the change could not wait for the notice period, e.g. `reason: Replaces a compromised provider`.'.replace('history[1]: reason', 'history[1].reason'),
    ]);
    expect(problemsFor(sub(text.replace('urgent: true', 'urgent: true\n    reason: Compromised provider')))).toEqual([]);
  });

  it('events out of order', () => {
    const text = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: removed\n    announced: 2025-06-01\n    effective: 2025-06-01\n  - change: added\n    announced: 2025-03-01\n    effective: 2025-04-01\n');
    expect(problemsFor(sub(text))).toEqual([
      "content/subprocessors/acme-cloud.md:19: history[2].effective: events must be oldest first, but 2025-04-01 is before the previous event's 2025-06-01\n    fix: Move this event above the previous one, or correct the date.",
    ]);
  });

  it('history rules: first event added, nothing but added after removed, effective after announced', () => {
    const problems = problemsFor(sub(edit(ENTRY, '  - change: added\n    announced: 2025-01-01', '  - change: updated\n    announced: 2025-01-02')));
    expect(problems.map((p) => p.split('\n')[0])).toEqual([
      'content/subprocessors/acme-cloud.md:11: history[0].change: the first event must be `added`, not `updated`',
      'content/subprocessors/acme-cloud.md:13: history[0].effective: takes effect (2025-01-01) before it was announced (2025-01-02)',
    ]);
    const readded = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: removed\n    announced: 2025-02-01\n    effective: 2025-02-01\n  - change: updated\n    announced: 2025-03-01\n    effective: 2025-04-01\n');
    expect(problemsFor(sub(readded))[0].split('\n')[0]).toBe('content/subprocessors/acme-cloud.md:17: history[2].change: after `removed` only `added` can follow, not `updated`');
  });

  it('a re-addition announced after today must record the details before it, or say they do not change', () => {
    const readded = (extra: string) => edit(ENTRY, '    effective: 2025-01-01\n', `    effective: 2025-01-01\n  - change: removed\n    announced: 2025-02-01\n    effective: 2025-02-01\n  - change: added\n    announced: 2099-01-01\n    effective: 2099-02-01\n${extra}`);
    expect(problemsFor(sub(readded('')))).toEqual([
      'content/subprocessors/acme-cloud.md:17: history[2].change: added again, announced 2099-01-01, but without `previous` its details would show today\n    fix: Add `previous:` with the details the entry had before it was removed (the fields that change), or `previous: {}` if it comes back unchanged.',
    ]);
    expect(problemsFor(sub(readded('    previous: { name: Old Acme, locations: [{ country: DE }] }\n')))).toEqual([]);
    expect(problemsFor(sub(readded('    previous: {}\n')))).toEqual([]);
    expect(problemsFor(sub(edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n    previous: { name: Older }\n')))[0].split('\n')[0]).toBe(
      'content/subprocessors/acme-cloud.md:14: history[0].previous: the first `added` event has no former values',
    );
  });

  it('two updates may take effect on one day when announced on different days, not twice the same announcement', () => {
    const update = (announced: string) => `  - change: updated\n    announced: ${announced}\n    effective: 2025-06-01\n    previous: { purpose: Before. }\n`;
    const twice = (a: string, b: string) => sub(edit(ENTRY, '    effective: 2025-01-01\n', `    effective: 2025-01-01\n${update(a)}${update(b)}`));
    expect(problemsFor(twice('2025-04-01', '2025-04-20'))).toEqual([]);
    expect(problemsFor(twice('2025-04-01', '2025-04-01'))[0].split('\n')[0]).toBe('content/subprocessors/acme-cloud.md:18: history[2].change: a second `updated` event announced 2025-04-01 and effective 2025-06-01');
  });

  it('a mistake in the fields does not hide the history rules: both at once', () => {
    const text = edit(edit(ENTRY, 'country: US', 'country: United States'), '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-03-01\n    effective: 2025-03-02\n    previous: { purpose: Before. }\n');
    expect(problemsFor(sub(text)).map((p) => p.split('\n')[0])).toEqual([
      "content/subprocessors/acme-cloud.md:9: locations[0].country: 'United States' is not an ISO 3166-1 country code — did you mean `US` (United States)?",
      'content/subprocessors/acme-cloud.md:16: history[1].effective: only 1 days after the announcement; the notice period is 30 days',
    ]);
  });

  it('an urgent event without its reason does not hide the other events\' history problems', () => {
    const events = [
      '  - change: updated\n    announced: 2025-03-01\n    effective: 2025-03-02\n    urgent: true\n    previous: { purpose: Before. }\n',
      '  - change: updated\n    announced: 2025-05-01\n    effective: 2025-05-05\n    previous: { purpose: Older. }\n',
      '  - change: updated\n    announced: 2025-02-01\n    effective: 2025-04-01\n    previous: { purpose: Oldest. }\n',
    ].join('');
    expect(problemsFor(sub(edit(ENTRY, '    effective: 2025-01-01\n', `    effective: 2025-01-01\n${events}`))).map((p) => p.split('\n')[0])).toEqual([
      'content/subprocessors/acme-cloud.md:14: history[1].reason: is required when `urgent: true`',
      'content/subprocessors/acme-cloud.md:21: history[2].effective: only 4 days after the announcement; the notice period is 30 days',
      "content/subprocessors/acme-cloud.md:25: history[3].effective: events must be oldest first, but 2025-04-01 is before the previous event's 2025-05-05",
    ]);
  });

  it('a retired category stays for past versions but cannot hold an entry on the current list', () => {
    const site = SITE.replace('  - id: email\n    title: Email\n', '  - id: email\n    title: Email\n    retired: true\n');
    const moved = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-03-01\n    effective: 2025-04-01\n    previous: { category: email }\n');
    expect(problemsFor({ 'site.yaml': site, ...sub(moved) })).toEqual([]);
    expect(problemsFor({ 'site.yaml': site, ...sub(edit(ENTRY, 'category: hosting', 'category: email')) })).toEqual([
      "content/subprocessors/acme-cloud.md:4: category: 'email' is a retired category, so the current list would not show this entry\n    fix: Move it to a current category (hosting), keeping `previous: { category: email }` on the update that moves it.",
    ]);
  });

  it('events before publication need no notice', () => {
    expect(problemsFor(sub(edit(ENTRY, 'announced: 2025-01-01', 'announced: 2024-12-30')))).toEqual([]);
  });

  it('planned entries need only name, category, purpose, data and planned, and no history', () => {
    expect(problemsFor(sub('name: Email provider\ncategory: email\npurpose: Send email.\ndata: [Email addresses]\nplanned: Q3 2099\n', 'email.yaml'))).toEqual([]);
    expect(problemsFor(sub(edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\nplanned: Q3 2026')))[0].split('\n')[0]).toBe(
      'content/subprocessors/acme-cloud.md:6: planned: a planned subprocessor has no history yet',
    );
  });

  it('a planned entry whose expected date has passed gets a warning', () => {
    const planned = (when: string) => problemsFor({ 'subprocessors/chat.yaml': `name: Chat\ncategory: email\npurpose: Chat.\ndata: [Messages]\nplanned: ${when}\n` });
    // Today is the machine's date: these periods are long past, and the far one is not.
    expect(planned('Q2–Q4 2025')).toEqual([
      `warning: content/subprocessors/chat.yaml:5: planned: 'Q2–Q4 2025' has passed: it ended on 2025-12-31, and today is ${resolveToday({ timezone: 'UTC' })}\n    fix: Write the new expected date; once it is engaged, replace \`planned\` with a \`history\` that announces it; delete the file if it is no longer planned.`,
    ]);
    expect(planned('March 2024 (when the EU cloud opens)')[0]).toContain("planned: 'March 2024 (when the EU cloud opens)' has passed: it ended on 2024-03-31");
    expect(planned('Q3 2099')).toEqual([]);
    expect(planned('when the EU cloud opens')).toEqual([]);
    const ends = ['Q3 2026', 'H1 2027', 'September–October 2026', 'Q4 2025 or Q1 2026', '2025', '2026-03'].map(plannedBy);
    expect(ends).toEqual(['2026-09-30', '2027-06-30', '2026-10-31', '2026-03-31', '2025-12-31', '2026-03-31']);
  });

  it('file names that cannot be web addresses, files of other kinds, missing front matter', () => {
    expect(problemsFor({ ...sub(ENTRY, 'Acme Cloud.md'), ...sub('hello', 'notes.txt'), ...sub('just prose', 'prose.md') }).map((p) => p.split('\n')[0])).toEqual([
      "content/subprocessors/Acme Cloud.md:1: file: the file name 'Acme Cloud' cannot be used in a web address",
      'content/subprocessors/notes.txt:1: file: is not a subprocessor file, so it would not be published',
      'content/subprocessors/prose.md:1: file: has no front matter',
    ]);
  });

  it('each unknown placeholder on its own line, in text and in a link, the same placeholder once a line', () => {
    const problems = problemsFor({ 'sections/10-a.md': '---\ntitle: Notice\n---\n\nWe give\n{{aaa}} days {{aaa}}, and\nthen {{bbb}}.\n\n[x](https://example.com/{{ccc}})\n' });
    expect(problems.map((problem) => problem.split(': unknown')[0])).toEqual(['content/sections/10-a.md:6: {{aaa}}', 'content/sections/10-a.md:7: {{bbb}}', 'content/sections/10-a.md:9: {{ccc}}']);
  });

  it('unknown placeholder in a section', () => {
    expect(problemsFor({ 'sections/10-a.md': '---\ntitle: Notice\n---\n\nWe give\n{{notice_days}} days.\n' })).toEqual([
      'content/sections/10-a.md:6: {{notice_days}}: unknown placeholder — did you mean `{{notice_period_days}}`?\n    fix: Placeholders available: {{notice_period_days}}, {{objection_period_days}}, {{contact.privacy}}, {{contact.objections}}, {{company.name}}.',
    ]);
  });

  it('site.yaml problems', () => {
    const site = edit(edit(SITE, 'notice_period_days: 30', 'notice_period_days: 30 days'), 'privacy: privacy@acme.example', 'privacy: privacy at acme');
    expect(problemsFor({ 'site.yaml': site }).map((p) => p.split('\n')[0])).toEqual([
      "content/site.yaml:5: contact.privacy: 'privacy at acme' is not an e-mail address",
      "content/site.yaml:6: notice_period_days: must be a number, not text ('30 days')",
    ]);
  });

  it('reports every problem in every file at once, sorted by file and line, and a repeated name only as a warning', () => {
    const problems = problemsFor({ ...sub(ENTRY, 'a.md'), ...sub(ENTRY, 'b.md'), ...sub(edit(ENTRY, 'country: US', 'country: USA'), 'c.md'), ...sub(edit(ENTRY, 'category: hosting', 'category: nope'), 'd.md') });
    expect(problems.map((p) => p.match(/^(?:warning: )?\S+:\d+: [\w.[\]]+/)?.[0])).toEqual([
      'warning: content/subprocessors/b.md:2: name',
      'content/subprocessors/c.md:9: locations[0].country',
      'warning: content/subprocessors/d.md:2: name',
      'content/subprocessors/d.md:4: category',
    ]);
    const dir = writeContent({ ...sub(ENTRY, 'a.md'), ...sub(ENTRY, 'b.md') });
    expect(checkContent(dir).problems.map((p) => p.severity)).toEqual(['warning']);
    expect(checkContent(dir).content?.subprocessors).toHaveLength(2);
  });
});

describe('files that cannot be read are problems, not crashes', () => {
  it('a folder named like an entry, a broken link, a link out of the folder, a binary file', () => {
    const dir = writeContent({ 'subprocessors/ok.md': ENTRY, 'subprocessors/photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]) });
    fs.mkdirSync(path.join(dir, 'subprocessors/folder.md'));
    fs.symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'subprocessors/broken.md'));
    fs.symlinkSync('/etc/hostname', path.join(dir, 'subprocessors/outside.md'));
    const rel = path.relative(process.cwd(), dir);
    const { content, problems } = checkContent(dir);
    expect(problems.map((p) => `${p.file.replace(rel, 'content')}:${p.line}: ${p.field}: ${p.message}`)).toEqual([
      'content/subprocessors/broken.md:1: file: cannot be read (ENOENT)',
      'content/subprocessors/folder.md:1: file: cannot be read (EISDIR)',
      'content/subprocessors/outside.md:1: file: is a link to a file outside the content folder',
      'content/subprocessors/photo.md:1: file: is not a text file',
    ]);
    expect(content).toBeUndefined();
  });
});

describe('loadContent', () => {
  it('throws one error listing every problem, so a build stops', () => {
    const dir = writeContent({ ...sub(edit(ENTRY, 'country: US', 'country: USA')), ...sub(edit(ENTRY, 'category: hosting', 'category: nope'), 'b.md') });
    expect(() => loadContent(dir)).toThrow(ContentError);
    expect(() => loadContent(dir)).toThrow(/acme-cloud\.md:9: locations\[0\]\.country[\s\S]*b\.md:4: category[\s\S]*The content is invalid: 2 errors, 0 warnings$/);
  });
});
