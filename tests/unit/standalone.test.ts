import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The container's server (see Dockerfile): `next build`, then the standalone folder with the
// assets copied in as the Dockerfile does, started with `node server.js`.
const DIST = '.next-standalone';
const PORT = 3192;
const origin = `http://localhost:${PORT}`;

describe('the standalone server', () => {
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_OUTPUT: 'standalone', NEXT_TELEMETRY_DISABLED: '1' };
    execFileSync(path.resolve('node_modules/.bin/next'), ['build'], { env, stdio: 'pipe' });
    const root = path.join(DIST, 'standalone');
    fs.cpSync(path.join(DIST, 'static'), path.join(root, DIST, 'static'), { recursive: true });
    if (fs.existsSync('public')) fs.cpSync('public', path.join(root, 'public'), { recursive: true });
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    server = spawn(process.execPath, [path.join(root, 'server.js')], { env: { ...env, PORT: String(PORT), HOSTNAME: 'localhost', SUBPROCESSORS_TODAY: '2026-11-23' }, stdio: 'ignore' });
    for (let i = 0; !(await fetch(`${origin}/subprocessors`).then((r) => r.ok, () => false)); i++) {
      if (i > 100) throw new Error('the standalone server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 240_000);
  afterAll(() => {
    server?.kill();
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
});
