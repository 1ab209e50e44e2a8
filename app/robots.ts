import type { MetadataRoute } from 'next';
import { loadContent } from '@/lib/content/load';
import { absoluteUrl, href } from '@/lib/publish/urls';

/** Crawl everything public except pages that are views of the list rather than documents. */
export default function robots(): MetadataRoute.Robots {
  const { site } = loadContent();
  return {
    rules: { userAgent: '*', allow: '/', disallow: [href('/subprocessors/search'), href('/subprocessors/embed')] },
    sitemap: absoluteUrl(site, '/sitemap.xml'),
  };
}
