import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { formatDate, type IsoDate } from './dates';
import { FIELD_LABELS as L, formatLocation, TRANSFER_LABELS } from './labels';
import { listedSince, type EntryAsOf } from './timeline';
import { entryPath, href } from './urls';

/**
 * The entries of one category on the list, as HTML: who, what for, which data, where.
 * Everything else is on each entry's own page, so the list stays light at thousands of
 * entries.
 *
 * Why a string and not React elements: Next.js repeats a page's React elements in the
 * page as inline data, escaped twice over, which made a list of 1,000 entries weigh 1.8 MB.
 * A string is repeated as one value, at about its own size (unquoted attributes and the
 * end tags HTML lets us omit need no escaping). hast-util-to-html escapes every text and attribute value, as React would.
 * Styled from globals.css (`.entries`), not per-element classes, for the same reason.
 */
export function entriesHtml(entries: EntryAsOf[], date: IsoDate): string {
  return toHtml(
    entries.map((entry) => {
      const since = listedSince(entry, date);
      return h('li', { id: entry.slug }, [
        h('h4', [h('a', { href: href(entryPath(entry.slug)) }, entry.name), entry.affiliate ? h('span.badge', 'Affiliate') : null]),
        h('p.meta', [
          entry.entity,
          since ? [' · on the list since ', h('time', { dateTime: since }, formatDate(since))] : null,
          ' · ',
          h('a.copy-link', { href: `#${entry.slug}` }, 'Copy link'),
        ]),
        h('p', entry.purpose),
        entry.condition ? h('p.condition', entry.condition) : null,
        h('dl', [
          h('dt', L.data),
          h('dd', entry.data.join(', ')),
          h('dt', L.locations),
          h('dd', entry.locations.map(formatLocation).join('; ')),
          entry.transfers?.length ? [h('dt', L.transfers), h('dd', entry.transfers.map((transfer) => TRANSFER_LABELS[transfer]).join('; '))] : null,
        ]),
      ]);
    }),
    { preferUnquoted: true, omitOptionalTags: true },
  );
}
