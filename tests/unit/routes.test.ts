import { PHASE_PRODUCTION_SERVER } from 'next/constants';
import { afterEach, describe, expect, it, vi } from 'vitest';
import config from '@/next.config';
import * as list from '@/app/(site)/subprocessors/page';
import * as entry from '@/app/(site)/subprocessors/[slug]/page';
import * as version from '@/app/(site)/subprocessors/history/[date]/page';
import * as byData from '@/app/(site)/subprocessors/by-data/page';
import * as feed from '@/app/(site)/subprocessors/feed.xml/route';
import * as calendar from '@/app/(site)/subprocessors/changes.ics/route';
import * as embed from '@/app/(bare)/subprocessors/embed/page';
import * as annex from '@/app/(bare)/subprocessors/annex/page';
import * as json from '@/app/subprocessors.json/route';
import * as csv from '@/app/subprocessors.csv/route';
import * as sitemap from '@/app/site-map.xml/route';
import * as feedArchive from '@/app/(site)/subprocessors/feed/[page]/route';
import * as fullCalendar from '@/app/(site)/subprocessors/changes-all.ics/route';
import * as history from '@/app/subprocessors-history.json/route';
import * as jsonV1 from '@/app/subprocessors.v1.json/route';
import { validatorFor } from '@/lib/publish/conditional';
import { loadContent } from '@/lib/content/load';

describe('scheduled changes need no redeploy', () => {
  it.each(Object.entries({ list, entry, version, byData, feed, feedArchive, calendar, fullCalendar, embed, annex, json, history, jsonV1, csv, sitemap }))('%s is re-rendered after five minutes', (_, route) => {
    expect(route.revalidate).toBe(300);
  });

  it('never serves a page more than ten minutes old, so a change shows within ten minutes of its day starting', () => {
    expect(config(PHASE_PRODUCTION_SERVER).expireTime).toBe(600);
  });
});

describe('routes read today when they render, so the same build changes on the effective date', () => {
  afterEach(() => vi.unstubAllEnvs());
  const listed = async () => ((await (await json.GET()).json()) as { subprocessors: { slug: string }[] }).subprocessors.map((entry) => entry.slug);

  it('the JSON export lists Stripe from December 16, 2026, the day its addition takes effect', async () => {
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-12-15');
    expect(await listed()).not.toContain('stripe');
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-12-16');
    expect(await listed()).toContain('stripe');
  });

  it('the CSV download is named for the day it was rendered', async () => {
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-12-16');
    expect((await csv.GET()).headers.get('content-disposition')).toBe('attachment; filename="subprocessors-2026-12-16.csv"');
  });
});

describe('every export carries validators that name what it was rendered from', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each(Object.entries({ feed, calendar, fullCalendar, json, history, jsonV1, csv, sitemap }))('%s has an ETag and Last-Modified for the day it was rendered', async (_, route) => {
    vi.stubEnv('SUBPROCESSORS_TODAY', '2026-12-16');
    const response = await route.GET();
    const { etag, lastModified } = validatorFor(loadContent(), '2026-12-16');
    expect(response.headers.get('etag')).toBe(etag);
    expect(response.headers.get('last-modified')).toBe(lastModified);
    expect(lastModified).toBe('Wed, 16 Dec 2026 00:00:00 GMT');
  });
});
