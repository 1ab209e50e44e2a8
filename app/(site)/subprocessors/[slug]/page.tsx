import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CopyLink } from '@/components/copy-link';
import { EntryFields } from '@/components/entry-fields';
import { EntryHistory } from '@/components/entry-history';
import { FormattedDate } from '@/components/formatted-date';
import { Notes } from '@/components/prose';
import { UpcomingChanges } from '@/components/upcoming-changes';
import { loadContent } from '@/lib/content/load';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate } from '@/lib/dated-route';
import { isVisible } from '@/lib/timeline/timeline';
import { entryPath, href } from '@/lib/publish/urls';
import { entryView } from '@/lib/publish/view';

export const revalidate = 300;

type Props = { params: Promise<{ slug: string; scope?: string }> };

export function generateStaticParams() {
  const today = renderDate();
  return loadContent().subprocessors.filter((entry) => isVisible(entry, today)).map((entry) => ({ slug: entry.slug }));
}

/** The entry as visitors see it today; none until it has been announced. (Former slugs redirect in proxy.ts.) */
async function find(params: Props['params']) {
  const { slug } = await params;
  const content = await pageContent(params);
  const view = entryView(content, slug, renderDate());
  return view && { content, site: content.site, view, slug };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await find(params);
  // The page answers 404; notFound() here would leave the page blank without JavaScript.
  if (!found) return { title: 'Page not found' };
  const { content, site, view, slug } = found;
  return pageMetadata(content, {
    title: view.entry.name,
    description: `${view.entry.name} (${view.entry.entity}) as a subprocessor of ${site.company.name}: ${view.entry.purpose}`,
    path: entryPath(slug),
  });
}

export default async function EntryPage({ params }: Props) {
  const found = await find(params);
  if (!found) notFound();
  const { content, site, view } = found;
  const { entry } = view;
  return (
    <>
      <p className="text-sm">
        <a href={href(`/subprocessors#${entry.slug}`)} className="back">
          All subprocessors
        </a>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">{entry.name}</h1>
      {content.scope && <p className="text-slate-700">As a subprocessor for {content.scope.title}: only its locations there</p>}
      {view.former.filter(({ field }) => field === 'name').map(({ value, until }) => (
        <p key={until} className="text-slate-700">Previously named {value}, until <FormattedDate date={until} /></p>
      ))}
      <p className="mt-1 text-slate-700">
        {view.category?.title}
        {view.since && (
          <>
            {'\u00a0· on the list since '}
            <FormattedDate date={view.since} />
          </>
        )}
        {'\u00a0· '}
        <CopyLink href={href(entryPath(entry.slug))} name={entry.name} />
      </p>
      {view.removal && (
        <p className="mt-4 rounded border border-slate-400 bg-slate-50 p-3">
          No longer a subprocessor: removed from the list on <FormattedDate date={view.removal.effective} />. The details below are as
          they stood then.
        </p>
      )}
      <UpcomingChanges changes={view.upcoming} site={site} date={view.date} scopes={content.scope ? undefined : site.scopes} />
      <section aria-labelledby="details" className="mt-8">
        <h2 id="details" className="mb-4 text-2xl font-semibold">Details</h2>
        <EntryFields entry={entry} full former={view.former} scopes={content.scope ? undefined : site.scopes} />
      </section>
      <Notes markdown={entry.notes} slug={entry.slug} heading="Notes" />
      <section aria-labelledby="history" className="mt-8">
        <h2 id="history" className="mb-3 text-2xl font-semibold">History</h2>
        <EntryHistory name={entry.name} events={view.history} date={view.date} />
      </section>
    </>
  );
}
