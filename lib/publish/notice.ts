import { formatDate, type IsoDate } from '../content/dates';
import { afterEffectNote, deadlineLine, deadlineTime } from '../timeline/deadline';
import { CHANGE_LABELS, eventSummary, FIELD_LABELS, formatFieldValue } from './labels';
import type { ChangeEvent, Content, DescribingFields, Location, Subprocessor } from '../content/schema';
import { locationName } from '../content/countries';
import { fieldChanges } from './upcoming';
import { entryAsKnown, objectionDeadline, openChanges } from '../timeline/timeline';
import { entryPath, pageUrl } from './urls';
import { PLAIN, type Format } from './formats';
import { scopeTitleMap } from '../timeline/scopes';
import { eventKey } from '../timeline/history';
import { objectionUrl } from './objection';

/** The objection form of one change: its address, and what a personal link is made for. */
export type ObjectionForm = { url: string; changeId: string; scope?: string; effective: IsoDate };

/** Text with some words emphasised: Markdown bold, HTML <strong>, plain in a text e-mail. */
export type Segment = string | { strong: string };

/** Everything a customer is told about one change: the facts, before any formatting. */
export type ChangeNotice = {
  subject: string;
  /** The change in a few words, for a subject line that names several: "adding Intercom", "Sentry moves to Germany". */
  headline: string;
  intro: Segment[];
  summary: string;
  urgent?: string;
  /** Already in effect on the day the notice is written (an urgent change). */
  inEffect: boolean;
  fields: { label: string; value: string }[];
  changes: { label: string; before: string; after: string }[];
  /**
   * `at`: the end of the deadline day in site.timezone, "23:59 EST on December 15, 2026".
   * `form`: the objection form for this change (lib/publish/objection.ts), when the site has one
   * and the change is open to objection; an e-mail adds the recipient's personal key to it.
   */
  objection?: { email: string; deadline: IsoDate; at: string; subject: string; mailto: string; form?: ObjectionForm };
  questions: string;
  url: string;
};

/**
 * The notice of one change, from the same model as the site, so the command, the e-mail and
 * the page never disagree. `npm run notice` prints it as Markdown; e-mails render it as text and HTML.
 */
export function changeNotice(content: Pick<Content, 'site' | 'scope'>, file: Subprocessor, event: ChangeEvent, known: IsoDate = event.announced): ChangeNotice {
  const { site } = content;
  // What the entry will say once the change takes effect, as customers know it on `known` (by default the announcement day).
  const entry = entryAsKnown(file, event.effective, known);
  const effective = formatDate(event.effective);
  // An urgent change may already be in effect when customers read of it.
  const what = (event.effective <= known ? { added: ['has added ', ' to'], updated: ['has changed the entry for ', ' on'], removed: ['has removed ', ' from'] } : { added: ['will add ', ' to'], updated: ['will change the entry for ', ' on'], removed: ['will remove ', ' from'] })[event.change];
  // The full list of a site with scopes says where the entry applies; one scope's list is only that scope.
  const fields: (keyof DescribingFields)[] = ['entity', 'address', 'contact', 'purpose', 'condition', ...(site.scopes && !content.scope ? (['scopes'] as const) : []), 'data', 'subjects', 'locations', 'transfers'];
  const titles = scopeTitleMap(site.scopes);
  const value = (field: keyof DescribingFields, of: unknown) => formatFieldValue(field, of, titles);
  const deadline = objectionDeadline(event, site);
  const objectionSubject = `Objection: ${entry.name} — effective ${effective}`;
  const formUrl = objectionUrl(content, file, event);
  const form = formUrl ? { url: formUrl, changeId: eventKey(file, event), scope: content.scope?.id, effective: event.effective } : undefined;
  return {
    subject: `${CHANGE_LABELS[event.change]} subprocessor: ${entry.name}, effective ${effective}`,
    intro: [`${site.company.name} ${what[0]}`, { strong: entry.name }, `${what[1]} its list of subprocessors${site.product ? ` for ${site.product}` : ''} on `, { strong: effective }, '.'],
    summary: eventSummary(entry.name, event),
    inEffect: event.effective <= known,
    urgent: event.urgent ? [`This is an urgent change made without the usual ${site.notice_period_days}-day notice: ${event.reason}${/[.!?]$/.test(event.reason ?? '') ? '' : '.'}`, deadline && afterEffectNote(deadline, event.effective)].filter(Boolean).join(' ') : undefined,
    fields: fields.filter((field) => entry[field] !== undefined || field === 'scopes').map((field) => ({ label: FIELD_LABELS[field], value: value(field, entry[field]) })),
    headline: headline(entry, event),
    changes: fieldChanges(entry, event, site.scopes).map(({ label, before, after }) => ({ label, before, after })),
    objection: deadline === undefined ? undefined : { email: site.contact.objections, deadline, at: deadlineTime(deadline, site.timezone), subject: objectionSubject, mailto: `mailto:${site.contact.objections}?subject=${encodeURIComponent(objectionSubject)}`, ...(form && { form }) },
    questions: site.contact.privacy,
    // On one scope's list (lib/timeline/scopes.ts), the entry's page in that list.
    url: pageUrl(content, entryPath(entry.slug)),
  };
}

