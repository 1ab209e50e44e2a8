import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '@/lib/content/dates';

// A production build of the sample content made on 2026-11-10, before Stripe was announced
// (2026-11-16): anything a visitor asks for must not be written to the page cache unless it
// is a page of the list. The same build, aged, then serves a server still running on the 16th.
const DIST = '.next-disk';
const LATER = '.next-disk-later';
const PORT = 3193;
const LATER_PORT = 3194;
const origin = `http://localhost:${PORT}`;
const next = path.resolve('node_modules/.bin/next');

function start(dist: string, port: number, today: string): ChildProcess {
  const env = { ...process.env, NEXT_DIST_DIR: dist, SUBPROCESSORS_TODAY: today, NEXT_TELEMETRY_DISABLED: '1' };
  return spawn(next, ['start', '-p', String(port), '-H', 'localhost'], { env, stdio: 'ignore', detached: true });
}

async function ready(port: number) {
  for (let i = 0; !(await fetch(`http://localhost:${port}/subprocessors`).then((r) => r.ok, () => false)); i++) {
    if (i > 150) throw new Error(`the server on ${port} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function bytes(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).reduce((sum, file) => sum + (file.isFile() ? fs.statSync(path.join(file.parentPath, file.name)).size : 0), 0);
}

/** `subprocessors` with a capital letter where `i` has a binary 1: Subprocessors, sUbprocessors, SUbprocessors… */
const spelling = (i: number) => [...'subprocessors'].map((letter, bit) => ((i >> bit) & 1 ? letter.toUpperCase() : letter)).join('');

/** 1,000 distinct addresses that are no page, in every shape the review and its siblings tried. */
function unknownAddresses(): { path: string; init?: RequestInit }[] {
  const shapes = [
    (i: number) => ({ path: `/subprocessors/made-up-${i}` }),
    (i: number) => ({ path: `/subprocessors/Made_Up.${i}?_rsc=${i}` }),
    (i: number) => ({ path: `/subprocessors/made-up-rsc-${i}`, init: { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } } }),
    (i: number) => ({ path: `/subprocessors/made-up-head-${i}`, init: { method: 'HEAD' } }),
    (i: number) => ({ path: `/subprocessors/history/${2026 + i}-02-30` }),
    (i: number) => ({ path: `/subprocessors/history/+00${2026 + i}-01-01` }),
    (i: number) => ({ path: `/subprocessors/history/${1000 + i}-03-03` }), // before published
    (i: number) => ({ path: `/subprocessors/history/${2027 + i}-01-01` }), // after today
    (i: number) => ({ path: `/subprocessors/history/2026-11-${String(11 + (i % 19)).padStart(2, '0')}?v=${i}` }), // after today, with a query
    (i: number) => ({ path: `/subprocessors/history/not-a-date-${i}` }),
    (i: number) => ({ path: `/subprocessors/history/${addDays('2025-03-03', i)}.rsc` }), // a past version, with the suffix the proxy does not see
    (i: number) => ({ path: `/subprocessors/stripe?unannounced=${i}` }),
    (i: number) => ({ path: `/subprocessors/made-up-${i}/deeper` }),
    // Scopes this content does not have (it has none): the same pages under /<scope>/.
    (i: number) => ({ path: `/made-up-${i}/subprocessors` }),
    (i: number) => ({ path: `/made-up-${i}/subprocessors/cloudflare` }),
    (i: number) => ({ path: `/made-up-${i}/subprocessors.json` }),
    (i: number) => ({ path: `/made-up-${i}/subprocessors/history/2026-01-01.rsc` }),
    // The list's own name in other letter cases, as a scope (/SubProcessors/subprocessors): rewrites match regardless of case.
    (i: number) => ({ path: `/${spelling(i)}/subprocessors` }),
    (i: number) => ({ path: `/${spelling(i)}/subprocessors/by-data` }),
    (i: number) => ({ path: `/${spelling(i)}/subprocessors.json` }),
  ];
  return Array.from({ length: 1000 }, (_, i) => shapes[i % shapes.length](i));
}

describe('unknown addresses do not fill the disk', () => {
  const servers: ChildProcess[] = [];

  beforeAll(async () => {
    const env = { ...process.env, NEXT_DIST_DIR: DIST, SUBPROCESSORS_TODAY: '2026-11-10', NEXT_TELEMETRY_DISABLED: '1' };
    execFileSync(next, ['build'], { env, stdio: 'pipe' });
    // The aged copy, as in tests/e2e/sample/history.spec.ts: the build as shipped, a day old.
    fs.rmSync(LATER, { recursive: true, force: true });
    fs.cpSync(DIST, LATER, { recursive: true, filter: (source) => source !== path.join(DIST, 'cache') });
    const dayAgo = new Date(Date.now() - 86_400_000);
    for (const file of fs.readdirSync(path.join(LATER, 'server/app'), { recursive: true, encoding: 'utf8' })) {
      fs.utimesSync(path.join(LATER, 'server/app', file), dayAgo, dayAgo);
    }
    servers.push(start(DIST, PORT, '2026-11-10'), start(LATER, LATER_PORT, '2026-11-16'));
    await Promise.all([ready(PORT), ready(LATER_PORT)]);
  }, 300_000);
  afterAll(() => {
    for (const server of servers) process.kill(-server.pid!);
  });

  it('answers 1,000 distinct unknown addresses with 404 and grows the build folder by less than 1 MB', async () => {
    const addresses = unknownAddresses();
    expect(new Set(addresses.map(({ path, init }) => `${init?.method ?? 'GET'} ${path} ${JSON.stringify(init?.headers ?? {})}`)).size).toBe(1000);
    // Pages the server renders on first request anyway (the list and 404 page) are not growth.
    await fetch(`${origin}/subprocessors/warm-up`);
    const before = bytes(DIST);
    const statuses = new Map<number, string[]>();
    for (let i = 0; i < addresses.length; i += 25) {
      await Promise.all(
        addresses.slice(i, i + 25).map(async ({ path, init }) => {
          const response = await fetch(origin + path, { redirect: 'manual', ...init });
          await response.arrayBuffer();
          statuses.set(response.status, [...(statuses.get(response.status) ?? []), path]);
        }),
      );
    }
    expect([...statuses.keys()], JSON.stringify([...statuses].map(([status, paths]) => [status, paths.slice(0, 5)]))).toEqual([404]);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // writes that would follow a response
    expect(bytes(DIST) - before).toBeLessThan(1_000_000);
  }, 120_000);

  it('still serves an entry, a former slug and a past version', async () => {
    expect((await fetch(`${origin}/subprocessors/cloudflare`)).status).toBe(200);
    const alias = await fetch(`${origin}/subprocessors/llm-provider`, { redirect: 'manual' });
    expect(alias.status).toBe(308);
    expect(alias.headers.get('location')).toBe('/subprocessors/openai');
    expect((await fetch(`${origin}/subprocessors/history/2025-03-03`)).status).toBe(200);
    expect((await fetch(`${origin}/subprocessors/history/2026-11-10`)).status).toBe(200);
  });

  it('an entry announced after the build is a 404 like any unknown address until its day, revealing nothing', async () => {
    const unannounced = await fetch(`${origin}/subprocessors/stripe`);
    const unknown = await fetch(`${origin}/subprocessors/zzzzzz`);
    expect(unannounced.status).toBe(404);
    const body = await unannounced.text();
    expect(body).not.toMatch(/Stripe Payments|Stripe, Inc/);
    expect(body.replaceAll('stripe', 'zzzzzz')).toBe(await unknown.text());
    expect(Object.fromEntries([...unannounced.headers].filter(([name]) => name !== 'date'))).toEqual(Object.fromEntries([...unknown.headers].filter(([name]) => name !== 'date')));
  });

  it('on its announcement day the same build serves the entry and the days since the build', async () => {
    const later = `http://localhost:${LATER_PORT}`;
    const entry = await fetch(`${later}/subprocessors/stripe`);
    expect(entry.status).toBe(200);
    expect(await entry.text()).toContain('Stripe Payments Europe, Limited');
    expect((await fetch(`${later}/subprocessors/history/2026-11-15`)).status).toBe(200);
    expect((await fetch(`${later}/subprocessors/history/2026-11-16`)).status).toBe(200);
    expect((await fetch(`${later}/subprocessors/history/2026-11-17`)).status).toBe(404);
  });
});
