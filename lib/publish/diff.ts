import { canonicalJson, listedFields } from '../timeline/fingerprint';
import { daysBetween, formatDate, type IsoDate } from '../content/dates';
import { CHANGE_LABELS, eventSummary, FIELD_LABELS, formatFieldValue } from './labels';
import type { ChangeEvent, Content, DescribingFields, Site, Subprocessor } from '../content/schema';
import { listAsOf } from '../timeline/timeline';
import { MARKDOWN, PLAIN, type Format } from './formats';


/**
 * What a change to the content folder does to the public list, in sentences a reviewer
 * can check against the pull request.
 */
export function describeDiff(before: Content | undefined, after: Content, today: IsoDate, format: Format = PLAIN): string[] {
  const { strong, code, text } = format;
  const lines: string[] = [];
  const old = new Map((before?.subprocessors ?? []).map((entry) => [entry.slug, entry]));
  const eventKey = (event: ChangeEvent) => `${event.change} ${event.effective} ${event.announced}`;

  for (const entry of after.subprocessors) {
    const previous = old.get(entry.slug);
    if (!previous) lines.push(`New subprocessor file: ${strong(entry.name)} (${code(entry.file)}).`);
    else {
      for (const change of fieldChanges(previous, entry, format)) lines.push(`${strong(entry.name)}: ${change}`);
    }
    const known = new Set(previous?.history.map(eventKey));
    for (const event of entry.history.filter((candidate) => !known.has(eventKey(candidate)))) lines.push(describeEvent(entry, event, today, format, after.site));
  }
  for (const entry of old.values()) {
    if (!after.subprocessors.some((candidate) => candidate.slug === entry.slug)) {
      lines.push(`${strong(entry.name)}: its file was deleted, so it and its history disappear from every page. To take a subprocessor off the list, add a ${code('removed')} event instead.`);
    }
  }

  const plannedBefore = new Set(before?.planned.map((entry) => entry.slug));
  for (const entry of after.planned.filter((candidate) => !plannedBefore.has(candidate.slug))) lines.push(`New planned subprocessor: ${strong(entry.name)} (${text(entry.planned)}).`);
  for (const entry of before?.planned ?? []) if (!after.planned.some((candidate) => candidate.slug === entry.slug)) lines.push(`Planned subprocessor no longer listed: ${strong(entry.name)}.`);

  // Sections are compared by file name: the two versions live in different folders.
  const name = (file: string) => file.split(/[\\/]/).pop()!;
  const sectionsBefore = new Map(before?.sections.map((section) => [name(section.file), section.html]));
  for (const section of after.sections) {
    const previous = sectionsBefore.get(name(section.file));
    if (previous !== section.html) lines.push(`${previous === undefined ? 'New' : 'Changed'} text section ${code(section.file)}${section.title ? ` (“${text(section.title)}”)` : ''}.`);
  }
  for (const file of sectionsBefore.keys()) if (!after.sections.some((section) => name(section.file) === file)) lines.push(`Deleted text section ${code(file)}.`);

  const listNow = (content?: Content) => canonicalJson(content ? listAsOf(content, today).map(listedFields) : []);
  if (before && listNow(before) !== listNow(after)) lines.push(strong(`The list in force today (${formatDate(today)}) changes as soon as this is published.`));
  return lines;
}

function fieldChanges(before: Subprocessor, after: Subprocessor, { text }: Format): string[] {
  const fields = new Set([...Object.keys(listedFields(before)), ...Object.keys(listedFields(after))]) as Set<keyof DescribingFields | 'slug'>;
  fields.delete('slug');
  return [...fields]
    .filter((field) => canonicalJson(before[field as keyof DescribingFields]) !== canonicalJson(after[field as keyof DescribingFields]))
    .map((key) => {
      const field = key as keyof DescribingFields;
      return `${FIELD_LABELS[field]} changes from “${text(formatFieldValue(field, before[field]))}” to “${text(formatFieldValue(field, after[field]))}”.`;
    });
}

function describeEvent(entry: Subprocessor, event: ChangeEvent, today: IsoDate, { strong, code, text }: Format, site: Pick<Site, 'notice_period_days'>): string {
  const when =
    event.announced > today
      ? `will be announced on ${formatDate(event.announced)} and take effect on ${formatDate(event.effective)}`
      : event.effective > today
        ? `appears as an upcoming change until it takes effect on ${formatDate(event.effective)}`
        : `took effect on ${formatDate(event.effective)} (announced ${formatDate(event.announced)})`;
  const unrecorded =
    event.change === 'updated' && !event.previous && event.effective > today
      ? ` Its former values are not recorded under ${code('previous')}, so the new values show before it takes effect.`
      : '';
  const late = lateNotice(event, today, site);
  return `New event — ${CHANGE_LABELS[event.change]}: ${strong(entry.name)} ${when}. “${text(eventSummary(entry.name, event))}”${event.urgent ? ` Urgent: ${text(event.reason ?? '')}` : ''}${unrecorded}${late && ` ${strong(late)}`}`;
}

/** Subscribers are e-mailed when a change is published, not on the date it claims: say so before merging. */
function lateNotice(event: ChangeEvent, today: IsoDate, site: Pick<Site, 'notice_period_days'>): string {
  if (event.announced >= today) return '';
  const days = daysBetween(today, event.effective);
  const short = event.change !== 'removed' && !event.urgent && days < site.notice_period_days;
  return `Warning: it is announced on ${formatDate(event.announced)}, a date already past: subscribers are e-mailed only once this is published${days > 0 ? `, ${days} days before it takes effect${short ? `, less than the ${site.notice_period_days}-day notice period` : ''}` : ', after it took effect'}; the delivery log keeps the real date.`;
}

export function diffMarkdown(lines: string[], ref: string): string {
  if (lines.length === 0) return `## Subprocessor list: no change compared with ${MARKDOWN.code(ref)}\n`;
  return `## What this changes on the subprocessor list (compared with ${MARKDOWN.code(ref)})\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`;
}

export function diffText(lines: string[], ref: string): string {
  if (lines.length === 0) return `Subprocessor list: no change compared with ${ref}\n`;
  return `What this changes on the subprocessor list (compared with ${ref})\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`;
}
