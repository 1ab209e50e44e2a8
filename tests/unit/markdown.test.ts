import { describe, expect, it } from 'vitest';
import { checkMarkdown, markdown, renderMarkdown } from '@/lib/content/markdown';

const values = { 'company.name': 'Acme *Bold* [x](https://evil.example) <b>', 'contact.privacy': 'privacy@acme.example' };

describe('Markdown from the content folder', () => {
  it('fills placeholders as text: a company name is never read as Markdown or HTML', () => {
    const { html, unknown } = markdown('{{company.name}} lists its subprocessors. Write to {{contact.privacy}}.', { values });
    expect(html).toBe('<p>Acme *Bold* [x](https://evil.example) &#x3C;b> lists its subprocessors. Write to <a href="mailto:privacy@acme.example">privacy@acme.example</a>.</p>');
    expect(unknown).toEqual([]);
  });

  it('fills placeholders in link addresses and reports unknown ones with their line', () => {
    const { html, unknown } = markdown('Intro.\n\n[Write to us](mailto:{{contact.privacy}}?subject=DPA%20Request) or {{company}}.', { values });
    expect(html).toBe('<p>Intro.</p>\n<p><a href="mailto:privacy@acme.example?subject=DPA%20Request">Write to us</a> or {{company}}.</p>');
    expect(unknown).toEqual([{ name: 'company', line: 3 }]);
  });

  it('links footnotes to their notes, with ids of their own in each document', () => {
    const html = (prefix: string) => renderMarkdown('Text[^1].\n\n[^1]: The note.', prefix);
    const first = html('user-content-a-');
    const hrefs = [...first.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]);
    const ids = [...first.matchAll(/id="([^"]+)"/g)].map((match) => match[1]);
    expect(hrefs).toEqual(['user-content-a-fn-1', 'user-content-a-fnref-1']);
    for (const href of hrefs) expect(ids).toContain(href);
    expect(first).toContain('aria-describedby="user-content-a-footnote-label"');
    expect(html('user-content-b-')).toContain('id="user-content-b-fn-1"');
  });

  it('leaves out images from other sites and reports them', () => {
    const { html, issues } = markdown('One.\n\n![pixel](https://tracker.example/p.gif) ![local](/diagram.png)');
    expect(html).toBe('<p>One.</p>\n<p>pixel <img src="/diagram.png" alt="local"></p>');
    expect(issues.map(({ line, field }) => `${line}: ${field}`)).toEqual(['3: image']);
    expect(checkMarkdown('![a](//tracker.example/a.gif)\n\n![b][ref]\n\n[ref]: HTTP://tracker.example/b.gif')).toHaveLength(2);
  });

  it('lets a mailto link pre-fill the subject, and nothing else', () => {
    const { html, issues } = markdown('[us](mailto:privacy@acme.example?subject=Objection&bcc=spy@evil.example&body=I%20agree)');
    expect(html).toBe('<p><a href="mailto:privacy@acme.example?subject=Objection">us</a></p>');
    expect(issues).toEqual([{ line: 1, field: 'link', message: 'the e-mail link sets `bcc`, which a reader does not see before sending', hint: 'A mailto link may only pre-fill the subject (`?subject=…`); remove the other parts.' }]);
    expect(checkMarkdown('[us](MAILTO:a@b.example?CC=c@d.example)')).toHaveLength(1);
    expect(checkMarkdown('[us](mailto:a@b.example?subject=Hello)')).toEqual([]);
    // Spelt with character references, it is still an e-mail link.
    expect(checkMarkdown('[us](&#109;ailto&#58;a@b.example?bcc=c@d.example)')).toHaveLength(1);
  });
});
