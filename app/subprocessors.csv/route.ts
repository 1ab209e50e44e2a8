import { datedRoute } from '@/lib/dated-route';
import { listCsv } from '@/lib/publish/exports';

export const revalidate = 300;
export const dynamic = 'force-static';
export const GET = datedRoute('text/csv; charset=utf-8', listCsv, (date, { scope }) => `subprocessors-${scope ? `${scope.id}-` : ''}${date}.csv`);
