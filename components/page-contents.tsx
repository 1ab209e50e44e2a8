import type { Category, Section } from '@/lib/content/schema';

type Props = { categories: { category: Category }[]; below: Section[]; planned: boolean };

/** On a long list page, links to its parts, folded under one line, so a reader can jump past what they know. */
export function PageContents({ categories, below, planned }: Props) {
  const titled = below.filter((section): section is Section & { title: string } => Boolean(section.title));
  if (categories.length + titled.length + (planned ? 1 : 0) < 6) return null;
  // Folded to one line, so that the list itself starts on the first screen.
  return (
    <details className="rounded border border-slate-200 px-3 open:basis-full print:hidden">
      <summary className="min-h-11 cursor-pointer content-center font-semibold">On this page</summary>
      <nav aria-label="On this page">
      <ul className="link-row pb-2">
        {categories.map(({ category }) => (
          <li key={category.id}>
            <a href={`#category-${category.id}`}>{category.title}</a>
          </li>
        ))}
        {planned && (
          <li>
            <a href="#planned">Planned</a>
          </li>
        )}
        {titled.map((section) => (
          <li key={section.file}>
            <a href={`#${sectionId(section.file)}`}>{section.title}</a>
          </li>
        ))}
      </ul>
      </nav>
    </details>
  );
}

/** A section's anchor, from its file name: `sections/30-rights.md` → `section-30-rights`. */
export function sectionId(file: string): string {
  return `section-${file.split('/').at(-1)!.replace(/\.md$/, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-')}`;
}
