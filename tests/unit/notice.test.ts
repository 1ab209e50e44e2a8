import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { MARKDOWN } from '@/lib/publish/formats';
import { noticeText } from '@/lib/publish/notice';
import { edit, ENTRY, writeContent } from './fixtures';

describe('the customer notice as Markdown', () => {
  it('writes every value from the content as text', () => {
    const upcoming = edit(edit(ENTRY, 'name: Acme Cloud', 'name: "Acme *Cloud* <!-- [x](https://evil.example)"'), 'announced: 2025-01-01\n    effective: 2025-01-01', 'announced: 2026-11-20\n    effective: 2026-12-21');
    const content = checkContent(writeContent({ 'subprocessors/acme.md': upcoming }), { today: '2026-11-23' }).content!;
    const markdown = noticeText(content, 'acme', '2026-11-23', MARKDOWN)!;
    expect(markdown).not.toMatch(/<!--|[^\\]\*Cloud/);
    expect(markdown.split('\n').slice(0, 3)).toEqual([
      'Subject: Added subprocessor: Acme \\*Cloud\\* &#60;!-- \\[x\\](https://evil.example), effective December 21, 2026',
      '',
      'Acme will add **Acme \\*Cloud\\* &#60;!-- \\[x\\](https://evil.example)** to its list of subprocessors on **December 21, 2026**.',
    ]);
    // Plain text keeps the words as written.
    expect(noticeText(content, 'acme', '2026-11-23')!.split('\n')[0]).toBe('Subject: Added subprocessor: Acme *Cloud* <!-- [x](https://evil.example), effective December 21, 2026');
  });
});
