import { describe, expect, it } from 'vitest';
import { securityHeaders } from '@/lib/security-headers';

describe('security headers', () => {
  const headers = Object.fromEntries(securityHeaders().map(({ key, value }) => [key, value]));

  it('sends a strict Content-Security-Policy without eval', () => {
    const csp = headers['Content-Security-Policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });

  it('loads images only from the site itself, so no third party learns who reads the list', () => {
    const directives = headers['Content-Security-Policy'].split('; ');
    expect(directives).toContain("img-src 'self' data:");
    // Nothing else may load from another origin either.
    expect(directives.filter((directive) => /https?:|\*/.test(directive))).toEqual([]);
  });

  it('sends HSTS, nosniff, a referrer policy and a permissions policy', () => {
    expect(headers).toMatchObject({
      'Strict-Transport-Security': 'max-age=63072000; includeSubDomains',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': expect.stringContaining('camera=()'),
    });
  });

  it('lets the company’s own site embed the list when configured', () => {
    const csp = securityHeaders("'self' https://www.acme.example").find(({ key }) => key === 'Content-Security-Policy')!.value;
    expect(csp).toContain("frame-ancestors 'self' https://www.acme.example;");
  });
});
