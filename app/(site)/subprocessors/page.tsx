import type { Metadata } from 'next';
import { CategorySection } from '@/components/category-section';
import { FollowLinks } from '@/components/follow-links';
import { Fingerprint } from '@/components/fingerprint';
import { ListSummary } from '@/components/list-summary';
import { PageContents } from '@/components/page-contents';
import { CompactSearch } from '@/components/list-search';
import { ListLegend } from '@/components/list-legend';
import { ScopeSwitcher } from '@/components/scope-switcher';
import { PlannedList } from '@/components/planned-list';
import { Sections } from '@/components/sections';
import { SubscribeForm } from '@/components/subscribe-form';
import { pageMetadata } from '@/lib/publish/metadata';
import { pageContent, renderDate, type ScopeParams } from '@/lib/dated-route';
import { formatDate } from '@/lib/content/dates';
import { subscriptionsOffered } from '@/lib/notify/server';
import { STATIC_EXPORT } from '@/lib/publish/urls';
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
  // A scope's list leaves out the categories it has no entry in; the full list says "none".
  const categories = content.scope ? view.categories.filter(({ entries }) => entries.length > 0) : view.categories;
  const scopes = content.scope ? undefined : site.scopes;
  return (
    <>
      {/* A scope's title makes the heading longer: one line on a phone all the same. */}
      <h1 className={`${content.scope ? 'text-2xl' : 'text-3xl'} font-bold tracking-tight sm:text-4xl`}>Subprocessors{content.scope && <>: {content.scope.title}</>}</h1>
      <ScopeSwitcher content={content} path="/subprocessors" />
      <ListSummary {...view} upcoming={view.open} site={site} scopes={scopes}>
        {subscriptionsOffered(site) && <SubscribeForm scope={content.scope?.id} compact />}
      </ListSummary>
      {/* The prose above the list opens on request (it prints in full), and so do the page's contents: the list comes first. */}
      <div className="mt-3 flex flex-wrap items-start gap-x-6 gap-y-2">
        <Sections sections={view.above} folded />
        <PageContents categories={categories} below={view.below} planned={view.planned.length > 0} />
      </div>
      <section aria-labelledby="current" className="mt-4">
        <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
          <h2 id="current" className="text-2xl font-semibold text-slate-900">
            Current subprocessors
          </h2>
          {!STATIC_EXPORT && <CompactSearch />}
        </div>
        {categories.map(({ category, entries }) => (
          <CategorySection key={category.id} category={category} entries={entries} scopes={scopes} />
        ))}
        <ListLegend categories={categories} scopes={scopes} />
      </section>
      <PlannedList planned={view.planned} noticeDays={site.notice_period_days} scopes={scopes} />
      <Sections sections={view.below} />
      <FollowLinks date={view.date} />
      <Fingerprint value={view.fingerprint} date={view.date} />
    </>
  );
}
