import { sectionId } from './page-contents';
import { Prose } from './prose';
import type { Section } from '@/lib/schema';

type Props = { sections: Section[] };

/** The legal team's prose, in file-name order. */
export function Sections({ sections }: Props) {
  return sections.map((section) => (
    <section key={section.file} id={sectionId(section.file)} aria-label={section.title} className="mt-6 scroll-mt-4">
      {section.title && <h2 className="mb-3 text-2xl font-semibold text-slate-900">{section.title}</h2>}
      <Prose html={section.html} />
    </section>
  ));
}
