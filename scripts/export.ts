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
import { loadContent } from '../lib/content';
import { feedArchivePages, feedArchivePath } from '../lib/exports';
import { resolveToday } from '../lib/today';
import { startNext, stop, waitFor } from './server';
import { scopedContent } from '../lib/scopes';
import { basePathOf, scopePath } from '../lib/urls';
import { formerAddresses } from '../lib/view';

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
    // The full list and each scope's (the sitemap has their pages, not their feeds and exports).
    const lists = [content, ...(content.site.scopes ?? []).map((scope) => scopedContent(content, scope.id)!)];
    const listFiles = lists.flatMap((list) => {
      const archives = Array.from({ length: feedArchivePages(list, today) }, (_, index) => feedArchivePath(index + 1));
      const paths = ['/subprocessors/embed', '/subprocessors/feed.xml', ...archives, '/subprocessors/changes.ics', '/subprocessors/changes-all.ics', '/subprocessors.json', '/subprocessors-history.json', '/subprocessors.v1.json', '/subprocessors.csv'];
      return paths.map((urlPath) => scopePath(urlPath, list.scope?.id));
    });
    const files = [...listFiles, '/sitemap.xml', '/robots.txt', '/icon.svg'];
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
    for (const list of lists) {
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
