import type { Metadata } from 'next';
import { FormattedDate } from '@/components/formatted-date';
import { loadContent } from '@/lib/content';
import { pageMetadata } from '@/lib/metadata';
import { renderDate } from '@/lib/dated-route';
import { locationName } from '@/lib/countries';
import { dataCategories } from '@/lib/search';
import { listAsOf } from '@/lib/timeline';
import { href } from '@/lib/urls';

export const revalidate = 300;

export function generateMetadata(): Metadata {
  const { site } = loadContent();
  return pageMetadata(site, {
    title: 'Subprocessors by data category',
    description: `Which subprocessors of ${site.company.name} process each kind of personal data, and where.`,
    path: '/subprocessors/by-data',
  });
}

/** The list turned inside out: for each kind of data, who processes it and where. */
export default function ByDataPage() {
  const today = renderDate();
  const groups = dataCategories(listAsOf(loadContent(), today));
  return (
    <>
      <p className="text-sm">
        <a href={href('/subprocessors')} className="back">Full list</a>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Subprocessors by data category</h1>
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
