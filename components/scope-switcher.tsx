import type { Content } from '@/lib/content/schema';
import { BASE_PATH, scopePath } from '@/lib/publish/urls';

type Props = { content: Pick<Content, 'site' | 'scope'>; path: string };

/**
 * Links to the same page in the full list and in each scope's list, the current one marked:
 * a customer of one scope reads only what applies to them. Plain links, no script.
 */
export function ScopeSwitcher({ content: { site, scope }, path }: Props) {
  if (!site.scopes) return null;
  const current = scope?.id;
  const choices = [{ id: undefined, title: 'All' }, ...site.scopes];
  return (
    <nav aria-label="Scope" className="mt-3 print:hidden">
      <ul className="scope-switcher">
        {choices.map(({ id, title }) => (
          <li key={id ?? ''}>
            <a href={`${BASE_PATH}${scopePath(path, id)}`} aria-current={id === current ? 'page' : undefined}>
              {title}
            </a>
          </li>
        ))}
      </ul>
      {scope && (
        <p className="mt-2 text-slate-800">
          Only the subprocessors and locations that apply to <strong>{scope.title}</strong>
          {scope.description ? <>: {scope.description}</> : '.'}
        </p>
      )}
    </nav>
  );
}
