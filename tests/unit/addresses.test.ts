import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formerSlugTarget, isPublicAddress } from '@/lib/publish/addresses';
import { loadContent } from '@/lib/content/load';
import { EXPORTS } from '@/lib/publish/conditional';
import { scopedContent } from '@/lib/timeline/scopes';
import { config } from '@/proxy';

// The sample content: published 2025-03-03; Stripe announced 2026-11-16; OpenAI's former slug llm-provider.
const content = loadContent('content');
const served = (pathname: string, date = '2026-11-23') => isPublicAddress(content, pathname, date);

describe('addresses the proxy lets through to the dynamic routes', () => {
  it('an announced entry and its former slug, also percent-encoded', () => {
    expect(served('/subprocessors/cloudflare')).toBe(true);
    expect(served('/subprocessors/cloud%66lare')).toBe(true);
    expect(served('/subprocessors/llm-provider')).toBe(true);
  });

  it('a former slug leads to its entry; an entry’s own slug and unknown slugs lead nowhere', () => {
    expect(formerSlugTarget(content, '/subprocessors/llm-provider', '2026-11-23')).toBe('openai');
    expect(formerSlugTarget(content, '/subprocessors/llm%2Dprovider', '2026-11-23')).toBe('openai');
    expect(formerSlugTarget(content, '/subprocessors/openai', '2026-11-23')).toBeUndefined();
    expect(formerSlugTarget(content, '/subprocessors/llm-provider/x', '2026-11-23')).toBeUndefined();
    expect(formerSlugTarget(content, '/subprocessors/nope', '2026-11-23')).toBeUndefined();
  });

  it('an entry only from its announcement day: before, it is as unknown as any made-up slug', () => {
    expect(served('/subprocessors/stripe', '2026-11-15')).toBe(false);
    expect(served('/subprocessors/stripe', '2026-11-16')).toBe(true);
  });

  it.each(['/subprocessors/unknown', '/subprocessors/Cloudflare', '/subprocessors/cloudflare/notes', '/subprocessors/%zz', '/subprocessors/history', '/subprocessors/', '/elsewhere/cloudflare'])('not %s', (pathname) => {
    expect(served(pathname)).toBe(false);
  });

  it('past versions from the publication date to today, nothing else', () => {
    expect(served('/subprocessors/history/2025-03-03')).toBe(true);
    expect(served('/subprocessors/history/2026-11-23')).toBe(true);
    expect(served('/subprocessors/history/2026-0%31-01')).toBe(true);
    for (const date of ['2025-03-02', '2026-11-24', '2026-02-30', '+002026-01-01', '2026-1-01', '2026-01-01x', 'yesterday', '2026-01-01/x']) {
      expect(served(`/subprocessors/history/${date}`), date).toBe(false);
    }
  });

  it('the proxy skips exactly the fixed pages beside the entries', () => {
    const folders = ['app/(site)/subprocessors', 'app/(bare)/subprocessors'].flatMap((dir) => fs.readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name));
    // history/ and feed/ hold only dynamic addresses (past versions, feed archive pages).
    const fixed = folders.filter((name) => !name.startsWith('[') && name !== 'history' && name !== 'feed').sort();
    const matcher = new RegExp(`^${config.matcher[0] as string}$`);
    for (const name of fixed) expect(matcher.test(`/subprocessors/${name}`), name).toBe(false);
    for (const pathname of ['/subprocessors/x', '/subprocessors/history/2026-01-01', '/subprocessors/feed/1.xml', '/subprocessors/annex/x', '/subprocessors/feed.xml.rsc', '/subprocessors/history']) {
      expect(matcher.test(pathname), pathname).toBe(true);
    }
    expect(matcher.test('/subprocessors')).toBe(false);
    expect(fixed).toEqual(['annex', 'annex.css', 'by-data', 'changes', 'changes-all.ics', 'changes.ics', 'embed', 'feed.xml', 'object', 'search', 'subscribe', 'unsubscribe']);
    expect(matcher.test('/subprocessors/subscribe/confirm')).toBe(false);
    for (const page of ['confirm', 'sent', 'receipt']) expect(matcher.test(`/subprocessors/object/${page}`), page).toBe(false);
    expect(matcher.test('/subprocessors/feed')).toBe(false);

    // The same in a scope's list, which has no subscription or objection pages (one address serves every list).
    const scoped = new RegExp(`^${(config.matcher[1] as string).replace(':scope', '[^/]+')}$`);
    for (const name of fixed.filter((page) => !['subscribe', 'unsubscribe', 'object'].includes(page))) expect(scoped.test(`/eu/subprocessors/${name}`), name).toBe(false);
    for (const pathname of ['/eu/subprocessors/x', '/eu/subprocessors/history/2026-01-01', '/eu/subprocessors/feed/1.xml', '/eu/subprocessors/subscribe', '/eu/subprocessors/object']) expect(scoped.test(pathname), pathname).toBe(true);
    expect(scoped.test('/eu/subprocessors')).toBe(false);
  });

  it('conditional requests run the proxy for exactly the exports, whichever validator they send, in the full list and in each scope', () => {
    const conditional = config.matcher.filter((matcher) => typeof matcher !== 'string') as { source: string; has: { key: string }[] }[];
    expect(conditional.map((matcher) => matcher.has.map((header) => header.key))).toEqual([['if-none-match'], ['if-modified-since'], ['if-none-match'], ['if-modified-since']]);
    for (const [index, { source }] of conditional.entries()) {
      const matcher = new RegExp(`^${source.replace(':scope', '[^/]+')}$`);
      const scope = index < 2 ? '' : '/eu';
      for (const pathname of EXPORTS.filter((path) => !scope || path !== '/sitemap.xml')) expect(matcher.test(scope + pathname), scope + pathname).toBe(true);
      for (const pathname of ['/subprocessors', '/subprocessors/changes', '/subprocessors/openai', '/subprocessorsxjson']) expect(matcher.test(scope + pathname), scope + pathname).toBe(false);
    }
  });

  it('a scope’s addresses follow the scope’s own list', () => {
    const sc = loadContent('examples/two-cloud');
    const eu = scopedContent(sc, 'eu')!;
    expect(isPublicAddress(eu, '/subprocessors/mailjet', '2026-11-23')).toBe(true);
    // Postmark left the EU Cloud: its page there says so. Anthropic is announced for the US Cloud only.
    expect(isPublicAddress(eu, '/subprocessors/postmark', '2026-11-23')).toBe(true);
    expect(isPublicAddress(eu, '/subprocessors/anthropic', '2026-11-23')).toBe(false);
    expect(isPublicAddress(scopedContent(sc, 'us')!, '/subprocessors/anthropic', '2026-11-23')).toBe(true);
    expect(isPublicAddress(eu, '/subprocessors/history/2025-02-03', '2026-11-23')).toBe(true);
  });
});
