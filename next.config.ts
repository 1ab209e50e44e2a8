import fs from 'node:fs';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import { contentDir, loadContent } from './lib/content/load';
import { ContentError } from './lib/content/problems';
import { SLUG } from './lib/content/schema';
import { formatGrouped } from './lib/content/report';
import { securityHeaders } from './lib/security-headers';
import { basePathOf } from './lib/publish/urls';
import { parse } from 'yaml';

/** site.yaml as written, for what the routes need before the content is validated (the build validates it below). */
function siteYaml(): { url?: unknown; scopes?: unknown } {
  try {
    return (parse(fs.readFileSync(path.join(contentDir(), 'site.yaml'), 'utf8')) as object | null) ?? {};
  } catch {
    return {}; // Invalid content: the build reports it below; the development server shows it on the page.
  }
}

/** The site's base path comes from `url` in site.yaml: https://example.com/legal serves the list at /legal/subprocessors. */
function basePath({ url }: ReturnType<typeof siteYaml>): string {
  try {
    return typeof url === 'string' ? basePathOf(url) : '';
  } catch {
    return '';
  }
}

/** The ids of site.yaml's scopes that can be in an address (validation refuses the rest). */
function scopeIds({ scopes }: ReturnType<typeof siteYaml>): string[] {
  return Array.isArray(scopes) ? scopes.flatMap((scope: { id?: unknown }) => (typeof scope?.id === 'string' && SLUG.test(scope.id) ? [scope.id] : [])) : [];
}

