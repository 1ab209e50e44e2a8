import { createHash, randomBytes } from 'node:crypto';
import type { IsoDate } from '../content/dates';
import { fingerprint } from '../timeline/fingerprint';
import { allEvents } from '../timeline/history';
import { changeNotice } from '../publish/notice';
import type { Content } from '../content/schema';
import { listAsOf, upcomingChanges } from '../timeline/timeline';
import { scopedContent } from '../timeline/scopes';
import { absoluteUrl, pageUrl } from '../publish/urls';
import type { Db } from './db';
import { failureKind, messageIdFor, type Mailer } from './mailer';
import { dayMessage, welcomeMessage, type Message } from './messages';
import { addUnsubscribeTokens, claimDeliveries, deleteExpired, enqueueDayNotice, markNoticeSent, parseNoticeId, queueState, recordOutcome, type Claimed } from './queries';

export type NotifyOptions = {
  db: Db;
  content: Content;
  mailer: Mailer;
  /** The site's date: which announcement days have come. */
  today: IsoDate;
  now?: () => Date;
  token?: () => string;
  runId?: string;
  /** Mails per second at most (NOTIFY_RATE); 0 for no limit. */
  rate?: number;
  /** A claim older than this belongs to a process that died mid-send. */
  leaseMs?: number;
  batchSize?: number;
  concurrency?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
  /** Wait in this run for retries due within this time; later ones are left to the next run. */
  maxWaitMs?: number;
  log?: (line: string) => void;
};

