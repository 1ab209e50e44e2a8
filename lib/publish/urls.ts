import { pageScope } from './page-scope';
import type { Content, Site } from '../content/schema';

/**
 * The path the site is served under, e.g. `/legal` when `url` in site.yaml is
 * https://example.com/legal. next.config sets it at build time; links are plain <a>
 * elements (no client router to ship), so they add it themselves through `href`.
 */
export const BASE_PATH = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** Built by `npm run export` for a static host: nothing can answer a query, so no search or filter forms. */
export const STATIC_EXPORT = process.env.NEXT_PUBLIC_STATIC_EXPORT === '1';

/** A link within the site, for an <a> or a form; on a scope's page (lib/publish/page-scope.ts), the list's pages are that scope's. */
export function href(path: string): string {
  return `${BASE_PATH}${scopePath(path, pageScope())}`;
}

/** The base path a site URL implies: its path without the trailing slash ('' at the root). */
export function basePathOf(url: string): string {
  return new URL(url).pathname.replace(/\/+$/, '');
}

/** An absolute URL on the public site, keeping any path in `site.url` (e.g. https://example.com/legal). */
export function absoluteUrl(site: Pick<Site, 'url'>, path: string): string {
  return new URL(path.replace(/^\//, ''), site.url.endsWith('/') ? site.url : `${site.url}/`).toString();
}

export function entryPath(slug: string): string {
  return `/subprocessors/${slug}`;
}

/**
 * The address of a page in one scope's list, `/eu/subprocessors/…`; unchanged for the full list
 * and for the subscription and objection pages, which serve every scope.
 */
export function scopePath(path: string, scope: string | undefined): string {
  const inList = /^\/subprocessors(?:$|[/.#?-])/.test(path) && !/^\/subprocessors\/(?:subscribe|unsubscribe|object)(?:$|[/?#])/.test(path);
  return scope && inList ? `/${scope}${path}` : path;
}

/** An absolute URL of a page of this content's list: one scope's (lib/timeline/scopes.ts) or the full one. */
export function pageUrl(content: Pick<Content, 'site' | 'scope'>, path: string): string {
  return absoluteUrl(content.site, scopePath(path, content.scope?.id));
}
