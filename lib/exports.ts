import { stringify } from 'csv-stringify/sync';
import { formatDate, startOfDayIn, type IsoDate } from './dates';
import { deadlineInstant, deadlineTime } from './deadline';
import { htmlText } from './html';
import { icalendar, xmlText } from './formats';
import { fingerprint, listedFields } from './fingerprint';
import { eventKey, publicEvents, versionDates } from './history';
import { CHANGE_LABELS, eventSummary, formatLocation, TRANSFER_LABELS } from './labels';
import type { ChangeEvent, Content, Subprocessor } from './schema';
import { isVisible, lastUpdated, latestAnnouncement, listAsOf, listChanged, listedSince, objectionDeadline, upcomingChanges, type EntryAsOf } from './timeline';
import { absoluteUrl, entryPath } from './urls';

/** Machine-readable forms of the list on a date. All pure: same content and date, same bytes. */

export const JSON_SCHEMA_VERSION = 1;

function eventJson(entry: Subprocessor, event: ChangeEvent) {
  return { id: eventKey(entry, event), slug: entry.slug, name: entry.name, ...event, summary: eventSummary(entry.name, event) };
}

function entryJson(content: Content, entry: EntryAsOf, date: IsoDate) {
  return { ...listedFields(entry), url: absoluteUrl(content.site, entryPath(entry.slug)), since: listedSince(entry, date) };
}

export function listJson(content: Content, date: IsoDate) {
  const { site } = content;
  const list = listAsOf(content, date);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    asOf: date,
    lastUpdated: lastUpdated(content, date),
    /** The day the list in force last changed, and the latest announcement (of a change that may still be ahead). */
    listChanged: listChanged(content, date),
    latestAnnouncement: latestAnnouncement(content, date)?.event.announced,
    fingerprint: fingerprint(list),
    url: absoluteUrl(site, '/subprocessors'),
    company: site.company,
    product: site.product,
    contact: site.contact,
    noticePeriodDays: site.notice_period_days,
    objectionPeriodDays: site.objection_period_days,
    categories: content.categories.filter((category) => !category.retired).map(({ id, title }) => ({ id, title })),
    subprocessors: list.map((entry) => entryJson(content, entry, date)),
    upcoming: upcomingChanges(content, date).map(({ entry, event, objectionDeadline }) => ({
      ...eventJson(entry, event),
      objectionDeadline,
      // The last second to object, in UTC: the end of the deadline day in site.timezone.
      objectionDeadlineEnds: objectionDeadline && deadlineInstant(objectionDeadline, site.timezone),
    })),
    history: publicEvents(content, date).map(({ entry, event }) => eventJson(entry, event)),
    planned: content.planned.map((entry) => ({ ...listedFields(entry), planned: entry.planned })),
  };
}

/** One row per current entry; a byte-order mark so spreadsheet programs read UTF-8 names right. */
export function listCsv(content: Content, date: IsoDate): string {
  const titles = new Map(content.categories.map((category) => [category.id, category.title]));
  const join = (items?: readonly string[]) => (items ?? []).join('; ');
  const rows = listAsOf(content, date).map((entry) => ({
    Name: entry.name,
    'Legal entity': entry.entity,
    Category: titles.get(entry.category),
    Affiliate: entry.affiliate ? 'yes' : 'no',
    Purpose: entry.purpose,
    'Applies when': entry.condition ?? '',
    'Data categories': join(entry.data),
    'Data subjects': join(entry.subjects),
    Locations: join(entry.locations.map(formatLocation)),
    'Transfer safeguards': join(entry.transfers?.map((t) => TRANSFER_LABELS[t])),
    Certifications: join(entry.certifications),
    Address: entry.address ?? '',
    Contact: entry.contact ?? '',
    Website: entry.website ?? '',
    'DPA link': entry.links?.dpa ?? '',
    'Privacy policy link': entry.links?.privacy ?? '',
    'Security link': entry.links?.security ?? '',
    'Its subprocessors': entry.links?.subprocessors ?? '',
    'On the list since': listedSince(entry, date) ?? '',
    Page: absoluteUrl(content.site, entryPath(entry.slug)),
  }));
  // escape_formulas: a cell starting with = + - @ must not run as a formula in a spreadsheet.
  return stringify(rows, { header: true, bom: true, record_delimiter: 'windows', escape_formulas: true });
}

