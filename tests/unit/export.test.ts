import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '@/lib/content/load';
import { exportedFiles, fileFor } from '@/scripts/export';
import { loadExport, staticServer } from '@/scripts/serve-static';

describe('file names of a static export', () => {
  it.each([
    ['/', 'index.html'],
    ['/subprocessors', 'subprocessors.html'],
    ['/subprocessors/digitalocean', 'subprocessors/digitalocean.html'],
    ['/subprocessors/history/2025-03-03', 'subprocessors/history/2025-03-03.html'],
    ['/subprocessors.json', 'subprocessors.json'],
    ['/subprocessors/feed.xml', 'subprocessors/feed.xml'],
  ])('%s is written to %s', (url, file) => expect(fileFor(url)).toBe(file));
});

describe('files of a static export besides the pages of the sitemap', () => {
  it('are what the pages link to, for the full list and for each scope', () => {
    const files = exportedFiles(loadContent('examples/two-cloud'), '2026-11-23');
    // 2025-07-02: a version of the US list only (Oregon backups), linked from the EU list's switcher on that day.
    for (const list of ['', '/us', '/eu']) {
      for (const file of ['/subprocessors/feed.xml', '/subprocessors/changes.ics', '/subprocessors.json', '/subprocessors.csv', '/subprocessors/embed', '/subprocessors/annex.css', '/subprocessors/history/2026-11-23', '/subprocessors/history/2025-07-02']) {
        expect(files).toContain(`${list}${file}`);
      }
    }
  });
});

// Builds the sample site with `npm run export` and checks the files a static host would serve.
describe('npm run export', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
  const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');
  let origin = '';
  let close = () => {};

  beforeAll(async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', out], { env: { ...process.env, SUBPROCESSORS_TODAY: '2026-11-23', EXPORT_PORT: '3191' }, stdio: 'pipe' });
    const server = staticServer(loadExport(out)).listen(0, 'localhost');
    await new Promise((resolve) => server.once('listening', resolve));
    origin = `http://localhost:${(server.address() as AddressInfo).port}`;
    close = () => server.close();
  }, 240_000);
  afterAll(() => {
    close();
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('writes every page of the sitemap, the feeds and exports, and a 404 page', () => {
    const locs = [...read('sitemap.xml').matchAll(/<loc>https:\/\/securicomnet\.com([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs.length).toBeGreaterThan(15);
    for (const loc of locs) expect(fs.existsSync(path.join(out, fileFor(loc))), loc).toBe(true);
    for (const file of ['subprocessors/embed.html', 'subprocessors/annex.css', 'subprocessors/history/2026-11-23.html', 'subprocessors/feed.xml', 'subprocessors/changes.ics', 'subprocessors/changes-all.ics', 'subprocessors.json', 'subprocessors-history.json', 'subprocessors.v1.json', 'schemas/subprocessors.v2.json', 'subprocessors.csv', 'robots.txt', '404.html']) expect(fs.existsSync(path.join(out, file)), file).toBe(true);
    expect(JSON.parse(read('subprocessors.json')).asOf).toBe('2026-11-23');
    expect(read('404.html')).toContain('Page not found');
  });

  it('has the list as of its build date, without the search form a static host cannot answer', () => {
    const list = read('subprocessors.html');
    expect(list).toContain('<tr id="digitalocean">');
    expect(list).not.toContain('<tr id="stripe">');
    expect(list).not.toContain('action="/subprocessors/search"');
    expect(read('subprocessors/changes.html')).not.toContain('action="/subprocessors/changes"');
  });

  it('has no objection form, which needs a server, and keeps the e-mail way to object', () => {
    const files = (fs.readdirSync(out, { recursive: true }) as string[]).filter((file) => /\.(html|ics|json|xml)$/.test(file));
    expect(files.filter((file) => file.startsWith('subprocessors/object'))).toEqual([]);
    // No page, feed or calendar links to a form that a static host would answer with its 404 page.
    for (const file of files) expect(read(file), file).not.toMatch(/subprocessors\/object\b/);
    // The upcoming Stripe addition (deadline December 15) keeps a link that writes to the objections address, naming the change.
    const mailto = /href="mailto:privacy@securicomnet\.com\?subject=[^"]*Stripe[^"]*"/;
    expect(read('subprocessors.html')).toMatch(mailto);
    expect(read('subprocessors/changes.html')).toMatch(mailto);
    expect(read('subprocessors/changes.ics')).toContain('send objections to privacy@securicomnet.com');
  });

  it('has every script and stylesheet the pages load', () => {
    const assets = [...read('subprocessors.html').matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets.some((asset) => asset.endsWith('.css'))).toBe(true);
    for (const asset of assets) expect(fs.existsSync(path.join(out, asset)), asset).toBe(true);
  });

  it('sends browsers from / and from former slugs to the right pages', () => {
    expect(read('index.html')).toContain('<meta http-equiv="refresh" content="0; url=/subprocessors">');
    expect(read('subprocessors/llm-provider.html')).toContain('<meta http-equiv="refresh" content="0; url=/subprocessors/openai">');
  });

  it('is served by a static server, compressed, with /path answered from path.html', async () => {
    const list = await fetch(`${origin}/subprocessors`);
    expect(list.status).toBe(200);
    expect(list.headers.get('content-encoding')).toBe('gzip');
    expect(await list.text()).toBe(read('subprocessors.html'));
    expect((await fetch(`${origin}/subprocessors/nobody`)).status).toBe(404);
  });
});

// The same for a folder with scopes: each scope's pages, feeds and exports, as its own files.
describe('npm run export with scopes', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'export-scopes-'));
  const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

  beforeAll(() => {
    const env = { ...process.env, CONTENT_DIR: 'examples/two-cloud', SUBPROCESSORS_TODAY: '2026-11-23', EXPORT_PORT: '3192' };
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/export.ts', out], { env, stdio: 'pipe' });
  }, 240_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes every scope’s pages, feeds and exports', () => {
    const locs = [...read('sitemap.xml').matchAll(/<loc>https:\/\/lantern-analytics\.example([^<]+)<\/loc>/g)].map((match) => match[1]);
    expect(locs).toContain('/eu/subprocessors/mailjet');
    for (const loc of locs) expect(fs.existsSync(path.join(out, fileFor(loc))), loc).toBe(true);
    for (const scope of ['us', 'eu']) {
      for (const file of ['subprocessors/embed.html', 'subprocessors/feed.xml', 'subprocessors/changes.ics', 'subprocessors/changes-all.ics', 'subprocessors-history.json', 'subprocessors.v1.json', 'subprocessors.csv']) expect(fs.existsSync(path.join(out, scope, file)), `${scope}/${file}`).toBe(true);
      expect(JSON.parse(read(`${scope}/subprocessors.json`)).scope.id).toBe(scope);
    }
    expect(read('eu/subprocessors.html')).toContain('<tr id="mailjet">');
    expect(read('eu/subprocessors.html')).not.toContain('<tr id="postmark">');
    expect(read('eu/subprocessors.html')).toContain('href="/eu/subprocessors/mailjet"');
  });
});
