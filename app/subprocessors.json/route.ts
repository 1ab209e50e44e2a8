import { datedRoute } from '@/lib/dated-route';
import { listJson } from '@/lib/exports';

export const revalidate = 300;
export const dynamic = 'force-static';
export const GET = datedRoute('application/json; charset=utf-8', (content, date) => `${JSON.stringify(listJson(content, date), null, 2)}\n`);
