import { datedRoute } from '@/lib/dated-route';
import { sitemap } from '@/lib/publish/exports';

export const revalidate = 300;
export const dynamic = 'force-static';
export const GET = datedRoute('application/xml; charset=utf-8', sitemap);
