/**
 * Why the HTML the site builds as strings (the list's rows, rendered Markdown) writes every
 * character beyond Latin-1 as a character reference: Node.js holds a page whose characters are
 * all Latin-1 at one byte each, and a single curly quote or dash anywhere makes it two bytes per
 * character. Next.js turns the cached page into bytes for every response, and that costs more
 * for a two-byte string: the same 637 KB page through Next.js's compression served 181
 * requests/s as two bytes per character and 249 as Latin-1. The site's own wording keeps to
 * Latin-1 for the same reason (`·`, not `—`, in titles; arrows from CSS).
 */
const BEYOND_LATIN1 = /[^\x00-\xff]/gu;
const reference = (character: string) => `&#${character.codePointAt(0)};`;

/** HTML with characters beyond Latin-1 as character references; it reads the same. */
export function latin1Html(html: string): string {
  return html.replace(BEYOND_LATIN1, reference);
}

/** Plain text as HTML (or XML), for element content and double-quoted attribute values. */
export function htmlText(text: string): string {
  return latin1Html(text.replace(/[&<>"]/g, reference));
}
