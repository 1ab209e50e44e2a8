/**
 * `npm run bench [-- 10 100 1000 5000]`: measures the site on generated content of each size
 * against three baselines in the same run, all on loopback with bounded request counts:
 *   (a) the same HTML bytes as a static file served by the same `next start`,
 *   (b) the same bytes, pre-compressed, from memory by a minimal Node server,
 *   (c) an empty App Router page.
 *
 * `--scopes N` (alone: only this; with no arguments at all it runs at 1,000 after the sizes):
 * the same N entries without scopes and with three (SPEC §8), each built twice in turn; then
 * each scope's list, rendered on its first request and cached, against its own baseline (a).
 */
import autocannon from 'autocannon';
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { loadContent } from '../../lib/content/load';
import { scopedContent } from '../../lib/timeline/scopes';
import { staticServer } from '../serve-static';
import { startNext, stop, waitFor } from '../server';
import { BENCH_SCOPES, generateContent } from './generate';
import { benchNotify } from './notify';

const TODAY = '2026-11-23';
const ARGS = process.argv.slice(2);
const SCOPES_AT = ARGS.indexOf('--scopes');
/** The size of the scoped run: `--scopes N`, or 1,000 when `npm run bench` has no arguments. */
const SCOPED_SIZE = SCOPES_AT >= 0 ? Number(ARGS[SCOPES_AT + 1]) || 1000 : ARGS.length ? undefined : 1000;
const SIZES = ARGS.filter((_, index) => SCOPES_AT < 0 || (index !== SCOPES_AT && index !== SCOPES_AT + 1)).map(Number).filter(Boolean);
const ROOT = process.cwd();
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const env = (extra: Record<string, string>) => ({ ...process.env, NEXT_TELEMETRY_DISABLED: '1', SUBPROCESSORS_TODAY: TODAY, ...extra });
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function timed(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv }): number {
  const started = performance.now();
  const result = spawnSync(command, args, { ...options, stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0 && !args.includes('validate.ts')) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return performance.now() - started;
}

/** Validation time beyond start-up: the full and the empty folder validated in turn, three times; the median difference. */
function validateTime(dir: string, empty: string): number {
  const run = (folder: string) => timed(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', folder], { cwd: ROOT });
  return [0, 1, 2].map(() => run(dir) - run(empty)).sort((x, y) => x - y)[1];
}

async function start(cwd: string, port: number, extra: Record<string, string>): Promise<ChildProcess> {
  const server = startNext(cwd, port, env(extra));
  await waitFor(port);
  return server;
}

/** Requests/s and latency, with gzip as browsers ask for it. Bounded: a fixed number of requests, each with a timeout. */
async function load(url: string, connections: number, amount = 3000, headers: Record<string, string> = {}) {
  // autocannon notices the last response at its next sample tick (every second by default),
  // which would count up to a second of idle time in each run; sample every 20 ms.
  const result = await autocannon({ url, connections, amount, timeout: 10, sampleInt: 20, headers: { 'accept-encoding': 'gzip', ...headers } });
  // A conditional load expects 304s; anything else counts as an error.
  const expected = headers['if-none-match'] ? result['3xx'] : result['2xx'];
  return { rps: (result.requests.total * 1000) / (result.finish.getTime() - result.start.getTime()), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.requests.total - expected };
}

type Load = Awaited<ReturnType<typeof load>>;

const describe = (result: Load) => `${Math.round(result.rps)}/s (p50 ${result.p50} ms, p99 ${result.p99} ms${result.errors ? `, ${result.errors} errors` : ''})`;

/**
 * Loads each server (`port/path`) in turn: a warm-up that also sizes each load at about 5 s
 * (300 to 50,000 requests), then three rounds, taking turns, so that a busy moment on the
 * machine does not fall on one server only. Each figure is the median round (by requests/s);
 * errors count from every round.
 */
async function inTurns(servers: Record<string, string>, connections: number): Promise<Record<string, Load>> {
  const amounts = new Map<string, number>();
  for (const [name, url] of Object.entries(servers)) amounts.set(name, Math.max(300, Math.min(50_000, Math.round((await load(`http://localhost:${url}`, connections, 200)).rps * 5))));
  const rounds: Record<string, Load[]> = {};
  for (let round = 0; round < 3; round++) {
    for (const [name, url] of Object.entries(servers)) (rounds[name] ??= []).push(await load(`http://localhost:${url}`, connections, amounts.get(name)));
  }
  return Object.fromEntries(Object.entries(rounds).map(([name, runs]) => [name, { ...runs.sort((x, y) => x.rps - y.rps)[1], errors: runs.reduce((sum, run) => sum + run.errors, 0) }]));
}

/** What a follower polls, newest first: a poll downloads it all, a conditional poll gets a 304. */
const EXPORTS = ['/subprocessors/feed.xml', '/subprocessors/changes.ics', '/subprocessors/changes-all.ics', '/subprocessors.json', '/subprocessors-history.json', '/subprocessors.v1.json'];

/** Bytes and requests/s of each export, fresh and conditional, at 10 connections (one load each, after a warm-up). */
async function exportRows(origin: string, size: number): Promise<string[]> {
  const rows: string[] = [];
  for (const path of EXPORTS) {
    const first = await fetch(origin + path);
    if (first.status !== 200) {
      rows.push(`| ${size} | ${path} | ${first.status} | | |`);
      continue;
    }
    const raw = Buffer.from(await first.arrayBuffer());
    const etag = first.headers.get('etag');
    const amount = async (headers: Record<string, string>) => Math.max(300, Math.min(50_000, Math.round((await load(origin + path, 10, 200, headers)).rps * 4)));
    const fresh = await load(origin + path, 10, await amount({}));
    const conditional = etag ? await load(origin + path, 10, await amount({ 'if-none-match': etag }), { 'if-none-match': etag }) : undefined;
    rows.push(`| ${size} | ${path} | ${kb(raw.length)} KB / ${kb(zlib.gzipSync(raw).length)} KB gz | ${describe(fresh)} | ${conditional ? `${describe(conditional)}, 0 B body` : 'no ETag'} |`);
  }
  return rows;
}

async function bytesOf(url: string) {
  const raw = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw, gzip: zlib.gzipSync(raw).length };
}

/** Client JavaScript and CSS a page loads, gzip-compressed. */
async function assets(base: string, html: string) {
  const sum = async (urls: string[]) => (await Promise.all(urls.map(async (url) => (await bytesOf(base + url)).gzip))).reduce((a, b) => a + b, 0);
  return { js: await sum([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1])), css: await sum([...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1])) };
}

