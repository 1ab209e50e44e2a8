import type { Site } from './schema';

/** An absolute URL on the public site, keeping any path in `site.url` (e.g. https://example.com/legal). */
export function absoluteUrl(site: Pick<Site, 'url'>, path: string): string {
  return new URL(path.replace(/^\//, ''), site.url.endsWith('/') ? site.url : `${site.url}/`).toString();
}

export function entryPath(slug: string): string {
  return `/subprocessors/${slug}`;
}
