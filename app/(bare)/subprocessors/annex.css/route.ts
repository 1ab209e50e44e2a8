import { datedRoute } from '@/lib/dated-route';
import { formatDate } from '@/lib/content/dates';
import { fingerprint } from '@/lib/timeline/fingerprint';
import { listAsOf } from '@/lib/timeline/timeline';

export const revalidate = 300;
export const dynamic = 'force-static';

/**
 * The annex's printed page footers: version date, fingerprint, page X of Y. A stylesheet of its
 * own because margin boxes take only strings, and the page may not carry inline styles (CSP).
 * A scope's title is escaped as CSS (every character but letters, digits and spaces as a code
 * point); the rest is a formatted date and a hex digest.
 */
const cssText = (text: string) => text.replace(/[^A-Za-z0-9 ]/gu, (character) => `\\${character.codePointAt(0)!.toString(16)} `);

export const GET = datedRoute('text/css; charset=utf-8', (content, date) => {
  const list = content.scope ? `Subprocessors (${cssText(content.scope.title)})` : 'Subprocessors';
  const version = `${list} in force on ${formatDate(date)} \\b7  SHA-256 ${fingerprint(listAsOf(content, date))}`;
  return `@media print {
  @page {
    margin: 1.5cm 1.5cm 2cm;
    @bottom-left { content: "${version}"; font: 7pt sans-serif; color: #000; }
    @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt sans-serif; color: #000; }
  }
}
`;
});
