// /<scope>/… : the same page for one scope's list (app/(site)/subprocessors/search/page.tsx).
export { default, generateMetadata } from '@/app/(site)/subprocessors/search/page';
