'use client';

import { entryPath, href } from '@/lib/urls';

/** One entry's row on the list, each value already HTML (see `htmlText`); the rest is on the entry's own page. */
export type EntryRow = [slug: string, name: string, entity: string, affiliate: boolean, purpose: string, condition: string, data: string, locations: string, safeguards: string];

/**
 * The body of one category's table on the list, as HTML (optional end tags left out, as HTML
 * allows). Why a string built here from plain values, rather than React elements or a string
 * built on the server: Next.js repeats in the page, as inline data, the props of what it
 * renders. React elements for 1,000 entries came to 1.8 MB, and an HTML string comes back with
 * every `<` escaped as six characters; the plain values are the smallest form. On hydration
 * the browser keeps the rows the server sent.
 */
export function EntryRows({ rows }: { rows: EntryRow[] }) {
  const html = rows
    .map(
      ([slug, name, entity, affiliate, purpose, condition, data, locations, safeguards]) =>
        `<tr id="${slug}"><th><a href="${href(entryPath(slug))}">${name}</a>${affiliate ? '<span class="badge">Affiliate</span>' : ''}<br>${entity}<br><a class="copy-link" href="#${slug}">Copy link</a>` +
        `<td>${purpose}${condition && `<p class="condition">${condition}`}<td>${data}<td>${locations}${safeguards && `<br>${safeguards}`}`,
    )
    .join('');
  return <tbody dangerouslySetInnerHTML={{ __html: html }} />;
}
