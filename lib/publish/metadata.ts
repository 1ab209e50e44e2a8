import type { Metadata } from 'next';
import type { Content } from '../content/schema';
import { absoluteUrl, pageUrl } from './urls';

type Page = { title: string; description?: string; path: string; types?: Record<string, string> };

/**
 * A page's title, description and canonical URL, and the OpenGraph card that a link
 * to it shows in e-mail, chat and social apps. `title` is the page's own part; the
 * company name is added as in the <title>; on a scope's page, the scope's title too, and `path`
 * and `types` are that scope's addresses.
 */
export function pageMetadata(content: Pick<Content, 'site' | 'scope'>, page: Page): Metadata {
  const { site, scope } = content;
  const url = pageUrl(content, page.path);
  const title = scope ? `${page.title} (${scope.title})` : page.title;
  const { description } = page;
  const types = page.types && Object.fromEntries(Object.entries(page.types).map(([type, path]) => [type, pageUrl(content, path)]));
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
