import type { Metadata } from 'next';
import type { Site } from './schema';
import { absoluteUrl } from './urls';

type Page = { title: string; description?: string; path: string; types?: Record<string, string> };

/**
 * A page's title, description and canonical URL, and the OpenGraph card that a link
 * to it shows in e-mail, chat and social apps. `title` is the page's own part; the
 * company name is added as in the <title>.
 */
export function pageMetadata(site: Pick<Site, 'url' | 'company'>, { title, description, path, types }: Page): Metadata {
  const url = absoluteUrl(site, path);
  return {
    title,
    description,
    alternates: { canonical: url, types },
    openGraph: {
      type: 'website',
      siteName: site.company.name,
      title: `${title} · ${site.company.name}`,
      description,
      url,
      // public/og.png (scripts/static-assets.sh): the card a pasted link shows.
      images: [{ url: absoluteUrl(site, '/og.png'), width: 1200, height: 630, alt: 'Subprocessors' }],
    },
    twitter: { card: 'summary_large_image' },
  };
}
