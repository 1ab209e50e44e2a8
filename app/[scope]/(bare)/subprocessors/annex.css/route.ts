// /<scope>/… : the same export for one scope's list (app/(bare)/subprocessors/annex.css/route.ts).
export { GET } from '@/app/(bare)/subprocessors/annex.css/route';

export const revalidate = 300;
export const dynamic = 'force-static';

// Rendered when first asked for, then cached like the full list's pages.
export function generateStaticParams() {
  return [];
}
