import { datedRoute, todayParams } from '@/lib/dated-route';
import { sitemap } from '@/lib/exports';

export const revalidate = 3600;
export const dynamic = 'force-static';
export const generateStaticParams = todayParams;
export const GET = datedRoute('application/xml; charset=utf-8', sitemap);
