import { cache } from 'react';
import { validatorFor } from './conditional';
import { loadContent } from './content';
import type { IsoDate } from './dates';
import type { Content } from './schema';
import { resolveToday } from './today';

/**
 * The date a page is rendered for: the one place that reads the clock. Pages are rendered
 * when first requested and then served from the cache, re-rendered after `revalidate`
 * seconds, and never served older than `expireTime` (next.config.ts). Memoised per render,
 * so a page and its metadata agree even across midnight.
 */
export const renderDate = cache((): IsoDate => resolveToday(loadContent().site));

/**
 * A response serving `render(content, date)` as of today, with its validators. Cached with the
 * body, they cost nothing per request; proxy.ts answers a conditional request that matches
 * them with a 304 before the cache is read.
 */
export function datedResponse(contentType: string, render: (content: Content, date: IsoDate) => string, download?: (date: IsoDate) => string): Response {
  const today = renderDate();
  const content = loadContent();
  const { etag, lastModified } = validatorFor(content, today);
  const headers: Record<string, string> = { 'Content-Type': contentType, ETag: etag, 'Last-Modified': lastModified };
  if (download) headers['Content-Disposition'] = `attachment; filename="${download(today)}"`;
  return new Response(render(content, today), { headers });
}

/** A route handler serving `render(content, date)` as of today. */
export function datedRoute(contentType: string, render: (content: Content, date: IsoDate) => string, download?: (date: IsoDate) => string) {
  return function GET(): Response {
    return datedResponse(contentType, render, download);
  };
}
