import type { Metadata } from 'next';
import { Fragment } from 'react';
import { FormattedDate } from '@/components/formatted-date';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { deadlineTime } from '@/lib/timeline/deadline';
import { CHANGE_LABELS, FIELD_LABELS, formatLocation, LINK_LABELS, TRANSFER_LABELS } from '@/lib/publish/labels';
import { scopeTitleMap } from '@/lib/timeline/scopes';
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
      {/* One table, its header repeated on every printed page: five or more entries to an A4 page. */}
      <table className="annex-table mt-6">
        <thead>
          <tr>
            <th scope="col">Subprocessor</th>
            <th scope="col">Purpose</th>
            <th scope="col">{FIELD_LABELS.data}</th>
            <th scope="col">{FIELD_LABELS.locations}</th>
            <th scope="col">{FIELD_LABELS.transfers}</th>
          </tr>
        </thead>
        {view.categories
          .filter(({ entries }) => !content.scope || entries.length > 0)
          .map(({ category, entries }) => (
            <Fragment key={category.id}>
              <tbody className="annex-category">
                <tr>
                  <th scope="colgroup" colSpan={5}>
                    <h2 id={`annex-${category.id}`}>{category.title}</h2>
                    {entries.length === 0 && <p>None.</p>}
                  </th>
                </tr>
              </tbody>
              {entries.map((entry) => <AnnexRow key={entry.slug} entry={entry} scopes={content.scope ? undefined : site.scopes} />)}
            </Fragment>
          ))}
      </table>
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

/** One entry with every field, as a row; its name is a real heading, so a PDF reader lists it in the outline. */
function AnnexRow({ entry, scopes }: { entry: EntryAsOf; scopes?: readonly Scope[] }) {
  const titles = scopeTitleMap(scopes);
  const links = Object.entries(entry.links ?? {}).filter((link): link is [keyof typeof LINK_LABELS, string] => Boolean(link[1]));
  const scopeNames = scopes && entry.scopes && scopes.some((scope) => !entry.scopes!.includes(scope.id)) ? entry.scopes.map((id) => titles.get(id) ?? id) : undefined;
  // An entry's rows stay on one printed page; its documents take a line of their own, full width, as their addresses print.
  return (
    <tbody className="annex-entry">
      <tr aria-labelledby={`annex-${entry.slug}`}>
        <th scope="row">
          <h3 id={`annex-${entry.slug}`}>{entry.name}</h3>
          <p>{entry.entity}{entry.affiliate && ' (affiliate)'}</p>
          {entry.address && <p>{entry.address}</p>}
          {entry.contact && <p>{FIELD_LABELS.contact}: {entry.contact}</p>}
          {entry.website && <p><a href={entry.website} className="shows-url">{entry.website}</a></p>}
        </th>
        <td data-label="Purpose">
          <p>{entry.purpose}</p>
          {entry.condition && <p><em>{FIELD_LABELS.condition}: {entry.condition}</em></p>}
          {scopeNames && <p>{FIELD_LABELS.scopes}: {scopeNames.join('; ')}</p>}
        </td>
        <td data-label={FIELD_LABELS.data}>
          <p>{entry.data.join('; ')}</p>
          {entry.subjects && <p>{FIELD_LABELS.subjects}: {entry.subjects.join('; ')}</p>}
        </td>
        <td data-label={FIELD_LABELS.locations}>
          {entry.locations.map((location, index) => <p key={index}>{formatLocation(location, titles)}</p>)}
        </td>
        <td data-label={FIELD_LABELS.transfers}>
          {entry.transfers?.length ? <p>{entry.transfers.map((transfer) => TRANSFER_LABELS[transfer]).join('; ')}</p> : null}
          {entry.certifications?.length ? <p>{entry.certifications.join('; ')}</p> : null}
        </td>
      </tr>
      {links.length > 0 && (
        <tr className="annex-links">
          <td colSpan={5}>
            {FIELD_LABELS.links}:{' '}
            {links.map(([kind, url], index) => (
              <Fragment key={kind}>
                {index > 0 && '; '}
                <a href={url}>{LINK_LABELS[kind]}</a>
              </Fragment>
            ))}
          </td>
        </tr>
      )}
    </tbody>
  );
}
