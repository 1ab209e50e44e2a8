import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CategorySection } from '@/components/category-section';
import { Fingerprint } from '@/components/fingerprint';
import { FormattedDate } from '@/components/formatted-date';
import { ScopeSwitcher } from '@/components/scope-switcher';
import { VersionChanges } from '@/components/version-changes';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate } from '@/lib/dated-route';
import { formatDate, isIsoDate } from '@/lib/content/dates';
import { href } from '@/lib/publish/urls';
import { versionView } from '@/lib/publish/view';

export const revalidate = 300;

type Props = { params: Promise<{ date: string; scope?: string }> };

// Past versions are rendered on their first request, then cached.
export function generateStaticParams() {
  return [];
}

/** The list as it stood on the date in the URL; none outside [published, today]. */
async function find(params: Props['params']) {
  const { date } = await params;
  const content = await pageContent(params);
  const view = isIsoDate(date) ? versionView(content, date, renderDate()) : undefined;
  return view && { content, site: content.site, view };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await find(params);
  // The page answers 404; notFound() here would leave the page blank without JavaScript.
  if (!found) return { title: 'Page not found' };
  const { content, site, view } = found;
  return pageMetadata(content, {
    title: `Subprocessors on ${formatDate(view.date)}`,
    description: `The list of subprocessors of ${site.company.name} as it stood on ${formatDate(view.date)}.`,
    path: `/subprocessors/history/${view.date}`,
  });
}

export default async function VersionPage({ params }: Props) {
  const found = await find(params);
  if (!found) notFound();
  const { content, site, view } = found;
  const unrecorded = view.categories.flatMap(({ entries }) => entries.filter((entry) => !entry.fieldsRecorded));
  return (
    <>
      <p className="text-sm">
        <a href={href('/subprocessors')} className="back">Current list</a> · <a href={href('/subprocessors/changes')}>All changes and versions</a>
      </p>
      {view.next && (
        <p role="note" className="mt-4 rounded border-2 border-slate-700 bg-slate-100 p-3 font-semibold">
          Past version: this list was replaced on <FormattedDate date={view.next} />. <a href={href('/subprocessors')}>See the current list</a>
        </p>
      )}
      <h1 className="mt-4 text-3xl font-bold tracking-tight">
        Subprocessors on <FormattedDate date={view.date} />
      </h1>
      <p className="mt-2 text-slate-700">
        The list of {site.company.name}{content.scope && ` for ${content.scope.title}`} as it stood on that day: the version in force since <FormattedDate date={view.version} />.{' '}
        <a href={href(`/subprocessors/history/${view.date}`)} className="copy-link">Link to this version</a>
      </p>
      <ScopeSwitcher content={content} path={`/subprocessors/history/${view.date}`} />
      <nav aria-label="Versions" className="mt-4 flex flex-wrap justify-between gap-2">
        {view.previous ? <a href={href(`/subprocessors/history/${view.previous}`)} className="back">Previous version (<FormattedDate date={view.previous} />)</a> : <span>This is the first published version.</span>}
        {view.next ? <a href={href(`/subprocessors/history/${view.next}`)} className="forward">Next version (<FormattedDate date={view.next} />)</a> : <span>This version is still in force.</span>}
      </nav>
      <section aria-labelledby="changed" className="mt-8 rounded-lg border border-slate-300 p-4">
        <h2 id="changed" className="text-xl font-semibold">
          {view.previous ? <>Changes since the version of <FormattedDate date={view.previous} /></> : 'First publication'}
        </h2>
        {view.previous ? <VersionChanges changes={view.changes} /> : <p className="mt-2">The list as first published.</p>}
      </section>
      {unrecorded.length > 0 && (
        <p className="mt-6 rounded border border-amber-600 bg-amber-50 p-3">
          Some details of {unrecorded.map((entry) => entry.name).join(', ')} changed later and their values on this date were not recorded; the
          details shown are the later ones.
        </p>
      )}
      <section aria-labelledby="current" className="mt-10">
        <h2 id="current" className="text-2xl font-semibold">Subprocessors in force</h2>
        {view.categories.map(({ category, entries }) => (
          <CategorySection key={category.id} category={category} entries={entries} empty="None on that date." scopes={content.scope ? undefined : site.scopes} />
        ))}
      </section>
      <Fingerprint value={view.fingerprint} date={view.date} />
    </>
  );
}
