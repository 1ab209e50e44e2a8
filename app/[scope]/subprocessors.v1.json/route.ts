// /<scope>/… : the same export for one scope's list (app/subprocessors.v1.json/route.ts).
export { GET } from '@/app/subprocessors.v1.json/route';

export const revalidate = 300;
export const dynamic = 'force-static';

// Rendered when first asked for, then cached like the full list's pages.
export function generateStaticParams() {
  return [];
}
