import { daysBetween, todayIn, type IsoDate } from '../content/dates';
import type { ChangeEvent, Content, Subprocessor } from '../content/schema';
import { allEvents, eventKey } from '../timeline/history';
import { scopedContent } from '../timeline/scopes';
import { noticeId, type NoticeStats } from './queries';

/**
 * Whether each announced change's notice went out, per list (the full one and each scope's
 * it concerns): `npm run notices` prints it, the desk shows it. The notice period is counted
 * from the real day of sending, and flagged when shorter than `notice_period_days`.
 */
export type ListNotice = {
  /** The scope's id; none for the full list. */
  scope?: string;
  label: string;
  /** The change as this list saw it (joining a scope is an addition there), and its id there. */
  event: ChangeEvent;
  key: string;
  stats?: NoticeStats;
  /** The days (site's time zone) the notice first and last went out. */
  sentOn?: IsoDate;
  lastOn?: IsoDate;
  /** Days from sending to taking effect. */
  period?: number;
  tooShort: boolean;
};

export type ChangeNoticeStatus = { key: string; entry: Subprocessor; event: ChangeEvent; lists: ListNotice[]; tooShort: boolean };

/** The full list, then each scope's. */
export function noticeLists(content: Content): { scope?: string; label: string; content: Content }[] {
  return [{ label: 'full list', content }, ...(content.site.scopes ?? []).map((scope) => ({ scope: scope.id, label: `${scope.title} (${scope.id})`, content: scopedContent(content, scope.id)! }))];
}

/** Every change announced after publication and by `today`, newest announcement first, with its notices. */
export function noticeStatuses(content: Content, stats: Map<string, NoticeStats>, today: IsoDate): ChangeNoticeStatus[] {
  const { site } = content;
  const day = (iso?: string) => (iso ? todayIn(site.timezone, new Date(iso)) : undefined);
  const lists = noticeLists(content);
  const events = allEvents(content)
    .filter(({ event }) => event.announced <= today && event.announced > site.published)
    .sort((a, b) => b.event.announced.localeCompare(a.event.announced));
  return events.map(({ entry, event }) => {
    const notices = lists.flatMap((list): ListNotice[] => {
      // The change as this list saw it; none when it does not concern the scope.
      const seen = list.scope ? list.content.subprocessors.find((file) => file.slug === entry.slug)?.history.find((other) => other.announced === event.announced && other.effective === event.effective) : event;
      if (!seen) return [];
      const listed = list.scope ? list.content.subprocessors.find((file) => file.slug === entry.slug)! : entry;
      const s = stats.get(noticeId('day', event.announced, list.scope));
      const sentOn = day(s?.firstSent);
      const period = sentOn ? daysBetween(sentOn, seen.effective) : undefined;
      const tooShort = period !== undefined && seen.change !== 'removed' && !seen.urgent && period < site.notice_period_days;
      return [{ scope: list.scope, label: list.label, event: seen, key: eventKey(listed, seen), stats: s, sentOn, lastOn: day(s?.lastSent), period, tooShort }];
    });
    return { key: eventKey(entry, event), entry, event, lists: notices, tooShort: notices.some((notice) => notice.tooShort) };
  });
}
