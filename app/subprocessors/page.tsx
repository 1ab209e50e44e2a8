import type { Metadata } from 'next';
import { CategorySection } from '@/components/category-section';
import { FormattedDate } from '@/components/formatted-date';
import { PlannedList } from '@/components/planned-list';
import { Prose } from '@/components/prose';
import { UpcomingChanges } from '@/components/upcoming-changes';
import { loadContent } from '@/lib/content';
import { formatDate } from '@/lib/dates';
import { resolveToday } from '@/lib/today';
import { absoluteUrl } from '@/lib/urls';
import { listView } from '@/lib/view';
import type { Section } from '@/lib/schema';

// Scheduled changes take effect on their date: re-render at least hourly.
export const revalidate = 3600;

export function generateMetadata(): Metadata {
  const content = loadContent();
  const { site } = content;
  const view = listView(content, resolveToday(site));
  return {
    title: { absolute: `Subprocessors — ${site.company.name}` },
    description: `The third parties that process personal data for ${site.product ?? site.company.name}: what they do, which data, and where. Last updated ${formatDate(view.lastUpdated)}.`,
    alternates: { canonical: absoluteUrl(site, '/subprocessors') },
  };
}

export default function SubprocessorsPage() {
  const content = loadContent();
  const { site } = content;
  const view = listView(content, resolveToday(site));
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Subprocessors</h1>
      <p className="mt-2 text-slate-700">
        Last updated: <FormattedDate date={view.lastUpdated} />
      </p>
      <Sections sections={view.above} />
      <UpcomingChanges changes={view.upcoming} objectionsEmail={site.contact.objections} />
      <section aria-labelledby="current" className="mt-10">
        <h2 id="current" className="text-2xl font-semibold text-slate-900">
          Current subprocessors
        </h2>
        {view.categories.map(({ category, entries }) => (
          <CategorySection key={category.id} category={category} entries={entries} date={view.date} />
        ))}
      </section>
      <PlannedList planned={view.planned} noticeDays={site.notice_period_days} />
      <Sections sections={view.below} />
    </>
  );
}

function Sections({ sections }: { sections: Section[] }) {
  return sections.map((section) => (
    <section key={section.file} aria-label={section.title} className="mt-8">
      {section.title && <h2 className="mb-3 text-2xl font-semibold text-slate-900">{section.title}</h2>}
      <Prose html={section.html} />
    </section>
  ));
}
