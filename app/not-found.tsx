import { FormattedDate } from '@/components/formatted-date';
import { SiteChrome } from '@/components/site-chrome';
import { loadContent } from '@/lib/content/load';
import { href } from '@/lib/publish/urls';

/** Every 404 of the site (proxy.ts sends unknown entries and dates here): one frame, rendered on the server. */
export default function NotFound() {
  const { site } = loadContent();
  return (
    <SiteChrome>
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-4">There is no subprocessor, and no version of the list, at this address.</p>
      <ul className="mt-4 list-disc space-y-1 pl-5">
        <li>
          <a href={href('/subprocessors')}>The current list of subprocessors</a>
        </li>
        <li>
          The list was first published on <FormattedDate date={site.published} />: <a href={href(`/subprocessors/history/${site.published}`)}>the first version</a>
        </li>
        <li>
          <a href={href('/subprocessors/changes')}>All changes and past versions</a>
        </li>
      </ul>
    </SiteChrome>
  );
}
