import { handleErase } from '@/lib/notify/desk/actions';
import { deskAvailable, deskDeps } from '@/lib/notify/desk/edge';

// POST /desk/subscribers/erase is rewritten here (next.config.ts): the same address shows the confirmation step on GET.
export async function POST(request: Request): Promise<Response> {
  if (!deskAvailable()) return new Response('Not found', { status: 404 });
  return handleErase(request, await deskDeps(() => {}));
}
