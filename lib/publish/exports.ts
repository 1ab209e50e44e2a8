import { stringify } from 'csv-stringify/sync';
import { formatDate, isIsoDate, startOfDayIn, type IsoDate } from '../content/dates';
import { afterEffectNote, deadlineInstant, deadlineTime } from '../timeline/deadline';
import { objectionUrl } from './objection';
import { htmlText } from '../content/html';
import { icalendar, xmlText } from './formats';
import { fingerprint, listedFields } from '../timeline/fingerprint';
import { allEvents, eventKey, publicEvents, versionDates, type EntryEvent } from '../timeline/history';
import { CHANGE_LABELS, eventSummary, formatLocation, TRANSFER_LABELS } from './labels';
import { EXPORT_SCHEMAS, type HistoryExport, type ListExport, type ListExportV1 } from './export-schemas';
import type { ChangeEvent, Content, Subprocessor } from '../content/schema';
import { scopedContent } from '../timeline/scopes';
import { entryAsOf, isPublic, isVisible, lastUpdated, latestAnnouncement, listAsOf, listChanged, listedSince, objectionDeadline, openChanges, upcomingChanges, type EntryAsOf, type UpcomingChange } from '../timeline/timeline';
import { absoluteUrl, entryPath, pageUrl } from './urls';
import { newValues } from './upcoming';

/** Machine-readable forms of the list on a date. All pure: same content and date, same bytes. */

function eventJson(entry: Subprocessor, event: ChangeEvent) {
  return { id: eventKey(entry, event), slug: entry.slug, name: entry.name, ...event, summary: eventSummary(entry.name, event) };
}

function entryJson(content: Content, entry: EntryAsOf, date: IsoDate) {
  return { ...listedFields(entry), url: pageUrl(content, entryPath(entry.slug)), since: listedSince(entry, date) };
}

/** Which version of which list: what every JSON export starts with. */
function header(content: Content, date: IsoDate) {
  return {
    asOf: date,
    lastUpdated: lastUpdated(content, date),
    fingerprint: fingerprint(listAsOf(content, date)),
    url: pageUrl(content, '/subprocessors'),
    ...(content.scope && { scope: { id: content.scope.id, title: content.scope.title } }),
  };
}

/** The title of the list, with its scope's: "Acme subprocessor changes (EU cloud)". */
const listTitle = ({ site, scope }: Content, what: string) => `${site.company.name} ${what}${scope ? ` (${scope.title})` : ''}`;

/** Version 2 names its JSON Schema, published at a stable address beside it. */
const version2 = ({ site }: Content, path: keyof typeof EXPORT_SCHEMAS) => ({ $schema: absoluteUrl(site, `/${EXPORT_SCHEMAS[path].file}`), schemaVersion: 2 as const });

/** `list`: the entries listed on the date; a retired category still holds those not yet moved out of it. */
function about({ site, categories, scope }: Content, list: readonly EntryAsOf[]) {
  const used = new Set(list.map((entry) => entry.category));
  return {
    company: site.company,
    product: site.product,
    contact: site.contact,
    noticePeriodDays: site.notice_period_days,
    objectionPeriodDays: site.objection_period_days,
    categories: categories.filter((category) => !category.retired || used.has(category.id)).map(({ id, title }) => ({ id, title })),
    // The full list names the scopes and where each one's list is.
    ...(!scope && site.scopes && { scopes: site.scopes.map((each) => ({ ...each, url: absoluteUrl(site, `/${each.id}/subprocessors.json`) })) }),
  };
}

const upcomingJson = (content: Content, date: IsoDate) => upcomingChanges(content, date).map(({ entry, event, objectionDeadline }) => ({ ...eventJson(entry, event), objectionDeadline }));
const plannedJson = (content: Content) => content.planned.map((entry) => ({ ...listedFields(entry), planned: entry.planned }));

