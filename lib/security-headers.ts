/**
 * Headers a security review expects on every response.
 *
 * Content-Security-Policy: scripts and styles only from this site. Next.js streams each
 * page's data to the browser in small inline <script> tags whose content changes with the
 * page, so they can be allowed only by 'unsafe-inline' or by a per-request nonce — and a
 * nonce would force every page to render per request instead of being served from the
 * cache. So script-src allows 'unsafe-inline' but never 'unsafe-eval'; content cannot
 * reach those scripts because Markdown is sanitised and every other field is escaped.
 *
 * img-src: images only from this site. A disclosure page must not tell a third party who
 * reads it: content cannot add a tracking pixel (validation refuses external images too).
 *
 * frame-ancestors: which sites may show a page in a frame. 'self' for every page
 * (next.config.ts); for the embed page, the sites in SUBPROCESSORS_FRAME_ANCESTORS
 * (space-separated origins) set where the server runs, read by proxy.ts on each request, to
 * let, for example, your main website embed the list.
 */
export function securityHeaders(frameAncestors?: string): { key: string; value: string }[] {
  return [
    { key: 'Content-Security-Policy', value: contentSecurityPolicy(frameAncestors) },
    { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  ];
}

export function contentSecurityPolicy(frameAncestors = "'self'"): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors.trim() || "'self'"}`,
    'upgrade-insecure-requests',
  ].join('; ');
}
