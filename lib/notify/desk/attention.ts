import { daysBetween, type IsoDate } from '../../content/dates';
import type { ChangeEvent, Content } from '../../content/schema';
import { allEvents, eventKey } from '../../timeline/history';
import { entryAsOf, upcomingChanges } from '../../timeline/timeline';
import type { Db } from '../db';
import { noticeStatuses, type ListNotice } from '../notice-status';
import { objectionCounts, type ObjectionCount } from '../objections';
import { noticeStats } from '../queries';
import { deskRegister, type DeskObjection } from './objections';

/**
 * What needs the legal team's attention on `today`. Each part is a list the desk's first page
 * shows as a section of its own. A change in progress counts its `objections`: how many were
 * filed against it (on any of its lists), how many late, how many still open.
 */
export type InProgress = { key: string; name: string; event: ChangeEvent; deadline?: IsoDate; notices: ListNotice[]; objections: ObjectionCount };
export type Ahead = { key: string; name: string; event: ChangeEvent; daysAhead: number };
export type FailedDelivery = { id: number; noticeId: string; address: string; scope: string | null; createdAt: string; response: string | null };
export type Warning = { key: string; name: string; text: string };
export type Attention = { inProgress: InProgress[]; ahead: Ahead[]; failed: FailedDelivery[]; warnings: Warning[]; objections: DeskObjection[] };

/** The changes announced and not yet in effect, with their deadlines and whether their notices went out. */
function inProgress(content: Content, statuses: ReturnType<typeof noticeStatuses>, counts: Map<string, ObjectionCount>, today: IsoDate): InProgress[] {
  return upcomingChanges(content, today).map(({ entry, event, objectionDeadline }) => {
    const key = eventKey(content.subprocessors.find((file) => file.slug === entry.slug)!, event);
    return { key, name: entry.name, event, deadline: objectionDeadline, notices: statuses.find((status) => status.key === key)?.lists ?? [], objections: countFor(counts, key) };
  });
}

/** A change's objections on every list: the counts are kept per list (`<scope>:<change id>`). */
function countFor(counts: Map<string, ObjectionCount>, changeId: string): ObjectionCount {
  const total: ObjectionCount = { total: 0, late: 0, open: 0 };
  for (const [key, count] of counts) {
    if (key.slice(key.indexOf(':') + 1) !== changeId) continue;
    total.total += count.total;
    total.late += count.late;
    total.open += count.open;
  }
  return total;
}

/** Changes merged before their announcement day: not public yet, e-mailed on that day. */
function ahead(content: Content, today: IsoDate): Ahead[] {
  return allEvents(content)
    .filter(({ event }) => event.announced > today)
    .map(({ entry, event }) => ({ key: eventKey(entry, event), name: entryAsOf(entry, event.effective).name, event, daysAhead: daysBetween(today, event.announced) }))
    .sort((a, b) => a.event.announced.localeCompare(b.event.announced) || a.name.localeCompare(b.name));
}

/**
 * Warnings from the content and the delivery log, for changes not yet in effect: an
 * announcement dated before the day its notice actually went out (merged late), and a notice
 * period counted from sending shorter than `notice_period_days`.
 */
function warnings(content: Content, changes: InProgress[]): Warning[] {
  const days = content.site.notice_period_days;
  return changes.flatMap(({ key, name, event, notices }) =>
    notices.flatMap((notice): Warning[] => {
      const list = content.site.scopes ? ` (${notice.label})` : '';
      const found: Warning[] = [];
      if (notice.sentOn && notice.sentOn > event.announced) found.push({ key, name, text: `Announced as of ${event.announced}, a date already past when it was published: the notice${list} went out on ${notice.sentOn}.` });
      if (notice.tooShort) found.push({ key, name, text: `The notice${list} went out ${notice.period} days before the change takes effect, less than the ${days}-day notice period.` });
      return found;
    }),
  );
}

/** The latest failed deliveries, newest first. */
export async function failedDeliveries(db: Db, limit = 50): Promise<FailedDelivery[]> {
  const rows = await db.selectFrom('deliveries').select(['id', 'notice_id', 'address', 'scope', 'created_at', 'smtp_response']).where('status', '=', 'failed').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((row) => ({ id: row.id, noticeId: row.notice_id, address: row.address, scope: row.scope, createdAt: row.created_at, response: row.smtp_response }));
}

export async function attention(db: Db, content: Content, today: IsoDate): Promise<Attention> {
  const statuses = noticeStatuses(content, await noticeStats(db), today);
  const changes = inProgress(content, statuses, await objectionCounts(db), today);
  const objections = await deskRegister(db, content, today, { open: true });
  return { inProgress: changes, ahead: ahead(content, today), failed: await failedDeliveries(db), warnings: warnings(content, changes), objections };
}
