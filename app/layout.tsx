import type { Metadata } from 'next';
import Link from 'next/link';
import { loadContent } from '@/lib/content';
import './globals.css';

export function generateMetadata(): Metadata {
  const { site } = loadContent();
  return { title: { default: `Subprocessors — ${site.company.name}`, template: `%s — ${site.company.name}` } };
}

export default function RootLayout({ children }: { children: React.ReactNode }) {
  const { site } = loadContent();
  return (
    <html lang="en">
      <body className="bg-white text-slate-900 antialiased">
        <a href="#main" className="print:hidden sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200">
          <div className="mx-auto max-w-4xl px-4 py-4">
            <Link href="/subprocessors" className="font-semibold text-slate-900 no-underline">
              {site.company.name}
              {site.product && <span className="font-normal text-slate-700"> · {site.product}</span>}
            </Link>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-4xl px-4 py-8">
          {children}
        </main>
        <footer className="border-t border-slate-200">
          <div className="mx-auto max-w-4xl px-4 py-6 text-sm text-slate-700">
            Questions about this list: <a href={`mailto:${site.contact.privacy}`}>{site.contact.privacy}</a>
            {(site.company.legal_name || site.company.address) && <p className="mt-1">{[site.company.legal_name, site.company.address].filter(Boolean).join(', ')}</p>}
          </div>
        </footer>
      </body>
    </html>
  );
}