/** /subprocessors.json: small enough to poll, it grows with the list, not with its history. */
export function listJson(content: Content, date: IsoDate): ListExport {
  const list = listAsOf(content, date);
  const open = openChanges(content, date);
  const [upcoming, urgentOpen] = [open.filter(({ event }) => event.effective > date), open.filter(({ event }) => event.effective <= date)];
  const openJson = ({ entry, event, objectionDeadline }: UpcomingChange) => ({
    ...eventJson(entry, event),
    objectionDeadline,
    // The last second to object, in UTC: the end of the deadline day in site.timezone.
    objectionDeadlineEnds: objectionDeadline && deadlineInstant(objectionDeadline, content.site.timezone),
    // What `previous` changes into: the entry as it will be once the change takes effect.
    next: newValues(entry, event),
  });
  return {
    ...version2(content, '/subprocessors.json'),
    ...header(content, date),
    /** The day the list in force last changed, and the latest announcement (of a change that may still be ahead). */
    listChanged: listChanged(content, date),
    latestAnnouncement: latestAnnouncement(content, date)?.event.announced,
    historyUrl: pageUrl(content, '/subprocessors-history.json'),
    ...about(content, list),
    subprocessors: list.map((entry) => entryJson(content, entry, date)),
    upcoming: upcoming.map(openJson),
    ...(urgentOpen.length > 0 && { urgentOpen: urgentOpen.map(openJson) }),
    planned: plannedJson(content),
  };
}

/** /subprocessors-history.json: every announced change, newest effective date first. */
export function historyJson(content: Content, date: IsoDate): HistoryExport {
  return { ...version2(content, '/subprocessors-history.json'), ...header(content, date), events: publicEvents(content, date).map(({ entry, event }) => eventJson(entry, event)) };
}

/** /subprocessors.v1.json: /subprocessors.json as it was before schemaVersion 2, history included. */
export function listJsonV1(content: Content, date: IsoDate): ListExportV1 {
  const list = listAsOf(content, date);
  return {
    schemaVersion: 1,
    ...header(content, date),
    ...about(content, list),
    subprocessors: list.map((entry) => entryJson(content, entry, date)),
    upcoming: upcomingJson(content, date),
    history: publicEvents(content, date).map(({ entry, event }) => eventJson(entry, event)),
    planned: plannedJson(content),
  };
}

/** A JSON export as served: indented, so a diff of two polls reads line by line. */
export const jsonText = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

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
    Locations: join(entry.locations.map((location) => formatLocation(location))),
    'Transfer safeguards': join(entry.transfers?.map((t) => TRANSFER_LABELS[t])),
    Certifications: join(entry.certifications),
    Address: entry.address ?? '',
    Contact: entry.contact ?? '',
    Website: entry.website ?? '',
    'DPA link': entry.links?.dpa ?? '',
    'Privacy policy link': entry.links?.privacy ?? '',
    'Security link': entry.links?.security ?? '',
    'Its subprocessors': entry.links?.subprocessors ?? '',
    ...(content.site.scopes && !content.scope && { Scopes: join(entry.scopes ?? content.site.scopes.map((scope) => scope.id)) }),
    'On the list since': listedSince(entry, date) ?? '',
    Page: pageUrl(content, entryPath(entry.slug)),
  }));
  // escape_formulas: a cell starting with = + - @ must not run as a formula in a spreadsheet.
  return stringify(rows, { header: true, bom: true, record_delimiter: 'windows', escape_formulas: true });
}

/** Entries in the feed and in each of its archive pages. */
export const FEED_PAGE_SIZE = 50;

/**
 * Public events in the order they became public (announcement day, then effective day and id).
 * An event becomes public on its announcement day, so new events only ever join at the end:
 * the pages of 50 counted from the oldest stay as they are once full.
 */
