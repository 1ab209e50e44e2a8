import type { Metadata } from 'next';
import { EntryFields } from '@/components/entry-fields';
import { FormattedDate } from '@/components/formatted-date';
import { loadContent } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { renderDate } from '@/lib/dated-route';
import { absoluteUrl, href } from '@/lib/urls';
import { listView } from '@/lib/view';

export const revalidate = 300;

export function generateMetadata(): Metadata {
  const { site } = loadContent();
  return pageMetadata(site, { title: 'Annex: subprocessors', description: `The subprocessors of ${site.company.name} with every detail, to print or attach to a data processing agreement.`, path: '/subprocessors/annex' });
}

/** The whole list with every field, laid out to print or save as PDF and attach to a DPA. */
export default function AnnexPage() {
  const today = renderDate();
  const content = loadContent();
  const { site } = content;
  const view = listView(content, today);
  const identity = [site.company.legal_name ?? site.company.name, site.company.address].filter(Boolean).join(', ');
  return (
    <main className="annex mx-auto max-w-4xl px-4 py-8 print:p-0">
      <p className="mb-6 text-sm print:hidden">
        <a href={href('/subprocessors')} className="back">Subprocessor list</a> · To attach this annex to an agreement, print it or save it as a PDF from your browser.
      </p>
      <h1 className="text-2xl font-bold">Annex: subprocessors of {site.company.name}</h1>
      <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[11rem_1fr] print:grid-cols-[11rem_1fr]">
        <dt className="font-semibold">Processor</dt>
        <dd>{identity}{site.product && ` · ${site.product}`}</dd>
        <dt className="font-semibold">Privacy contact</dt>
        <dd>{site.contact.privacy}</dd>
        <dt className="font-semibold">Version</dt>
        <dd>
          The list in force on <FormattedDate date={view.date} /> (last updated <FormattedDate date={view.lastUpdated} />)
        </dd>
        <dt className="font-semibold">Fingerprint</dt>
        <dd>
          SHA-256 <code className="break-all" data-testid="fingerprint">{view.fingerprint}</code>
        </dd>
        <dt className="font-semibold">Permanent link</dt>
        <dd>{absoluteUrl(site, `/subprocessors/history/${view.date}`)}</dd>
      </dl>
      {view.categories.map(({ category, entries }) => (
        <section key={category.id} aria-labelledby={`annex-${category.id}`} className="mt-8">
          <h2 id={`annex-${category.id}`} className="text-xl font-semibold">{category.title}</h2>
          {entries.length === 0 && <p className="mt-2">None.</p>}
          {entries.map((entry) => (
            <section key={entry.slug} aria-labelledby={`annex-${entry.slug}`} className="annex-entry mt-4 border-t border-slate-300 pt-3">
              <h3 id={`annex-${entry.slug}`} className="mb-2 font-semibold">{entry.name}</h3>
              <EntryFields entry={entry} full />
            </section>
          ))}
        </section>
      ))}
      {view.upcoming.length > 0 && (
        <p className="mt-8">
          Announced changes not yet in effect on this date ({view.upcoming.length}) are listed at {absoluteUrl(site, '/subprocessors')}.
        </p>
      )}
    </main>
  );
}
