import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNotify } from '../../lib/notify/job';
import { createMailer } from '../../lib/notify/mailer';
import { addConfirmed, countBy, databaseEnv, KINDS, noticeContent, openTestDb, startSmtp } from './notify/helpers';

/**
 * Faults, counted at a real SMTP server: what it received is the truth a subscriber sees.
 * The content has one announcement day after the subscribers confirmed: 2026-11-30.
 */
const { dir, content } = noticeContent();

function notifyProcess(env: Record<string, string>) {
  // One process (not the tsx wrapper, which would leave its child running when killed).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/notify.ts'], { env: { ...process.env, CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-11-30', NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on('exit', (code) => resolve({ code, output })));
  return { child, done };
}

describe.each(KINDS)('notify on %s', (kind) => {
  const port = (offset: number) => (kind === 'sqlite' ? 3320 : 3330) + offset;

  it('retries while the SMTP server refuses connections and sends exactly one each once it is back; 4xx retried, 5xx recorded as failed', async () => {
    const db = await openTestDb(await databaseEnv(kind, `refuse_${kind}`));
    const emails = await addConfirmed(db, 30);
    const mailer = createMailer(content.site, { kind: 'smtp', url: `smtp://127.0.0.1:${port(0)}` });
    let smtp: Awaited<ReturnType<typeof startSmtp>> | undefined;
    // The server comes up 1.5 s after the run starts; until then every connection is refused.
    const starting = new Promise<void>((resolve) => setTimeout(async () => {
      smtp = await startSmtp(port(0), (to, count) => (to === 'user7@example.com' ? { code: 550, message: 'No such user' } : to === 'user3@example.com' && count === 1 ? { code: 451, message: 'Try again later' } : undefined));
      resolve();
    }, 1500));
    const result = await runNotify({ db, content, mailer, today: '2026-11-30', retryBaseMs: 400, log: () => {} });
    await starting;
    mailer.close();
    expect(result).toMatchObject({ queued: 30, sent: 29, failed: 1 });
    const received = countBy(smtp!.messages, (m) => m.to_);
    expect([...received.keys()].sort()).toEqual(emails.filter((e) => e !== 'user7@example.com').sort());
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    const failed = await db.selectFrom('deliveries').select(['address', 'status', 'smtp_response']).where('status', '=', 'failed').execute();
    expect(failed).toEqual([{ address: 'user7@example.com', status: 'failed', smtp_response: '550 No such user' }]);
    const retried = await db.selectFrom('deliveries').select(['attempts', 'status']).where('address', '=', 'user3@example.com').executeTakeFirstOrThrow();
    expect(retried.status).toBe('sent');
    expect(retried.attempts).toBeGreaterThanOrEqual(2);
    await smtp!.close();
    await db.destroy();
  }, 60_000);

  it('two notify processes at once send exactly one e-mail to each subscriber', async () => {
    const env = await databaseEnv(kind, `twice_${kind}`);
    const db = await openTestDb(env);
    const emails = await addConfirmed(db, 300);
    const smtp = await startSmtp(port(1));
    const runs = [notifyProcess({ ...env, SMTP_URL: smtp.url, NOTIFY_RATE: '0' }), notifyProcess({ ...env, SMTP_URL: smtp.url, NOTIFY_RATE: '0' })];
    const results = await Promise.all(runs.map((run) => run.done));
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const sent = results.map((r) => Number(/^notify \(.*\): (\d+) sent, 0 failed/m.exec(r.output)?.[1]));
    expect(sent[0] + sent[1]).toBe(300);
    const received = countBy(smtp.messages, (m) => m.to_);
    expect(received.size).toBe(300);
    expect([...received.keys()].sort()).toEqual([...emails].sort());
    expect(smtp.messages).toHaveLength(300);
    await smtp.close();
    await db.destroy();
  }, 120_000);

  it('a run killed mid-batch loses nothing: the rerun sends the rest, in-flight ones again with the same Message-ID, and logs it', async () => {
    const env = await databaseEnv(kind, `killed_${kind}`);
    const db = await openTestDb(env);
    const emails = await addConfirmed(db, 500);
    // After 150 messages the server stops answering: the run is killed with messages in flight.
    const smtp = await startSmtp(port(2), undefined, { holdAfter: 150 });
    const first = notifyProcess({ ...env, SMTP_URL: smtp.url, NOTIFY_RATE: '0' });
    while (smtp.held() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    await new Promise((resolve) => setTimeout(resolve, 100));
    first.child.kill('SIGKILL');
    await first.done;
    smtp.release();
    const beforeRerun = smtp.messages.length;
    expect(beforeRerun).toBeLessThan(500);
    // Claims of the dead process count as abandoned after the lease (1 s here, 2 minutes by default).
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const rerun = await notifyProcess({ ...env, SMTP_URL: smtp.url, NOTIFY_RATE: '0', NOTIFY_LEASE_SECONDS: '1' }).done;
    expect(rerun.code).toBe(0);
    const received = countBy(smtp.messages, (m) => m.to_);
    expect([...received.keys()].sort()).toEqual([...emails].sort());
    const twice = [...received].filter(([, n]) => n > 1).map(([to]) => to);
    expect([...received.values()].every((n) => n <= 2)).toBe(true);
    // At most the messages in flight when it was killed (five connections) arrive twice, each with one Message-ID.
    expect(twice.length).toBeLessThanOrEqual(5);
    // Every message the server held unanswered arrives twice: the dead run never recorded it sent.
    expect(smtp.held()).toBeGreaterThan(0);
    expect(twice.length).toBe(smtp.held());
    for (const to of twice) expect(new Set(smtp.messages.filter((m) => m.to_ === to).map((m) => m.messageId)).size).toBe(1);
    const resent = await db.selectFrom('deliveries').select('address').where('resent', '=', 1).execute();
    for (const to of twice) expect(resent.map((r) => r.address)).toContain(to);
    expect(rerun.output).toContain('re-sent after an interruption');
    expect((rerun.output.match(/Re-sent after an interruption: <day-2026-11-30\.\d+\.[0-9a-f]{16}@securicomnet\.com>/g) ?? []).length).toBe(resent.length);
    const statuses = await db.selectFrom('deliveries').select('status').execute();
    expect(countBy(statuses, (s) => s.status)).toEqual(new Map([['sent', 500]]));
    await smtp.close();
    await db.destroy();
  }, 120_000);

  it('two runs at once with a slow SMTP server, each message taking longer than the lease: nobody gets a notice twice', async () => {
    const env = await databaseEnv(kind, `slow_${kind}`);
    const db = await openTestDb(env);
    const emails = await addConfirmed(db, 20);
    // 1.5 s per message, with a 1 s lease: a run that never renewed its claims would lose them all.
    const smtp = await startSmtp(port(3), undefined, { delayMs: 1500 });
    const options = { ...env, SMTP_URL: smtp.url, NOTIFY_RATE: '0', NOTIFY_LEASE_SECONDS: '1' };
    const first = notifyProcess(options);
    while (smtp.messages.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    const second = notifyProcess(options);
    const results = await Promise.all([first.done, second.done]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const received = countBy(smtp.messages, (m) => m.to_);
    expect([...received.keys()].sort()).toEqual([...emails].sort());
    expect([...received].filter(([, n]) => n > 1)).toEqual([]);
    expect(results.every((r) => !r.output.includes('re-sent after an interruption'))).toBe(true);
    await smtp.close();
    await db.destroy();
  }, 120_000);
});

describe('npm run subscribers -- --erase on the embedded database', () => {
  it('leaves the address nowhere on disk: not in the database file or its log, not in the outbox; nothing queued for it is sent', async () => {
    const env = await databaseEnv('sqlite', 'erase');
    const db = await openTestDb(env);
    await addConfirmed(db, 50);
    // Outbox mode (no SMTP_URL outside production): every notice is an .eml file under DATA_DIR.
    expect((await notifyProcess(env).done).code).toBe(0);
    const outbox = path.join(env.DATA_DIR, 'outbox');
    expect(fs.readdirSync(outbox)).toHaveLength(50);
    // A notice still queued for the address when the request to erase it comes.
    const { id } = await db.selectFrom('subscribers').select('id').where('email', '=', 'user7@example.com').executeTakeFirstOrThrow();
    await db.insertInto('deliveries').values({ notice_id: 'welcome:2026-11-30', subscriber_id: id, address: 'user7@example.com', status: 'pending', created_at: '2026-11-30T10:00:00.000Z', next_attempt_at: '2026-11-30T10:00:00.000Z' }).execute();
    // And a refused objection form kept for its browser, with the address typed in it.
    await db.insertInto('objection_drafts').values({ hash: 'h', change_id: 'stripe-added-2026-12-16', scope: null, data: JSON.stringify({ values: { email: 'user7@example.com' } }), created_at: '2026-11-30T10:00:00.000Z', expires_at: '2026-11-30T11:00:00.000Z' }).execute();
    await db.destroy();

    const said = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/subscribers.ts', '--erase', 'User7@Example.com'], { env: { ...process.env, ...env, CONTENT_DIR: dir }, encoding: 'utf8' });
    expect(said).toContain('Erased user7@example.com');
    expect(said).toContain('1 e-mail file deleted from the outbox');
    const holding = (folder: string): string[] =>
      fs.readdirSync(folder, { withFileTypes: true }).flatMap((item) => {
        const file = path.join(folder, item.name);
        if (item.isDirectory()) return holding(file);
        return fs.readFileSync(file).includes('user7@example.com') ? [path.relative(env.DATA_DIR, file)] : [];
      });
    expect(holding(env.DATA_DIR)).toEqual([]);
    expect(fs.readdirSync(outbox)).toHaveLength(49);
    // The next run sends nothing to it, and nothing to "erased".
    expect((await notifyProcess(env).done).code).toBe(0);
    expect(fs.readdirSync(outbox)).toHaveLength(49);
    const after = await openTestDb(env);
    expect(await after.selectFrom('deliveries').select(['address', 'status']).where('notice_id', '=', 'welcome:2026-11-30').execute()).toEqual([{ address: 'erased', status: 'cancelled' }]);
    expect(holding(env.DATA_DIR)).toEqual([]);
    await after.destroy();
  }, 120_000);
});
