import type { Metadata } from 'next';
import { CategorySection } from '@/components/category-section';
import { FollowLinks } from '@/components/follow-links';
import { Fingerprint } from '@/components/fingerprint';
import { ListSummary } from '@/components/list-summary';
import { PageContents } from '@/components/page-contents';
import { ListSearch } from '@/components/list-search';
import { ScopeSwitcher } from '@/components/scope-switcher';
import { PlannedList } from '@/components/planned-list';
import { Sections } from '@/components/sections';
import { SubscribeForm } from '@/components/subscribe-form';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { formatDate } from '@/lib/content/dates';
import { subscriptionsOffered } from '@/lib/notify/server';
import { href, STATIC_EXPORT } from '@/lib/publish/urls';
import { listView } from '@/lib/publish/view';

// Scheduled changes take effect on their date without a deploy: every page is re-rendered
// after five minutes and never served more than ten minutes old (expireTime).
export const revalidate = 300;

type Props = { params: ScopeParams };

async function load(params: ScopeParams) {
  const content = await pageContent(params);
  return { content, site: content.site, view: listView(content, renderDate()) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { content, site, view } = await load(params);
  return pageMetadata(content, {
    title: 'Subprocessors',
    description: `The third parties that process personal data for ${site.product ?? site.company.name}: what they do, which data, and where. Last updated ${formatDate(view.lastUpdated)}.`,
    path: '/subprocessors',
    types: {
      'application/atom+xml': '/subprocessors/feed.xml',
      'text/calendar': '/subprocessors/changes.ics',
      'application/json': '/subprocessors.json',
      'text/csv': '/subprocessors.csv',
    },
  });
}

export default async function SubprocessorsPage({ params }: Props) {
  const { content, site, view } = await load(params);
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Subprocessors{content.scope && <>: {content.scope.title}</>}</h1>
      <ScopeSwitcher content={content} path="/subprocessors" />
      <ListSummary {...view} objectionsEmail={site.contact.objections} timeZone={site.timezone} />
      <PageContents categories={view.categories} below={view.below} planned={view.planned.length > 0} />
      {subscriptionsOffered(site) && <SubscribeForm scope={content.scope?.id} />}
      <Sections sections={view.above} folded={view.above.reduce((length, section) => length + section.html.length, 0) > 1500} />
      <section aria-labelledby="current" className="mt-10">
        <h2 id="current" className="text-2xl font-semibold text-slate-900">
          Current subprocessors
        </h2>
        {!STATIC_EXPORT && <ListSearch options={view.options} />}
        <p className="mt-3 print:hidden">
          <a href={href('/subprocessors/by-data')}>Which subprocessors process each kind of data</a>
        </p>
        {view.categories.map(({ category, entries }) => (
          <CategorySection key={category.id} category={category} entries={entries} scopes={content.scope ? undefined : site.scopes} />
        ))}
      </section>
      <PlannedList planned={view.planned} noticeDays={site.notice_period_days} scopes={content.scope ? undefined : site.scopes} />
      <Sections sections={view.below} />
      <FollowLinks date={view.date} />
      <Fingerprint value={view.fingerprint} date={view.date} />
    </>
  );
}
