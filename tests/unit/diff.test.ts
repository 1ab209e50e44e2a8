import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { describeDiff, diffMarkdown } from '@/lib/publish/diff';
import { MARKDOWN } from '@/lib/publish/formats';
import { edit, ENTRY, writeContent } from './fixtures';

const TODAY = '2026-11-23';
const load = (files: Record<string, string>) => checkContent(writeContent(files), { today: TODAY }).content!;

describe('the reviewers’ summary of a pull request', () => {
  it('writes every value as text, so a name cannot hide the lines after it', () => {
    const other = edit(ENTRY, 'name: Acme Cloud', 'name: Beta Storage');
    const before = load({ 'subprocessors/a.md': ENTRY, 'subprocessors/b.md': other });
    // A name that opens an HTML comment, and another entry moving to China today.
    const after = load({
      'subprocessors/a.md': edit(ENTRY, 'name: Acme Cloud', 'name: "Cloudflare <!-- *x* [y](https://evil.example) `z`"'),
      'subprocessors/b.md': edit(other, 'country: US', 'country: CN'),
    });
    const summary = diffMarkdown(describeDiff(before, after, TODAY, MARKDOWN), 'main');
    // Rendered with raw HTML kept, as a job summary is: no comment, no disguised link, no code, every line there.
    const html = String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(summary));
    expect(html).not.toMatch(/<!--|>y<\/a>|<code>z|<em>/);
    expect(html).toContain('<li><strong>Beta Storage</strong>: Locations changes from “United States” to “China”.</li>');
    expect(html).toContain('<li><strong>The list in force today (November 23, 2026) changes as soon as this is published.</strong></li>');
    expect(summary.split('\n')).toEqual([
      '## What this changes on the subprocessor list (compared with `main`)',
      '',
      '- **Cloudflare &#60;!-- \\*x\\* \\[y\\](https://evil.example) \\`z\\`**: Name changes from “Acme Cloud” to “Cloudflare &#60;!-- \\*x\\* \\[y\\](https://evil.example) \\`z\\`”.',
      '- **Beta Storage**: Locations changes from “United States” to “China”.',
      '- **The list in force today (November 23, 2026) changes as soon as this is published.**',
      '',
    ]);
  });

  it('keeps line breaks and backticks in values from ending a line or a code span', () => {
    expect(MARKDOWN.text('Cloudflare\n\n<!--')).toBe('Cloudflare &#60;!--');
    expect(MARKDOWN.code('a`b')).toBe('``a`b``');
    expect(MARKDOWN.code('`a')).toBe('`` `a ``');
  });
});
