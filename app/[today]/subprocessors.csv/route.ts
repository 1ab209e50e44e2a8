import { datedRoute, todayParams } from '@/lib/dated-route';
import { listCsv } from '@/lib/exports';

export const revalidate = 3600;
export const dynamic = 'force-static';
export const generateStaticParams = todayParams;
export const GET = datedRoute('text/csv; charset=utf-8', listCsv, (date) => `subprocessors-${date}.csv`);
