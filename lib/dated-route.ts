import { cache } from 'react';
import { notFound } from 'next/navigation';
import { validatorFor } from './publish/conditional';
import { loadContent } from './content/load';
import type { IsoDate } from './content/dates';
import { setPageScope } from './publish/page-scope';
import type { Content } from './content/schema';
import { scopedContent } from './timeline/scopes';
import { resolveToday } from './content/today';

/**
 * The date a page is rendered for: the one place that reads the clock. Pages are rendered
 * when first requested and then served from the cache, re-rendered after `revalidate`
 * seconds, and never served older than `expireTime` (next.config.ts). Memoised per render,
 * so a page and its metadata agree even across midnight.
 */
export const renderDate = cache((): IsoDate => resolveToday(loadContent().site));

/** A route's parameters: `scope` on the pages and exports of one scope's list (`/<scope>/subprocessors…`). */
export type ScopeParams = Promise<{ scope?: string }>;

/**
 * The content a page or export shows: the list of the scope in its address, or the full list.
 * On a page, every link below it then stays in that scope. An unknown scope never gets here
 * (next.config.ts sends its addresses to the 404 page before rendering), except after the
 * content changed under a running server.
 */
export async function pageContent(params: ScopeParams | undefined): Promise<Content> {
  const scope = params && (await params).scope;
  const content = loadContent();
  if (scope === undefined) return content;
  const scoped = scopedContent(content, scope);
  if (!scoped) notFound();
  setPageScope(scope);
  return scoped;
}

/**
 * A response serving `render(content, date)` as of today, with its validators. Cached with the
 * body, they cost nothing per request; proxy.ts answers a conditional request that matches
 * them with a 304 before the cache is read.
 */
export function datedResponse(content: Content, contentType: string, render: (content: Content, date: IsoDate) => string, download?: (date: IsoDate, content: Content) => string): Response {
  const today = renderDate();
  const { etag, lastModified } = validatorFor(content, today);
  const headers: Record<string, string> = { 'Content-Type': contentType, ETag: etag, 'Last-Modified': lastModified };
  if (download) headers['Content-Disposition'] = `attachment; filename="${download(today, content)}"`;
  return new Response(render(content, today), { headers });
}

/** A route handler serving `render(content, date)` as of today, for the full list or the scope in its address. */
export function datedRoute(contentType: string, render: (content: Content, date: IsoDate) => string, download?: (date: IsoDate, content: Content) => string) {
  return async function GET(_?: Request, context?: { params: ScopeParams }): Promise<Response> {
    return datedResponse(await pageContent(context?.params), contentType, render, download);
  };
}
