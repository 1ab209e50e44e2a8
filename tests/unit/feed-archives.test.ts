import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPublicAddress } from '@/lib/publish/addresses';
import { checkContent } from '@/lib/content/check';
import { atomFeed, feedArchivePages, historyJson } from '@/lib/publish/exports';
import { generateContent } from '@/scripts/bench/generate';

// 40 generated subprocessors with 3–5 changes each: 125 announced by 2025-03-01, all 153 by 2026.
const dir = generateContent(fs.mkdtempSync(path.join(os.tmpdir(), 'feed-')), 40);
const content = checkContent(dir).content!;
const TODAY = '2025-03-01';
const LATER = '2026-11-23';
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Link = { '@_rel': string; '@_href': string };
type Feed = { id: string; 'fh:archive'?: string; link: Link[]; entry: { id: string }[] };

/** What a feed reader does (RFC 5005 §4): read the feed, then follow prev-archive until there is none. */
function walk(date: string) {
  const read = (xml: string): Feed => {
    expect(XMLValidator.validate(xml)).toBe(true);
    return new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(xml).feed;
  };
  const documents = [read(atomFeed(content, date))];
  for (let prev = documents[0].link.find((link) => link['@_rel'] === 'prev-archive'); prev; prev = documents.at(-1)!.link.find((link) => link['@_rel'] === 'prev-archive')) {
    const page = Number(/\/subprocessors\/feed\/(\d+)\.xml$/.exec(prev['@_href'])![1]);
    documents.push(read(atomFeed(content, date, page)));
  }
  return documents;
}

describe('the feed and its archive pages (RFC 5005)', () => {
  it('the feed has the newest 50 changes and points to the archives, which hold the rest', () => {
    const [head, ...archives] = walk(TODAY);
    expect(head.entry).toHaveLength(50);
    expect(head['fh:archive']).toBeUndefined();
    expect(archives.map((feed) => feed.id)).toEqual(['https://bench.example/subprocessors/feed/2.xml', 'https://bench.example/subprocessors/feed/1.xml']);
    for (const archive of archives) {
      expect(archive['fh:archive']).toBe('');
      expect(archive.entry).toHaveLength(50);
      expect(archive.link.find((link) => link['@_rel'] === 'current')!['@_href']).toBe('https://bench.example/subprocessors/feed.xml');
    }
    // Every announced change is in the feed or an archive page; nothing else is.
    const ids = new Set([head, ...archives].flatMap((feed) => feed.entry.map((entry) => entry.id)));
    expect([...ids].sort()).toEqual(historyJson(content, TODAY).events.map((event) => `https://bench.example/subprocessors/changes#${event.id}`).sort());
    expect(ids.size).toBe(125);
  });

  it('a full archive page never changes: the same bytes a year and a half later, with another page', () => {
    expect(feedArchivePages(content, TODAY)).toBe(2);
    expect(feedArchivePages(content, LATER)).toBe(3);
    expect(atomFeed(content, LATER, 1)).toBe(atomFeed(content, TODAY, 1));
    expect(atomFeed(content, LATER, 2)).toBe(atomFeed(content, TODAY, 2));
    expect(new Set(walk(LATER).flatMap((feed) => feed.entry.map((entry) => entry.id))).size).toBe(153);
  });

  it('pages not full yet do not exist, and the proxy answers them with a 404 before rendering', () => {
    expect(() => atomFeed(content, TODAY, 3)).toThrow(RangeError);
    expect(() => atomFeed(content, TODAY, 0)).toThrow(RangeError);
    expect(isPublicAddress(content, '/subprocessors/feed/1.xml', TODAY)).toBe(true);
    expect(isPublicAddress(content, '/subprocessors/feed/2.xml', TODAY)).toBe(true);
    for (const pathname of ['/subprocessors/feed/3.xml', '/subprocessors/feed/0.xml', '/subprocessors/feed/01.xml', '/subprocessors/feed/1', '/subprocessors/feed/1.xml/x', '/subprocessors/feed/9999999999.xml']) {
      expect(isPublicAddress(content, pathname, TODAY), pathname).toBe(false);
    }
    expect(isPublicAddress(content, '/subprocessors/feed/3.xml', LATER)).toBe(true);
  });

  it('a small list has no archive pages', () => {
    const sample = checkContent('content').content!;
    expect(feedArchivePages(sample, LATER)).toBe(0);
    expect(atomFeed(sample, LATER)).not.toContain('prev-archive');
    expect(isPublicAddress(sample, '/subprocessors/feed/1.xml', LATER)).toBe(false);
  });
});