function feedEvents(content: Content, date: IsoDate): EntryEvent[] {
  return allEvents(content)
    .filter(({ event }) => isPublic(event, date))
    .map(({ entry, event }) => ({ entry, event, key: eventKey(entry, event) }))
    .sort((a, b) => a.event.announced.localeCompare(b.event.announced) || a.event.effective.localeCompare(b.event.effective) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Full archive pages on `date`: /subprocessors/feed/1.xml (the oldest 50 changes) to /subprocessors/feed/<n>.xml. */
export function feedArchivePages(content: Content, date: IsoDate): number {
  return Math.floor(feedEvents(content, date).length / FEED_PAGE_SIZE);
}

export const feedArchivePath = (page: number) => `/subprocessors/feed/${page}.xml`;

/**
 * Atom (RFC 4287), written here rather than by a feed library: every value is escaped XML
 * text with `type="text"`, so no name or summary can close a CDATA section, add elements or
 * reach a feed reader as HTML. Without `archive`, the newest 50 changes; with it, that full
 * archive page (RFC 5005), each pointing to the one before, so a reader can walk back the
 * whole history once and then poll only the newest.
 */
export function atomFeed(content: Content, date: IsoDate, archive?: number): string {
  const { site } = content;
  const events = feedEvents(content, date);
  const pages = Math.floor(events.length / FEED_PAGE_SIZE);
  if (archive !== undefined && !(Number.isInteger(archive) && archive >= 1 && archive <= pages)) throw new RangeError(`no feed archive page ${archive}`);
  const shown = archive === undefined ? events.slice(-FEED_PAGE_SIZE) : events.slice((archive - 1) * FEED_PAGE_SIZE, archive * FEED_PAGE_SIZE);
  const before = archive === undefined ? pages : archive - 1;
  const element = (name: string, text: string) => `<${name} type="text">${xmlText(text)}</${name}>`;
  const link = (rel: string, href: string, type: string) => `<link rel="${rel}" type="${type}" href="${xmlText(href)}"/>`;
  // An archive page's date is that of its newest change, so it never changes either.
  const updated = archive === undefined ? lastUpdated(content, date) : shown[shown.length - 1].event.announced;
  const entries = [...shown].reverse().map(({ entry: file, event }) => {
    // The entry as it read when the change took effect (or today, before that), so that an
    // archive page keeps its words when the entry is renamed later.
    const entry = entryAsOf(file, event.effective < date ? event.effective : date);
    const deadline = objectionDeadline(event, site);
    // An archive page is written once: its titles cannot say whether a date is still ahead.
    const when = archive !== undefined ? `effective ${formatDate(event.effective)}` : event.effective > date ? `takes effect ${formatDate(event.effective)}` : `effective ${formatDate(event.effective)}`;
    const summary = [eventSummary(entry.name, event), event.urgent && `Urgent: ${event.reason}`, deadline && `Object by ${deadlineTime(deadline, site.timezone)}: ${site.contact.objections}.`, deadline && afterEffectNote(deadline, event.effective)].filter(Boolean).join(' ');
    return [
      '  <entry>',
      `    ${element('title', `${CHANGE_LABELS[event.change]}: ${entry.name} (${when})`)}`,
      `    <id>${xmlText(pageUrl(content, `/subprocessors/changes#${eventKey(entry, event)}`))}</id>`,
      `    ${link('alternate', pageUrl(content, entryPath(entry.slug)), 'text/html')}`,
      `    <updated>${startOfDayIn(event.announced, site.timezone).toISOString()}</updated>`,
      `    ${element('summary', summary)}`,
      '  </entry>',
    ].join('\n');
  });
  const self = archive === undefined ? '/subprocessors/feed.xml' : feedArchivePath(archive);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:fh="http://purl.org/syndication/history/1.0">',
    ...(archive === undefined ? [] : ['  <fh:archive/>']),
    `  <id>${xmlText(pageUrl(content, archive === undefined ? '/subprocessors' : self))}</id>`,
    `  ${element('title', `${listTitle(content, 'subprocessor changes')}${archive === undefined ? '' : ` (archive ${archive})`}`)}`,
    `  ${element('subtitle', `Additions, changes and removals of subprocessors for ${site.product ?? site.company.name}.`)}`,
    `  <updated>${startOfDayIn(updated, site.timezone).toISOString()}</updated>`,
    `  <author><name>${xmlText(site.company.legal_name ?? site.company.name)}</name></author>`,
    `  ${link('alternate', pageUrl(content, '/subprocessors'), 'text/html')}`,
    `  ${link('self', pageUrl(content, self), 'application/atom+xml')}`,
    ...(archive === undefined ? [] : [`  ${link('current', pageUrl(content, '/subprocessors/feed.xml'), 'application/atom+xml')}`]),
    ...(before >= 1 ? [`  ${link('prev-archive', pageUrl(content, feedArchivePath(before)), 'application/atom+xml')}`] : []),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** A year before `date`, the same day of the month (February 28 for a February 29). */
function yearBefore(date: IsoDate): IsoDate {
  const year = `${Number(date.slice(0, 4)) - 1}`.padStart(4, '0');
  const earlier = `${year}${date.slice(4)}`;
  return isIsoDate(earlier) ? earlier : `${year}-02-28`;
}

/** The way to object, in a calendar event: the form where the site has one for the change (SPEC §9), else the objections address. */
function howToObject(content: Content, entry: Subprocessor, event: ChangeEvent): string {
  const form = objectionUrl(content, entry, event);
  return form ? `object with the form at ${form} (questions: ${content.site.contact.objections})` : `send objections to ${content.site.contact.objections}`;
}

/**
 * All-day events for each effective date and objection deadline: by default those still
 * ahead and those of the last 12 months, which is what a calendar shows; with `all`, every one.
 */
export function changesCalendar(content: Content, date: IsoDate, { all = false } = {}): string {
  const { site } = content;
  // A scope's calendar has its own event ids: the same change in two subscribed calendars is two events.
  const host = `${content.scope ? `${content.scope.id}.` : ''}${new URL(site.url).host}`;
  const from = all ? '' : yearBefore(date);
  // Leave out what is outside the window before anything is written: at 1,000 entries most of the
  // history is. (Events before the window never change how an entry reads on `date`.)
  const inWindow = (event: ChangeEvent) => event.effective >= from || (objectionDeadline(event, site) ?? '') >= from;
  const events = publicEvents({ subprocessors: content.subprocessors.map((entry) => ({ ...entry, history: entry.history.filter(inWindow) })) }, date).flatMap(({ entry, event }) => {
    const base = { stamp: event.announced, url: pageUrl(content, entryPath(entry.slug)) };
    const summary = eventSummary(entry.name, event);
    const deadline = objectionDeadline(event, site);
    return [
      { ...base, uid: `${eventKey(entry, event)}-effective@${host}`, day: event.effective, summary: `${CHANGE_LABELS[event.change]}: ${entry.name} takes effect`, description: summary },
      ...(deadline ? [{ ...base, uid: `${eventKey(entry, event)}-objection@${host}`, day: deadline, summary: `Last day to object: ${entry.name}`, description: [`${summary} Object by ${deadlineTime(deadline, site.timezone)}: ${howToObject(content, entry, event)}.`, afterEffectNote(deadline, event.effective)].filter(Boolean).join(' ') }] : []),
    ].filter((calendarEvent) => calendarEvent.day >= from);
  });
  return icalendar(`${listTitle(content, 'subprocessor changes')}${all ? ' (all)' : ''}`, events);
}

/**
 * sitemap.xml: the list and its views, every entry page visitors can open and every past
 * version, of the full list and of each scope. Only slugs, dates and scope ids go into the
 * paths, and site.url is a validated URL.
 */
export function sitemap(content: Content, date: IsoDate): string {
  const lists = [content, ...(content.site.scopes ?? []).flatMap((scope) => scopedContent(content, scope.id) ?? [])];
  const pages = lists.flatMap((list): [string, IsoDate?][] => {
    const updated = lastUpdated(list, date);
    return [
      [pageUrl(list, '/subprocessors'), updated],
      [pageUrl(list, '/subprocessors/changes'), updated],
      [pageUrl(list, '/subprocessors/by-data'), updated],
      [pageUrl(list, '/subprocessors/annex'), updated],
      ...list.subprocessors.filter((entry) => isVisible(entry, date)).map((entry): [string] => [pageUrl(list, entryPath(entry.slug))]),
      ...versionDates(list, date).map((version): [string] => [pageUrl(list, `/subprocessors/history/${version}`)]),
    ];
  });
  const urls = pages.map(([url, modified]) => `  <url><loc>${htmlText(url)}</loc>${modified ? `<lastmod>${modified}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
