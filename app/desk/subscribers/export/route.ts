import { handleExport } from '@/lib/notify/desk/actions';
import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';

/** POST only: an export is an action, recorded in the activity log. */
export async function POST(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleExport(request, await deskDeps(() => {}));
}