/** Baseline (b): pre-compressed bytes from memory. */
function memoryServer(port: number, body: Buffer): Promise<http.Server> {
  const gzip = zlib.gzipSync(body);
  const server = http.createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip', 'content-length': gzip.length });
    res.end(gzip);
  });
  return new Promise((resolve) => server.listen(port, 'localhost', () => resolve(server)));
}

/** Baseline (c): an empty App Router page, built once. */
function emptyApp(): string {
  // Inside the project (ignored by git), so that it resolves the project's own Next.js.
  const dir = path.join(ROOT, '.next-bench-empty-app');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'app'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
  fs.writeFileSync(path.join(dir, 'app/layout.js'), 'export default function L({ children }) { return <html lang="en"><body>{children}</body></html>; }\n');
  fs.writeFileSync(path.join(dir, 'app/page.js'), 'export default function P() { return <main />; }\n');
  timed(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: dir, env: env({}) });
  return dir;
}

/** The sizes, each against baselines (a), (b) and (c); prints the tables. */
async function sizesRun(sizes: number[]) {
  const empty = emptyApp();
  const emptyServer = await start(empty, 3212, {});
  const emptyPage = await bytesOf('http://localhost:3212/');
  const floorJs = (await assets('http://localhost:3212', emptyPage.raw.toString())).js;
  const baselineC = { 10: await load('http://localhost:3212/', 10), 50: await load('http://localhost:3212/', 50) };
  stop(emptyServer);

  const empties = generateContent(path.join(work, 'content-0'), 0);
  const rows: string[] = [];
  const exportTable: string[] = [];
  const buildTimes: [number, number][] = [];
  for (const size of sizes) {
    const dir = generateContent(path.join(work, `content-${size}`), size);
    const validate = validateTime(dir, empties);
    const dist = `.next-bench`;
    fs.rmSync(path.join(ROOT, dist), { recursive: true, force: true });
    const build = timed(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: ROOT, env: env({ CONTENT_DIR: dir, NEXT_DIST_DIR: dist }) });
    buildTimes.push([size, build]);
    const pages = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, dist, 'prerender-manifest.json'), 'utf8')).routes).length;

    let server = await start(ROOT, 3210, { CONTENT_DIR: dir, NEXT_DIST_DIR: dist });
    const list = await bytesOf('http://localhost:3210/subprocessors');
    const { js, css } = await assets('http://localhost:3210', list.raw.toString());
    stop(server);
    // Baseline (a): the identical bytes as a static file of the same server.
    const staticFile = path.join(ROOT, 'public', '__bench-a.html');
    fs.mkdirSync(path.dirname(staticFile), { recursive: true });
    fs.writeFileSync(staticFile, list.raw);
    server = await start(ROOT, 3210, { CONTENT_DIR: dir, NEXT_DIST_DIR: dist });
    const memory = await memoryServer(3211, list.raw);
    // The static export serves these same bytes (it saves the server's responses) with `npm run serve:static`.
    const exported = staticServer(new Map([['/subprocessors.html', { type: 'text/html; charset=utf-8', body: list.raw, gzip: zlib.gzipSync(list.raw) }]])).listen(3213, 'localhost');
    const results: Record<string, Load> = {};
    const servers = { list: '3210/subprocessors', entry: '3210/subprocessors/vendor-1', json: '3210/subprocessors.json', a: '3210/__bench-a.html', b: '3211/', export: '3213/subprocessors' };
    for (const connections of [10, 50]) {
      for (const [name, result] of Object.entries(await inTurns(servers, connections))) results[`${name}@${connections}`] = result;
    }
    memory.close();
    exported.close();
    exportTable.push(...(await exportRows('http://localhost:3210', size)));
    stop(server);
    fs.rmSync(staticFile);

    const r = (key: string) => describe(results[key]);
    rows.push(
      `| ${size} | ${validate < 50 ? '< 0.05' : seconds(validate)} s | ${seconds(build)} s, ${pages} pages | ${kb(list.raw.length)} KB / ${kb(list.gzip)} KB gz (${size ? Math.round(list.gzip / size) : 0} B/entry gz) | ${kb(js)} KB JS (+${kb(js - floorJs)} over empty), ${kb(css)} KB CSS | ` +
        `${r('list@10')} = ${(results['list@10'].rps / results['a@10'].rps).toFixed(2)}× (a), ${(results['list@10'].rps / results['b@10'].rps).toFixed(2)}× (b) | ${r('list@50')} | ${r('entry@10')} | ${r('json@10')} | ${r('export@10')} = ${(results['export@10'].rps / results['b@10'].rps).toFixed(2)}× (b) | (a) ${r('a@10')}; (b) ${r('b@10')} |`,
    );
  }
  console.log(`\nBaseline (c), empty App Router page: ${Math.round(baselineC[10].rps)}/s at 10 connections, ${Math.round(baselineC[50].rps)}/s at 50; ${kb(floorJs)} KB client JS gz.\n`);
  console.log('| entries | validate (beyond start-up) | build | /subprocessors bytes | assets (gzip) | /subprocessors @10 | @50 | one entry @10 | JSON @10 | static export @10 | baselines @10 |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log('\n| entries | export | bytes per poll | fresh @10 | conditional (If-None-Match) @10 |');
  console.log('|---|---|---|---|---|');
  for (const row of exportTable) console.log(row);
  const [first, last] = [buildTimes[0], buildTimes.at(-1)!];
  console.log(`\nBuild time per entry: ${(first[1] / first[0]).toFixed(1)} ms at ${first[0]}, ${(last[1] / last[0]).toFixed(1)} ms at ${last[0]}.`);
  fs.rmSync(empty, { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, '.next-bench'), { recursive: true, force: true });
}

