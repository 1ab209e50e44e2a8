import { NextResponse, type NextRequest } from 'next/server';
import { formerSlugTarget, isPublicAddress } from '@/lib/publish/addresses';
import { EXPORTS, isNotModified, validatorFor } from '@/lib/publish/conditional';
import { loadContent } from '@/lib/content/load';
import { resolveToday } from '@/lib/content/today';
import { scopedContent } from '@/lib/timeline/scopes';
import { entryPath, scopePath } from '@/lib/publish/urls';
import { contentSecurityPolicy } from '@/lib/security-headers';

/**
 * Four jobs, each only on the addresses that need it (see `matcher`); the list and the other
 * pages never run this code, and the exports only for conditional requests.
 *
 * The embed page, made to be shown in a frame on another site, may be framed by the sites in
 * SUBPROCESSORS_FRAME_ANCESTORS, read here when the server runs (so one build serves every
 * deployment); next.config.ts lets only the site itself frame the other pages.
 *
 * A former slug (`aliases`) redirects permanently to its entry from the entry's announcement
 * day, decided here per request so no new build is needed (a redirect from inside a cached page
 * was sent with `Location` twice on a cache miss).
 *
 * Unknown entries, past versions outside [published, today] and feed archive pages not full
 * yet answer 404 here, before Next.js renders them: a 404 rendered by a route with revalidation
 * is written to the page cache under its own path and never evicted, so any number of made-up
 * addresses would fill the disk.
 *
 * A poll of an export that sends back its `ETag` (or `Last-Modified`) gets a 304 here, without
 * reading the cache: the validators are a function of the build, the content and the date
 * (lib/publish/conditional.ts), and the export's route handler stored the same ones with its body.
 */
export function proxy(request: NextRequest) {
  if (/^(?:\/[^/]+)?\/subprocessors\/embed$/.test(request.nextUrl.pathname)) {
    const response = NextResponse.next();
    response.headers.set('Content-Security-Policy', contentSecurityPolicy(process.env.SUBPROCESSORS_FRAME_ANCESTORS));
    return response;
  }
  const full = loadContent();
  const today = resolveToday(full.site);
  // `/eu/subprocessors/…` is the same address in the list of the scope `eu`.
  const [, first] = request.nextUrl.pathname.split('/', 2);
  const scope = first === 'subprocessors' || first.includes('.') ? undefined : first;
  const pathname = scope === undefined ? request.nextUrl.pathname : request.nextUrl.pathname.slice(scope.length + 1);
  const content = scope === undefined ? full : scopedContent(full, scope);
  if (!content) return notFound(request);
  if (pathname.startsWith('/subprocessors/') && !FIXED.has(pathname)) {
    const target = formerSlugTarget(content, pathname, today);
    if (target) {
      const url = request.nextUrl.clone(); // keeps the base path
      url.pathname = scopePath(entryPath(target), scope);
      url.search = '';
      return NextResponse.redirect(url, 308);
    }
    if (!isPublicAddress(content, pathname, today)) return notFound(request);
  }
  if (!isExport(pathname)) return NextResponse.next();
  const validator = validatorFor(content, today);
  if (!isNotModified(request.method, request.headers, validator)) return NextResponse.next();
  // A 304 carries the headers a 200 would have that describe it (RFC 9110 §15.4.5).
  return new NextResponse(null, { status: 304, headers: { ETag: validator.etag, 'Last-Modified': validator.lastModified, 'Cache-Control': 's-maxage=300, stale-while-revalidate=300' } });
}

/** The static 404 page, without rendering the address (and so without caching it). */
function notFound(request: NextRequest) {
  const url = request.nextUrl.clone();
  url.pathname = '/not-found';
  url.search = '';
  return NextResponse.rewrite(url, { status: 404 });
}

const FIXED = new Set(EXPORTS);
const isExport = (pathname: string) => FIXED.has(pathname) || /^\/subprocessors\/feed\/[^/]+$/.test(pathname);

export const config = {
  matcher: [
    // Everything below /subprocessors/ except the fixed pages beside the entries (keep this list
    // in step with the folders in app/: tests/unit/addresses.test.ts checks it): entries, former
    // slugs, past versions and feed archive pages.
    '/subprocessors/((?!(?:annex|annex\\.css|by-data|changes|changes\\.ics|changes-all\\.ics|embed|feed|feed\\.xml|search|subscribe|subscribe/confirm|unsubscribe|object|object/confirm|object/sent|object/receipt)$).+)',
    // The same in each scope's list (no subscription pages there).
    '/:scope/subprocessors/((?!(?:annex|annex\\.css|by-data|changes|changes\\.ics|changes-all\\.ics|embed|feed|feed\\.xml|search)$).+)',
    // Conditional requests for the exports (EXPORTS; the matcher must be a literal); a
    // request without these headers never runs the proxy.
    { source: '/(subprocessors\\.json|subprocessors-history\\.json|subprocessors\\.v1\\.json|subprocessors\\.csv|subprocessors/feed\\.xml|subprocessors/changes\\.ics|subprocessors/changes-all\\.ics|sitemap\\.xml)', has: [{ type: 'header', key: 'if-none-match' }] },
    { source: '/(subprocessors\\.json|subprocessors-history\\.json|subprocessors\\.v1\\.json|subprocessors\\.csv|subprocessors/feed\\.xml|subprocessors/changes\\.ics|subprocessors/changes-all\\.ics|sitemap\\.xml)', has: [{ type: 'header', key: 'if-modified-since' }] },
    { source: '/:scope/(subprocessors\\.json|subprocessors-history\\.json|subprocessors\\.v1\\.json|subprocessors\\.csv|subprocessors/feed\\.xml|subprocessors/changes\\.ics|subprocessors/changes-all\\.ics)', has: [{ type: 'header', key: 'if-none-match' }] },
    { source: '/:scope/(subprocessors\\.json|subprocessors-history\\.json|subprocessors\\.v1\\.json|subprocessors\\.csv|subprocessors/feed\\.xml|subprocessors/changes\\.ics|subprocessors/changes-all\\.ics)', has: [{ type: 'header', key: 'if-modified-since' }] },
    // The embed page, for the sites that may frame it.
    '/subprocessors/embed',
    '/:scope/subprocessors/embed',
  ],
};
