import { EntryCard } from './entry-card';
import { Prose } from './prose';
import type { Category } from '@/lib/schema';
import { listedSince, type EntryAsOf } from '@/lib/timeline';
import type { IsoDate } from '@/lib/dates';

type Props = { category: Category & { descriptionHtml?: string }; entries: EntryAsOf[]; date: IsoDate };

export function CategorySection({ category, entries, date }: Props) {
  return (
    <section aria-labelledby={`category-${category.id}`} className="mt-8">
      <h3 id={`category-${category.id}`} className="text-xl font-semibold text-slate-900">
        {category.title}
      </h3>
      {category.descriptionHtml && <Prose html={category.descriptionHtml} className="mt-2" />}
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">We currently use no subprocessors in this category.</p>
      ) : (
        entries.map((entry) => <EntryCard key={entry.slug} entry={entry} since={listedSince(entry, date)} />)
      )}
    </section>
  );
}
