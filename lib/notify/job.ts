import { createHash, randomBytes } from 'node:crypto';
import type { IsoDate } from '../content/dates';
import { fingerprint } from '../timeline/fingerprint';
import { allEvents } from '../timeline/history';
import { changeNotice } from '../publish/notice';
import type { Content } from '../content/schema';
import { listAsOf, openChanges } from '../timeline/timeline';
import { scopedContent, scopeTitles } from '../timeline/scopes';
import { absoluteUrl, pageUrl } from '../publish/urls';
import type { Db } from './db';
import { failureKind, messageIdFor, type Mailer } from './mailer';
import { confirmMessage, dayMessage, welcomeMessage, type Message, type Personal } from './messages';
import { composeObjectionMail } from './objections/mail';
import { personalToken } from './objections/link';
import { deleteExpiredDrafts } from './objections/drafts';
import { deleteUnverifiedObjections, parseObjectionMail } from './objections/queries';
import { addUnsubscribeTokens, CONFIRM_DAYS, storeNoticeCopy, claimDeliveries, deleteExpired, enqueueDayNotice, holdClaim, issueConfirmToken, markNoticeSent, parseNoticeId, queueState, recordOutcome, renewClaims, type Claimed } from './queries';

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
  /** A claim not renewed for this long belongs to a process that died (or froze) mid-send. */
  leaseMs?: number;
  concurrency?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
  /** Wait in this run for retries due within this time; later ones are left to the next run. */
  maxWaitMs?: number;
  log?: (line: string) => void;
  /** The server's secret: notices then carry each subscriber's personal link to the objection form (lib/notify/objections/link.ts). */
  secret?: string;
};

