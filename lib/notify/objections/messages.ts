import { formatDate, todayIn, type IsoDate } from '../../content/dates';
import { htmlText } from '../../content/html';
import type { Content, Site } from '../../content/schema';
import { CHANGE_LABELS } from '../../publish/labels';
import { objectionTarget } from '../../publish/objection';
import { entryPath, pageUrl } from '../../publish/urls';
import { deadlineTime } from '../../timeline/deadline';
import { entryAsKnown } from '../../timeline/timeline';
import { listName, page, type Message } from '../messages';
import type { ObjectionRow } from '../db';

/**
 * The e-mails of an objection, as pure functions of the record and the content: the Confirm
 * link for an address not yet verified, the receipt, the copy for the objections contact and
 * the outcome. Every value typed by the objector is escaped in the HTML part.
 */

type Objection = ObjectionRow;
type Company = Pick<Site, 'company' | 'product' | 'timezone' | 'contact'>;

/** "14:05:09 EST on November 30, 2026": an instant in the site's time zone, with the zone named. */
export function instantText(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}:${part('second')} ${part('timeZoneName')} on ${formatDate(todayIn(timeZone, at))}`;
}

/** The change in words, as the list that named it describes it: "Added subprocessor: Anthropic, effective January 4, 2027". */
export function changeTitle(content: Content, changeId: string, scope: string | undefined, today: IsoDate): { title: string; url?: string } {
  const target = objectionTarget(content, changeId, scope, today);
  if ('refused' in target) return { title: `the change ${changeId}` };
  const entry = entryAsKnown(target.entry, target.event.effective, target.event.announced);
  return { title: `${CHANGE_LABELS[target.event.change]} subprocessor: ${entry.name}, effective ${formatDate(target.event.effective)}`, url: pageUrl(target.list, entryPath(entry.slug)) };
}

/** Paragraphs of text, the same in both parts; addresses become links in the HTML part. */
function message(subject: string, paragraphs: string[]): Message {
  const html = paragraphs.map((text) => `<p style="margin:0 0 12px;white-space:pre-wrap">${htmlText(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`)}</p>`);
  return { subject, text: paragraphs.join('\n\n'), html: page(html.join('\n')) };
}

/** The facts of an objection, as the receipt and the copy state them. */
function facts(site: Company, objection: Objection, change: { title: string; url?: string }): string[] {
  const onTime = Number(objection.on_time) === 1;
  return [
    [
      `Reference: ${objection.reference}`,
      `Change: ${change.title} (id ${objection.change_id}${objection.scope ? `, list ${objection.scope}` : ''})`,
      ...(change.url ? [`Details: ${change.url}`] : []),
      `Deadline to object: ${deadlineTime(objection.deadline, site.timezone)}`,
      `Received: ${instantText(objection.received_at, site.timezone)} (${objection.received_at})`,
      onTime ? 'On time: yes, received before the deadline.' : `On time: no. It was received after the deadline; it is recorded as late, and ${site.company.name} decides under your contract what follows from it.`,
      `Verified: ${objection.verified_by === 'personal-link' ? 'sent through the personal link in a notice e-mailed to this address' : 'confirmed through the link e-mailed to this address'}.`,
    ].join('\n'),
    [`Organisation: ${objection.organisation}`, `Name: ${objection.name}`, `E-mail: ${objection.email}`, `Contract or DPA reference: ${objection.contract_reference ?? '(none given)'}`].join('\n'),
    `Grounds, as received:\n${objection.grounds}`,
  ];
}

export function receiptMessage(site: Company, objection: Objection, change: { title: string; url?: string }): Message {
  return message(`${site.company.name}: objection ${objection.reference} received`, [
    `${site.company.name} received your objection to a change to ${listName(site)}. Keep this e-mail: it is your receipt.`,
    ...facts(site, objection, change),
    `To add to your objection or ask about it, write to ${site.contact.objections} and quote ${objection.reference}.`,
  ]);
}

/**
 * For the objections contact; it is sent with Reply-To the objector. `deskUrl`: the objection's
 * page on the team's desk, when the server has a desk (DESK_EMAILS).
 */
export function copyMessage(site: Company, objection: Objection, change: { title: string; url?: string }, deskUrl?: string): Message {
  const late = Number(objection.on_time) === 1 ? '' : ' (LATE)';
  const command = `npm run objections -- resolve ${objection.reference} --outcome <withdrawn|alternative|not-engaged|terminated|other> --note "…"`;
  return message(`Objection ${objection.reference}${late}: ${objection.organisation} — ${change.title}`, [
    `An objection was filed on the site${late ? ', after the deadline' : ''}. Replying to this e-mail writes to the objector.`,
    deskUrl ? `It is in the register on the desk, where you record its outcome:\n${deskUrl}\n(or from a terminal: ${command})` : `It is in the register (npm run objections); record its outcome with: ${command}`,
    ...facts(site, objection, change),
  ]);
}

export function confirmObjectionMessage(site: Company, objection: Objection, change: { title: string }, confirmUrl: string, days: number): Message {
  return message(`${site.company.name}: confirm your objection`, [
    `Someone, hopefully you, submitted an objection with this address to a change to ${listName(site)}: ${change.title}.`,
    `It counts from the time it was submitted, ${instantText(objection.received_at, site.timezone)}, once you confirm it. To confirm, open this link within ${days} days and press Confirm:\n${confirmUrl}`,
    'You will then receive a receipt with its reference. If it was not you, ignore this e-mail: nothing is filed.',
  ]);
}

export function outcomeMessage(site: Company, objection: Objection, change: { title: string }, state: { outcome: string | null; note: string | null; at: string }): Message {
  const outcomes: Record<string, string> = {
    withdrawn: 'The objection was withdrawn.',
    alternative: 'We agreed an alternative with you.',
    'not-engaged': `${site.company.name} will not engage the subprocessor for you (or the change does not go ahead).`,
    terminated: 'The contract, or the affected service, is terminated.',
    other: 'Another outcome; see the note below.',
  };
  return message(`${site.company.name}: outcome of objection ${objection.reference}`, [
    `${site.company.name} recorded the outcome of your objection ${objection.reference} to ${change.title}.`,
    `Outcome: ${state.outcome} — ${outcomes[state.outcome ?? 'other'] ?? ''}\nRecorded: ${instantText(state.at, site.timezone)}`,
    `Note:\n${state.note ?? ''}`,
    `Questions: ${site.contact.objections}, quoting ${objection.reference}.`,
  ]);
}
