import type { Metadata } from 'next';
import { CategorySection } from '@/components/category-section';
import { FormattedDate } from '@/components/formatted-date';
import { ListSearch } from '@/components/list-search';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { searchView, type ListFilter } from '@/lib/publish/search';
import { entryPath, href, pageUrl } from '@/lib/publish/urls';

type Props = { params: ScopeParams; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const content = await pageContent(params);
  // Result pages are not documents of their own: search engines index the list.
  return { title: `Search subprocessors${content.scope ? ` (${content.scope.title})` : ''}`, alternates: { canonical: pageUrl(content, '/subprocessors') }, robots: { index: false } };
}

/** Rendered on request (it depends on the query); the list page stays cached. */
export default async function SearchPage({ params, searchParams }: Props) {
  const today = renderDate();
  const query = await searchParams;
  const text = (key: keyof ListFilter) => (typeof query[key] === 'string' && query[key].trim() ? query[key].trim().slice(0, 200) : undefined);
  const content = await pageContent(params);
  const view = searchView(content, today, { q: text('q'), category: text('category'), country: text('country'), data: text('data') });
  return (
    <>
      <p className="text-sm">
        <a href={href('/subprocessors')} className="back">Full list</a>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Search subprocessors{content.scope && <>: {content.scope.title}</>}</h1>
      <ListSearch options={view.options} filter={view.filter} />
      <p role="status" className="mt-6 font-semibold">
        {view.found === 0 ? 'No subprocessors match.' : `${view.found} of ${view.total} subprocessors match.`}
      </p>
      <p className="mt-1">
        <a href={href('/subprocessors/search')}>Clear filters</a>
      </p>
      {view.elsewhere.length > 0 && (
        <ul className="mt-3 space-y-1">
          {view.elsewhere.map((item) => (
            <li key={item.slug}>
              <a href={href(entryPath(item.slug))}>{item.name}</a>{' '}
              {item.status === 'joins' ? <>is not on the list yet: announced, it joins on <FormattedDate date={item.date} />.</> : <>is no longer on the list: removed on <FormattedDate date={item.date} />.</>}
            </li>
          ))}
        </ul>
      )}
      {view.categories.map(({ category, entries }) => (
        <CategorySection key={category.id} category={category} entries={entries} scopes={content.scope ? undefined : content.site.scopes} />
      ))}
    </>
  );
}
