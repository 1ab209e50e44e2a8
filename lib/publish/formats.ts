import { addDays, type IsoDate } from '../content/dates';

/**
 * Escaping for the text formats the exports are written in, in one place. Validation already
 * refuses control characters in content; these writers drop them again, so that no value can
 * ever end a line, an element or a property early.
 */

// Not allowed in XML 1.0 even as character references; in iCalendar, line breaks are escaped instead.
const XML_FORBIDDEN = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/gu;
const CONTROLS = /[\0-\x09\x0B-\x1F\x7F-\x9F\uD800-\uDFFF]/gu;

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text for XML element content and double-quoted attributes. */
export function xmlText(text: string): string {
  return text.replace(XML_FORBIDDEN, '').replace(/[&<>"]/g, (character) => XML_ENTITIES[character]);
}

/** An iCalendar TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped. */
export function icalText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[\\;,]/g, (character) => `\\${character}`)
    .replace(/\n/g, '\\n');
}

/** Content lines are folded at 75 octets (§3.1), never inside a character. */
function fold(line: string): string {
  // Most lines are short ASCII: nothing to count.
  if (line.length <= 75 && /^[\x20-\x7e]*$/.test(line)) return line;
  let out = '';
  let octets = 0;
  for (const character of line) {
    const code = character.codePointAt(0)!;
    const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    if (octets + size > 75) {
      out += '\r\n ';
      octets = 1;
    }
    out += character;
    octets += size;
  }
  return out;
}

const stamp = (date: IsoDate) => `${date.replaceAll('-', '')}T000000Z`;
const day = (date: IsoDate) => date.replaceAll('-', '');

export type CalendarEvent = { uid: string; day: IsoDate; stamp: IsoDate; summary: string; description: string; url: string };

/** A calendar of all-day events; only `icalText` values and validated dates and URLs go in. */
export function icalendar(name: string, events: readonly CalendarEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Subprocessor list//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH', `NAME:${icalText(name)}`, `X-WR-CALNAME:${icalText(name)}`];
  for (const event of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icalText(event.uid)}`,
      `DTSTAMP:${stamp(event.stamp)}`,
      `DTSTART;VALUE=DATE:${day(event.day)}`,
      `DTEND;VALUE=DATE:${day(addDays(event.day, 1))}`,
      `SUMMARY:${icalText(event.summary)}`,
      `DESCRIPTION:${icalText(event.description)}`,
      `URL;VALUE=URI:${encodeURI(decodeURI(event.url)).replace(/[\r\n]/g, '')}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/** How values are written into Markdown or plain-text sentences (the reviewers' summary, the notice): every value from the content goes through one of these. */
export type Format = { strong: (text: string) => string; code: (text: string) => string; text: (text: string) => string };

const oneLine = (text: string) => text.replace(/\s+/g, ' ');

/**
 * Markdown for a job summary, where content must stay text: a name such as
 * "Cloudflare\n\n<!--" must not open an HTML comment that hides every later line, and
 * nothing may become a link with other words than its address, emphasis or code.
 */
const escapeMarkdown = (text: string) =>
  oneLine(text)
    .replace(/[\\`*_[\]#|~{}]/g, '\\$&')
    .replace(/[&<>]/g, (character) => `&#${character.charCodeAt(0)};`);
export const MARKDOWN: Format = {
  strong: (text) => `**${escapeMarkdown(text)}**`,
  // A code span is fenced by more backticks than it holds; inside it nothing is markup.
  code: (text) => {
    const fence = '`'.repeat(Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length)) + 1);
    const padding = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
    return `${fence}${padding}${oneLine(text)}${padding}${fence}`;
  },
  text: escapeMarkdown,
};
export const PLAIN: Format = { strong: oneLine, code: oneLine, text: oneLine };
