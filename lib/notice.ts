import { formatDate, type IsoDate } from './dates';
import { CHANGE_LABELS, eventSummary, FIELD_LABELS, formatFieldValue } from './labels';
import type { Content, DescribingFields } from './schema';
import { entryAsOf, upcomingChanges } from './timeline';
import { absoluteUrl, entryPath } from './urls';

/**
 * The customer notification for an entry's upcoming change, from the same model as the
 * site so the e-mail and the page never disagree. Markdown; `toPlainText` for e-mail.
 */
export function noticeMarkdown(content: Content, slug: string, today: IsoDate): string | undefined {
  const { site } = content;
  const change = upcomingChanges(content, today).find(({ entry }) => entry.slug === slug);
  if (!change) return undefined;
  const { event, objectionDeadline } = change;
  // What the entry will say once the change takes effect (from the file: `change.entry` reads as of today).
  const entry = entryAsOf(content.subprocessors.find((candidate) => candidate.slug === slug)!, event.effective);
  const what = { added: `will add **${entry.name}** to`, updated: `will change the entry for **${entry.name}** on`, removed: `will remove **${entry.name}** from` }[event.change];
  const fields: (keyof DescribingFields)[] = ['entity', 'address', 'contact', 'purpose', 'condition', 'data', 'subjects', 'locations', 'transfers'];
  const url = absoluteUrl(site, entryPath(entry.slug));
  return [
    `Subject: ${CHANGE_LABELS[event.change]} subprocessor: ${entry.name}, effective ${formatDate(event.effective)}`,
    '',
    `${site.company.name} ${what} its list of subprocessors${site.product ? ` for ${site.product}` : ''} on **${formatDate(event.effective)}**.`,
    '',
    eventSummary(entry.name, event),
    ...(event.urgent ? ['', `This is an urgent change made without the usual ${site.notice_period_days}-day notice: ${event.reason}`] : []),
    '',
    ...fields.filter((field) => entry[field] !== undefined).map((field) => `- **${FIELD_LABELS[field]}:** ${formatFieldValue(field, entry[field])}`),
    ...(event.previous ? ['', 'What changes:', '', ...Object.keys(event.previous).map((key) => {
      const field = key as keyof DescribingFields;
      return `- **${FIELD_LABELS[field]}**\n  - Before: ${formatFieldValue(field, event.previous![field])}\n  - After: ${formatFieldValue(field, entry[field])}`;
    })] : []),
    '',
    objectionDeadline
      ? `If you object to this change, write to ${site.contact.objections} by **${formatDate(objectionDeadline)}** (subject: "Objection: ${entry.name} — effective ${formatDate(event.effective)}").`
      : `Questions: ${site.contact.privacy}.`,
    '',
    `Details: ${url}`,
  ].join('\n');
}

/** The same notice without Markdown emphasis, for plain-text e-mail. */
export function toPlainText(markdown: string): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, '$1');
}
