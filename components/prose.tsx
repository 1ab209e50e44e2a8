import { renderMarkdown } from '@/lib/content/markdown';

type Props = { html: string; className?: string };

/** Markdown already rendered and sanitised by the content loader. */
export function Prose({ html, className = '' }: Props) {
  return (
    <div
      className={`prose prose-slate max-w-none prose-a:text-blue-800 prose-table:block prose-table:overflow-x-auto ${className}`}
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}

/**
 * An entry's notes, rendered (and sanitised) only where a page shows them; with a heading, as a
 * section. `slug` keeps their footnote ids apart from another entry's on the same page.
 */
export function Notes({ markdown, slug, heading, className }: { markdown?: string; slug: string; heading?: string; className?: string }) {
  const html = markdown && renderMarkdown(markdown, `user-content-${slug}-`).trim();
  // Notes that are only an HTML comment (as `npm run new` leaves them) render to nothing.
  if (!html) return null;
  if (!heading) return <Prose html={html} className={className} />;
  return (
    <section aria-labelledby="notes" className="mt-8">
      <h2 id="notes" className="mb-3 text-2xl font-semibold">
        {heading}
      </h2>
      <Prose html={html} className={className} />
    </section>
  );
}
