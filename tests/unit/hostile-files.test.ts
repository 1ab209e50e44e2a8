import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { formatGrouped, githubAnnotations } from '@/lib/content/report';
import { edit, ENTRY, SITE, writeContent } from './fixtures';

const YAML_ENTRY = ENTRY.replace(/^---\n|---\n$/g, '');
const BOMB = 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n';

/** Each case: the files to write (besides a valid site.yaml), and the problems expected, as `file:line: field: message`. */
const cases: [string, Record<string, string | Buffer>, string[], ((dir: string) => void)?][] = [
  ['empty file', { 'subprocessors/a.md': '' }, ['subprocessors/a.md:1: file: is empty']],
  ['whitespace only', { 'subprocessors/a.yaml': ' \n\n' }, ['subprocessors/a.yaml:1: file: is empty']],
  ['binary file', { 'subprocessors/a.md': Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]) }, ['subprocessors/a.md:1: file: is not a text file']],
  ['no front matter', { 'subprocessors/a.md': 'Acme Cloud hosts things.\n' }, ['subprocessors/a.md:1: file: has no front matter']],
  ['front matter never closed', { 'subprocessors/a.md': '---\nname: Acme\n' }, ['subprocessors/a.md:1: file: the front matter that starts on line 1 is never closed']],
  ['front matter that is a list', { 'subprocessors/a.md': '---\n- name: Acme\n---\n' }, ['subprocessors/a.md:1: file: must be a set of `field: value` lines, not a list']],
  ['front matter that is a scalar', { 'subprocessors/a.md': '---\nAcme Cloud\n---\n' }, ['subprocessors/a.md:1: file: must be a set of `field: value` lines, not a single value']],
  ['YAML file that is a list', { 'subprocessors/a.yaml': '- Acme\n- Beta\n' }, ['subprocessors/a.yaml:1: file: must be a set of `field: value` lines, not a list']],
  ['duplicate keys', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\npurpose: Again.') }, ['subprocessors/a.md:6: syntax: the same field appears twice']],
  ['tab indentation', { 'subprocessors/a.yaml': edit(YAML_ENTRY, '  - Account data', '\t- Account data') }, ['subprocessors/a.yaml:6: syntax: this line is indented with a tab']],
  ['.yaml file with --- lines', { 'subprocessors/a.yaml': ENTRY }, ['subprocessors/a.yaml:20: syntax: has `---` lines, which only a .md file uses']],
  ['YAML alias bomb', { 'subprocessors/a.yaml': BOMB }, ['subprocessors/a.yaml:2: syntax: uses a YAML alias (`*a`)']],
  ['100 KB field', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', `purpose: ${'x'.repeat(100 * 1024)}`) }, ['subprocessors/a.md:5: purpose: is too long (102400 characters; the limit is 1000)']],
  ['1 MB file', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', `purpose: ${'x'.repeat(1024 * 1024)}`) }, ['subprocessors/a.md:1: file: is too large (1025 KB; the limit is 512 KB)']],
  ['file name with spaces', { 'subprocessors/Acme Cloud.md': ENTRY }, ["subprocessors/Acme Cloud.md:1: file: the file name 'Acme Cloud' cannot be used in a web address"]],
  ['file name with capitals', { 'subprocessors/AcmeCloud.md': ENTRY }, ["subprocessors/AcmeCloud.md:1: file: the file name 'AcmeCloud' cannot be used in a web address"]],
  ['file name of another page', { 'subprocessors/changes.md': ENTRY }, ["subprocessors/changes.md:1: file: 'changes' is the address of another page (/subprocessors/changes)"]],
  ['file name of the search page', { 'subprocessors/search.yaml': ENTRY.replace(/^---\n|---\n$/g, '') }, ["subprocessors/search.yaml:1: file: 'search' is the address of another page (/subprocessors/search)"]],
  ['symlink out of the folder', {}, ['subprocessors/a.md:1: file: is a link to a file outside the content folder'], (dir) => fs.symlinkSync(path.resolve('package.json'), path.join(dir, 'subprocessors/a.md'))],
  ['broken symlink', {}, ['subprocessors/a.md:1: file: cannot be read (ENOENT)'], (dir) => fs.symlinkSync(path.join(dir, 'gone.md'), path.join(dir, 'subprocessors/a.md'))],
  ['folder named like a file', {}, ['subprocessors/a.md:1: file: cannot be read (EISDIR)'], (dir) => fs.mkdirSync(path.join(dir, 'subprocessors/a.md'), { recursive: true })],
  ['unknown top-level file', { 'notes.txt': 'hello' }, ['notes.txt:1: file: is not part of the content format, so it would not be published']],
  ['wrong extension in subprocessors/', { 'subprocessors/a.json': '{}' }, ['subprocessors/a.json:1: file: is not a subprocessor file, so it would not be published']],
  ['wrong extension in sections/', { 'sections/10-intro.txt': 'Hi' }, ['sections/10-intro.txt:1: file: is not a section file, so it would not be published']],
  ['published in the future', { 'site.yaml': edit(SITE, 'published: 2025-01-01', 'published: 2027-01-01') }, ['site.yaml:7: published: is in the future (today is 2026-11-23), so the list would be empty until then']],
  ['site.yaml missing', {}, ['site.yaml:1: file: is missing'], (dir) => fs.rmSync(path.join(dir, 'site.yaml'))],
  ['prototype keys', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\n__proto__: { polluted: true }') }, ['subprocessors/a.md:6: __proto__: unknown field']],
  ['planned and history together', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\nplanned: Q3') }, ['subprocessors/a.md:6: planned: a planned subprocessor has no history yet']],
  ['two events of a kind on one day', { 'subprocessors/a.md': edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: added\n    announced: 2025-01-01\n    effective: 2025-01-01\n') }, ['subprocessors/a.md:14: history[1].change: a second `added` event announced 2025-01-01 and effective 2025-01-01', 'subprocessors/a.md:14: history[1].change: it is already on the list, so it cannot be `added` again']],
  ['an update announced in the future without former values', { 'subprocessors/a.md': edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2026-12-01\n    effective: 2027-01-01\n') }, ['subprocessors/a.md:14: history[1].change: announced 2026-12-01, but without `previous` its new values would show today']],
  ['a former category that does not exist', { 'subprocessors/a.md': edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2025-02-01\n    effective: 2025-03-05\n    previous: { category: storage }\n') }, ["subprocessors/a.md:17: history[1].previous.category: 'storage' is not a category in site.yaml"]],
  ['TODOs left from `npm run new`, with another mistake', { 'subprocessors/a.md': edit(edit(ENTRY, 'entity: Acme Cloud, Inc.', 'entity: TODO'), 'country: US', 'country: United States') }, ['subprocessors/a.md:3: entity: still says TODO', "subprocessors/a.md:9: locations[0].country: 'United States' is not an ISO 3166-1 country code"]],
  // Front matter is YAML and nothing else: gray-matter would have evaluated these.
  ['JavaScript front matter in a section', { 'sections/10-a.md': `---js\nrequire('fs').writeFileSync('marker', 'ran')\n---\nText\n` }, ['sections/10-a.md:1: file: the front matter is marked as `js`, but only YAML front matter exists']],
  ['JavaScript front matter in an entry', { 'subprocessors/a.md': ENTRY.replace('---\n', '--- JavaScript \n') }, ['subprocessors/a.md:1: file: the front matter is marked as `JavaScript`, but only YAML front matter exists']],
  ['another language tag', { 'subprocessors/a.md': ENTRY.replace('---\n', '---coffee\n') }, ['subprocessors/a.md:1: file: the front matter is marked as `coffee`, but only YAML front matter exists']],
  ['even a YAML tag', { 'subprocessors/a.md': ENTRY.replace('---\n', '---\tYAML\n') }, ['subprocessors/a.md:1: file: the front matter is marked as `YAML`, but only YAML front matter exists']],
  // Characters that break feeds, hide text or reorder it.
  ['control characters in a name', { 'subprocessors/a.md': edit(ENTRY, 'name: Acme Cloud', 'name: "Acme\\x0b\\x01Cloud"') }, ['subprocessors/a.md:2: name: contains the invisible control character U+000B']],
  ['NUL in a data category', { 'subprocessors/a.md': edit(ENTRY, '  - Account data', '  - "Account\\0data"') }, ['subprocessors/a.md:7: data[0]: contains the invisible control character U+0000']],
  ['a C1 control character in the purpose', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', 'purpose: "Hosting.\\x85"') }, ['subprocessors/a.md:5: purpose: contains the invisible control character U+0085']],
  ['a right-to-left override in a name', { 'subprocessors/a.md': edit(ENTRY, 'name: Acme Cloud', 'name: Acme \u202Edduolc') }, ['subprocessors/a.md:2: name: contains the invisible character U+202E, which changes the order in which the text is displayed']],
  ['a lone surrogate', { 'subprocessors/a.md': edit(ENTRY, 'name: Acme Cloud', 'name: "Acme \\uD800"') }, ['subprocessors/a.md:2: name: contains U+D800, which is not a character']],
  ['a line break in a name', { 'subprocessors/a.md': edit(ENTRY, 'name: Acme Cloud', 'name: "Cloudflare\\n\\n<!--"') }, ['subprocessors/a.md:2: name: must be on one line, but has a line break']],
  ['a Unicode line separator (U+2028) in a name', { 'subprocessors/a.md': edit(ENTRY, 'name: Acme Cloud', 'name: "Acme\u2028Cloud"') }, ['subprocessors/a.md:2: name: must be on one line, but has a line break']],
  ['a Unicode paragraph separator (U+2029) in a certification', { 'subprocessors/a.md': edit(ENTRY, 'name: Acme Cloud', 'name: Acme Cloud\ncertifications: ["SOC 2\u2029Type II"]') }, ['subprocessors/a.md:3: certifications[0]: must be on one line, but has a line break']],
  ['a line break in the company name', { 'site.yaml': edit(SITE, '  name: Acme', '  name: "Acme\\r\\nBEGIN:VEVENT"') }, ['site.yaml:2: company.name: contains the invisible control character U+000D']],
  ['a control character in Markdown', { 'sections/10-a.md': '---\ntitle: Intro\n---\nFine line.\nBad \u001b[2J line.\n' }, ['sections/10-a.md:5: text: contains the invisible control character U+001B']],
  ['a Latin-1 file', { 'subprocessors/a.md': Buffer.from(edit(ENTRY, 'entity: Acme Cloud, Inc.', 'entity: Acme Soci\u00e9t\u00e9'), 'latin1') }, ['subprocessors/a.md:3: file: is not UTF-8 text (byte 0xE9 on line 3)']],
  // What a page must not load or send.
  ['an image from another site', { 'sections/10-a.md': '---\n---\nSee:\n\n![pixel](https://tracker.example/p.gif?who=you)\n' }, ['sections/10-a.md:5: image: shows an image from another site, which would tell that site who reads this page']],
  ['a protocol-relative image in notes', { 'subprocessors/a.md': `${ENTRY}Notes.\n\n![x][p]\n\n[p]: //tracker.example/p.gif\n` }, ['subprocessors/a.md:23: image: shows an image from another site, which would tell that site who reads this page']],
  ['a mailto link with a hidden copy', { 'sections/10-a.md': '---\n---\nWrite [to us](mailto:privacy@acme.example?subject=Hi&bcc=spy@evil.example).\n' }, ['sections/10-a.md:3: link: the e-mail link sets `bcc`, which a reader does not see before sending']],
  // Type and size are checked before a byte is read.
  ['a link to /dev/zero', {}, ['subprocessors/a.md:1: file: is a link to a file outside the content folder'], (dir) => fs.symlinkSync('/dev/zero', path.join(dir, 'subprocessors/a.md'))],
  ['a named pipe', {}, ['subprocessors/a.md:1: file: cannot be read (not a regular file)'], (dir) => execFileSync('mkfifo', [path.join(dir, 'subprocessors/a.md')])],
  ['a link to a named pipe inside the folder', {}, ['subprocessors/a.md:1: file: cannot be read (not a regular file)'], (dir) => {
    execFileSync('mkfifo', [path.join(dir, 'subprocessors/.pipe')]);
    fs.symlinkSync(path.join(dir, 'subprocessors/.pipe'), path.join(dir, 'subprocessors/a.md'));
  }],
  ['a slug of another page as alias', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', 'purpose: Hosting.\naliases: [history]') }, ["subprocessors/a.md:6: aliases[0]: 'history' is the address of another page (/subprocessors/history)"]],
];

describe('hostile and broken files give clear errors, never a crash or a hang', () => {
  it.each(cases)('%s', (_, files, expected, setup) => {
    const dir = writeContent(files);
    fs.mkdirSync(path.join(dir, 'subprocessors'), { recursive: true });
    setup?.(dir);
    const started = performance.now();
    const { content, problems } = checkContent(dir, { today: '2026-11-23' });
    expect(performance.now() - started).toBeLessThan(1000);
    const rel = path.relative(process.cwd(), dir);
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file.replace(`${rel}/`, '')}:${p.line}: ${p.field}: ${p.message.replace(/ — did you mean.*/, '')}`)).toEqual(expected);
    expect(content).toBeUndefined();
  });

  it('accepts a byte-order mark, CRLF line endings, spaces after ---, and YAML 1.1 dates', () => {
    const crlf = `\uFEFF${ENTRY.replace('---\n', '---  \n')}`.replace(/\n/g, '\r\n');
    const yaml11 = `%YAML 1.1\n---\n${YAML_ENTRY}`;
    const { content, problems } = checkContent(writeContent({ 'subprocessors/a.md': crlf, 'subprocessors/b.yaml': edit(yaml11, 'name: Acme Cloud', 'name: B') }), { today: '2026-11-23' });
    expect(problems).toEqual([]);
    expect(content?.subprocessors.map((entry) => [entry.slug, entry.history[0].effective])).toEqual([
      ['a', '2025-01-01'],
      ['b', '2025-01-01'],
    ]);
  });

  it('the alias bomb is rejected in well under a second and with bounded memory', () => {
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    checkContent(writeContent({ 'subprocessors/a.yaml': BOMB }));
    expect(performance.now() - started).toBeLessThan(500);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('has at least 25 cases', () => expect(cases.length).toBeGreaterThanOrEqual(25));
});

describe('no content folder can hang the check or flood its report', () => {
  const many = (count: number, line: (index: number) => string) => Array.from({ length: count }, (_, index) => line(index)).join('\n');
  const heavy: [string, Record<string, string>, string, ((dir: string) => void)?][] = [
    ['a 200 KB address full of dots', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', `purpose: Hosting.\nwebsite: "https://${'a.'.repeat(100_000)} x"`) }, "subprocessors/a.md:6: website: 'https://a.a.a."],
    ['20,000 repeated fields', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', many(20_000, () => 'purpose: Hosting.')) }, 'subprocessors/a.md:6: syntax: the same field appears twice'],
    ['20,000 unknown fields', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', `purpose: Hosting.\n${many(20_000, (index) => `purpos${index}: x`)}`) }, 'subprocessors/a.md:6: purpos0: unknown field'],
    ['50,000 unknown placeholders', { 'sections/10-a.md': `---\n---\n${'{{x}} '.repeat(50_000)}\n` }, 'sections/10-a.md:3: {{x}}: unknown placeholder'],
    ['aliases that would multiply "did you mean" hints', { 'subprocessors/a.yaml': `l: &l {${many(60, (index) => `countr${index}: x`).replaceAll('\n', ', ')}}\n${many(99, (index) => `k${index}: [${Array(99).fill('*l').join(', ')}]`)}\n` }, 'subprocessors/a.yaml:2: syntax: uses a YAML alias (`*l`)'],
    ['lists nested 100,000 deep', { 'subprocessors/a.md': edit(ENTRY, 'purpose: Hosting.', `purpose: Hosting.\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}`) }, 'subprocessors/a.md:'],
    ['5,001 files', {}, 'subprocessors:1: file: holds 5001 files; the limit is 5000', (dir) => {
      for (let index = 0; index <= 5000; index++) fs.writeFileSync(path.join(dir, `subprocessors/e${index}.md`), ENTRY);
    }],
  ];

  it.each(heavy)('%s: refused within seconds, with a short report', (_, files, first, setup) => {
    const dir = writeContent(files);
    fs.mkdirSync(path.join(dir, 'subprocessors'), { recursive: true });
    setup?.(dir);
    // The work is bounded by processor time, which other test files running beside this one do not
    // inflate; the wall clock only has to show that nothing waited.
    const started = performance.now();
    const cpu = process.cpuUsage();
    const { content, problems } = checkContent(dir, { today: '2026-11-23' });
    const { user, system } = process.cpuUsage(cpu);
    expect((user + system) / 1000).toBeLessThan(5_000);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(content).toBeUndefined();
    const report = formatGrouped(problems, 'content');
    expect(report.replaceAll(`${path.relative(process.cwd(), dir)}/`, '')).toContain(first);
    expect(report.length).toBeLessThan(20_000);
  });

  it('shows control characters in messages instead of sending them to the terminal', () => {
    const { problems } = checkContent(writeContent({ 'sections/10-a.md': '---\n---\nBad \u001b[2J\u001b[31mline.\n' }));
    const report = formatGrouped(problems, 'content');
    expect(report).not.toContain('\u001b');
    expect(githubAnnotations(problems)).not.toContain('\u001b');
  });
});
