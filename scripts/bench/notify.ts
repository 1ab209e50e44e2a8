/**
 * `npm run bench:notify [-- 1000 10000]` (also the end of `npm run bench`): e-mails a notice
 * to N confirmed subscribers through a local SMTP server, with `npm run notify` on the
 * embedded database and on PostgreSQL: mails per second and the process's peak memory.
 * Then subscribe requests per second and p99 at 10 connections against `next start`
 * (`--no-subscribe` leaves that out: it builds the site).
 */
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { migrate, openDatabase } from '../../lib/notify/db';
import { freshDatabase, startPostgres } from '../test-postgres';
import { startNext, stop, waitFor } from '../server';

const SMTP_PORT = 3360;
const FIXTURE = 'tests/fixtures/notify';

async function subscribers(env: Record<string, string>, count: number) {
  const db = openDatabase(env);
  await migrate(db);
  for (let i = 0; i < count; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, count - i) }, (_, k) => ({ email: `s${i + k}@bench.example`, status: 'confirmed' as const, created_at: '2026-11-01T00:00:00.000Z', confirmed_at: '2026-11-01T00:00:00.000Z', confirmed_on: '2026-11-01' }));
    await db.insertInto('subscribers').values(rows).execute();
  }
  await db.destroy();
}

function runNotify(env: Record<string, string>): Promise<{ ms: number; output: string }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/notify.ts'], { env: { ...process.env, CONTENT_DIR: FIXTURE, SUBPROCESSORS_TODAY: '2026-11-30', SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, NOTIFY_RATE: '0', ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve({ ms: performance.now() - started, output }) : reject(new Error(output)))));
}

export async function benchNotify(sizes: number[], subscribe = true): Promise<void> {
  let received = 0;
  const smtp = new SMTPServer({ authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, onData(stream, _session, callback) {
    stream.resume();
    stream.on('end', () => {
      received++;
      callback();
    });
  } });
  await new Promise<void>((resolve) => smtp.listen(SMTP_PORT, '127.0.0.1', resolve));
  const postgres = await startPostgres(3356);
  console.log('\n| database | subscribers | sent | time | mails/s | peak memory of `npm run notify` |\n|---|---|---|---|---|---|');
  try {
    for (const kind of ['embedded (SQLite)', 'PostgreSQL']) {
      for (const size of sizes) {
        const env: Record<string, string> = kind === 'PostgreSQL' ? { DATABASE_URL: await freshDatabase(postgres.url, `bench_${size}`) } : { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-notify-')) };
        await subscribers(env, size);
        received = 0;
        const { ms, output } = await runNotify(env);
        const memory = /peak memory: (\d+) MB/.exec(output)?.[1];
        console.log(`| ${kind} | ${size} | ${received} | ${(ms / 1000).toFixed(1)} s | ${Math.round(received / (ms / 1000))} | ${memory} MB |`);
        if (env.DATA_DIR) fs.rmSync(env.DATA_DIR, { recursive: true, force: true });
      }
    }
    if (subscribe) await benchSubscribe();
  } finally {
    await postgres.stop();
    smtp.close();
  }
}

/** Subscribe requests (each a new address: rate limits raised, a confirmation e-mail each) at 10 connections. */
async function benchSubscribe(): Promise<void> {
  const dist = '.next-bench-notify';
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-subscribe-'));
  const env = { ...process.env, CONTENT_DIR: FIXTURE, NEXT_DIST_DIR: dist, DATA_DIR: dataDir, SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, SUBSCRIBE_LIMIT_PER_IP: '1000000', NOTIFY_INTERVAL_SECONDS: '0', NEXT_TELEMETRY_DISABLED: '1' };
  if (spawnSync('node_modules/.bin/next', ['build'], { env, stdio: 'ignore' }).status !== 0) throw new Error('build failed');
  const server = startNext(process.cwd(), 3361, env);
  try {
    await waitFor(3361);
    let n = 0;
    const result = await autocannon({
      url: 'http://localhost:3361/subprocessors/subscribe',
      connections: 10,
      amount: 2000,
      requests: [{ method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, setupRequest: (request) => ({ ...request, body: `email=b${n++}%40bench.example` }) }],
    });
    console.log(`\nSubscribe (POST /subprocessors/subscribe, 10 connections, ${result.requests.total} requests, each a new address and a confirmation e-mail): ${Math.round(result.requests.average)}/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.non2xx} non-2xx (303 counts as non-2xx: all ${result['3xx'] ?? '?'} were 303), ${result.errors} errors.`);
  } finally {
    stop(server);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(dist, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('notify.ts')) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  benchNotify(sizes.length ? sizes : [1000, 10_000], !process.argv.includes('--no-subscribe')).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
