import type { IsoDate } from '@/lib/content/dates';
import type { Site } from '@/lib/content/schema';
import { objectionHref } from '@/lib/publish/objection';
import { objectionMailto } from '@/lib/publish/upcoming';
import type { UpcomingChange } from '@/lib/timeline/timeline';

export type ObjectSite = Pick<Site, 'contact' | 'timezone' | 'notifications' | 'published' | 'objection_period_days' | 'notice_period_days'>;

/** `label`: the link's words while the deadline is open; `mail`: the words of the e-mail link on a site without the form. */
type Props = { change: Pick<UpcomingChange, 'entry' | 'event' | 'objectionDeadline'>; site: ObjectSite; date: IsoDate; label: string; mail: string };

/**
 * How to object to an upcoming change: the site's form where there is one (SPEC §9), which also
 * takes a late objection; else an e-mail to the objections address while the deadline is open.
 */
export function ObjectLink({ change, site, date, label, mail }: Props) {
  const { objectionDeadline } = change;
  if (!objectionDeadline) return null;
  const form = objectionHref(site, change.entry, change.event);
  if (form) return <a href={form}>{objectionDeadline >= date ? label : 'Object after the deadline'}</a>;
  return objectionDeadline >= date ? <a href={objectionMailto(site, change)}>{mail}</a> : null;
}
