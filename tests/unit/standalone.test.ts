import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp } from '../mail-server';

// The container's server (see Dockerfile): `next build`, then the standalone folder with the
// assets copied in as the Dockerfile does, started with `node server.js`. Built once, as the
// Dockerfile's build stage and CI build: without SMTP_URL or SUBPROCESSORS_FRAME_ANCESTORS;
// then started twice, without them and with them, as operators run it.
const DIST = '.next-standalone';
const PORT = 3196;
const CONFIGURED_PORT = 3195;
const SMTP_PORT = 3345;
const origin = `http://localhost:${PORT}`;
const configured = `http://localhost:${CONFIGURED_PORT}`;
const FRAME_ANCESTORS = "'self' https://www.example.com";

/** The environment of this process without the settings a server reads when it runs. */
function buildEnv(): NodeJS.ProcessEnv {
  // NODE_ENV=production, as many CI and image builds set it: the server then sends mail only through SMTP_URL.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: DIST, NEXT_OUTPUT: 'standalone', NEXT_TELEMETRY_DISABLED: '1', SUBPROCESSORS_TODAY: '2026-11-23' };
  for (const name of ['SMTP_URL', 'SUBPROCESSORS_FRAME_ANCESTORS', 'DATABASE_URL', 'NOTIFY_SECRET', 'DATA_DIR']) delete env[name];
  return env;
}

async function ready(url: string) {
  for (let i = 0; !(await fetch(`${url}/subprocessors`).then((r) => r.ok, () => false)); i++) {
    if (i > 150) throw new Error(`the standalone server at ${url} did not start`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** A form post as the browser sends it from the list. */
const post = (url: string, body: string) =>
  fetch(`${url}/subprocessors/subscribe`, { method: 'POST', redirect: 'manual', body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url, 'sec-fetch-site': 'same-origin' } });

describe('the standalone server', () => {
  const servers: ChildProcess[] = [];
  let errors = '';
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-data-'));

  beforeAll(async () => {
    const env = buildEnv();
    execFileSync(path.resolve('node_modules/.bin/next'), ['build'], { env, stdio: 'pipe' });
    const root = path.join(DIST, 'standalone');
    fs.cpSync(path.join(DIST, 'static'), path.join(root, DIST, 'static'), { recursive: true });
    if (fs.existsSync('public')) fs.cpSync('public', path.join(root, 'public'), { recursive: true });
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    smtp = await startSmtp(SMTP_PORT);
    const start = (port: number, extra: Record<string, string>) => spawn(process.execPath, [path.join(root, 'server.js')], { env: { ...env, PORT: String(port), HOSTNAME: 'localhost', NOTIFY_INTERVAL_SECONDS: '0', ...extra }, stdio: ['ignore', 'ignore', 'pipe'] });
    const plain = start(PORT, {});
    plain.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    servers.push(plain, start(CONFIGURED_PORT, { SMTP_URL: smtp.url, DATA_DIR: dataDir, SUBPROCESSORS_FRAME_ANCESTORS: FRAME_ANCESTORS }));
    await Promise.all([ready(origin), ready(configured)]);
  }, 300_000);
  afterAll(async () => {
    for (const server of servers) server.kill();
    await smtp?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the list, an entry, a 404 and the exports, with the security headers', async () => {
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.status).toBe(307);
    expect(root.headers.get('location')).toBe('/subprocessors');
    const list = await fetch(`${origin}/subprocessors`);
    expect(list.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    const html = await list.text();
    expect(html).toContain('<tr id="digitalocean">');
    expect((await fetch(`${origin}/subprocessors/digitalocean`)).status).toBe(200);
    expect((await fetch(`${origin}/subprocessors/does-not-exist`)).status).toBe(404);
    expect((await (await fetch(`${origin}/subprocessors.json`)).json()).schemaVersion).toBe(2);
    expect((await (await fetch(`${origin}/subprocessors.v1.json`)).json()).schemaVersion).toBe(1);
    const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)![1];
    expect((await fetch(origin + stylesheet)).status).toBe(200);
  });

  it('reads the content from its own folder, as in the container', async () => {
    expect(await (await fetch(`${origin}/subprocessors/annex`)).text()).toContain('<title>Annex: subprocessors · Securicom</title>');
  });

  it('started with SMTP_URL, offers the form on the list from the first request and takes a subscription at once', async () => {
    expect(await (await fetch(`${configured}/subprocessors`)).text()).toContain('action="/subprocessors/subscribe" method="post"');
    const page = await fetch(`${configured}/subprocessors/subscribe`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('E-mail me before any change');
    const answer = await post(configured, 'email=reader%40example.com');
    expect(answer.status).toBe(303);
    const after = await fetch(new URL(answer.headers.get('location')!, configured));
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Check your inbox.');
    // The confirmation is queued and sent by the server's notify job right after the answer.
    for (let i = 0; i < 100 && !smtp.messages.length; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.messages.map((message) => message.to_)).toEqual(['reader@example.com']);
  });

  it('started without a way to send mail, offers the same form, says so at start and answers the form with a 503, storing nothing', async () => {
    expect(await (await fetch(`${origin}/subprocessors`)).text()).toContain('action="/subprocessors/subscribe" method="post"');
    expect(errors).toContain('ERROR: E-mail notices are OFF. site.yaml has `notifications`, but SMTP_URL is not set, so this server cannot send e-mail');
    const page = await fetch(`${origin}/subprocessors/subscribe`);
    expect(page.status).not.toBe(404);
    expect(await page.text()).toContain('This server cannot send e-mail at the moment, so nothing was stored and no e-mail was sent.');
    const answer = await post(origin, 'email=reader%40example.com');
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('3600');
    expect(await answer.text()).toContain('<h1>Subscriptions are unavailable</h1>');
    expect(fs.existsSync(path.join(DIST, 'standalone', '.data'))).toBe(false);
  });

  it('lets the sites named when the server starts frame the embed page, and only those', async () => {
    const csp = (url: string) => fetch(url).then((response) => response.headers.get('content-security-policy'));
    expect(await csp(`${configured}/subprocessors/embed`)).toContain(`frame-ancestors ${FRAME_ANCESTORS};`);
    expect(await csp(`${origin}/subprocessors/embed`)).toContain("frame-ancestors 'self';");
    // The other pages are not made for frames: only the site itself may frame them.
    expect(await csp(`${configured}/subprocessors`)).toContain("frame-ancestors 'self';");
  });
});
