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
