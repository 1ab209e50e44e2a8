import { datedRoute } from '@/lib/dated-route';
import { atomFeed } from '@/lib/publish/exports';

export const revalidate = 300;
export const dynamic = 'force-static';
export const GET = datedRoute('application/atom+xml; charset=utf-8', atomFeed);
