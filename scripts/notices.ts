/**
 * `npm run notices [-- --csv]`: the proof of notice. Per change: when it was announced, when
 * its e-mails went out, how many were sent, failed or are pending, and the notice period
 * counted from the real sending time, flagged when shorter than `notice_period_days`. With
 * scopes in site.yaml, the same for the full list and for each scope's list the change
 * concerns, as that list called it (joining a scope is an addition there).
 * `--csv` writes one row per recipient instead, with the scope of the list it was about
 * (empty: the full list). Each change also says how many objections it received (the register:
 * `npm run objections`).
 */
import { stringify } from 'csv-stringify/sync';
import { loadContent } from '../lib/content/load';
import { allEvents, eventKey } from '../lib/timeline/history';
import { database } from '../lib/notify/db';
import { noticeStatuses } from '../lib/notify/notice-status';
import { deliveryLog, noticeStats, parseNoticeId } from '../lib/notify/queries';
import { scopedContent } from '../lib/timeline/scopes';
import { resolveToday } from '../lib/content/today';
import { countKey, objectionCounts } from '../lib/notify/objections/register';

async function main() {
  const content = loadContent();
  const { site } = content;
  const db = await database();
  if (process.argv.includes('--csv')) {
    process.stdout.write(stringify([['address', 'notice', 'scope', 'changes', 'status', 'list_fingerprint', 'sent_at', 'message_id', 'smtp_response', 'resent_after_interruption']]));
    const changes = new Map<string, string>();
    const changesOn = (id: string) => {
      if (!changes.has(id)) {
        const { kind, day, scope } = parseNoticeId(id);
        const list = scope ? scopedContent(content, scope) : content;
        const events = kind === 'day' && list ? allEvents(list).filter(({ event }) => event.announced === day) : [];
        changes.set(id, events.map(({ entry, event }) => eventKey(entry, event)).join(' '));
      }
      return changes.get(id)!;
    };
    for await (const row of deliveryLog(db)) {
      process.stdout.write(stringify([[row.address, row.notice_id, row.scope ?? '', changesOn(row.notice_id), row.status, row.fingerprint ?? '', row.sent_at ?? '', row.message_id ?? '', row.smtp_response ?? '', row.resent ? 'yes' : 'no']]));
    }
  } else {
    const stats = await noticeStats(db);
    const objections = await objectionCounts(db);
    let short = 0;
    for (const { key, event, lists, tooShort } of noticeStatuses(content, stats, resolveToday(site))) {
      console.log(`${key}: announced ${event.announced}, effective ${event.effective}`);
      for (const list of lists) {
        const [first, then] = site.scopes ? [`  ${list.label}: `, '    '] : ['  ', '  '];
        const s = list.stats;
        console.log(
          first +
            (s
              ? `e-mailed ${list.sentOn ?? 'not yet'}${list.lastOn && list.lastOn !== list.sentOn ? ` to ${list.lastOn}` : ''}: ${s.sent} sent, ${s.failed} failed, ${s.pending} pending${s.resent ? `, ${s.resent} re-sent after an interruption` : ''}`
              : 'no subscriber to e-mail (nobody had confirmed before the announcement day)'),
        );
        if (list.period !== undefined) console.log(`${then}notice period from sending: ${list.period} days${list.tooShort ? ` — SHORTER than notice_period_days (${site.notice_period_days})` : ''}`);
        const objected = objections.get(countKey(list.key, list.scope));
        if (list.event.change !== 'removed') console.log(`${then}objections: ${objected ? `${objected.total} (${objected.late} late, ${objected.open} open)` : 'none'}`);
      }
      if (tooShort) short++;
    }
    const welcomes = [...stats.values()].filter((s) => s.noticeId.startsWith('welcome:'));
    console.log(`welcome e-mails: ${welcomes.reduce((n, s) => n + s.sent, 0)} sent, ${welcomes.reduce((n, s) => n + s.failed, 0)} failed, ${welcomes.reduce((n, s) => n + s.pending, 0)} pending`);
    if (short) console.log(`${short} ${short === 1 ? 'change was' : 'changes were'} e-mailed with less notice than ${site.notice_period_days} days.`);
  }
  await db.destroy();
}
void main();
