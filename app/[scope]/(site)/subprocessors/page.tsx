// /<scope>/… : the same page for one scope's list (app/(site)/subprocessors/page.tsx).
export { default, generateMetadata } from '@/app/(site)/subprocessors/page';

export const revalidate = 300;

// Rendered when first asked for, then cached like the full list's pages.
export function generateStaticParams() {
  return [];
}
