import { sectionId } from './page-contents';
import { Prose } from './prose';
import type { Section } from '@/lib/content/schema';

type Props = { sections: Section[]; folded?: boolean };

/**
 * The legal team's prose, in file-name order. `folded`: long prose above the list opens on
 * request (it prints in full), so the list itself starts on the first screen.
 */
export function Sections({ sections, folded = false }: Props) {
  const all = sections.map((section) => (
    <section key={section.file} id={sectionId(section.file)} aria-label={section.title} className="mt-10 scroll-mt-4">
      {section.title && <h2 className="mb-3 text-2xl font-semibold text-slate-900">{section.title}</h2>}
      <Prose html={section.html} />
    </section>
  ));
  if (!folded || sections.length === 0) return all;
  const titles = sections.map((section) => section.title).filter(Boolean);
  return (
    <details className="min-w-0 rounded border border-slate-200 px-3 open:basis-full">
      <summary className="min-h-11 cursor-pointer content-center font-semibold">About this list{titles.length > 0 && `: ${titles.join('\u00a0\u00b7 ')}`}</summary>
      {all}
    </details>
  );
}
