/**
 * `npm run export [-- out]`: the site as plain files for a static host or CDN, as it reads
 * today. It builds the site, starts it, saves every public URL (from the sitemap, plus the
 * feeds, exports and embed) to `out/`, and copies the static assets. The bytes are exactly
 * what the server sends.
 *
 * A static copy cannot change by itself: rebuild it every day (see
 * .github/workflows/daily-rebuild.yml), so scheduled changes appear on their date. Search
 * needs a server, so a static build leaves out the search form; the by-data view and the
 * categories remain.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { loadContent } from '../lib/content/load';
import type { IsoDate } from '../lib/content/dates';
import { feedArchivePages, feedArchivePath } from '../lib/publish/exports';
import { versionDates } from '../lib/timeline/history';
import type { Content } from '../lib/content/schema';
import { scopedContent } from '../lib/timeline/scopes';
import { resolveToday } from '../lib/content/today';
import { startNext, stop, waitFor } from './server';
import { basePathOf, scopePath } from '../lib/publish/urls';
import { formerAddresses } from '../lib/publish/view';

const OUT = path.resolve(process.argv[2] ?? 'out');
const DIST = '.next-export';
const PORT = Number(process.env.EXPORT_PORT ?? 3190);
const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_PUBLIC_STATIC_EXPORT: '1', NEXT_TELEMETRY_DISABLED: '1' };
const next = path.resolve('node_modules/.bin/next');

/** Where a URL path is written: `/subprocessors` → subprocessors.html, as static hosts look it up. */
export function fileFor(urlPath: string): string {
  if (urlPath === '/') return 'index.html';
  return path.extname(urlPath) ? urlPath.slice(1) : `${urlPath.slice(1)}.html`;
}

/** The full list and each scope's (SPEC §8): every one has the same pages and exports under its prefix. */
const lists = (content: Content) => [content, ...(content.site.scopes ?? []).map((scope) => scopedContent(content, scope.id)!)];

/**
 * What the pages link to besides the sitemap's pages, for each list: its feeds and their
 * archive pages, calendars, exports, embed and the annex's print stylesheet; today's version
 * ("Link to this version") and, as the scope switcher of a version links to the same day in
 * every list, each list's versions in every other; then the site's own files.
 */
export function exportedFiles(content: Content, today: IsoDate): string[] {
  const days = new Set([...lists(content).flatMap((list) => versionDates(list, today)), today]);
  const perList = lists(content).flatMap((list) => {
    const archives = Array.from({ length: feedArchivePages(list, today) }, (_, index) => feedArchivePath(index + 1));
    const versions = [...days].map((day) => `/subprocessors/history/${day}`);
    const files = ['/subprocessors/embed', '/subprocessors/annex.css', ...versions, '/subprocessors/feed.xml', ...archives, '/subprocessors/changes.ics', '/subprocessors/changes-all.ics', '/subprocessors.json', '/subprocessors-history.json', '/subprocessors.v1.json', '/subprocessors.csv'];
    return files.map((file) => scopePath(file, list.scope?.id));
  });
  return [...perList, '/sitemap.xml', '/robots.txt', '/icon.svg'];
}

async function main() {
  if (spawnSync(next, ['build'], { env, stdio: 'inherit' }).status !== 0) process.exit(1);
  const content = loadContent();
  const today = resolveToday(content.site);
  const base = basePathOf(content.site.url);
  const server = startNext(process.cwd(), PORT, env);
  const origin = `http://localhost:${PORT}${base}`;
  try {
    await waitFor(PORT);
    const sitemap = await (await fetch(`${origin}/sitemap.xml`)).text();
    const pages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc).pathname.slice(base.length));
    const files = exportedFiles(content, today).filter((file) => !pages.includes(file));
    fs.rmSync(OUT, { recursive: true, force: true });
    for (const urlPath of [...pages, ...files]) {
      const response = await fetch(origin + urlPath, { redirect: 'manual' });
      if (!response.ok) throw new Error(`${urlPath}: ${response.status}`);
      write(fileFor(urlPath), Buffer.from(await response.arrayBuffer()));
    }
    const missing = await fetch(`${origin}/subprocessors/this-page-does-not-exist`);
    write('404.html', Buffer.from(await missing.arrayBuffer()));
    // A static host cannot redirect: `/` and former slugs get pages that send the browser on.
    write('index.html', redirectPage(`${base}/subprocessors`));
    for (const list of lists(content)) {
      for (const { from, to } of formerAddresses(list, today)) write(fileFor(scopePath(from, list.scope?.id)), redirectPage(base + scopePath(to, list.scope?.id)));
    }
    fs.cpSync(path.join(DIST, 'static'), path.join(OUT, '_next/static'), { recursive: true });
    if (fs.existsSync('public')) fs.cpSync('public', OUT, { recursive: true });
    console.log(`Wrote ${pages.length + files.length + 2} pages and files and the static assets to ${path.relative(process.cwd(), OUT) || '.'}/ (served under '${base || '/'}').`);
  } finally {
    stop(server);
  }
}

/** Slugs and the base path are URL-safe, so they need no escaping here. */
const redirectPage = (to: string) =>
  Buffer.from(`<!doctype html><meta charset="utf-8"><title>Subprocessors</title><link rel="canonical" href="${to}"><meta http-equiv="refresh" content="0; url=${to}"><a href="${to}">Continue to ${to}</a>\n`);

function write(file: string, body: Buffer) {
  fs.mkdirSync(path.dirname(path.join(OUT, file)), { recursive: true });
  fs.writeFileSync(path.join(OUT, file), body);
}

if (process.argv[1]?.endsWith('export.ts')) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