/**
 * Atom (RFC 4287), written here rather than by a feed library: every value is escaped XML
 * text with `type="text"`, so no name or summary can close a CDATA section, add elements or
 * reach a feed reader as HTML.
 */
export function atomFeed(content: Content, date: IsoDate): string {
  const { site } = content;
  const element = (name: string, text: string) => `<${name} type="text">${xmlText(text)}</${name}>`;
  const link = (rel: string, href: string, type: string) => `<link rel="${rel}" type="${type}" href="${xmlText(href)}"/>`;
  const entries = publicEvents(content, date).map(({ entry, event }) => {
    const deadline = objectionDeadline(event, site);
    const when = event.effective > date ? `takes effect ${formatDate(event.effective)}` : `effective ${formatDate(event.effective)}`;
    const summary = [eventSummary(entry.name, event), event.urgent && `Urgent: ${event.reason}`, deadline && `Object by ${deadlineTime(deadline, site.timezone)}: ${site.contact.objections}.`].filter(Boolean).join(' ');
    return [
      '  <entry>',
      `    ${element('title', `${CHANGE_LABELS[event.change]}: ${entry.name} (${when})`)}`,
      `    <id>${xmlText(absoluteUrl(site, `/subprocessors/changes#${eventKey(entry, event)}`))}</id>`,
      `    ${link('alternate', absoluteUrl(site, entryPath(entry.slug)), 'text/html')}`,
      `    <updated>${startOfDayIn(event.announced, site.timezone).toISOString()}</updated>`,
      `    ${element('summary', summary)}`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${xmlText(absoluteUrl(site, '/subprocessors'))}</id>`,
    `  ${element('title', `${site.company.name} subprocessor changes`)}`,
    `  ${element('subtitle', `Additions, changes and removals of subprocessors for ${site.product ?? site.company.name}.`)}`,
    `  <updated>${startOfDayIn(lastUpdated(content, date), site.timezone).toISOString()}</updated>`,
    `  <author><name>${xmlText(site.company.legal_name ?? site.company.name)}</name></author>`,
    `  ${link('alternate', absoluteUrl(site, '/subprocessors'), 'text/html')}`,
    `  ${link('self', absoluteUrl(site, '/subprocessors/feed.xml'), 'application/atom+xml')}`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** All-day events for each effective date and objection deadline. */
export function changesCalendar(content: Content, date: IsoDate): string {
  const { site } = content;
  const host = new URL(site.url).host;
  const events = publicEvents(content, date).flatMap(({ entry, event }) => {
    const base = { stamp: event.announced, url: absoluteUrl(site, entryPath(entry.slug)) };
    const summary = eventSummary(entry.name, event);
    const deadline = objectionDeadline(event, site);
    return [
      { ...base, uid: `${eventKey(entry, event)}-effective@${host}`, day: event.effective, summary: `${CHANGE_LABELS[event.change]}: ${entry.name} takes effect`, description: summary },
      ...(deadline ? [{ ...base, uid: `${eventKey(entry, event)}-objection@${host}`, day: deadline, summary: `Last day to object: ${entry.name}`, description: `${summary} Object by ${deadlineTime(deadline, site.timezone)}: send objections to ${site.contact.objections}.` }] : []),
    ];
  });
  return icalendar(`${site.company.name} subprocessor changes`, events);
}

/**
 * sitemap.xml: the list and its views, every entry page visitors can open and every past
 * version. Only slugs and dates go into the paths, and site.url is a validated URL.
 */
export function sitemap(content: Content, date: IsoDate): string {
  const { site } = content;
  const updated = lastUpdated(content, date);
  const pages: [string, IsoDate?][] = [
    ['/subprocessors', updated],
    ['/subprocessors/changes', updated],
    ['/subprocessors/by-data', updated],
    ['/subprocessors/annex', updated],
    ...content.subprocessors.filter((entry) => isVisible(entry, date)).map((entry): [string] => [entryPath(entry.slug)]),
    ...versionDates(content, date).map((version): [string] => [`/subprocessors/history/${version}`]),
  ];
  const urls = pages.map(([path, modified]) => `  <url><loc>${htmlText(absoluteUrl(site, path))}</loc>${modified ? `<lastmod>${modified}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
