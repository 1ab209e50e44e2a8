import type { Metadata } from 'next';
import { FormattedDate } from '@/components/formatted-date';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { formatLocation } from '@/lib/publish/labels';
import { entryPath, href, pageUrl } from '@/lib/publish/urls';
import { listView } from '@/lib/publish/view';

export const revalidate = 300;

type Props = { params: ScopeParams };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const content = await pageContent(params);
  return { title: `Subprocessors${content.scope ? ` (${content.scope.title})` : ''} (embedded)`, alternates: { canonical: pageUrl(content, '/subprocessors') }, robots: { index: false } };
}

/**
 * The current list, compact and without the site's header and footer, for an iframe in
 * a privacy policy. Which sites may frame it: SUBPROCESSORS_FRAME_ANCESTORS (docs/deployment.md).
 * Links open in the top window, where the full list and each entry's page are.
 */
export default async function EmbedPage({ params }: Props) {
  const today = renderDate();
  const content = await pageContent(params);
  const view = listView(content, today);
  return (
    <main className="embed p-2 text-sm">
      <h1 className="sr-only">Subprocessors of {content.site.company.name}{content.scope && ` (${content.scope.title})`}</h1>
      <p className="text-slate-700">
        Last updated <FormattedDate date={view.lastUpdated} />.{' '}
        {view.upcoming.length > 0 && `${view.upcoming.length} upcoming ${view.upcoming.length === 1 ? 'change' : 'changes'}. `}
        <a href={href('/subprocessors')} target="_top">Full list, upcoming changes and history</a>
      </p>
      <table className="mt-2 w-full border-collapse text-left">
        <thead>
          <tr>
            <th scope="col">Subprocessor</th>
            <th scope="col">Purpose</th>
            <th scope="col">Location</th>
          </tr>
        </thead>
        <tbody>
          {view.categories.flatMap(({ entries }) =>
            entries.map((entry) => (
              <tr key={entry.slug}>
                <th scope="row">
                  <a href={href(entryPath(entry.slug))} target="_top">{entry.name}</a>
                </th>
                <td data-label="Purpose">{entry.purpose}</td>
                <td data-label="Location">{entry.locations.map((location) => formatLocation(location)).join(' \u00b7 ')}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </main>
  );
}
