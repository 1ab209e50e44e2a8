import { Prose } from './prose';
import type { IsoDate } from '@/lib/dates';
import { entriesHtml } from '@/lib/entry-html';
import type { Category } from '@/lib/schema';
import type { EntryAsOf } from '@/lib/timeline';

type Props = { category: Category & { descriptionHtml?: string }; entries: EntryAsOf[]; date: IsoDate };

/** One category of the list; each entry's anchor is its slug, so `/subprocessors#slug` links to it. */
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
        <ul className="entries" dangerouslySetInnerHTML={{ __html: entriesHtml(entries, date) }} />
      )}
    </section>
  );
}
