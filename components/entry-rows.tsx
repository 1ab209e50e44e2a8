'use client';

/**
 * One entry's row on the list; the rest is on the entry's own page. Text is HTML already (see
 * `htmlText`). Data categories, locations and safeguards repeat from row to row, so each is
 * sent once per table, in `terms`, and a row lists their positions there. The condition and
 * the affiliate flag and the scopes the entry is limited to come last, so that a row without
 * them can leave them out.
 */
export type EntryRow = [slug: string, name: string, entity: string, purpose: string, data: number[], locations: number[], safeguards: number[], condition?: string, affiliate?: 0 | 1, scopes?: number[]];

/** `pages`: where entry pages are, `/subprocessors/` or a scope's `/eu/subprocessors/` (with the base path). */
type Props = { rows: EntryRow[]; terms: string[]; pages: string };

/**
 * Items are joined by a middle dot, which (unlike a comma) never occurs inside one; a no-break
 * space keeps it at the end of a wrapped line, never at the start of the next.
 * The body of one category's table on the list, as HTML (optional end tags left out, as HTML
 * allows). Why a string built here from plain values, rather than React elements or a string
 * built on the server: Next.js repeats in the page, as inline data, the props of what it
 * renders. React elements for 1,000 entries came to 1.8 MB, and an HTML string comes back with
 * every `<` escaped as six characters; the plain values are the smallest form. On hydration
 * the browser keeps the rows the server sent.
 */
export function EntryRows({ rows, terms, pages }: Props) {
  const list = (positions: number[], separator: string) => positions.map((position) => terms[position]).join(separator);
  const html = rows
    .map(
      ([slug, name, entity, purpose, data, locations, safeguards, condition, affiliate, scopes = []]) =>
        `<tr id="${slug}"><th><a href="${pages}${slug}">${name}</a>${affiliate ? '<span class="badge">Affiliate</span>' : ''}${scopes.map((position) => `<span class="badge">${terms[position]}</span>`).join('')}<br>${entity}<br><a class="copy-link" href="#${slug}" aria-label="Copy link to ${name}">Copy link</a>` +
        `<td>${purpose}${condition ? `<p class="condition">${condition}` : ''}<td>${list(data, '\u00a0\u00b7 ')}<td>${list(locations, '\u00a0\u00b7 ')}${safeguards.length ? `<p class="safeguards">${list(safeguards, '\u00a0\u00b7 ')}` : ''}`,
    )
    .join('');
  return <tbody dangerouslySetInnerHTML={{ __html: html }} />;
}
