import type { Metadata } from 'next';
import { ChangeFilter } from '@/components/change-filter';
import { ChangeList } from '@/components/change-list';
import { FormattedDate } from '@/components/formatted-date';
import { ScopeSwitcher } from '@/components/scope-switcher';
import { SubscribeForm } from '@/components/subscribe-form';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { todayIn } from '@/lib/content/dates';
import { emailedOn, subscriptionsOffered } from '@/lib/notify/server';
import { noticeId } from '@/lib/notify/queries';
import { CHANGES, type ChangeType } from '@/lib/content/schema';
import { href, STATIC_EXPORT } from '@/lib/publish/urls';
import { changesView } from '@/lib/publish/view';

type Props = { params: ScopeParams; searchParams: Promise<{ change?: string; entry?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const content = await pageContent(params);
  const { site } = content;
  return pageMetadata(content, {
    title: 'Subprocessor changes',
    description: `Every addition, change and removal of a subprocessor of ${site.company.name}, and every past version of the list.`,
    path: '/subprocessors/changes',
    types: { 'application/atom+xml': '/subprocessors/feed.xml' },
  });
}

export default async function ChangesPage({ params, searchParams }: Props) {
  const today = renderDate();
  const query = await searchParams;
  const filter = {
    change: CHANGES.includes(query.change as ChangeType) ? (query.change as ChangeType) : undefined,
    entry: typeof query.entry === 'string' && query.entry ? query.entry : undefined,
  };
  const content = await pageContent(params);
  const { site } = content;
  const view = changesView(content, today, filter);
  const sent = await emailedOn(site);
  // The day the notice of an announcement day first went out, in the site's time zone.
  const emailed = (announced: string) => {
    const at = sent.get(noticeId('day', announced, content.scope?.id));
    return at ? todayIn(site.timezone, new Date(at)) : undefined;
  };
  return (
    <>
      <p className="text-sm">
        <a href={href('/subprocessors')} className="back">Current list</a>
      </p>
      <h1 className="mt-4 text-3xl font-bold tracking-tight">Subprocessor changes{content.scope && <>: {content.scope.title}</>}</h1>
      <ScopeSwitcher content={content} path="/subprocessors/changes" />
      <p className="mt-2 text-slate-700">Every change we have announced, newest first. Upcoming changes are marked.</p>
      {subscriptionsOffered(site) && <div className="mt-3"><SubscribeForm id="subscribe-changes" scope={content.scope?.id} compact /></div>}
      {!STATIC_EXPORT && <ChangeFilter entries={view.entries} filter={filter} />}
      <section aria-labelledby="changes" className="mt-8">
        <h2 id="changes" className="text-2xl font-semibold">
          {view.events.length} {view.events.length === 1 ? 'change' : 'changes'}
        </h2>
        <ChangeList events={view.events} date={view.date} versionOf={view.versionOf} emailed={emailed} upcoming={view.upcoming} site={site} scopes={content.scope ? undefined : site.scopes} />
      </section>
      <section aria-labelledby="versions" className="mt-10">
        <h2 id="versions" className="text-2xl font-semibold">Past versions of the list</h2>
        <ul className="mt-3 space-y-1">
          {view.versions.map((version) => (
            <li key={version.date}>
              <a href={href(`/subprocessors/history/${version.date}`)}>
                <FormattedDate date={version.date} />
              </a>{' '}
              <span className="text-slate-700">· {version.changes === 0 ? 'first publication' : `${version.changes} ${version.changes === 1 ? 'change' : 'changes'}`}</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
