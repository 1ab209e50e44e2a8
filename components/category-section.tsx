import { Prose } from './prose';
import { entryRowsHtml } from '@/lib/entry-html';
import { FIELD_LABELS as L } from '@/lib/labels';
import type { Category } from '@/lib/schema';
import type { EntryAsOf } from '@/lib/timeline';

type Props = { category: Category & { descriptionHtml?: string }; entries: EntryAsOf[] };

/** One category of the list; each entry's anchor is its slug, so `/subprocessors#slug` links to it. */
export function CategorySection({ category, entries }: Props) {
  return (
    <section aria-labelledby={`category-${category.id}`} className="mt-8">
      <h3 id={`category-${category.id}`} className="text-xl font-semibold text-slate-900">
        {category.title}
      </h3>
      {category.descriptionHtml && <Prose html={category.descriptionHtml} className="mt-2" />}
      {entries.length === 0 ? (
        <p className="mt-2 text-slate-700">We currently use no subprocessors in this category.</p>
      ) : (
        <table className="entries">
          <thead>
            <tr>
              <th scope="col">Subprocessor</th>
              <th scope="col">Purpose</th>
              <th scope="col">{L.data}</th>
              <th scope="col">Locations and transfer safeguards</th>
            </tr>
          </thead>
          <tbody dangerouslySetInnerHTML={{ __html: entryRowsHtml(entries) }} />
        </table>
      )}
    </section>
  );
}
