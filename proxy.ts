import { NextResponse, type NextRequest } from 'next/server';
import { isPublicAddress } from '@/lib/addresses';
import { loadContent } from '@/lib/content';
import { resolveToday } from '@/lib/today';

/**
 * Unknown entries and past versions outside [published, today] answer 404 here, before Next.js
 * renders them: a 404 rendered by a page with revalidation is written to the page cache under
 * its own path and never evicted, so any number of made-up addresses would fill the disk. Only
 * the addresses of the dynamic routes pass through here (see `matcher`); the list, the exports
 * and the other pages never run this code.
 */
export function proxy(request: NextRequest) {
  const content = loadContent();
  if (isPublicAddress(content, request.nextUrl.pathname, resolveToday(content.site))) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = '/not-found';
  url.search = '';
  return NextResponse.rewrite(url, { status: 404 });
}

export const config = {
  // Everything below /subprocessors/ except the fixed pages beside the entries (keep this list
  // in step with the folders in app/: tests/unit/addresses.test.ts checks it).
  matcher: ['/subprocessors/((?!(?:annex|by-data|changes|changes\\.ics|embed|feed\\.xml|search|subscribe|subscribe/confirm|unsubscribe)$).+)'],
};