export default function config(phase: string): NextConfig {
  if (phase === PHASE_PRODUCTION_BUILD) {
    // Fail before building anything, with the same report as `npm run validate`.
    try {
      loadContent();
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      console.error(`\n${formatGrouped(error.problems, 'The content is invalid, so nothing was built')}\n`);
      process.exit(1);
    }
  }
  const site = siteYaml();
  const base = basePath(site);
  const content = path.relative(process.cwd(), contentDir());
  return {
    basePath: base,
    // SUBPROCESSORS_BUILT_AT: part of every ETag and Last-Modified (lib/publish/conditional.ts), so that a
    // new build, which may render the same content differently, is never answered with a 304.
    env: { NEXT_PUBLIC_BASE_PATH: base, SUBPROCESSORS_BUILT_AT: phase === PHASE_PRODUCTION_BUILD ? String(Math.floor(Date.now() / 1000)) : (process.env.SUBPROCESSORS_BUILT_AT ?? '0') },
    // NEXT_OUTPUT=standalone (the Dockerfile sets it) adds a self-contained server for
    // containers, .next/standalone/server.js. Not by default: `next start` warns about it.
    output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
    // Pages read the content folder at run time: ship it with every server function (Vercel,
    // standalone). Only a folder inside the project can be traced.
    outputFileTracingIncludes: content.startsWith('..') || path.isAbsolute(content) ? undefined : { '/**': [`${content || '.'}/**/*`] },
    // A second build (e.g. of an example content folder) can live beside the first.
    distDir: process.env.NEXT_DIST_DIR || '.next',
    poweredByHeader: false,
    // Nothing uses next/image: no image optimiser, so no endpoint that resizes and stores on request.
    images: { unoptimized: true },
    // Next.js hashes every page's whole HTML on every request to make its ETag: about 10 ms
    // for a list of 1,000 entries, most of the cost of serving it. Pages are cached by
    // Cache-Control instead (below), so a CDN or browser needs no ETag to reuse them.
    generateEtags: false,
    // Pages are fresh for their revalidation period (five minutes), then served stale for at
    // most another five while the next version renders; an older page is never served: the
    // request waits for a new one. Cache-Control tells CDNs the same.
    expireTime: 600,
    // Redirects and rewrites match letter case exactly, like the pages: otherwise `/EU/subprocessors`
    // passes the rewrite below as a known scope, and each spelling's 404 is rendered and cached.
    experimental: { caseSensitiveRoutes: true },
    async redirects() {
      // Former slugs (`aliases`) redirect in the entry route, at request time: they must start on the entry's announcement day.
      return [{ source: '/', destination: '/subprocessors', permanent: false }];
    },
    async rewrites() {
      // The subscription addresses show a page on GET and take a form on POST; a folder cannot
      // hold both a page and a route handler, so form posts (by their content type, which a GET
      // never has) go to the handlers. RFC 8058 one-click unsubscribes post either form type.
      const form = [{ type: 'header' as const, key: 'content-type', value: '(application/x-www-form-urlencoded|multipart/form-data).*' }];
      // `/<scope>/subprocessors…` for a scope site.yaml does not name: the 404 page, before the
      // scope routes render (and cache) anything. After files, so /schemas/… stays a file.
      const known = ['subprocessors', ...scopeIds(site)].join('|');
      const unknown = `:scope((?!(?:${known})/)[^/]+)`;
      return {
        // The proxy sees `/subprocessors/<x>.rsc` without its suffix, while the page is rendered
        // with it: send such addresses to the 404 page here, as they are, so none is cached.
        beforeFiles: [
          { source: '/subprocessors/:slug([^/]+\\.rsc)', destination: '/not-found' },
          { source: '/subprocessors/history/:date([^/]+\\.rsc)', destination: '/not-found' },
          { source: '/:scope/subprocessors/:slug([^/]+\\.rsc)', destination: '/not-found' },
          { source: '/:scope/subprocessors/history/:date([^/]+\\.rsc)', destination: '/not-found' },
          { source: '/subprocessors/subscribe', has: form, destination: '/api/subscribe' },
          { source: '/subprocessors/subscribe/confirm', has: form, destination: '/api/subscribe/confirm' },
          { source: '/subprocessors/unsubscribe', has: form, destination: '/api/unsubscribe' },
          { source: '/subprocessors/object', has: form, destination: '/api/object' },
          { source: '/subprocessors/object/confirm', has: form, destination: '/api/object/confirm' },
          // The desk's forms, the same way: its addresses stay under /desk, where its cookie is sent.
          { source: '/desk', has: form, destination: '/api/desk/request' },
          { source: '/desk/sign-in', has: form, destination: '/api/desk/sign-in' },
          { source: '/desk/subscribers/erase', has: form, destination: '/api/desk/erase' },
          // An objection's page takes its resolve form; /desk/objections/evidence is a handler of its own.
          { source: '/desk/objections/:reference((?!evidence)[^/]+)', has: form, destination: '/api/desk/objections/:reference' },
        ],
        // A route folder named sitemap.xml would be taken for Next.js's own sitemap convention.
        afterFiles: [
          { source: '/sitemap.xml', destination: '/site-map.xml' },
          { source: `/${unknown}/:file(subprocessors|subprocessors\\.json|subprocessors-history\\.json|subprocessors\\.v1\\.json|subprocessors\\.csv)`, destination: '/not-found' },
          { source: `/${unknown}/subprocessors/:path*`, destination: '/not-found' },
        ],
        fallback: [],
      };
    },
    async headers() {
      // The development server needs eval for fast refresh; production never does.
      if (phase === PHASE_DEVELOPMENT_SERVER) return [];
      return [
        // Only the site itself may frame the pages; proxy.ts lets the sites in SUBPROCESSORS_FRAME_ANCESTORS,
        // read when the server runs, frame the embed page. Nothing here may depend on the build's environment.
        { source: '/:path*', headers: securityHeaders() },
        // Public data: any site may read the JSON export, e.g. to show the list in its privacy policy; each scope's too.
        { source: '/subprocessors.json', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] },
        { source: '/:scope/subprocessors.json', headers: [{ key: 'Access-Control-Allow-Origin', value: '*' }] },
        // The team's desk: never stored by a cache or a browser, never indexed; its form handlers too, also at their own addresses.
        ...['/desk', '/desk/:path*', '/api/desk/:path*'].map((source) => ({ source, headers: [{ key: 'Cache-Control', value: 'no-store' }, { key: 'X-Robots-Tag', value: 'noindex, nofollow' }] })),
      ];
    },
  };
}