export type NotifyResult = { queued: number; sent: number; failed: number; retrying: number; resent: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const randomToken = () => randomBytes(32).toString('base64url');

/** A notice's e-mail with the fingerprint of its list, or why it cannot be sent. */
type Built = { build: (unsubscribeUrl: string, objectUrl?: Personal) => Message; fingerprint: string } | { missing: string; fingerprint?: string };

/** The copy of a notice kept as sent (lib/notify/migrations/0005_objections.ts): each recipient's own links as placeholders. */
const storedCopy = (build: (unsubscribeUrl: string, objectUrl?: Personal) => Message) => build('[the recipient\'s unsubscribe link]', (form) => `${form.url}&token=[the recipient's personal key]`);

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
        if (notices.length) result = { build: (unsubscribeUrl, objectUrl) => dayMessage({ ...view, unsubscribeUrl, objectUrl }), fingerprint: listFingerprint };
      } else if (kind === 'welcome') {
        // Every change announced and not yet in effect, removals too (SPEC §7), and urgent ones still open to
        // objection: a subscriber who confirms on the day a change is announced may already have missed that
        // day's notice. The deadline where one is still open.
        const notices = openChanges(list, today).map(({ entry, event }) => {
          const notice = changeNotice(list, list.subprocessors.find((file) => file.slug === entry.slug)!, event, today);
          return notice.objection && notice.objection.deadline < today ? { ...notice, objection: undefined } : notice;
        });
        result = { build: (unsubscribeUrl, objectUrl) => welcomeMessage({ site, scope: scopeTitle, today, notices, listUrl: pageUrl(list, '/subprocessors'), unsubscribeUrl, objectUrl }), fingerprint: listFingerprint };
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

/** A claimed delivery's e-mail, ready to send, or why it cannot be sent. */
type Composed = { message: Message; unsubscribeUrl?: string; fingerprint?: string; replyTo?: string; copy?: Message } | { missing: string; fingerprint?: string };

type Run = Required<Pick<NotifyOptions, 'db' | 'content' | 'mailer' | 'today' | 'now' | 'token' | 'runId' | 'log'>> & NotifyOptions & { result: NotifyResult; waiting: Set<number> };

/** How each delivery is composed, sent and recorded in one run. */
function deliverer(run: Run): (delivery: Claimed) => Promise<void> {
  const { db, content, mailer, now, token, runId, result, waiting } = run;
  const { site } = content;
  const { rate = 0, retryBaseMs = 1000, maxAttempts = 8 } = run;
  const iso = () => now().toISOString();
  const messageFor = noticeBuilder(content, run.today);
  const marked = new Set<string>();
  let nextSlot = Date.now();

  async function compose(delivery: Claimed): Promise<Composed> {
    const link = token();
    if (parseObjectionMail(delivery.notice_id)) return (await composeObjectionMail(db, content, run.today, delivery.notice_id, link, iso()))!;
    if (parseNoticeId(delivery.notice_id).kind === 'confirm') {
      // The link is made now, so the request never had to store it or wait for SMTP.
      const request = delivery.subscriber_id === null ? undefined : await issueConfirmToken(db, delivery.subscriber_id, link, iso());
      if (!request) return { missing: 'not sent: the request is gone (expired or erased)' };
      const confirmUrl = absoluteUrl(site, `/subprocessors/subscribe/confirm?token=${link}`);
      return { message: confirmMessage({ site, scopes: scopeTitles(site, request.requested), current: request.confirmed ? scopeTitles(site, request.current) : undefined, confirmUrl, days: CONFIRM_DAYS }) };
    }
    const notice = messageFor(delivery.notice_id);
    if (!('build' in notice)) return notice;
    if (delivery.subscriber_id !== null) await addUnsubscribeTokens(db, [{ token: link, subscriberId: delivery.subscriber_id }], iso());
    const unsubscribeUrl = absoluteUrl(site, `/subprocessors/unsubscribe?token=${link}`);
    const { secret } = run;
    const subscriber = delivery.subscriber_id;
    const objectUrl: Personal | undefined = secret && subscriber !== null ? (form) => `${form.url}&token=${personalToken(secret, subscriber, form.changeId, form.scope, form.effective)}` : undefined;
    return { message: notice.build(unsubscribeUrl, objectUrl), unsubscribeUrl, fingerprint: notice.fingerprint, copy: marked.has(delivery.notice_id) ? undefined : storedCopy(notice.build) };
  }

  return async (delivery) => {
    // Fixed per delivery, never derived from a token: a re-sent copy is recognisably the same.
    const local = `${delivery.notice_id}.${delivery.id}.${createHash('sha256').update(`${delivery.notice_id}:${delivery.id}:${delivery.subscriber_id}`).digest('hex').slice(0, 16)}`;
    const messageId = messageIdFor(site, local);
    if (rate > 0) {
      const wait = nextSlot - Date.now();
      nextSlot = Math.max(nextSlot, Date.now()) + 1000 / rate;
      if (wait > 0) await sleep(wait);
    }
    // Checked again just before sending: taken over by another run (this one was frozen past
    // the lease), or cancelled by an unsubscribe or an erasure since it was claimed.
    if (!(await holdClaim(db, delivery.id, runId, iso()))) return;
    const mail = await compose(delivery);
    const outcome = { messageId, fingerprint: mail.fingerprint };
    if ('missing' in mail) {
      await recordOutcome(db, delivery.id, runId, { ...outcome, status: 'failed', at: iso(), response: mail.missing });
      result.failed++;
      return;
    }
    try {
      const response = await mailer.send({ to: delivery.address, messageId, message: mail.message, unsubscribeUrl: mail.unsubscribeUrl, replyTo: mail.replyTo });
      const at = iso();
      await recordOutcome(db, delivery.id, runId, { ...outcome, status: 'sent', at, response });
      if (!marked.has(delivery.notice_id)) {
        await markNoticeSent(db, delivery.notice_id, at);
        if (mail.copy) await storeNoticeCopy(db, delivery.notice_id, mail.copy);
      }
      marked.add(delivery.notice_id);
      result.sent++;
      waiting.delete(delivery.id);
      if (delivery.interrupted) {
        result.resent++;
        run.log(`Re-sent after an interruption: ${messageId} (delivery ${delivery.id})`);
      }
    } catch (error) {
      // The SMTP server's answer goes to the delivery log only: it often names the address, and server logs are kept where erasure cannot reach.
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
  };
}

/**
 * Sends every due notice and queued confirmation, exactly once per subscriber however many
 * runs overlap: each delivery is queued, then claimed in the database before its SMTP
 * transaction and recorded after it (the outbox pattern). Claims are small (each of the
 * `concurrency` workers holds one, the message it is sending), renewed every third of the
 * lease while the run lives, and checked again just before sending: only a run that stops
 * (killed, or frozen longer than the lease) has its claims taken over, and then the message it
 * may have sent goes again with the same Message-ID. Temporary failures are retried with
 * backoff, permanent ones recorded as failed.
 */
export async function runNotify(options: NotifyOptions): Promise<NotifyResult> {
  const { db, content, today, log = console.log } = options;
  const now = options.now ?? (() => new Date());
  const runId = options.runId ?? `${process.pid}-${randomBytes(6).toString('hex')}`;
  const { leaseMs = 120_000, concurrency = 5, maxWaitMs = 60_000 } = options;
  const iso = () => now().toISOString();
  const staleBefore = () => new Date(now().getTime() - leaseMs).toISOString();

  await deleteExpired(db, iso());
  await deleteUnverifiedObjections(db, iso());
  await deleteExpiredDrafts(db, iso());
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

  const deliver = deliverer({ ...options, now, token: options.token ?? randomToken, runId, log, result, waiting });
  const started = Date.now();
  let lastReport = started;
  const report = (force = false) => {
    if (!force && Date.now() - lastReport < 1000) return;
    lastReport = Date.now();
    const perSecond = Math.round((result.sent / Math.max(1, Date.now() - started)) * 1000);
    log(`notify: ${result.sent} of ${total} sent, ${result.failed} failed, ${waiting.size} waiting to retry (${perSecond}/s)`);
  };
  const worker = async () => {
    for (let claimed = await claimDeliveries(db, runId, iso(), staleBefore(), 1); claimed.length; claimed = await claimDeliveries(db, runId, iso(), staleBefore(), 1)) {
      for (const delivery of claimed) await deliver(delivery);
      report();
    }
  };
  // Claims are renewed while this run lives, so a slow SMTP server never hands them to another run.
  const heartbeat = setInterval(() => void renewClaims(db, runId, iso()).catch(() => {}), Math.max(10, leaseMs / 3));
  try {
    for (;;) {
      await Promise.all(Array.from({ length: concurrency }, worker));
      const { due, nextRetry } = await queueState(db, iso(), staleBefore());
      if (due > 0) continue;
      const wait = nextRetry ? Date.parse(nextRetry) - now().getTime() : Infinity;
      if (wait > maxWaitMs) break;
      await sleep(Math.max(wait, 10));
    }
  } finally {
    clearInterval(heartbeat);
  }
  result.retrying = waiting.size;
  report(true);
  return result;
}
