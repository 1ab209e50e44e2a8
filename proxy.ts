import { NextResponse, type NextRequest } from 'next/server';
import { loadContent } from '@/lib/content';
import { resolveToday } from '@/lib/today';
import { aliasTarget } from '@/lib/view';

/**
 * The one place that reads the clock. Every public URL is served from a page keyed by
 * today's date (`/2026-11-23/subprocessors/...`), so a scheduled change shows from the first
 * request of its effective day, each day's pages are rendered once and cached, and every
 * server instance agrees. The dated paths themselves are not public.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const url = request.nextUrl.clone();
  if (/^\/\d{4}-\d{2}-\d{2}(\/|$)/.test(pathname)) {
    url.pathname = '/not-found';
    return NextResponse.rewrite(url, { status: 404 });
  }
  const content = loadContent();
  const today = resolveToday(content.site);
  const slug = /^\/subprocessors\/([^/]+)$/.exec(pathname)?.[1];
  const target = slug && aliasTarget(content, slug, today);
  if (target) {
    url.pathname = `/subprocessors/${target}`;
    return NextResponse.redirect(url, 308);
  }
  // A route folder named sitemap.xml would be taken for Next.js's own sitemap convention.
  url.pathname = `/${today}${pathname === '/sitemap.xml' ? '/site-map.xml' : pathname}`;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ['/subprocessors', '/subprocessors/:path*', '/subprocessors.json', '/subprocessors.csv', '/sitemap.xml', '/:date(\\d{4}-\\d{2}-\\d{2})/:path*'],
};
