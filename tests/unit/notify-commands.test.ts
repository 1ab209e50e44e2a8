import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { runNotify } from '../../lib/notify/job';
import { createMailer } from '../../lib/notify/mailer';
import { addConfirmed, databaseEnv, noticeContent, openTestDb, startSmtp } from './notify/helpers';

/** The proof commands, run as a person runs them, on a log written by a real send. */
const { dir, content } = noticeContent();
let env: Record<string, string>;
const run = (script: string, args: string[] = []) =>
  execFileSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], { env: { ...process.env, ...env, CONTENT_DIR: dir, SUBPROCESSORS_TODAY: '2026-12-10' }, encoding: 'utf8' });

describe('npm run notices and npm run subscribers', () => {
  beforeAll(async () => {
    env = await databaseEnv('sqlite', 'commands');
    const db = await openTestDb(env);
    await addConfirmed(db, 3);
    const smtp = await startSmtp(3340);
    const mailer = createMailer(content.site, { kind: 'smtp', url: smtp.url });
    // The change announced on November 30 was merged late: its e-mails went out on December 10.
    await runNotify({ db, content, mailer, today: '2026-12-10', now: () => new Date('2026-12-10T15:00:00Z'), log: () => {} });
    mailer.close();
    await smtp.close();
    await db.destroy();
  });

  it('prints per change when it was e-mailed, the counts, and flags a notice period shorter than promised', () => {
    const out = run('notices.ts');
    expect(out).toContain(
      [
        'anthropic-added-2027-01-04: announced 2026-11-30, effective 2027-01-04',
        '  e-mailed 2026-12-10: 3 sent, 0 failed, 0 pending',
        '  notice period from sending: 25 days — SHORTER than notice_period_days (30)',
      ].join('\n'),
    );
    expect(out).toContain('stripe-added-2026-12-16: announced 2026-11-16, effective 2026-12-16\n  no subscriber to e-mail (nobody had confirmed before the announcement day)');
    expect(out).toContain('1 change was e-mailed with less notice than 30 days.');
  });

  it('writes one CSV row per recipient with the proof of each delivery', () => {
    const rows = parse(run('notices.ts', ['--csv']), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.address)).toEqual(['user0@example.com', 'user1@example.com', 'user2@example.com']);
    expect(rows[0]).toMatchObject({ notice: 'day:2026-11-30', changes: 'anthropic-added-2027-01-04', status: 'sent', sent_at: '2026-12-10T15:00:00.000Z', resent_after_interruption: 'no' });
    expect(rows[0].list_fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0].message_id).toMatch(/^<day-2026-11-30\.\d+\.[0-9a-f]{16}@securicomnet\.com>$/);
    expect(rows[0].smtp_response).toMatch(/^250 /);
  });

  it('counts, exports and erases subscribers', () => {
    expect(run('subscribers.ts')).toMatch(/: 3 confirmed, 0 waiting for confirmation, 0 unsubscribed\n$/);
    expect((parse(run('subscribers.ts', ['--export']), { columns: true }) as { address: string }[]).map((row) => row.address)).toEqual(['user0@example.com', 'user1@example.com', 'user2@example.com']);
    expect(run('subscribers.ts', ['--erase', 'User0@Example.com'])).toBe('Erased user0@example.com: subscription, tokens and rate limits deleted, e-mails still queued for it cancelled; the delivery log keeps its rows without the address. Backups made before now still hold it (docs/security.md).\n');
    expect(run('subscribers.ts')).toMatch(/: 2 confirmed, 0 waiting/);
    const rows = parse(run('notices.ts', ['--csv']), { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.address)).toEqual(['erased', 'user1@example.com', 'user2@example.com']);
    expect(run('notices.ts')).toContain('  e-mailed 2026-12-10: 3 sent, 0 failed, 0 pending');
  });
});
