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

  it('an urgent change keeps the usual time to object, past its effective date, and says what a late objection means', () => {
    const urgent = edit(ENTRY, '    effective: 2025-01-01\n', '    effective: 2025-01-01\n  - change: updated\n    announced: 2026-11-23\n    effective: 2026-11-24\n    urgent: true\n    reason: Replaces a compromised provider\n    previous: { purpose: Before. }\n');
    const content = checkContent(writeContent({ 'subprocessors/acme.md': urgent }), { today: '2026-11-23' }).content!;
    const text = noticeText(content, 'acme', '2026-11-23')!;
    expect(text).toContain(
      'This is an urgent change made without the usual 30-day notice: Replaces a compromised provider. The change takes effect before this deadline: an objection after it has taken effect asks to end the engagement of this subprocessor.',
    );
    expect(text).toContain('Object by 23:59 UTC on December 23, 2026 — 30 days left.');
  });
});
