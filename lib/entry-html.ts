import { toHtml } from 'hast-util-to-html';
import { h } from 'hastscript';
import { formatLocation, TRANSFER_SHORT } from './labels';
import type { EntryAsOf } from './timeline';
import { entryPath, href } from './urls';

/**
 * The rows of one category's table on the list: who, what for, which data, where. The rest
 * is on each entry's own page, so the list stays light at thousands of entries.
 *
 * Why a string and not React elements: Next.js repeats a page's React elements in the page
 * as inline data, escaped twice over, which made a list of 1,000 entries weigh 1.8 MB. A
 * string is repeated as one value, at about its own size (unquoted attributes and the end
 * tags HTML lets us omit need no escaping). hast-util-to-html escapes every text and
 * attribute value, as React would. Styled from globals.css (`.entries`), not per-element
 * classes, for the same reason.
 */
export function entryRowsHtml(entries: EntryAsOf[]): string {
  return toHtml(
    entries.map((entry) =>
      h('tr', { id: entry.slug }, [
        h('th', [
          h('a', { href: href(entryPath(entry.slug)) }, entry.name),
          entry.affiliate ? h('span.badge', 'Affiliate') : null,
          h('br'),
          entry.entity,
          h('br'),
          h('a.copy-link', { href: `#${entry.slug}` }, 'Copy link'),
        ]),
        h('td', [entry.purpose, entry.condition ? h('p.condition', entry.condition) : null]),
        h('td', entry.data.join(', ')),
        h('td', [entry.locations.map(formatLocation).join('; '), entry.transfers?.length ? [h('br'), entry.transfers.map((transfer) => TRANSFER_SHORT[transfer]).join(', ')] : null]),
      ]),
    ),
    { preferUnquoted: true, omitOptionalTags: true },
  );
}