/** The countries of a list of locations, by name, each once. */
const countries = (locations: readonly Location[] = []) => [...new Set(locations.map((location) => locationName(location.country)))];

/** A name cut to a length a subject line can hold. */
const short = (name: string): string => (name.length > 40 ? `${name.slice(0, 39)}\u2026` : name);

/** "adding Intercom", "removing Mailgun", "Sentry moves to Germany", "Zendesk changes purpose and data categories". */
export function headline(entry: Pick<Subprocessor, 'name' | 'locations'>, event: Pick<ChangeEvent, 'change' | 'previous'>): string {
  const name = short(entry.name);
  if (event.change === 'added') return `adding ${name}`;
  if (event.change === 'removed') return `removing ${name}`;
  const fields = Object.keys(event.previous ?? {}) as (keyof DescribingFields)[];
  if (fields.length === 1 && fields[0] === 'locations') {
    const [before, after] = [countries(event.previous!.locations ?? []), countries(entry.locations)];
    const added = after.filter((country) => !before.includes(country));
    const left = before.filter((country) => !after.includes(country));
    if (added.length && left.length) return `${name} moves to ${added.join(' and ')}`;
    if (added.length) return `${name} adds ${added.join(' and ')}`;
    if (left.length) return `${name} leaves ${left.join(' and ')}`;
  }
  if (fields.length === 0) return `${name} changes`;
  const labels = fields.map((field) => FIELD_LABELS[field].toLowerCase());
  return `${name} changes ${labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}` : labels[0]}`;
}

/**
 * The customer notification for an entry's upcoming change (or urgent change still open to objection), as Markdown (to paste into a
 * mailer or a ticket) or plain text. Every value from the content is written as text.
 */
export function noticeText(content: Content, slug: string, today: IsoDate, { strong, text }: Format = PLAIN): string | undefined {
  const change = openChanges(content, today).find(({ entry }) => entry.slug === slug);
  if (!change) return undefined;
  const notice = changeNotice(content, content.subprocessors.find((candidate) => candidate.slug === slug)!, change.event, today);
  return [
    `Subject: ${text(notice.subject)}`,
    '',
    notice.intro.map((part) => (typeof part === 'string' ? text(part) : strong(part.strong))).join(''),
    '',
    text(notice.summary),
    ...(notice.urgent ? ['', text(notice.urgent)] : []),
    '',
    ...notice.fields.map(({ label, value }) => `- ${strong(`${label}:`)} ${text(value)}`),
    ...(notice.changes.length ? ['', 'What changes:', '', ...notice.changes.map(({ label, before, after }) => `- ${strong(label)}\n  - Before: ${text(before)}\n  - After: ${text(after)}`)] : []),
    '',
    notice.objection
      ? `${strong(`${deadlineLine(notice.objection.deadline, content.site.timezone, today)}.`)} ${notice.objection.form ? `To object to this change, use the form at ${notice.objection.form.url} (or write to ${text(notice.objection.email)}).` : `To object to this change, write to ${text(notice.objection.email)} (subject: "${text(notice.objection.subject)}").`}`
      : `Questions: ${text(notice.questions)}.`,
    '',
    // A validated address: written as it is, so that it stays a link.
    `Details: ${notice.url}`,
  ].join('\n');
}
