import { describe, expect, it } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { dayMessage, daySubject } from '@/lib/notify/messages';
import { changeNotice, type ChangeNotice } from '@/lib/publish/notice';

const content = checkContent('examples/two-cloud').content!;
const notice = (slug: string, effective: string) => {
  const file = content.subprocessors.find((entry) => entry.slug === slug)!;
  return changeNotice(content, file, file.history.find((event) => event.effective === effective)!);
};
const zendesk = notice('zendesk', '2027-01-04');
const view = (notices: ChangeNotice[]) => ({ site: content.site, day: '2026-11-02', notices, versionUrl: 'https://example.com/v', changesUrl: 'https://example.com/c', unsubscribeUrl: 'https://example.com/u?token=t' });

describe('the e-mail of an announcement day', () => {
  it('has a subject that names each vendor and the earliest objection deadline', () => {
    const adding = { ...zendesk, headline: 'adding Intercom', objection: { ...zendesk.objection!, deadline: '2026-12-20' } };
    expect(daySubject(content.site, undefined, [adding, zendesk])).toBe('Lantern: adding Intercom; Zendesk adds European Union \u2014 object by December 20, 2026');
    expect(dayMessage(view([zendesk])).subject).toBe('Lantern: Zendesk adds European Union \u2014 object by January 3, 2027');
  });

  it('keeps the subject to one line of at most 150 characters, counting the changes left out', () => {
    const many = Array.from({ length: 12 }, (_, index) => ({ ...zendesk, headline: `adding Vendor number ${index}\r\nBcc: x@example.com` }));
    const subject = daySubject(content.site, 'EU Cloud', many);
    expect(subject.length).toBeLessThanOrEqual(150);
    expect(subject).not.toMatch(/[\r\n]/);
    expect(subject).toMatch(/^Lantern \(EU Cloud\): adding Vendor number 0 Bcc: x@example\.com; .* and \d+ more \u2014 object by January 3, 2027$/);
  });

  it('puts each change’s deadline right under its heading, and links to the page that changes the lists', () => {
    const { text, html } = dayMessage(view([zendesk]));
    const lines = text.split('\n');
    const heading = lines.indexOf(zendesk.subject);
    // Without a personal link (a test view has none), the form's public address; the objections address stays visible.
    expect(lines[heading + 1]).toBe('Object by 23:59 UTC on January 3, 2027 with this form: https://lantern-analytics.example/subprocessors/object?change=zendesk-updated-2027-01-04');
    expect(lines[heading + 2]).toBe('Questions about objecting: dpo@lantern-analytics.example.');
    expect(text).toContain('Change which lists you receive, or unsubscribe (one click, no login): https://example.com/u?token=t');
    expect(html).toContain('<a href="https://example.com/u?token=t">Change which lists you receive, or unsubscribe</a>');
  });
});
