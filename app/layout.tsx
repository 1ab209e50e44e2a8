import type { Metadata } from 'next';
import { loadContent } from '@/lib/content/load';
import { href } from '@/lib/publish/urls';
import './globals.css';

export function generateMetadata(): Metadata {
  const { site } = loadContent();
  return {
    metadataBase: new URL(site.url),
    title: { default: `Subprocessors · ${site.company.name}`, template: `%s · ${site.company.name}` },
    // app/icon.svg for most browsers; these (in public/) for those that ignore SVG icons.
    icons: { shortcut: href('/favicon.ico'), apple: href('/apple-touch-icon.png') },
  };
}

/** The document only: full pages add <SiteChrome>; the embed and the annex stand alone. */
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="bg-white text-slate-900 antialiased">{children}</body>
    </html>
  );
}
