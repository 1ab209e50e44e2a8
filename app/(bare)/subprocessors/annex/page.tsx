import type { Metadata } from 'next';
import { EntryFields } from '@/components/entry-fields';
import { FormattedDate } from '@/components/formatted-date';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { deadlineTime } from '@/lib/timeline/deadline';
import { CHANGE_LABELS } from '@/lib/publish/labels';
import { href, pageUrl } from '@/lib/publish/urls';
import type { Scope } from '@/lib/content/schema';
import type { EntryAsOf } from '@/lib/timeline/timeline';
import { listView } from '@/lib/publish/view';

export const revalidate = 300;

type Props = { params: ScopeParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const content = await pageContent(params);
  const { site } = content;
  return pageMetadata(content, { title: 'Annex: subprocessors', description: `The subprocessors of ${site.company.name} with every detail, to print or attach to a data processing agreement.`, path: '/subprocessors/annex' });
}

/** The whole list with every field, laid out to print or save as PDF and attach to a DPA. */
export default async function AnnexPage({ params }: Props) {
  const today = renderDate();
  const content = await pageContent(params);
  const { site } = content;
  const view = listView(content, today);
  const identity = [site.company.legal_name ?? site.company.name, site.company.address].filter(Boolean).join(', ');
  return (
    <main className="annex mx-auto max-w-4xl px-4 py-8 print:p-0">
      {/* Page footers when printed: version date, fingerprint, page X of Y. */}
      <link rel="stylesheet" href={href('/subprocessors/annex.css')} />
      <p className="mb-6 text-sm print:hidden">
        <a href={href('/subprocessors')} className="back">Subprocessor list</a> · To attach this annex to an agreement, print it or save it as a PDF from your browser.
      </p>
      <h1 className="text-2xl font-bold">Annex: subprocessors of {site.company.name}</h1>
      <dl className="mt-4 grid gap-x-6 gap-y-1 sm:grid-cols-[11rem_1fr] print:grid-cols-[11rem_1fr]">
        <dt className="font-semibold">Processor</dt>
        <dd>{identity}{site.product && ` · ${site.product}`}</dd>
        <dt className="font-semibold">Privacy contact</dt>
        <dd>{site.contact.privacy}</dd>
        {content.scope && (
          <>
            <dt className="font-semibold">Applies to</dt>
            <dd>{content.scope.title}: only the subprocessors and locations of this scope</dd>
          </>
        )}
        <dt className="font-semibold">Version</dt>
        <dd>
          The list in force on <FormattedDate date={view.date} /> (in force since <FormattedDate date={view.listChanged} />)
        </dd>
        <dt className="font-semibold">Fingerprint</dt>
        <dd>
          SHA-256 <code className="break-all" data-testid="fingerprint">{view.fingerprint}</code>
        </dd>
        <dt className="font-semibold">Permanent link</dt>
        <dd>{pageUrl(content, `/subprocessors/history/${view.date}`)}</dd>
      </dl>
      {view.categories.map(({ category, entries }) => (
        <section key={category.id} aria-labelledby={`annex-${category.id}`} className="mt-8">
          {/* The heading prints on the same page as its first entry. */}
          <div className="annex-entry">
            <h2 id={`annex-${category.id}`} className="text-xl font-semibold">{category.title}</h2>
            {entries.length === 0 && <p className="mt-2">None.</p>}
            {entries.slice(0, 1).map((entry) => <AnnexEntry key={entry.slug} entry={entry} scopes={content.scope ? undefined : site.scopes} />)}
          </div>
          {entries.slice(1).map((entry) => <AnnexEntry key={entry.slug} entry={entry} scopes={content.scope ? undefined : site.scopes} />)}
        </section>
      ))}
      <section aria-labelledby="annex-upcoming" className="annex-entry mt-8">
        <h2 id="annex-upcoming" className="text-xl font-semibold">Announced changes not yet in effect</h2>
        {view.upcoming.length === 0 && <p className="mt-2">None on this date.</p>}
        <ul className="mt-2 list-disc pl-5">
          {view.upcoming.map(({ entry, event, objectionDeadline }) => (
            <li key={`${entry.slug}-${event.effective}`}>
              {CHANGE_LABELS[event.change]}: {entry.name}, announced <FormattedDate date={event.announced} />, takes effect <FormattedDate date={event.effective} />
              {objectionDeadline && `; objections by ${deadlineTime(objectionDeadline, site.timezone)}`}.
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}

/** One entry with every field; its name is a real heading, so a PDF reader lists it in the outline. */
function AnnexEntry({ entry, scopes }: { entry: EntryAsOf; scopes?: readonly Scope[] }) {
  return (
    <section aria-labelledby={`annex-${entry.slug}`} className="annex-entry mt-4 border-t border-slate-300 pt-3">
      <h3 id={`annex-${entry.slug}`} className="mb-2 text-lg font-semibold">{entry.name}</h3>
      <EntryFields entry={entry} full scopes={scopes} />
    </section>
  );
}
