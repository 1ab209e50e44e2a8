import { addDays, startOfDayIn, type IsoDate } from '../content/dates';
import type { ChangeEvent, Content, DescribingFields, Site, Subprocessor } from '../content/schema';
import { deadlineInstant } from '../timeline/deadline';
import { allEvents, eventKey } from '../timeline/history';
import { scopedContent } from '../timeline/scopes';
import { isPublic, objectionDeadline } from '../timeline/timeline';
import { pageScope } from './page-scope';
import { absoluteUrl, href, STATIC_EXPORT } from './urls';

/**
 * Which changes a customer may object to on the site (SPEC §9), and the form's address. An
 * addition, or an update that changes what is processed, where, or under which safeguard:
 * the fields below (the entity too: another company is another subprocessor). An update whose
 * former values were not recorded may have changed any of them, so it counts. Never a removal.
 */
export const OBJECTABLE_FIELDS: readonly (keyof DescribingFields)[] = ['entity', 'purpose', 'data', 'subjects', 'locations', 'transfers', 'scopes', 'condition'];

export function isObjectable(event: Pick<ChangeEvent, 'change' | 'previous'>): boolean {
  if (event.change === 'added') return true;
  if (event.change === 'removed') return false;
  if (!event.previous) return true;
  return Object.keys(event.previous).some((field) => OBJECTABLE_FIELDS.includes(field as keyof DescribingFields));
}

/**
 * Whether the pages offer the objection form: a question of the content alone, like the
 * subscription form (`notifications` in site.yaml: the receipt is an e-mail), and never in a
 * static export, which has no server to take it.
 */
export function objectionsOffered(site: Pick<Site, 'notifications'>): boolean {
  return Boolean(site.notifications) && !STATIC_EXPORT;
}

/** The form's path for one change; `scope`: the list that named it (its ids are that list's). One address serves every list. */
export function objectionPath(changeId: string, scope?: string): string {
  return `/subprocessors/object?change=${encodeURIComponent(changeId)}${scope ? `&scope=${encodeURIComponent(scope)}` : ''}`;
}

/** On a page: the form's address for a change of the list being rendered, when there is a form for it. */
export function objectionHref(site: Pick<Site, 'notifications' | 'published' | 'objection_period_days' | 'notice_period_days'>, entry: Pick<Subprocessor, 'slug' | 'history'>, event: ChangeEvent): string | undefined {
  if (!objectionsOffered(site) || !isObjectable(event) || objectionDeadline(event, site) === undefined) return undefined;
  return href(objectionPath(eventKey(entry, event), pageScope()));
}

/** The absolute address of the form for a change of `content` (a scope's list or the full one), for e-mails and calendars. */
export function objectionUrl(content: Pick<Content, 'site' | 'scope'>, entry: Pick<Subprocessor, 'slug' | 'history'>, event: ChangeEvent): string | undefined {
  if (!objectionsOffered(content.site) || !isObjectable(event) || objectionDeadline(event, content.site) === undefined) return undefined;
  return absoluteUrl(content.site, objectionPath(eventKey(entry, event), content.scope?.id));
}

/** A change a customer may object to, found by its id in the list that named it. */
export type ObjectionTarget = {
  list: Content;
  entry: Subprocessor;
  event: ChangeEvent;
  changeId: string;
  scope?: string;
  deadline: IsoDate;
  /** The deadline as an instant (23:59:59 in site.timezone), and the first instant after it. */
  deadlineAt: string;
  closesAt: string;
};

export type Refusal = { refused: 'unknown' | 'removal' | 'not-material' | 'before-publication'; message: string };

/**
 * The change an objection is about, as customers know it on `today`: by its id in the list of
 * `scope` (or the full list). A change not yet announced is unknown, as everywhere else on the
 * site. A change already in effect still takes objections: they are recorded as late.
 */
export function objectionTarget(content: Content, changeId: string, scope: string | undefined, today: IsoDate): ObjectionTarget | Refusal {
  const list = scope ? scopedContent(content, scope) : content;
  const found = list && allEvents(list).find(({ entry, event }) => isPublic(event, today) && eventKey(entry, event) === changeId);
  if (!list || !found) return { refused: 'unknown', message: 'There is no announced change with this id. Check the link, or find the change on the list of changes.' };
  const { entry, event } = found;
  if (event.change === 'removed') return { refused: 'removal', message: 'This change removes a subprocessor: nothing new will process your data, so there is nothing to object to.' };
  if (!isObjectable(event)) return { refused: 'not-material', message: 'This update does not change what is processed, where, or under which safeguard, so it is not open to objection.' };
  const deadline = objectionDeadline(event, list.site);
  if (!deadline) return { refused: 'before-publication', message: 'This subprocessor was already engaged when the list was first published; its engagement was not announced as a change.' };
  const { timezone } = list.site;
  return { list, entry, event, changeId, scope: list.scope?.id, deadline, deadlineAt: deadlineInstant(deadline, timezone), closesAt: startOfDayIn(addDays(deadline, 1), timezone).toISOString() };
}
