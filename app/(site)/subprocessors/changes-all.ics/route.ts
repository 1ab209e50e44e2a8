import { datedRoute } from '@/lib/dated-route';
import { changesCalendar } from '@/lib/publish/exports';

export const revalidate = 300;
export const dynamic = 'force-static';
export const GET = datedRoute('text/calendar; charset=utf-8', (content, date) => changesCalendar(content, date, { all: true }));
