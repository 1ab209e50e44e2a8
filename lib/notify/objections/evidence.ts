import { createHash } from 'node:crypto';
import { addDays, type IsoDate } from '../../content/dates';
import type { ChangeEvent, Content, Subprocessor } from '../../content/schema';
import { deadlineInstant } from '../../timeline/deadline';
import { canonicalJson, fingerprint, listedFields } from '../../timeline/fingerprint';
import { allEvents, eventKey } from '../../timeline/history';
import { scopedContent } from '../../timeline/scopes';
import { entryAsKnown, isPublic, listAsOf, objectionDeadline } from '../../timeline/timeline';
import type { Db } from '../db';
import { noticeId, parseNoticeId } from '../queries';
import { objectionRegister, type ObjectionRecord } from './register';

/**
 * The evidence pack of one change (`npm run evidence`, the desk's download): one JSON document
 * an auditor can read and check without the site. For the full list and for each scope's list
 * the change concerned: the change as announced, the list's fingerprints before and after it,
 * each notice that told of it as it was sent (stored when it went out), every recipient with
 * the delivery's outcome; then every objection with its states. `sha256` is the SHA-256 of the
 * pack without that member, as canonical JSON (docs/objections.md says how to recompute it).
 */
export const EVIDENCE_FORMAT = 'subprocessor-change-evidence/1';

type Recipient = { notice: string; address: string; status: string; queuedAt: string; sentAt: string | null; messageId: string | null; smtpResponse: string | null; attempts: number; resentAfterInterruption: boolean; listFingerprint: string | null };
type Notice = { id: string; kind: 'day' | 'welcome'; firstSentAt: string | null; asSent: { subject: string; text: string } | null };
type ListEvidence = {
  list: string;
  changeId: string;
  announced: { change: ChangeEvent['change']; announced: IsoDate; effective: IsoDate; summary?: string; urgent?: boolean; reason?: string; previous?: ChangeEvent['previous']; entry: Record<string, unknown> };
  objectionDeadline: IsoDate | null;
  objectionDeadlineEnds: string | null;
  fingerprints: { before: { date: IsoDate; sha256: string }; after: { date: IsoDate; sha256: string } };
  notices: Notice[];
  recipients: Recipient[];
};
export type EvidencePack = { format: string; generatedAt: string; site: { company: string; url: string; timezone: string }; change: { id: string; slug: string; announced: IsoDate; effective: IsoDate }; lists: ListEvidence[]; objections: ObjectionRecord[]; sha256: string };

/** The change a pack is about, found by its id in the full list or, failing that, in a scope's. */
function findChange(content: Content, changeId: string, today: IsoDate) {
  for (const list of [content, ...(content.site.scopes ?? []).map((scope) => scopedContent(content, scope.id)!)]) {
    const found = allEvents(list).find(({ entry, event }) => isPublic(event, today) && eventKey(entry, event) === changeId);
    if (found) return { slug: found.entry.slug, announced: found.event.announced, effective: found.event.effective };
  }
  return undefined;
}

function announcedAs(list: Content, file: Subprocessor, event: ChangeEvent): ListEvidence['announced'] {
  const { change, announced, effective, summary, urgent, reason, previous } = event;
  return { change, announced, effective, summary, urgent, reason, previous, entry: listedFields(entryAsKnown(file, effective, announced)) };
}

async function listEvidence(db: Db, list: Content, file: Subprocessor, event: ChangeEvent): Promise<ListEvidence> {
  const scope = list.scope?.id;
  const deadline = objectionDeadline(event, list.site) ?? null;
  const before = addDays(event.effective, -1);
  // The notice of the announcement day, and the welcomes sent while the change was upcoming (they list it).
  const rows = await db.selectFrom('notices').selectAll().where((eb) => eb.or([eb('id', '=', noticeId('day', event.announced, scope)), eb('id', 'like', 'welcome:%')])).orderBy('id').execute();
  const notices = rows.filter((row) => {
    const parsed = parseNoticeId(row.id);
    return parsed.scope === scope && (parsed.kind === 'day' || (parsed.day >= event.announced && parsed.day < event.effective));
  });
  const ids = notices.map((row) => row.id);
  const deliveries = ids.length ? await db.selectFrom('deliveries').selectAll().where('notice_id', 'in', ids).orderBy('id').execute() : [];
  return {
    list: scope ?? 'full',
    changeId: eventKey(file, event),
    announced: announcedAs(list, file, event),
    objectionDeadline: deadline,
    objectionDeadlineEnds: deadline && deadlineInstant(deadline, list.site.timezone),
    fingerprints: { before: { date: before, sha256: fingerprint(listAsOf(list, before)) }, after: { date: event.effective, sha256: fingerprint(listAsOf(list, event.effective)) } },
    notices: notices.map((row) => ({ id: row.id, kind: parseNoticeId(row.id).kind as 'day' | 'welcome', firstSentAt: row.first_sent_at, asSent: row.subject === null ? null : { subject: row.subject, text: row.body ?? '' } })),
    recipients: deliveries.map((row) => ({
      notice: row.notice_id,
      address: row.address,
      status: row.status,
      queuedAt: row.created_at,
      sentAt: row.sent_at,
      messageId: row.message_id,
      smtpResponse: row.smtp_response,
      attempts: Number(row.attempts),
      resentAfterInterruption: Number(row.resent) === 1,
      listFingerprint: row.fingerprint,
    })),
  };
}

/** SHA-256 (hex) of the pack's canonical JSON without its `sha256` member. */
export function evidenceHash(pack: Omit<EvidencePack, 'sha256'> | EvidencePack): string {
  const rest: Record<string, unknown> = { ...pack };
  delete rest.sha256;
  return createHash('sha256').update(canonicalJson(rest), 'utf8').digest('hex');
}

/** Whether a pack (as read back from its file) is unchanged since it was made. */
export function verifyEvidence(pack: unknown): boolean {
  if (!pack || typeof pack !== 'object' || typeof (pack as EvidencePack).sha256 !== 'string') return false;
  return evidenceHash(pack as EvidencePack) === (pack as EvidencePack).sha256;
}

/** The pack of a change announced on or before `today`; undefined when no list has a change with this id. */
export async function buildEvidence(db: Db, content: Content, changeId: string, { today, now }: { today: IsoDate; now: string }): Promise<EvidencePack | undefined> {
  const change = findChange(content, changeId, today);
  if (!change) return undefined;
  const lists: ListEvidence[] = [];
  for (const list of [content, ...(content.site.scopes ?? []).map((scope) => scopedContent(content, scope.id)!)]) {
    const file = list.subprocessors.find((entry) => entry.slug === change.slug);
    const event = file?.history.find((other) => other.announced === change.announced && other.effective === change.effective);
    if (file && event) lists.push(await listEvidence(db, list, file, event));
  }
  const objections = await objectionRegister(db, { changes: lists.map((list) => ({ changeId: list.changeId, scope: list.list === 'full' ? undefined : list.list })) });
  const { site } = content;
  const pack = { format: EVIDENCE_FORMAT, generatedAt: now, site: { company: site.company.name, url: site.url, timezone: site.timezone }, change: { id: changeId, ...change }, lists, objections };
  // Values left undefined are not part of the document (canonicalJson and JSON.stringify both drop them).
  const plain = JSON.parse(JSON.stringify(pack)) as Omit<EvidencePack, 'sha256'>;
  return { ...plain, sha256: evidenceHash(plain) };
}
