import { loadContent } from '@/lib/content/load';
import type { Session } from '@/lib/notify/desk/sessions';
import { href } from '@/lib/publish/urls';
import { SkipLink } from '../skip-link';

type Props = { session?: Session; current?: string; children: React.ReactNode };

/**
 * The desk's pages: its own header (the team's name for it, where they are, who is signed in,
 * Sign out) instead of the public site's.
 */
const NAV = [
  { path: '/desk', label: 'Needs attention' },
  { path: '/desk/objections', label: 'Objections' },
  { path: '/desk/lookup', label: 'Were they told?' },
  { path: '/desk/subscribers', label: 'Subscribers' },
  { path: '/desk/activity', label: 'Activity' },
];

export function DeskChrome({ session, current, children }: Props) {
  const { site } = loadContent();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200 bg-slate-50">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-1 px-4 py-1">
          <a href={href('/desk')} className="inline-flex min-h-11 items-center font-semibold text-slate-900 no-underline">
            {site.company.name}&nbsp;· Subprocessor desk
          </a>
          {session && (
            <form method="post" action={href('/desk/sign-out')} className="flex flex-wrap items-center gap-x-3 text-sm text-slate-700">
              <span>Signed in as {session.email}</span>
              <button type="submit" className="h-11 rounded border border-slate-400 bg-white px-3 font-medium text-slate-900">Sign out</button>
            </form>
          )}
        </div>
        {session && (
          <nav aria-label="Desk" className="mx-auto max-w-5xl px-4">
            <ul className="flex flex-wrap gap-x-5">
              {NAV.map((item) => (
                <li key={item.path}>
                  <a href={href(item.path)} aria-current={item.path === current ? 'page' : undefined} className="inline-flex min-h-11 items-center aria-[current=page]:font-semibold aria-[current=page]:text-slate-900">
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
