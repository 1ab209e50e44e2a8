import { datedRoute, todayParams } from '@/lib/dated-route';
import { listJson } from '@/lib/exports';

export const revalidate = 3600;
export const dynamic = 'force-static';
export const generateStaticParams = todayParams;
export const GET = datedRoute('application/json; charset=utf-8', (content, date) => `${JSON.stringify(listJson(content, date), null, 2)}\n`);