/** The scoped run's `next start` (beside 3210–3213 above; the tests use 3100–3105, 3191–3194 and 3300–3325). */
const SCOPED_PORT = 3214;

/** One request, timed to the end of its body, with the page cache's verdict (`x-nextjs-cache`: MISS, HIT, STALE). */
async function timedFetch(url: string) {
  const started = performance.now();
  const response = await fetch(url, { headers: { 'accept-encoding': 'gzip' }, redirect: 'manual' });
  const raw = Buffer.from(await response.arrayBuffer());
  return { status: response.status, ms: performance.now() - started, cache: response.headers.get('x-nextjs-cache') ?? 'none', raw };
}

/**
 * The cost of scopes at `size` entries: build time without scopes and with three (the same
 * entries; built in turn, twice), then each scope's list page, rendered on its first request,
 * against its own baseline (a), the same bytes as a static file of the same `next start`, in
 * the same rounds; the full list of the same build beside them. Then a scoped entry page and
 * JSON export, once each.
 */
async function scopedRun(size: number) {
  const plain = generateContent(path.join(work, `scoped-run-${size}-none`), size);
  const scoped = generateContent(path.join(work, `scoped-run-${size}-three`), size, { scopes: true });
  const dist = '.next-bench-scopes';
  const build = (dir: string) => {
    fs.rmSync(path.join(ROOT, dist), { recursive: true, force: true });
    const ms = timed(path.join(ROOT, 'node_modules/.bin/next'), ['build'], { cwd: ROOT, env: env({ CONTENT_DIR: dir, NEXT_DIST_DIR: dist }) });
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, dist, 'prerender-manifest.json'), 'utf8'));
    return { ms, pages: Object.keys(manifest.routes).length };
  };
  // In turn, so that a busy moment on the machine does not fall on one kind only; the last
  // build, with scopes, is the one served below.
  const builds: { none: ReturnType<typeof build>[]; three: ReturnType<typeof build>[] } = { none: [], three: [] };
  for (let i = 0; i < 2; i++) {
    builds.none.push(build(plain));
    builds.three.push(build(scoped));
  }

  const origin = `http://localhost:${SCOPED_PORT}`;
  const lists = [...BENCH_SCOPES.map((scope) => ({ name: scope.id, path: `/${scope.id}/subprocessors` })), { name: 'full', path: '/subprocessors' }];
  const staticFile = (name: string) => path.join(ROOT, 'public', `__bench-a-${name}.html`);
  const first = new Map<string, Awaited<ReturnType<typeof timedFetch>>>();
  const bytes = new Map<string, Buffer>();
  const cacheAfter = new Map<string, string[]>();
  const results: Record<string, Load> = {};
  const once: string[] = [];
  let server: ChildProcess | undefined;
  try {
    server = await start(ROOT, SCOPED_PORT, { CONTENT_DIR: scoped, NEXT_DIST_DIR: dist });
    // The first request renders a scope's list (and, for the first, loads the content); the
    // second is what every later visitor gets. Its bytes become that list's baseline (a).
    for (const list of lists) {
      first.set(list.name, await timedFetch(origin + list.path));
      const second = await fetch(origin + list.path);
      if (second.status !== 200) throw new Error(`${list.path} answered ${second.status}`);
      bytes.set(list.name, Buffer.from(await second.arrayBuffer()));
    }
    // `next start` reads public/ when it starts: restart it with the static files there.
    stop(server);
    fs.mkdirSync(path.join(ROOT, 'public'), { recursive: true });
    for (const list of lists) fs.writeFileSync(staticFile(list.name), bytes.get(list.name)!);
    server = await start(ROOT, SCOPED_PORT, { CONTENT_DIR: scoped, NEXT_DIST_DIR: dist });
    for (const list of lists) cacheAfter.set(list.name, [(await timedFetch(origin + list.path)).cache]);

    const servers: Record<string, string> = {};
    for (const list of lists) {
      servers[list.name] = `${SCOPED_PORT}${list.path}`;
      servers[`${list.name} (a)`] = `${SCOPED_PORT}/__bench-a-${list.name}.html`;
    }
    Object.assign(results, await inTurns(servers, 10));
    for (const list of lists) cacheAfter.get(list.name)!.push((await timedFetch(origin + list.path)).cache);

    // A scoped entry page and export, for information: the first entry of the EU list.
    const entry = scopedContent(loadContent(scoped), 'eu')!.subprocessors.find((candidate) => candidate.history.at(-1)!.change !== 'removed')!;
    for (const url of [`/eu/subprocessors/${entry.slug}`, '/eu/subprocessors.json']) {
      const firstRequest = await timedFetch(origin + url);
      if (firstRequest.status !== 200) throw new Error(`${url} answered ${firstRequest.status}`);
      const amount = Math.max(300, Math.min(50_000, Math.round((await load(origin + url, 10, 200)).rps * 5)));
      once.push(`| \`${url}\` | ${kb(firstRequest.raw.length)} KB | ${Math.round(firstRequest.ms)} ms (${firstRequest.cache}) | ${describe(await load(origin + url, 10, amount))} | ${(await timedFetch(origin + url)).cache} |`);
    }
  } finally {
    if (server) stop(server);
    for (const list of lists) fs.rmSync(staticFile(list.name), { force: true });
    fs.rmSync(path.join(ROOT, dist), { recursive: true, force: true });
  }

  const mean = (runs: { ms: number }[]) => runs.reduce((sum, run) => sum + run.ms, 0) / runs.length;
  const ratio = mean(builds.three) / mean(builds.none);
  const scopeIds = BENCH_SCOPES.map((scope) => scope.id).join(', ');
  console.log(`\nScopes at ${size} entries (${scopeIds}), built in turn:`);
  console.log(`Build without scopes: ${builds.none.map((run) => `${seconds(run.ms)} s`).join(', ')} (${builds.none[0].pages} pages); with 3 scopes: ${builds.three.map((run) => `${seconds(run.ms)} s`).join(', ')} (${builds.three[0].pages} pages).`);
  console.log(`Build time with scopes / without: ${ratio.toFixed(2)} (means; each pair ${builds.three.map((run, i) => (run.ms / builds.none[i].ms).toFixed(2)).join(', ')}); goal ≤ 1.20.\n`);
  console.log('| list | bytes | first request (x-nextjs-cache) | @10 | baseline (a) @10 | ratio to (a) | x-nextjs-cache before / after the rounds |');
  console.log('|---|---|---|---|---|---|---|');
  for (const list of lists) {
    const raw = bytes.get(list.name)!;
    const seen = first.get(list.name)!;
    console.log(
      `| \`${list.path}\` | ${kb(raw.length)} KB / ${kb(zlib.gzipSync(raw).length)} KB gz | ${Math.round(seen.ms)} ms (${seen.cache}) | ${describe(results[list.name])} | ${describe(results[`${list.name} (a)`])} | ` +
        `${(results[list.name].rps / results[`${list.name} (a)`].rps).toFixed(2)}× | ${cacheAfter.get(list.name)!.join(' / ')} |`,
    );
  }
  console.log('\n| once each | bytes | first request (x-nextjs-cache) | @10 | x-nextjs-cache after |');
  console.log('|---|---|---|---|---|');
  for (const row of once) console.log(row);
}

async function main() {
  const sizes = SCOPES_AT < 0 || SIZES.length > 0;
  if (sizes) await sizesRun(SIZES.length ? SIZES : [10, 100, 1000, 5000]);
  if (SCOPED_SIZE) await scopedRun(SCOPED_SIZE);
  fs.rmSync(work, { recursive: true, force: true });
  // E-mail notices: 1,000 and 10,000 subscribers on both databases, and the subscribe form.
  if (sizes) await benchNotify([1000, 10_000]);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
