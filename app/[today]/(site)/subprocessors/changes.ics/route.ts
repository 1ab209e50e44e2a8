import { datedRoute, todayParams } from '@/lib/dated-route';
import { changesCalendar } from '@/lib/exports';

export const revalidate = 3600;
export const dynamic = 'force-static';
export const generateStaticParams = todayParams;
export const GET = datedRoute('text/calendar; charset=utf-8', changesCalendar);
