// /<scope>/… : the same page for one scope's list (app/(bare)/subprocessors/embed/page.tsx).
export { default, generateMetadata } from '@/app/(bare)/subprocessors/embed/page';

export const revalidate = 300;

// Rendered when first asked for, then cached like the full list's pages.
export function generateStaticParams() {
  return [];
}
