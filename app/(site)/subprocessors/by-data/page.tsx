import type { Metadata } from 'next';
import { FormattedDate } from '@/components/formatted-date';
import { ScopeSwitcher } from '@/components/scope-switcher';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { locationName } from '@/lib/content/countries';
import { dataCategories } from '@/lib/publish/search';
import { listAsOf } from '@/lib/timeline/timeline';
import { href } from '@/lib/publish/urls';

export const revalidate = 300;

type Props = { params: ScopeParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const content = await pageContent(params);
  const { site } = content;
  return pageMetadata(content, {
    title: 'Subprocessors by data category',
    description: `Which subprocessors of ${site.company.name} process each kind of personal data, and where.`,
    path: '/subprocessors/by-data',
  });
}

/** The list turned inside out: for each kind of data, who processes it and where. */
export default async function ByDataPage({ params }: Props) {
  const today = renderDate();
  const content = await pageContent(params);
  const groups = dataCategories(listAsOf(content, today));
  return (
    <>
      <p className="text-sm">
        <a href={href('/subprocessors')} className="back">Full list</a>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Subprocessors by data category{content.scope && <>: {content.scope.title}</>}</h1>
      <ScopeSwitcher content={content} path="/subprocessors/by-data" />
      <p className="mt-2 text-slate-700">
        Which subprocessors process each kind of personal data, as of <FormattedDate date={today} />. Each name links to its entry on the list.
      </p>
      <div className="mt-6 overflow-x-auto">
        <table className="by-data w-full border-collapse text-left">
          <thead>
            <tr>
              <th scope="col">Data category</th>
              <th scope="col">Processed by</th>
            </tr>
          </thead>
          <tbody>
            {groups.map(([data, entries]) => (
              <tr key={data}>
                <th scope="row">{data}</th>
                <td data-label="Processed by">
                  <ul>
                    {entries.map((entry) => (
                      <li key={entry.slug}>
                        <a href={href(`/subprocessors#${entry.slug}`)}>{entry.name}</a> ({[...new Set(entry.locations.map((location) => locationName(location.country)))].join(', ')})
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
