import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as list from '@/app/[today]/(site)/subprocessors/page';
import * as entry from '@/app/[today]/(site)/subprocessors/[slug]/page';
import * as version from '@/app/[today]/(site)/subprocessors/history/[date]/page';
import * as feed from '@/app/[today]/(site)/subprocessors/feed.xml/route';
import * as calendar from '@/app/[today]/(site)/subprocessors/changes.ics/route';
import * as json from '@/app/[today]/subprocessors.json/route';
import * as csv from '@/app/[today]/subprocessors.csv/route';
import { proxy } from '@/proxy';

describe('scheduled changes need no redeploy', () => {
  it.each(Object.entries({ list, entry, version, feed, calendar, json, csv }))('%s is re-rendered at least hourly', (_, route) => {
    expect(route.revalidate).toBeGreaterThan(0);
    expect(route.revalidate).toBeLessThanOrEqual(3600);
  });
});

describe('the proxy keys every public URL by today', () => {
  afterEach(() => vi.unstubAllEnvs());
  const run = (path: string) => proxy(new NextRequest(`https://example.com${path}`));

  it.each([
    ['/subprocessors', '/2026-11-23/subprocessors'],
    ['/subprocessors/openai', '/2026-11-23/subprocessors/openai'],
    ['/subprocessors/history/2025-06-16', '/2026-11-23/subprocessors/history/2025-06-16'],
    ['/subprocessors.json', '/2026-11-23/subprocessors.json'],
  ])('%s is served from %s', (path, target) => {
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-11-23');
    expect(new URL(run(path).headers.get('x-middleware-rewrite')!).pathname).toBe(target);
  });

  it('follows the date: the same URL is another page the next day', () => {
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-12-16');
    expect(new URL(run('/subprocessors').headers.get('x-middleware-rewrite')!).pathname).toBe('/2026-12-16/subprocessors');
  });

  it('keeps the query string, for filters', () => {
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-11-23');
    expect(run('/subprocessors/changes?change=added').headers.get('x-middleware-rewrite')).toBe('https://example.com/2026-11-23/subprocessors/changes?change=added');
  });

  it('redirects a former slug permanently', () => {
    const response = run('/subprocessors/llm-provider');
    expect(response.status).toBe(308);
    expect(response.headers.get('location')).toBe('https://example.com/subprocessors/openai');
  });

  it('does not serve the dated paths directly, so no one reads a future list', () => {
    const response = run('/2027-01-01/subprocessors');
    expect(response.status).toBe(404);
  });
});
