/**
 * `npm run notices [-- --csv]`: the proof of notice. Per change: when it was announced, when
 * its e-mails went out, how many were sent, failed or are pending, and the notice period
 * counted from the real sending time, flagged when shorter than `notice_period_days`.
 * `--csv` writes one row per recipient instead.
 */
import { stringify } from 'csv-stringify/sync';
import { loadContent } from '../lib/content';
import { daysBetween, todayIn } from '../lib/dates';
import { allEvents, eventKey } from '../lib/history';
import { database } from '../lib/notify/db';
import { deliveryLog, noticeStats } from '../lib/notify/queries';
import { resolveToday } from '../lib/today';

async function main() {
  const content = loadContent();
  const { site } = content;
  const db = await database();
  if (process.argv.includes('--csv')) {
    process.stdout.write(stringify([['address', 'notice', 'changes', 'status', 'list_fingerprint', 'sent_at', 'message_id', 'smtp_response', 'resent_after_interruption']]));
    const changesOn = (noticeId: string) => allEvents(content).filter(({ event }) => noticeId === `day:${event.announced}`).map(({ entry, event }) => eventKey(entry, event)).join(' ');
    for await (const row of deliveryLog(db)) {
      process.stdout.write(stringify([[row.address, row.notice_id, changesOn(row.notice_id), row.status, row.fingerprint ?? '', row.sent_at ?? '', row.message_id ?? '', row.smtp_response ?? '', row.resent ? 'yes' : 'no']]));
    }
  } else {
    const stats = await noticeStats(db);
    const today = resolveToday(site);
    const day = (iso?: string) => (iso ? todayIn(site.timezone, new Date(iso)) : undefined);
    let short = 0;
    const events = allEvents(content).filter(({ event }) => event.announced <= today && event.announced > site.published).sort((a, b) => b.event.announced.localeCompare(a.event.announced));
    for (const { entry, event } of events) {
      const s = stats.get(`day:${event.announced}`);
      const sentOn = day(s?.firstSent);
      const period = sentOn ? daysBetween(sentOn, event.effective) : undefined;
      const tooShort = period !== undefined && event.change !== 'removed' && !event.urgent && period < site.notice_period_days;
      if (tooShort) short++;
      console.log(`${eventKey(entry, event)}: announced ${event.announced}, effective ${event.effective}`);
      console.log(
        s
          ? `  e-mailed ${sentOn ?? 'not yet'}${s.lastSent && day(s.lastSent) !== sentOn ? ` to ${day(s.lastSent)}` : ''}: ${s.sent} sent, ${s.failed} failed, ${s.pending} pending${s.resent ? `, ${s.resent} re-sent after an interruption` : ''}`
          : '  no subscriber to e-mail (nobody had confirmed before the announcement day)',
      );
      if (period !== undefined) console.log(`  notice period from sending: ${period} days${tooShort ? ` — SHORTER than notice_period_days (${site.notice_period_days})` : ''}`);
    }
    const welcomes = [...stats.values()].filter((s) => s.noticeId.startsWith('welcome:'));
    console.log(`welcome e-mails: ${welcomes.reduce((n, s) => n + s.sent, 0)} sent, ${welcomes.reduce((n, s) => n + s.failed, 0)} failed, ${welcomes.reduce((n, s) => n + s.pending, 0)} pending`);
    if (short) console.log(`${short} ${short === 1 ? 'change was' : 'changes were'} e-mailed with less notice than ${site.notice_period_days} days.`);
  }
  await db.destroy();
}
void main();
