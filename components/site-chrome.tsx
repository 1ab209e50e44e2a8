import { CopyLinks } from './copy-links';
import { loadContent } from '@/lib/content/load';
import { subscriptionsOffered } from '@/lib/notify/server';
import { href } from '@/lib/publish/urls';
import { SkipLink } from './skip-link';

/** Skip link, header with the company's name, and the footer with the privacy contact: every full page has them. */
export function SiteChrome({ children }: { children: React.ReactNode }) {
  const { site } = loadContent();
  return (
    <>
      <SkipLink />
      <header className="border-b border-slate-200">
        <div className="mx-auto flex max-w-4xl flex-wrap items-center justify-between gap-x-6 px-4 py-1">
          <a href={href('/subprocessors')} className="inline-flex min-h-11 items-center font-semibold text-slate-900 no-underline">
            {site.company.name}
            {site.product && <span className="font-normal text-slate-700">&nbsp;· {site.product}</span>}
          </a>
          <nav aria-label="Site" className="print:hidden">
            <ul className="flex gap-x-4">
              <li><a href={href('/subprocessors')} className="inline-flex min-h-11 items-center">List</a></li>
              <li><a href={href('/subprocessors/changes')} className="inline-flex min-h-11 items-center">Changes</a></li>
              {subscriptionsOffered(site) && <li><a href={href('/subprocessors/subscribe')} className="inline-flex min-h-11 items-center">Subscribe</a></li>}
              <li><a href={href('/subprocessors/annex')} className="inline-flex min-h-11 items-center">Annex</a></li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        {children}
      </main>
      <CopyLinks />
      <footer className="border-t border-slate-200">
        <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-slate-700">
          Questions about this list: <a href={`mailto:${site.contact.privacy}`}>{site.contact.privacy}</a>
          {(site.company.legal_name || site.company.address) && <p className="mt-1">{[site.company.legal_name, site.company.address].filter(Boolean).join(', ')}</p>}
        </div>
      </footer>
    </>
  );
}
