import { isIsoDate, type IsoDate } from '../content/dates';
import { feedArchivePages } from './exports';
import type { Content } from '../content/schema';
import { isVisible } from '../timeline/timeline';

/**
 * Whether a path under /subprocessors/ (its base path removed) leads to a page on `date`: an
 * entry that has been announced, a former slug (`aliases`) of one, a past version in
 * [published, date] or a full archive page of the feed. The same rules as the pages' own 404s
 * (`entryView`, `versionView`, the archive route), so proxy.ts can answer every other address with a 404 before Next.js renders it: a rendered
 * 404 would be stored in the page cache under its own path and never removed.
 */
export function isPublicAddress(content: Content, pathname: string, date: IsoDate): boolean {
  const segments = pathname.split('/');
  if (segments[0] !== '' || segments[1] !== 'subprocessors') return false;
  const [, , first, second, ...rest] = segments.map(decode);
  if (first === undefined || rest.length > 0) return false;
  if (first === 'history') return second !== undefined && isIsoDate(second) && second >= content.site.published && second <= date;
  if (first === 'feed') return /^[1-9][0-9]{0,8}\.xml$/.test(second ?? '') && Number.parseInt(second!, 10) <= archivePages(content, date);
  return second === undefined && publicSlugs(content, date).has(first);
}

/** The entry a former slug (`/subprocessors/<alias>`) leads to on `date`, if the path is one. */
export function formerSlugTarget(content: Content, pathname: string, date: IsoDate): string | undefined {
  const [, root, name, ...rest] = pathname.split('/').map(decode);
  if (root !== 'subprocessors' || name === undefined || rest.length > 0) return undefined;
  const target = publicSlugs(content, date).get(name);
  return target === name ? undefined : target;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined; // A malformed escape (`%zz`) names no page.
  }
}

/** The slugs and former slugs of the entries announced by `date`, each with its entry's slug; kept per list (full or scope) for the last date asked. */
const slugs = new WeakMap<Content, { date: IsoDate; map: Map<string, string> }>();

function publicSlugs(content: Content, date: IsoDate): Map<string, string> {
  let known = slugs.get(content);
  if (known?.date !== date) {
    const visible = content.subprocessors.filter((entry) => isVisible(entry, date));
    known = { date, map: new Map(visible.flatMap((entry) => [entry.slug, ...(entry.aliases ?? [])].map((name) => [name, entry.slug] as const))) };
    slugs.set(content, known);
  }
  return known.map;
}

/** Full archive pages of the feed, kept per list for the last date asked: counting them sorts every event. */
const archives = new WeakMap<Content, { date: IsoDate; pages: number }>();

function archivePages(content: Content, date: IsoDate): number {
  let known = archives.get(content);
  if (known?.date !== date) archives.set(content, (known = { date, pages: feedArchivePages(content, date) }));
  return known.pages;
}