export type NotifyResult = { queued: number; sent: number; failed: number; retrying: number; resent: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const randomToken = () => randomBytes(32).toString('base64url');

/** A notice's e-mail with the fingerprint of its list, or why it cannot be sent. */
type Built = { build: (unsubscribeUrl: string) => Message; fingerprint: string } | { missing: string; fingerprint?: string };

/**
 * The e-mail of each notice, built once per run; only the unsubscribe link differs per
 * recipient. A scope's notice (`day:…:eu`) is built from that scope's list, as its pages show
 * it: only the changes that concern it (joining the scope is an addition there), its
 * locations, its page addresses and its fingerprint.
 */
function noticeBuilder(content: Content, today: IsoDate): (noticeId: string) => Built {
  const built = new Map<string, Built>();
  const fingerprints = new Map<Content, string>();
  return (noticeId) => {
    const cached = built.get(noticeId);
    if (cached) return cached;
    const { kind, day, scope } = parseNoticeId(noticeId);
    const list = scope ? scopedContent(content, scope) : content;
    let result: Built;
    if (!list) {
      result = { missing: `not sent: site.yaml no longer has the scope '${scope}'` };
    } else {
      const { site } = list;
      if (!fingerprints.has(list)) fingerprints.set(list, fingerprint(listAsOf(list, today)));
      const listFingerprint = fingerprints.get(list)!;
      const scopeTitle = list.scope?.title;
      result = { missing: 'not sent: the content no longer has an announcement on this day', fingerprint: listFingerprint };
      if (kind === 'day') {
        const notices = allEvents(list).filter(({ event }) => event.announced === day).map(({ entry, event }) => changeNotice(list, entry, event));
        const view = { site, scope: scopeTitle, day, notices, versionUrl: pageUrl(list, `/subprocessors/history/${day}`), changesUrl: pageUrl(list, '/subprocessors/changes') };
        if (notices.length) result = { build: (unsubscribeUrl) => dayMessage({ ...view, unsubscribeUrl }), fingerprint: listFingerprint };
      } else if (kind === 'welcome') {
        // Every change announced and not yet in effect, removals too (SPEC §7): a subscriber who confirms on the
        // day a change is announced may already have missed that day's notice. The deadline where one is still open.
        const notices = upcomingChanges(list, today).map(({ entry, event }) => {
          const notice = changeNotice(list, list.subprocessors.find((file) => file.slug === entry.slug)!, event, today);
          return notice.objection && notice.objection.deadline < today ? { ...notice, objection: undefined } : notice;
        });
        result = { build: (unsubscribeUrl) => welcomeMessage({ site, scope: scopeTitle, today, notices, listUrl: pageUrl(list, '/subprocessors'), unsubscribeUrl }), fingerprint: listFingerprint };
      }
    }
    built.set(noticeId, result);
    return result;
  };
}

/**
 * The lists that have notices: the full one, and each scope's (site.yaml order), with the
 * days something concerning it was announced. A scope's list leaves out the changes that do
 * not touch it, so a day without any sends its subscribers nothing.
 */
function noticeLists(content: Content): { scope?: string; days: Set<IsoDate> }[] {
  const daysOf = (list: Content) => new Set(allEvents(list).map(({ event }) => event.announced));
  return [{ days: daysOf(content) }, ...(content.site.scopes ?? []).map((scope) => ({ scope: scope.id, days: daysOf(scopedContent(content, scope.id)!) }))];
}

/** Announcement days that have come: each is one notice of the full list, and of each scope it concerns. */
export function announcementDays(content: Content, today: IsoDate): IsoDate[] {
  return [...new Set(allEvents(content).map(({ event }) => event.announced))].filter((day) => day <= today).sort();
}

/**
 * Sends every due notice, exactly once per subscriber however many runs overlap: each
 * delivery is queued, then claimed in the database before its SMTP transaction and recorded
 * after it (the outbox pattern). Temporary failures are retried with backoff, permanent ones
 * recorded as failed; a claim left by a dead process is sent again with the same Message-ID.
 */
export async function runNotify(options: NotifyOptions): Promise<NotifyResult> {
  const { db, content, mailer, today, log = console.log } = options;
  const now = options.now ?? (() => new Date());
  const token = options.token ?? randomToken;
  const runId = options.runId ?? `${process.pid}-${randomBytes(6).toString('hex')}`;
  const { rate = 0, leaseMs = 120_000, concurrency = 5, retryBaseMs = 1000, maxAttempts = 8, maxWaitMs = 60_000 } = options;
  // A batch takes at most about ten seconds at the rate, well within the lease.
  const batchSize = options.batchSize ?? (rate > 0 ? Math.max(1, Math.min(100, rate * 10)) : 100);
  const iso = () => now().toISOString();
  const staleBefore = () => new Date(now().getTime() - leaseMs).toISOString();

  await deleteExpired(db, iso());
  let queued = 0;
  // A subscriber who chose several scopes gets one e-mail per scope on a day that concerns
  // more than one: each is the notice of one list, with that list's changes, dates, page
  // addresses and fingerprint, and one row in the delivery log naming its scope. A combined
  // e-mail would have no single list to link to or fingerprint to record as proof.
  const lists = noticeLists(content);
  const siteScopes = (content.site.scopes ?? []).map((scope) => scope.id);
  for (const day of announcementDays(content, today)) {
    for (const list of lists) if (list.days.has(day)) queued += await enqueueDayNotice(db, day, iso(), { scope: list.scope, siteScopes });
  }
  const result: NotifyResult = { queued, sent: 0, failed: 0, retrying: 0, resent: 0 };
  // Deliveries this run left waiting for a retry (a later run takes them).
  const waiting = new Set<number>();
  const total = (await queueState(db, iso(), staleBefore())).due;
  if (total === 0) return result;

  const messageFor = noticeBuilder(content, today);
  const started = Date.now();
  let lastReport = started;
  let nextSlot = Date.now();
  const report = (force = false) => {
    if (!force && Date.now() - lastReport < 1000) return;
    lastReport = Date.now();
    const perSecond = Math.round((result.sent / Math.max(1, Date.now() - started)) * 1000);
    log(`notify: ${result.sent} of ${total} sent, ${result.failed} failed, ${waiting.size} waiting to retry (${perSecond}/s)`);
  };

  // The first sending time of each notice in the current batch.
  let firstSent = new Map<string, string>();

  async function deliver(delivery: Claimed, unsubscribeToken: string) {
    const local = `${delivery.notice_id}.${delivery.id}.${createHash('sha256').update(`${delivery.notice_id}:${delivery.id}:${delivery.subscriber_id}`).digest('hex').slice(0, 16)}`;
    const messageId = messageIdFor(content.site, local);
    const notice = messageFor(delivery.notice_id);
    const outcome = { messageId, fingerprint: notice.fingerprint };
    if (!('build' in notice)) {
      await recordOutcome(db, delivery.id, runId, { ...outcome, status: 'failed', at: iso(), response: notice.missing });
      result.failed++;
      return;
    }
    if (rate > 0) {
      const wait = nextSlot - Date.now();
      nextSlot = Math.max(nextSlot, Date.now()) + 1000 / rate;
      if (wait > 0) await sleep(wait);
    }
    const unsubscribeUrl = absoluteUrl(content.site, `/subprocessors/unsubscribe?token=${unsubscribeToken}`);
    try {
      const response = await mailer.send({ to: delivery.address, messageId, message: notice.build(unsubscribeUrl), unsubscribeUrl });
      const at = iso();
      await recordOutcome(db, delivery.id, runId, { ...outcome, status: 'sent', at, response });
      if (!firstSent.has(delivery.notice_id)) firstSent.set(delivery.notice_id, at);
      result.sent++;
      waiting.delete(delivery.id);
      if (delivery.interrupted) {
        result.resent++;
        log(`Re-sent after an interruption: ${messageId} (delivery ${delivery.id})`);
      }
    } catch (error) {
      const { permanent, response } = failureKind(error);
      if (permanent || delivery.attempts >= maxAttempts) {
        await recordOutcome(db, delivery.id, runId, { ...outcome, status: 'failed', at: iso(), response: permanent ? response : `gave up after ${delivery.attempts} attempts: ${response}` });
        result.failed++;
        waiting.delete(delivery.id);
      } else {
        const nextAttemptAt = new Date(now().getTime() + Math.min(retryBaseMs * 2 ** (delivery.attempts - 1), 15 * 60_000)).toISOString();
        await recordOutcome(db, delivery.id, runId, { ...outcome, status: 'pending', at: iso(), response, nextAttemptAt });
        waiting.add(delivery.id);
      }
    }
    report();
  }

  for (;;) {
    const batch = await claimDeliveries(db, runId, iso(), staleBefore(), batchSize);
    if (batch.length === 0) {
      const { due, nextRetry } = await queueState(db, iso(), staleBefore());
      if (due > 0) continue;
      const wait = nextRetry ? Date.parse(nextRetry) - now().getTime() : Infinity;
      if (wait > maxWaitMs) break;
      await sleep(Math.max(wait, 10));
      continue;
    }
    const tokens = batch.map(() => token());
    await addUnsubscribeTokens(db, batch.flatMap((delivery, index) => (delivery.subscriber_id === null ? [] : [{ token: tokens[index], subscriberId: delivery.subscriber_id }])), iso());
    let next = 0;
    const worker = async () => {
      while (next < batch.length) {
        const index = next++;
        await deliver(batch[index], tokens[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, batch.length) }, worker));
    for (const [noticeId, at] of firstSent) await markNoticeSent(db, noticeId, at);
    firstSent = new Map();
  }
  result.retrying = waiting.size;
  report(true);
  return result;
}
