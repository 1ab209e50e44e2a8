import type { IsoDate } from '../../content/dates';
import type { Content } from '../../content/schema';
import { absoluteUrl } from '../../publish/urls';
import type { Db } from '../db';
import type { Message } from '../messages';
import { CONFIRM_DAYS } from '../queries';
import { deskEmails } from '../desk/config';
import { changeTitle, confirmObjectionMessage, copyMessage, outcomeMessage, receiptMessage } from './messages';
import { issueObjectionConfirmToken, objectionById, parseObjectionMail } from './queries';

export type ObjectionMail = { message: Message; replyTo?: string } | { missing: string };

/**
 * The e-mail of a queued objection delivery (`objection-…` notice ids), composed by the notify
 * job as it sends it, like a notice; undefined for any other delivery. The Confirm link is
 * made here, so the form never waits for SMTP and only a sent link works.
 */
export async function composeObjectionMail(db: Db, content: Content, today: IsoDate, noticeId: string, token: string, now: string): Promise<ObjectionMail | undefined> {
  const mail = parseObjectionMail(noticeId);
  if (!mail) return undefined;
  const { site } = content;
  if (mail.kind === 'confirm') {
    const objection = await issueObjectionConfirmToken(db, mail.id, token, now);
    if (!objection) return { missing: 'not sent: the objection is gone or already confirmed' };
    const change = changeTitle(content, objection.change_id, objection.scope ?? undefined, today);
    return { message: confirmObjectionMessage(site, objection, change, absoluteUrl(site, `/subprocessors/object/confirm?token=${token}`), CONFIRM_DAYS) };
  }
  if (mail.kind === 'outcome') {
    const state = await db.selectFrom('objection_states').selectAll().where('id', '=', mail.id).executeTakeFirst();
    const objection = state && (await objectionById(db, state.objection_id));
    if (!state || !objection) return { missing: 'not sent: the objection is gone' };
    return { message: outcomeMessage(site, objection, changeTitle(content, objection.change_id, objection.scope ?? undefined, today), state) };
  }
  const objection = await objectionById(db, mail.id);
  if (!objection || objection.status !== 'filed') return { missing: 'not sent: the objection is gone' };
  const change = changeTitle(content, objection.change_id, objection.scope ?? undefined, today);
  if (mail.kind === 'receipt') return { message: receiptMessage(site, objection, change) };
  const deskUrl = deskEmails().size > 0 && objection.reference ? absoluteUrl(site, `/desk/objections/${encodeURIComponent(objection.reference)}`) : undefined;
  return { message: copyMessage(site, objection, change, deskUrl), replyTo: objection.email };
}
