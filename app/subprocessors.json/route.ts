import { datedRoute } from '@/lib/dated-route';
import { jsonText, listJson } from '@/lib/publish/exports';

export const revalidate = 300;
export const dynamic = 'force-static';
export const GET = datedRoute('application/json; charset=utf-8', (content, date) => jsonText(listJson(content, date)));
