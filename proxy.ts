import { NextResponse, type NextRequest } from 'next/server';
import { isPublicAddress } from '@/lib/addresses';
import { loadContent } from '@/lib/content';
import { resolveToday } from '@/lib/today';
import { entryPath } from '@/lib/urls';
import { aliasTarget } from '@/lib/view';

/**
 * Unknown entries and past versions outside [published, today] answer 404 here, before Next.js
 * renders them: a 404 rendered by a page with revalidation is written to the page cache under
 * its own path and never evicted, so any number of made-up addresses would fill the disk. Only
 * the addresses of the dynamic routes pass through here (see `matcher`); the list, the exports
 * and the other pages never run this code.
 *
 * A former slug (`aliases`) redirects permanently to its entry from the entry's announcement
 * day, decided here per request so no new build is needed (a redirect from inside a cached page
 * was sent with `Location` twice on a cache miss).
 */
export function proxy(request: NextRequest) {
  const content = loadContent();
  const today = resolveToday(content.site);
  const [, , name, rest] = request.nextUrl.pathname.split('/');
  const target = name && rest === undefined ? aliasTarget(content, decode(name), today) : undefined;
  if (target) {
    const url = request.nextUrl.clone(); // keeps the base path
    url.pathname = entryPath(target);
    url.search = '';
    return NextResponse.redirect(url, 308);
  }
  if (isPublicAddress(content, request.nextUrl.pathname, today)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/not-found';
  url.search = '';
  return NextResponse.rewrite(url, { status: 404 });
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // A malformed escape (`%zz`) names no entry.
  }
}

export const config = {
  // Everything below /subprocessors/ except the fixed pages beside the entries (keep this list
  // in step with the folders in app/: tests/unit/addresses.test.ts checks it).
  matcher: ['/subprocessors/((?!(?:annex|annex\.css|by-data|changes|changes\.ics|embed|feed\.xml|search|subscribe|subscribe/confirm|unsubscribe)$).+)'],
};
