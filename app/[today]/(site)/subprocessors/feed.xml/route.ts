import { datedRoute, todayParams } from '@/lib/dated-route';
import { atomFeed } from '@/lib/exports';

export const revalidate = 3600;
export const dynamic = 'force-static';
export const generateStaticParams = todayParams;
export const GET = datedRoute('application/atom+xml; charset=utf-8', atomFeed);
