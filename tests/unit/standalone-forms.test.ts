import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, startSmtp } from './notify/helpers';

// The subscription form under attack, on the container's server (see Dockerfile: `next build`,
// then the standalone folder started with `node server.js`) and under `next start`, from one build.
const DIST = '.next-standalone-forms';
const PORT = 3197;
const origin = `http://localhost:${PORT}`;

// The same build under `next start`, for what both servers must do alike (the subscription form).
const START_PORT = 3198;
const SMTP_PORT = 3347;

describe('the subscription form on the standalone server and next start', () => {
  let server: ChildProcess | undefined;
  let started: ChildProcess | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const dataDirs = { standalone: fs.mkdtempSync(path.join(os.tmpdir(), 'standalone-data-')), 'next start': fs.mkdtempSync(path.join(os.tmpdir(), 'start-data-')) };
  const origins = { standalone: origin, 'next start': `http://localhost:${START_PORT}` };

  beforeAll(async () => {
    smtp = await startSmtp(SMTP_PORT);
    const notify = { SMTP_URL: smtp.url, NOTIFY_INTERVAL_SECONDS: '0', SUBPROCESSORS_TODAY: '2026-11-23' };
    const env = { ...process.env, NEXT_DIST_DIR: DIST, NEXT_OUTPUT: 'standalone', NEXT_TELEMETRY_DISABLED: '1' };
    execFileSync(path.resolve('node_modules/.bin/next'), ['build'], { env, stdio: 'pipe' });
    const root = path.join(DIST, 'standalone');
    fs.cpSync(path.join(DIST, 'static'), path.join(root, DIST, 'static'), { recursive: true });
    if (fs.existsSync('public')) fs.cpSync('public', path.join(root, 'public'), { recursive: true });
    fs.cpSync('content', path.join(root, 'content'), { recursive: true });
    // A server left on one of the ports by another run would answer instead of ours.
    for (const base of Object.values(origins)) if (await fetch(base).then(() => true, () => false)) throw new Error(`${base} is taken by another server`);
    const launched = spawn(process.execPath, [path.join(root, 'server.js')], { env: { ...env, ...notify, DATA_DIR: dataDirs.standalone, PORT: String(PORT), HOSTNAME: 'localhost' }, stdio: 'ignore' });
    server = launched;
    const next = spawn(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'start', '-p', String(START_PORT), '-H', 'localhost'], { env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: '1', ...notify, DATA_DIR: dataDirs['next start'] }, stdio: 'ignore' });
    started = next;
    for (const [base, child] of [[origin, launched], [origins['next start'], next]] as const) {
      for (let i = 0; !(await fetch(`${base}/subprocessors`).then((r) => r.ok, () => false)); i++) {
        if (child.exitCode !== null) throw new Error(`the server for ${base} exited (${child.exitCode})`);
        if (i > 150) throw new Error(`the server at ${base} did not start`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }, 240_000);
  afterAll(async () => {
    server?.kill();
    started?.kill();
    await smtp.close();
  });

  const form = (base: string, target: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}${target}`, { method: 'POST', redirect: 'manual', body, headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, ...headers } });

  it.each(['standalone', 'next start'] as const)('%s: a made-up confirmation token starts no notify job', async (name) => {
    // A welcome waiting in the queue: only a run of the job would send it.
    const db = await openTestDb({ DATA_DIR: dataDirs[name] });
    const [{ id }] = await db.insertInto('subscribers').values({ email: 'waiting@example.com', status: 'confirmed', created_at: '2026-11-23T10:00:00.000Z', confirmed_at: '2026-11-23T10:00:00.000Z', confirmed_on: '2026-11-23' }).returning('id').execute();
    await db.insertInto('deliveries').values({ notice_id: 'welcome:2026-11-23', subscriber_id: id, address: 'waiting@example.com', status: 'pending', created_at: '2026-11-23T10:00:00.000Z', next_attempt_at: '2026-11-23T10:00:00.000Z' }).execute();
    await db.destroy();
    const response = await form(origins[name], '/subprocessors/subscribe/confirm?token=made-up', '');
    expect(response.headers.get('location')).toBe('/subprocessors/subscribe/confirm?status=invalid');
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(smtp.messages.filter((m) => m.to_ === 'waiting@example.com')).toEqual([]);
  }, 30_000);

  it.each(['standalone', 'next start'] as const)('%s: a 64 MB form post is refused with 413 before it is read', async (name) => {
    const response = await form(origins[name], '/subprocessors/subscribe', 'a'.repeat(64 * 2 ** 20));
    expect(response.status).toBe(413);
  }, 30_000);

  it.each(['standalone', 'next start'] as const)('%s: the per-IP limit counts the connection, whatever X-Forwarded-For or a forged peer header says', async (name) => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const response = await form(origins[name], '/subprocessors/subscribe', `email=spoof${i}%40example.com`, { 'x-forwarded-for': `10.0.${i}.1`, 'x-real-ip': `10.1.${i}.1`, 'x-subprocessors-peer': `forged 10.2.${i}.1` });
      statuses.push(response.status);
    }
    expect(statuses.filter((status) => status === 303)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(5);
  }, 30_000);
});
