import { canonicalJson, listedFields } from './fingerprint';
import { formatDate, type IsoDate } from './dates';
import { CHANGE_LABELS, eventSummary, FIELD_LABELS, formatFieldValue } from './labels';
import type { ChangeEvent, Content, DescribingFields, Subprocessor } from './schema';
import { listAsOf } from './timeline';

/**
 * What a change to the content folder does to the public list, in sentences a reviewer
 * can check against the pull request. Markdown; strip the emphasis for plain text.
 */
export function describeDiff(before: Content | undefined, after: Content, today: IsoDate): string[] {
  const lines: string[] = [];
  const old = new Map((before?.subprocessors ?? []).map((entry) => [entry.slug, entry]));
  const eventKey = (event: ChangeEvent) => `${event.change} ${event.effective}`;

  for (const entry of after.subprocessors) {
    const previous = old.get(entry.slug);
    if (!previous) lines.push(`New subprocessor file: **${entry.name}** (\`${entry.file}\`).`);
    else {
      for (const change of fieldChanges(previous, entry)) lines.push(`**${entry.name}**: ${change}`);
    }
    const known = new Set(previous?.history.map(eventKey));
    for (const event of entry.history.filter((candidate) => !known.has(eventKey(candidate)))) lines.push(describeEvent(entry, event, today));
  }
  for (const entry of old.values()) {
    if (!after.subprocessors.some((candidate) => candidate.slug === entry.slug)) {
      lines.push(`**${entry.name}**: its file was deleted, so it and its history disappear from every page. To take a subprocessor off the list, add a \`removed\` event instead.`);
    }
  }

  const plannedBefore = new Set(before?.planned.map((entry) => entry.slug));
  for (const entry of after.planned.filter((candidate) => !plannedBefore.has(candidate.slug))) lines.push(`New planned subprocessor: **${entry.name}** (${entry.planned}).`);
  for (const entry of before?.planned ?? []) if (!after.planned.some((candidate) => candidate.slug === entry.slug)) lines.push(`Planned subprocessor no longer listed: **${entry.name}**.`);

  // Sections are compared by file name: the two versions live in different folders.
  const name = (file: string) => file.split(/[\\/]/).pop()!;
  const sectionsBefore = new Map(before?.sections.map((section) => [name(section.file), section.html]));
  for (const section of after.sections) {
    const previous = sectionsBefore.get(name(section.file));
    if (previous !== section.html) lines.push(`${previous === undefined ? 'New' : 'Changed'} text section \`${section.file}\`${section.title ? ` (“${section.title}”)` : ''}.`);
  }
  for (const file of sectionsBefore.keys()) if (!after.sections.some((section) => name(section.file) === file)) lines.push(`Deleted text section \`${file}\`.`);

  const listNow = (content?: Content) => canonicalJson(content ? listAsOf(content, today).map(listedFields) : []);
  if (before && listNow(before) !== listNow(after)) lines.push(`**The list in force today (${formatDate(today)}) changes as soon as this is published.**`);
  return lines;
}

function fieldChanges(before: Subprocessor, after: Subprocessor): string[] {
  const fields = new Set([...Object.keys(listedFields(before)), ...Object.keys(listedFields(after))]) as Set<keyof DescribingFields | 'slug'>;
  fields.delete('slug');
  return [...fields]
    .filter((field) => canonicalJson(before[field as keyof DescribingFields]) !== canonicalJson(after[field as keyof DescribingFields]))
    .map((key) => {
      const field = key as keyof DescribingFields;
      return `${FIELD_LABELS[field]} changes from “${formatFieldValue(field, before[field])}” to “${formatFieldValue(field, after[field])}”.`;
    });
}

function describeEvent(entry: Subprocessor, event: ChangeEvent, today: IsoDate): string {
  const when =
    event.announced > today
      ? `will be announced on ${formatDate(event.announced)} and take effect on ${formatDate(event.effective)}`
      : event.effective > today
        ? `appears as an upcoming change until it takes effect on ${formatDate(event.effective)}`
        : `took effect on ${formatDate(event.effective)} (announced ${formatDate(event.announced)})`;
  const unrecorded =
    event.change === 'updated' && !event.previous && event.effective > today
      ? ' Its former values are not recorded under `previous`, so the new values show before it takes effect.'
      : '';
  return `New event — ${CHANGE_LABELS[event.change]}: **${entry.name}** ${when}. “${eventSummary(entry.name, event)}”${event.urgent ? ` Urgent: ${event.reason}` : ''}${unrecorded}`;
}

export function diffMarkdown(lines: string[], ref: string): string {
  if (lines.length === 0) return `## Subprocessor list: no change compared with \`${ref}\`\n`;
  return `## What this changes on the subprocessor list (compared with \`${ref}\`)\n\n${lines.map((line) => `- ${line}`).join('\n')}\n`;
}

export function diffText(lines: string[], ref: string): string {
  return diffMarkdown(lines, ref).replace(/^## /, '').replace(/\*\*|`/g, '');
}
