import { stringify } from 'csv-stringify/sync';
import { Feed } from 'feed';
import ical from 'ical-generator';
import { formatDate, startOfDay, type IsoDate } from './dates';
import { htmlText } from './html';
import { fingerprint, listedFields } from './fingerprint';
import { eventKey, publicEvents, versionDates } from './history';
import { CHANGE_LABELS, eventSummary, formatLocation, TRANSFER_LABELS } from './labels';
import type { ChangeEvent, Content, Subprocessor } from './schema';
import { isVisible, lastUpdated, listAsOf, listedSince, objectionDeadline, upcomingChanges, type EntryAsOf } from './timeline';
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
    fingerprint: fingerprint(list),
    url: absoluteUrl(site, '/subprocessors'),
    company: site.company,
    product: site.product,
    contact: site.contact,
    noticePeriodDays: site.notice_period_days,
    objectionPeriodDays: site.objection_period_days,
    categories: content.categories.map(({ id, title }) => ({ id, title })),
    subprocessors: list.map((entry) => entryJson(content, entry, date)),
    upcoming: upcomingChanges(content, date).map(({ entry, event, objectionDeadline }) => ({ ...eventJson(entry, event), objectionDeadline })),
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
    'On the list since': listedSince(entry, date) ?? '',
    Page: absoluteUrl(content.site, entryPath(entry.slug)),
  }));
  // escape_formulas: a cell starting with = + - @ must not run as a formula in a spreadsheet.
  return stringify(rows, { header: true, bom: true, record_delimiter: 'windows', escape_formulas: true });
}

export function atomFeed(content: Content, date: IsoDate): string {
  const { site } = content;
  const feed = new Feed({
    title: `${site.company.name} subprocessor changes`,
    description: `Additions, changes and removals of subprocessors for ${site.product ?? site.company.name}.`,
    id: absoluteUrl(site, '/subprocessors'),
    link: absoluteUrl(site, '/subprocessors'),
    updated: startOfDay(lastUpdated(content, date)),
    copyright: site.company.legal_name ?? site.company.name,
    feedLinks: { atom: absoluteUrl(site, '/subprocessors/feed.xml') },
  });
  for (const { entry, event } of publicEvents(content, date)) {
    const deadline = objectionDeadline(event, site);
    const when = event.effective > date ? `takes effect ${formatDate(event.effective)}` : `effective ${formatDate(event.effective)}`;
    feed.addItem({
      title: `${CHANGE_LABELS[event.change]}: ${entry.name} (${when})`,
      id: absoluteUrl(site, `/subprocessors/changes#${eventKey(entry, event)}`),
      link: absoluteUrl(site, entryPath(entry.slug)),
      date: startOfDay(event.announced),
      description: [eventSummary(entry.name, event), event.urgent && `Urgent: ${event.reason}`, deadline && `Object by ${formatDate(deadline)}: ${site.contact.objections}.`].filter(Boolean).join(' '),
    });
  }
  return feed.atom1();
}

/** All-day events for each effective date and objection deadline. */
export function changesCalendar(content: Content, date: IsoDate): string {
  const { site } = content;
  const host = new URL(site.url).host;
  const calendar = ical({ name: `${site.company.name} subprocessor changes`, prodId: { company: site.company.name, product: 'subprocessors', language: 'EN' } });
  for (const { entry, event } of publicEvents(content, date)) {
    const base = { allDay: true, stamp: startOfDay(event.announced), url: absoluteUrl(site, entryPath(entry.slug)) };
    const summary = eventSummary(entry.name, event);
    calendar.createEvent({ ...base, id: `${eventKey(entry, event)}-effective@${host}`, start: startOfDay(event.effective), summary: `${CHANGE_LABELS[event.change]}: ${entry.name} takes effect`, description: summary });
    const deadline = objectionDeadline(event, site);
    if (deadline) {
      calendar.createEvent({ ...base, id: `${eventKey(entry, event)}-objection@${host}`, start: startOfDay(deadline), summary: `Last day to object: ${entry.name}`, description: `${summary} Send objections to ${site.contact.objections}.` });
    }
  }
  return calendar.toString();
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
