import { loadContent } from './content';
import { isIsoDate, type IsoDate } from './dates';
import type { Content } from './schema';
import { resolveToday } from './today';

/**
 * Everything public is served from paths keyed by today's date (see proxy.ts). A build
 * renders today's; other days are rendered on their first request and then cached.
 */
export function todayParams() {
  return [{ today: resolveToday(loadContent().site) }];
}

type Context = { params: Promise<{ today: string }> };

/** A route handler serving `render(content, date)` for the date in the URL (see proxy.ts). */
export function datedRoute(contentType: string, render: (content: Content, date: IsoDate) => string, download?: (date: IsoDate) => string) {
  return async function GET(_request: Request, { params }: Context): Promise<Response> {
    const { today } = await params;
    if (!isIsoDate(today)) return new Response('Not found', { status: 404 });
    const headers: Record<string, string> = { 'Content-Type': contentType };
    if (download) headers['Content-Disposition'] = `attachment; filename="${download(today)}"`;
    return new Response(render(loadContent(), today), { headers });
  };
}
