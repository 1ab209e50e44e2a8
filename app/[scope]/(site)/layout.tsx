import { SiteChrome } from '@/components/site-chrome';
import { pageContent } from '@/lib/dated-route';

/** The full site's frame, its links within the scope in the address. */
export default async function ScopeLayout({ children, params }: { children: React.ReactNode; params: Promise<{ scope: string }> }) {
  await pageContent(params);
  return <SiteChrome>{children}</SiteChrome>;
}
